package org.mixupsuite.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mixupsuite.core.BadInputException;

/**
 * Reads the CIFAR-10 binary version: records of 1 label byte followed by 3072 pixel bytes
 * (1024 red, 1024 green, 1024 blue, each row-major 32 x 32), in data_batch_1..5.bin and test_batch.bin.
 */
public final class Cifar10Reader {

    static final int SIDE = 32;
    static final int CHANNELS = 3;
    static final int RECORD = 1 + CHANNELS * SIDE * SIDE;
    static final int CLASSES = 10;

    private Cifar10Reader() {
    }

    public static boolean looksLikeCifar10(Path dir) {
        return Files.isRegularFile(dir.resolve("data_batch_1.bin")) || Files.isRegularFile(dir.resolve("test_batch.bin"));
    }

    public static ImageData read(Path dir) {
        List<Path> trainFiles = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            Path f = dir.resolve("data_batch_" + i + ".bin");
            if (Files.isRegularFile(f)) {
                trainFiles.add(f);
            }
        }
        if (trainFiles.isEmpty()) {
            throw new BadInputException(dir, "no CIFAR-10 training batches (data_batch_1.bin ...) found");
        }
        Path testFile = dir.resolve("test_batch.bin");
        return new ImageData("cifar10", dir, readBatches(trainFiles), readBatches(List.of(testFile)));
    }

    static ImageSet readBatches(List<Path> files) {
        List<byte[]> contents = new ArrayList<>();
        int total = 0;
        for (Path f : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new BadInputException(f, "cannot read: " + e.getMessage(), e);
            }
            if (bytes.length == 0 || bytes.length % RECORD != 0) {
                throw new BadInputException(f, "size " + bytes.length + " bytes is not a whole number of "
                        + RECORD + "-byte CIFAR-10 records (truncated or not CIFAR-10 binary)");
            }
            contents.add(bytes);
            total += bytes.length / RECORD;
        }
        int d = CHANNELS * SIDE * SIDE;
        float[] pixels = new float[total * d];
        int[] labels = new int[total];
        int row = 0;
        for (int fi = 0; fi < contents.size(); fi++) {
            byte[] bytes = contents.get(fi);
            for (int off = 0; off < bytes.length; off += RECORD, row++) {
                int label = bytes[off] & 0xFF;
                if (label >= CLASSES) {
                    throw new BadInputException(files.get(fi), "label " + label + " in record "
                            + (off / RECORD) + " is outside 0..9");
                }
                labels[row] = label;
                for (int j = 0; j < d; j++) {
                    pixels[row * d + j] = (bytes[off + 1 + j] & 0xFF) / 255f;
                }
            }
        }
        return new ImageSet(pixels, labels, CLASSES, CHANNELS, SIDE, SIDE);
    }
}
