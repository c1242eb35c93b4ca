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
 * (row 0 drawn at the top), by default scaled to its own min..max on a viridis-like ramp; pixel
 * images in grey on their 0..1 scale, and signed values (a perturbation) from blue through white
 * to red, symmetric around zero.
 */
public final class ImageGrid {

    private static final int GAP = 12;
    private static final int LABEL_HEIGHT = 22;
    private static final int TITLE_HEIGHT = 40;

    private ImageGrid() {
    }

    /** How a tile's values become colours. */
    public enum Shading { OWN_RANGE, GREY_UNIT, SIGNED }

    /** One picture: a caption, values[row][column] and how to shade them. */
    public record Tile(String label, float[][] values, Shading shading) {
        public Tile(String label, float[][] values) {
            this(label, values, Shading.OWN_RANGE);
        }
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
            draw(g, tiles.get(i), x0, y0 + LABEL_HEIGHT, scale);
        }
        g.dispose();
        AtomicFiles.write(file, out -> ImageIO.write(img, "png", out));
    }

    private static void draw(Graphics2D g, Tile tile, int x0, int y0, int scale) {
        float[][] v = tile.values();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (float[] row : v) {
            for (float x : row) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        double reach = Math.max(1e-12, Math.max(Math.abs(lo), Math.abs(hi)));
        ColorRamp ramp = ColorRamp.viridis(lo, hi);
        for (int r = 0; r < v.length; r++) {
            for (int c = 0; c < v[r].length; c++) {
                g.setColor(switch (tile.shading()) {
                    case OWN_RANGE -> (Color) ramp.getPaint(v[r][c]);
                    case GREY_UNIT -> grey(1 - Math.min(1, Math.max(0, v[r][c]))); // ink on paper: 1 is dark
                    case SIGNED -> signed(v[r][c] / reach);
                });
                g.fillRect(x0 + c * scale, y0 + r * scale, scale, scale);
            }
        }
    }

    private static Color grey(double level) {
        int l = (int) Math.round(255 * level);
        return new Color(l, l, l);
    }

    /** -1 blue, 0 white, +1 red. */
    private static Color signed(double t) {
        int fade = (int) Math.round(255 * (1 - Math.min(1, Math.abs(t))));
        return t >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }

    private static void centered(Graphics2D g, String text, int cx, int baseline) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, cx - m.stringWidth(text) / 2, baseline);
    }
}
