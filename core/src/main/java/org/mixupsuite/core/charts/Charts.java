package org.mixupsuite.core.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.mixupsuite.core.run.AtomicFiles;
import org.mixupsuite.core.stats.Interval;

/**
 * The suite's chart kinds, rendered headless to PNG with one font and one look: line charts of
 * curves with seed-interval bands, and bar charts with 95% interval error bars. Paper values are
 * drawn as labelled dashed reference lines.
 */
public final class Charts {

    public static final int WIDTH = 960;
    public static final int HEIGHT = 560;
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    public static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private Charts() {
    }

    /** One curve: y over x with an optional band [low, high] (e.g. the 95% interval over seeds). */
    public record Series(String name, Color color, double[] x, double[] y, double[] low, double[] high, boolean dashed) {
        public static Series of(String name, Color color, double[] x, double[] y) {
            return new Series(name, color, x, y, y, y, false);
        }

        /** A curve of means with its 95% band, e.g. a history column across seeds (as long as the shorter input). */
        public static Series of(String name, Color color, double[] x, List<Interval> curve, boolean dashed) {
            int n = Math.min(x.length, curve.size());
            double[] y = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = curve.get(i).mean();
                lo[i] = curve.get(i).low();
                hi[i] = curve.get(i).high();
            }
            return new Series(name, color, java.util.Arrays.copyOf(x, n), y, lo, hi, dashed);
        }

        /**
         * The band cut to what the figure can take (an error between 0 and 100%, a count from 0): a
         * t-interval over 3 seeds is wide and symmetric, and drew error bands below 0%.
         */
        public Series within(double min, double max) {
            double[] lo = low.clone();
            double[] hi = high.clone();
            for (int i = 0; i < lo.length; i++) {
                lo[i] = Math.max(min, Math.min(max, lo[i]));
                hi[i] = Math.max(min, Math.min(max, hi[i]));
            }
            return new Series(name, color, x, y, lo, hi, dashed);
        }
    }

    /** A horizontal reference line, e.g. the paper's figure; its label sits at the left or the right end. */
    public record Reference(String label, double value, Color color, boolean labelRight) {
        public Reference(String label, double value, Color color) {
            this(label, value, color, false);
        }
    }

    /** One bar: its group on the axis, its series (legend entry), the mean and the 95% half-width. */
    public record Bar(String category, String series, Color color, double mean, double ci95) {
    }

    public static JFreeChart line(String title, String xLabel, String yLabel, List<Series> series,
                                  List<Reference> references) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int s = 0; s < series.size(); s++) {
            Series in = series.get(s);
            YIntervalSeries xy = new YIntervalSeries(in.name());
            for (int i = 0; i < in.x().length; i++) {
                if (Double.isFinite(in.y()[i])) {
                    double lo = Double.isFinite(in.low()[i]) ? in.low()[i] : in.y()[i];
                    double hi = Double.isFinite(in.high()[i]) ? in.high()[i] : in.y()[i];
                    xy.add(in.x()[i], in.y()[i], lo, hi);
                }
            }
            data.addSeries(xy);
            renderer.setSeriesPaint(s, in.color());
            renderer.setSeriesFillPaint(s, in.color());
            renderer.setSeriesStroke(s, in.dashed()
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2f));
        }
        renderer.setAlpha(0.18f);
        NumberAxis xAxis = new NumberAxis(xLabel);
        xAxis.setAutoRangeIncludesZero(false);
        xAxis.setUpperMargin(0.04); // room for the last tick's label
        NumberAxis yAxis = new NumberAxis(yLabel);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        for (Reference r : references) {
            plot.addRangeMarker(marker(r));
        }
        return style(new JFreeChart(title, TITLE, plot, true));
    }

    public static JFreeChart bars(String title, String categoryLabel, String valueLabel, List<Bar> bars,
                                  List<Reference> references) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        Map<List<String>, Color> colors = new HashMap<>();
        // each bar keeps its own color (ERM vermillion, mixup blue) even within one series
        StatisticalBarRenderer renderer = new StatisticalBarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                Color c = colors.get(List.of(String.valueOf(data.getRowKey(row)), String.valueOf(data.getColumnKey(column))));
                return c != null ? c : super.getItemPaint(row, column);
            }
        };
        List<String> seriesOrder = bars.stream().map(Bar::series).distinct().toList();
        for (Bar b : bars) {
            data.add(b.mean(), Double.isFinite(b.ci95()) ? b.ci95() : 0, b.series(), b.category());
            colors.put(List.of(b.series(), b.category()), b.color());
            renderer.setSeriesPaint(seriesOrder.indexOf(b.series()), b.color());
        }
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        renderer.setDrawBarOutline(false);
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        CategoryAxis xAxis = new CategoryAxis(categoryLabel);
        if (data.getColumnCount() > 6) {
            xAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        CategoryPlot plot = new CategoryPlot(data, xAxis, new NumberAxis(valueLabel), renderer);
        for (Reference r : references) {
            plot.addRangeMarker(marker(r));
        }
        return style(new JFreeChart(title, TITLE, plot, true));
    }

    /**
     * Lines across categories (e.g. runs in time order), one per series, each point with its 95%
     * interval: the same records as a bar chart, drawn as points joined by lines.
     */
    public static JFreeChart lines(String title, String categoryLabel, String valueLabel, List<Bar> points,
                                   List<Reference> references) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        StatisticalLineAndShapeRenderer renderer = new StatisticalLineAndShapeRenderer(true, true);
        List<String> seriesOrder = points.stream().map(Bar::series).distinct().toList();
        for (Bar p : points) {
            data.add(p.mean(), Double.isFinite(p.ci95()) ? p.ci95() : 0, p.series(), p.category());
            int s = seriesOrder.indexOf(p.series());
            renderer.setSeriesPaint(s, p.color());
            renderer.setSeriesStroke(s, new BasicStroke(2f));
        }
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        CategoryAxis xAxis = new CategoryAxis(categoryLabel);
        xAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        NumberAxis yAxis = new NumberAxis(valueLabel);
        yAxis.setAutoRangeIncludesZero(false);
        CategoryPlot plot = new CategoryPlot(data, xAxis, yAxis, renderer);
        for (Reference r : references) {
            plot.addRangeMarker(marker(r));
        }
        return style(new JFreeChart(title, TITLE, plot, true));
    }

    public static void savePng(JFreeChart chart, Path file) throws IOException {
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }

    /** A vertical reference line on an x-y chart, e.g. the paper's epsilon on an error-against-epsilon curve. */
    public static void markX(JFreeChart chart, Reference r) {
        ValueMarker m = marker(r);
        // the label inside the plot, right of the line, below the top edge
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(8, 4, 0, 0));
        ((XYPlot) chart.getPlot()).addDomainMarker(m);
    }

    private static ValueMarker marker(Reference r) {
        ValueMarker m = new ValueMarker(r.value(), r.color(),
                new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {4f, 4f}, 0f));
        m.setLabel(r.label());
        m.setLabelFont(TICK);
        m.setLabelPaint(r.color());
        m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
        m.setLabelAnchor(r.labelRight() ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(r.labelRight() ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
        return m;
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            xy.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            styleAxis(xy.getDomainAxis());
            styleAxis(xy.getRangeAxis());
        } else if (chart.getPlot() instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
            styleAxis(cat.getDomainAxis());
            styleAxis(cat.getRangeAxis());
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABEL);
            legend.setPosition(RectangleEdge.BOTTOM);
        }
        return chart;
    }

    private static void styleAxis(org.jfree.chart.axis.Axis axis) {
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
    }
}
