package org.mixupsuite.core.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.mixupsuite.core.run.AtomicFiles;

/**
 * A grid of small 2-D scatter plots with row and column titles (e.g. methods by training
 * iteration), each panel overlaying point sets in their own colors on the same axis range.
 */
public final class ScatterGrid {

    private static final int CELL = 260;
    private static final int ROW_TITLE = 150;
    private static final int COLUMN_TITLE = 34;
    private static final int TITLE = 44;

    private ScatterGrid() {
    }

    /** Points of one color in a panel, as rows of (x, y). */
    public record Points(String name, Color color, List<float[]> xy) {
    }

    /** One panel: its point sets, drawn in order (later sets on top). */
    public record Panel(List<Points> layers) {
    }

    /**
     * @param panels   rows x columns; a null panel is left blank
     * @param range    both axes run from -range to range
     */
    public static void savePng(String title, List<String> rowTitles, List<String> columnTitles, Panel[][] panels,
                               double range, Path file) throws IOException {
        int width = ROW_TITLE + columnTitles.size() * CELL;
        int height = TITLE + COLUMN_TITLE + rowTitles.size() * CELL;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, 12, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int c = 0; c < columnTitles.size(); c++) {
            g.drawString(columnTitles.get(c), ROW_TITLE + c * CELL + 10, TITLE + 22);
        }
        Font rowFont = g.getFont();
        for (int r = 0; r < rowTitles.size(); r++) {
            // drawing a chart changes the Graphics2D's font, so set it again for every row title
            g.setFont(rowFont);
            g.setColor(Color.BLACK);
            g.drawString(rowTitles.get(r), 8, TITLE + COLUMN_TITLE + r * CELL + CELL / 2);
            for (int c = 0; c < columnTitles.size(); c++) {
                Panel panel = panels[r][c];
                if (panel != null) {
                    panel(panel, range).draw(g, new Rectangle2D.Double(ROW_TITLE + c * CELL,
                            TITLE + COLUMN_TITLE + r * CELL, CELL, CELL));
                }
            }
        }
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    private static JFreeChart panel(Panel panel, double range) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int s = 0; s < panel.layers().size(); s++) {
            Points points = panel.layers().get(s);
            XYSeries series = new XYSeries(points.name() + s, false, true);
            for (float[] p : points.xy()) {
                series.add(p[0], p[1]);
            }
            data.addSeries(series);
            renderer.setSeriesPaint(s, points.color());
            renderer.setSeriesShape(s, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        }
        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        for (NumberAxis a : List.of(x, y)) {
            a.setRange(-range, range);
            a.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineStroke(new BasicStroke(0.5f));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
