package org.mixupsuite.reports;

import java.util.List;
import java.util.Map;
import org.mixupsuite.core.findings.Findings;

/**
 * The report's findings tables: one row a claim with the paper's figure, this suite's effect and
 * interval, the Holm-adjusted p-value and the verdict in colour. Below the seeds a verdict needs there
 * is no verdict and no colour, only the direction the seeds point in.
 */
final class FindingsTable {

    static final String STYLE = """
            td.reproduced { background: #d8f0dc; color: #14532d; font-weight: bold; }
            td.contradicted { background: #f8d7d5; color: #7f1d1d; font-weight: bold; }
            td.inconclusive { background: #eeeeee; color: #444; font-weight: bold; }
            td.undecided { background: none; color: #444; font-weight: normal; font-style: italic; }
            table.findings td { vertical-align: top; }
            /* a phone's width: claim and verdict first, the paper's figure left out (it is in metrics.json) */
            @media (max-width: 700px) { table.findings .paper { display: none; } body { margin: 0.5em; } }
            """;

    private FindingsTable() {
    }

    /** @param rows each a study name and one of its run's findings */
    static void append(StringBuilder html, List<Map.Entry<String, Map<String, Object>>> rows, boolean withStudy) {
        // the verdict right after the claim: what a narrow screen must not scroll away
        html.append("<div class=\"wide\"><table class=\"findings\"><tr>");
        if (withStudy) {
            html.append("<th class=\"text\">study</th>");
        }
        html.append("<th class=\"text\">claim</th><th class=\"text\">verdict</th><th class=\"text\">this suite: mean "
                + "paired difference [95% interval]</th><th>p (Holm)</th><th class=\"text paper\">paper</th></tr>\n");
        for (Map.Entry<String, Map<String, Object>> row : rows) {
            Map<String, Object> f = row.getValue();
            boolean decided = Findings.decided(f);
            String verdict = Findings.label(f);
            html.append("<tr>");
            if (withStudy) {
                html.append("<td class=\"text\"><a href=\"#").append(Format.html(row.getKey())).append("\">")
                        .append(Format.html(row.getKey())).append("</a></td>");
            }
            html.append("<td class=\"text\">").append(Format.html(f.get("claim"))).append("<br><small>")
                    .append(Format.html(f.get("id"))).append("</small></td>");
            String detail = !decided ? Findings.direction(f)
                    : f.get("seeds_needed") instanceof Number n ? Findings.seedsNeededText(f, n.intValue()) : "";
            html.append("<td class=\"text ").append(decided ? Format.html(verdict) : "undecided").append("\">")
                    .append(Format.html(verdict)).append(detail.isEmpty() ? "" : "<br><small>" + Format.html(detail) + "</small>")
                    .append("</td>");
            html.append("<td class=\"text\">").append(Format.html(Findings.measured(f))).append("</td>");
            html.append("<td>").append(f.get("p_adjusted") instanceof Number p ? String.format(java.util.Locale.ROOT, "%.3f",
                    p.doubleValue()) : "").append("</td>");
            html.append("<td class=\"text paper\">").append(Format.html(f.get("paper"))).append("</td>");
            html.append("</tr>\n");
        }
        html.append("</table></div>\n");
    }
}
