package org.mixupsuite.core.charts;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.mixupsuite.core.run.AtomicFiles;

/**
 * A labelled matrix drawn as colored cells, e.g. a confusion matrix (rows: true class, columns:
 * predicted class). Row 0 is drawn at the top, as matrices are read.
 */
public final class Heatmap {

    /** Cells are annotated with their value only when the matrix is small enough to read them. */
    private static final int MAX_ANNOTATED = 16;

    private Heatmap() {
    }

    /**
     * @param values    values[row][column]
     * @param upper     the value drawn darkest (e.g. 100 for percentages)
     * @param valueName what the color means, for its legend
     */
    public static JFreeChart chart(String title, String columnLabel, String rowLabel, String[] columns, String[] rows,
                                   double[][] values, double upper, String valueName) {
        int nr = rows.length;
        int nc = columns.length;
        double[][] xyz = new double[3][nr * nc];
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                int k = r * nc + c;
                xyz[0][k] = c;
                xyz[1][k] = nr - 1 - r;
                xyz[2][k] = values[r][c];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(valueName, xyz);
        ColorRamp scale = ColorRamp.blues(0, upper);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        SymbolAxis x = new SymbolAxis(columnLabel, columns);
        x.setVerticalTickLabels(true);
        x.setGridBandsVisible(false);
        String[] reversed = new String[nr];
        for (int r = 0; r < nr; r++) {
            reversed[r] = rows[nr - 1 - r];
        }
        SymbolAxis y = new SymbolAxis(rowLabel, reversed);
        y.setGridBandsVisible(false);
        for (SymbolAxis axis : new SymbolAxis[] {x, y}) {
            axis.setLabelFont(Charts.LABEL);
            axis.setTickLabelFont(Charts.TICK);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        if (nr <= MAX_ANNOTATED && nc <= MAX_ANNOTATED) {
            for (int r = 0; r < nr; r++) {
                for (int c = 0; c < nc; c++) {
                    XYTextAnnotation a = new XYTextAnnotation(String.format(Locale.ROOT, "%.0f", values[r][c]), c, nr - 1 - r);
                    a.setFont(Charts.TICK);
                    a.setPaint(values[r][c] > upper * 0.55 ? Color.WHITE : Color.BLACK);
                    plot.addAnnotation(a);
                }
            }
        }
        JFreeChart chart = new JFreeChart(title, Charts.TITLE, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        NumberAxis legendAxis = new NumberAxis(valueName);
        legendAxis.setRange(0, upper);
        legendAxis.setLabelFont(Charts.LABEL);
        legendAxis.setTickLabelFont(Charts.TICK);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(16);
        legend.setMargin(40, 8, 40, 8);
        chart.addSubtitle(legend);
        return chart;
    }

    /** Square-ish PNG sized for the matrix, so labels of 30 classes stay readable. */
    public static void savePng(JFreeChart chart, int rows, Path file) throws IOException {
        int side = Math.max(560, 220 + 26 * rows);
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, side + 110, side));
    }
}
