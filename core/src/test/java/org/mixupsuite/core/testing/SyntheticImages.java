package org.mixupsuite.core.testing;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.mixupsuite.core.data.ImageSet;

/**
 * Tiny learnable image data for tests: each class has its own bright square on a noisy 8 x 8 (or
 * given size) canvas. Written as real IDX files, so tests go through the same readers a user's
 * data does.
 */
public final class SyntheticImages {

    private SyntheticImages() {
    }

    /** Pixel bytes (count x side x side) and labels for {@code count} examples of {@code classes} classes. */
    public record Raw(byte[] pixels, byte[] labels, int count, int side) {
    }

    public static Raw generate(int count, int classes, int side, long seed) {
        Random rng = new Random(seed);
        byte[] pixels = new byte[count * side * side];
        byte[] labels = new byte[count];
        int cells = side / 2;
        for (int i = 0; i < count; i++) {
            int label = rng.nextInt(classes);
            labels[i] = (byte) label;
            int r0 = (label / cells) % cells * 2;
            int c0 = (label % cells) * 2;
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    boolean on = r >= r0 && r < r0 + 2 && c >= c0 && c < c0 + 2;
                    int v = on ? 180 + rng.nextInt(70) : rng.nextInt(60);
                    pixels[i * side * side + r * side + c] = (byte) v;
                }
            }
        }
        return new Raw(pixels, labels, count, side);
    }

    /** The same images in memory, pixels scaled to [0, 1] as the IDX reader scales them (one channel). */
    public static ImageSet imageSet(int count, int classes, int side, long seed) {
        Raw raw = generate(count, classes, side, seed);
        float[] px = new float[raw.pixels().length];
        int[] labels = new int[count];
        for (int i = 0; i < px.length; i++) {
            px[i] = (raw.pixels()[i] & 0xFF) / 255f;
        }
        for (int i = 0; i < count; i++) {
            labels[i] = raw.labels()[i];
        }
        return new ImageSet(px, labels, classes, 1, side, side);
    }

    /** Writes train-/t10k- image and label IDX files (gzip-compressed) of 8 x 8 images into {@code dir}. */
    public static Path writeIdxDataSet(Path dir, int trainCount, int testCount, int classes, long seed)
            throws IOException {
        return writeIdxDataSet(dir, trainCount, testCount, classes, 8, seed);
    }

    /** The same with images of {@code side} x {@code side} pixels (e.g. 28 for models built for MNIST). */
    public static Path writeIdxDataSet(Path dir, int trainCount, int testCount, int classes, int side, long seed)
            throws IOException {
        Files.createDirectories(dir);
        Raw train = generate(trainCount, classes, side, seed);
        Raw test = generate(testCount, classes, side, seed + 1);
        writeImages(dir.resolve("train-images-idx3-ubyte.gz"), train, true);
        writeLabels(dir.resolve("train-labels-idx1-ubyte.gz"), train.labels(), true);
        writeImages(dir.resolve("t10k-images-idx3-ubyte.gz"), test, true);
        writeLabels(dir.resolve("t10k-labels-idx1-ubyte.gz"), test.labels(), true);
        return dir;
    }

    /**
     * A data set in CIFAR-10's binary layout (a label byte, then 32 x 32 red, green and blue planes per
     * record; data_batch_1.bin and test_batch.bin): ten classes, each a bright 8 x 8 square at its own
     * place in its own colour plane on a noisy canvas.
     */
    public static Path writeCifarDataSet(Path dir, int trainCount, int testCount, long seed) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("data_batch_1.bin"), cifarRecords(trainCount, new Random(seed)));
        Files.write(dir.resolve("test_batch.bin"), cifarRecords(testCount, new Random(seed + 1)));
        return dir;
    }

    private static byte[] cifarRecords(int count, Random rng) {
        int plane = 32 * 32;
        byte[] out = new byte[count * (1 + 3 * plane)];
        for (int i = 0; i < count; i++) {
            int at = i * (1 + 3 * plane);
            int label = rng.nextInt(10);
            out[at] = (byte) label;
            int r0 = (label / 4) * 8 + 2;
            int c0 = (label % 4) * 8 + 2;
            for (int ch = 0; ch < 3; ch++) {
                for (int p = 0; p < plane; p++) {
                    boolean on = ch == label % 3 && p / 32 >= r0 && p / 32 < r0 + 8 && p % 32 >= c0 && p % 32 < c0 + 8;
                    out[at + 1 + ch * plane + p] = (byte) (on ? 150 + rng.nextInt(100) : rng.nextInt(110));
                }
            }
        }
        return out;
    }

    public static void writeImages(Path file, Raw raw, boolean gzip) throws IOException {
        try (DataOutputStream out = new DataOutputStream(open(file, gzip))) {
            out.writeInt(0x00000803);
            out.writeInt(raw.count());
            out.writeInt(raw.side());
            out.writeInt(raw.side());
            out.write(raw.pixels());
        }
    }

    public static void writeLabels(Path file, byte[] labels, boolean gzip) throws IOException {
        try (DataOutputStream out = new DataOutputStream(open(file, gzip))) {
            out.writeInt(0x00000801);
            out.writeInt(labels.length);
            out.write(labels);
        }
    }

    private static OutputStream open(Path file, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        return gzip ? new GZIPOutputStream(out) : out;
    }
}
