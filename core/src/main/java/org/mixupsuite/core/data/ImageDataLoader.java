package org.mixupsuite.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.mixupsuite.core.BadInputException;

/**
 * Finds and reads an image data set in a folder: CIFAR-10 binary batches, or an IDX quartet of the
 * MNIST family (train/t10k or train/test images and labels, optionally gzip-compressed, with or
 * without a prefix such as {@code emnist-balanced-}).
 */
public final class ImageDataLoader {

    /** Where Debian's dataset-fashion-mnist package puts its files. */
    public static final Path FASHION_MNIST_DEBIAN = Path.of("/usr/share/datasets/fashion-mnist");

    private ImageDataLoader() {
    }

    /**
     * The data set at {@code dir}, or the embedded default (Fashion-MNIST from Debian) when {@code dir}
     * is null; a missing default tells the user to run setup.
     */
    public static ImageData loadOrDefault(Path dir) {
        if (dir == null && !Files.isDirectory(FASHION_MNIST_DEBIAN)) {
            throw new BadInputException(FASHION_MNIST_DEBIAN, "the default Fashion-MNIST data is not installed; "
                    + "run ./mixup setup (or pass --data DIR with an IDX or CIFAR-10 binary data set)");
        }
        return load(dir != null ? dir : FASHION_MNIST_DEBIAN);
    }

    public static ImageData load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir, "data directory not found");
        }
        if (Cifar10Reader.looksLikeCifar10(dir)) {
            return Cifar10Reader.read(dir);
        }
        Path trainImages = find(dir, "train-images").orElseThrow(() -> new BadInputException(dir,
                "no IDX (train-images-idx3-ubyte[.gz]) or CIFAR-10 binary (data_batch_1.bin) files found"));
        Path trainLabels = require(dir, "train-labels");
        Path testImages = find(dir, "t10k-images").or(() -> find(dir, "test-images"))
                .orElseThrow(() -> new BadInputException(dir, "no test images (t10k-images-idx3-ubyte[.gz]) found"));
        Path testLabels = find(dir, "t10k-labels").or(() -> find(dir, "test-labels"))
                .orElseThrow(() -> new BadInputException(dir, "no test labels (t10k-labels-idx1-ubyte[.gz]) found"));
        int numClasses = Math.max(maxLabel(trainLabels), maxLabel(testLabels)) + 1;
        ImageSet train = IdxReader.readImageSet(trainImages, trainLabels, numClasses);
        ImageSet test = IdxReader.readImageSet(testImages, testLabels, numClasses);
        if (train.height() != test.height() || train.width() != test.width()) {
            throw new BadInputException(testImages, "image size " + test.height() + "x" + test.width()
                    + " differs from the training images' " + train.height() + "x" + train.width());
        }
        String name = dir.getFileName() == null ? "idx" : dir.getFileName().toString();
        return new ImageData(name, dir, train, test);
    }

    private static int maxLabel(Path labelsFile) {
        IdxReader.IdxArray labels = IdxReader.read(labelsFile);
        int max = 0;
        for (byte b : labels.data()) {
            max = Math.max(max, b & 0xFF);
        }
        return max;
    }

    private static Path require(Path dir, String stem) {
        return find(dir, stem).orElseThrow(() -> new BadInputException(dir, "no " + stem + " IDX file found"));
    }

    private static Optional<Path> find(Path dir, String stem) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.contains(stem) && (n.contains("-idx") || n.contains(".idx"));
                    })
                    .sorted()
                    .findFirst();
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot list: " + e.getMessage(), e);
        }
    }
}
