package org.mixupsuite.core.charts;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.mixupsuite.core.run.AtomicFiles;

/**
 * Small labelled images in a grid, e.g. one spectrogram per word: each tile is a matrix of values
 * (row 0 drawn at the top) scaled to its own min..max on a viridis-like ramp.
 */
public final class ImageGrid {

    private static final int GAP = 12;
    private static final int LABEL_HEIGHT = 22;
    private static final int TITLE_HEIGHT = 40;

    private ImageGrid() {
    }

    /** One picture: a caption and values[row][column]. */
    public record Tile(String label, float[][] values) {
    }

    /**
     * @param scale how many screen pixels one value cell takes (e.g. 2 for a 160 x 101 spectrogram)
     * @param note  a line under the title saying what the axes are, or null
     */
    public static void savePng(String title, String note, List<Tile> tiles, int columns, int scale, Path file)
            throws IOException {
        int th = tiles.get(0).values().length * scale;
        int tw = tiles.get(0).values()[0].length * scale;
        int rows = (tiles.size() + columns - 1) / columns;
        int top = TITLE_HEIGHT + (note == null ? 0 : LABEL_HEIGHT);
        int width = GAP + columns * (tw + GAP);
        int height = top + rows * (th + LABEL_HEIGHT + GAP) + GAP;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(Charts.TITLE);
        centered(g, title, width / 2, 28);
        if (note != null) {
            g.setFont(Charts.TICK);
            centered(g, note, width / 2, TITLE_HEIGHT + 12);
        }
        g.setFont(Charts.LABEL);
        for (int i = 0; i < tiles.size(); i++) {
            int x0 = GAP + (i % columns) * (tw + GAP);
            int y0 = top + (i / columns) * (th + LABEL_HEIGHT + GAP);
            g.setColor(Color.BLACK);
            centered(g, tiles.get(i).label(), x0 + tw / 2, y0 + 16);
            draw(g, tiles.get(i).values(), x0, y0 + LABEL_HEIGHT, scale);
        }
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(img, "png", out));
    }

    private static void draw(Graphics2D g, float[][] v, int x0, int y0, int scale) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[] row : v) {
            for (float x : row) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        ColorRamp ramp = ColorRamp.viridis(lo, hi);
        for (int r = 0; r < v.length; r++) {
            for (int c = 0; c < v[r].length; c++) {
                g.setColor(ramp.getPaint(v[r][c]));
                g.fillRect(x0 + c * scale, y0 + r * scale, scale, scale);
            }
        }
    }

    private static void centered(Graphics2D g, String text, int cx, int baseline) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, cx - m.stringWidth(text) / 2, baseline);
    }
}
