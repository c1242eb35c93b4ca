package org.mixupsuite.core.run;

import java.util.Map;

/**
 * One row of metrics.json beyond a condition's own: for a model trained once and evaluated at many
 * points (an attack at each epsilon), the row's extra settings and its figures.
 */
public record MetricRow(Map<String, Object> settings, Map<String, Object> figures) {
}
