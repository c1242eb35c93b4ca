package org.mixupsuite.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.mixupsuite.core.BadInputException;

/**
 * Reads the IDX format of the MNIST family (MNIST, Fashion-MNIST, EMNIST), plain or gzip-compressed.
 * Only unsigned-byte payloads occur in those sets, so other element types are rejected.
 */
public final class IdxReader {

    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {
    }

    /** The parsed header and raw bytes of one IDX file. */
    public record IdxArray(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }
    }

    public static IdxArray read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "file not found");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(open(file), 1 << 16))) {
            int magic;
            try {
                magic = in.readInt();
            } catch (EOFException e) {
                throw new BadInputException(file, "empty or truncated IDX header");
            }
            if ((magic >>> 16) != 0) {
                throw new BadInputException(file, String.format(
                        "not an IDX file (magic number 0x%08X, expected 0x0000TTDD)", magic));
            }
            int type = (magic >>> 8) & 0xFF;
            int rank = magic & 0xFF;
            if (type != UNSIGNED_BYTE) {
                throw new BadInputException(file, String.format(
                        "IDX element type 0x%02X is not supported (only unsigned byte, 0x08)", type));
            }
            if (rank < 1 || rank > 4) {
                throw new BadInputException(file, "IDX rank " + rank + " is not between 1 and 4");
            }
            int[] dims = new int[rank];
            long total = 1;
            for (int i = 0; i < rank; i++) {
                try {
                    dims[i] = in.readInt();
                } catch (EOFException e) {
                    throw new BadInputException(file, "truncated IDX header");
                }
                if (dims[i] < 0) {
                    throw new BadInputException(file, "negative IDX dimension " + dims[i]);
                }
                total *= dims[i];
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw new BadInputException(file, "IDX payload of " + total + " bytes is too large");
            }
            byte[] data = new byte[(int) total];
            int read = in.readNBytes(data, 0, data.length);
            if (read < data.length) {
                throw new BadInputException(file, "truncated: header promises " + total
                        + " bytes of data, file holds " + read);
            }
            if (in.read() != -1) {
                throw new BadInputException(file, "trailing bytes after the " + total + " bytes the header declares");
            }
            return new IdxArray(dims, data);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads an image file (rank 3: count x rows x cols) and its label file (rank 1) into an ImageSet. */
    public static ImageSet readImageSet(Path imagesFile, Path labelsFile, int numClasses) {
        IdxArray images = read(imagesFile);
        IdxArray labels = read(labelsFile);
        if (images.dims().length != 3) {
            throw new BadInputException(imagesFile, "expected a rank-3 image array, found rank " + images.dims().length);
        }
        if (labels.dims().length != 1) {
            throw new BadInputException(labelsFile, "expected a rank-1 label array, found rank " + labels.dims().length);
        }
        if (images.count() != labels.count()) {
            throw new BadInputException(labelsFile, "holds " + labels.count() + " labels but "
                    + imagesFile.getFileName() + " holds " + images.count() + " images");
        }
        int[] y = new int[labels.count()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.data()[i] & 0xFF;
            if (y[i] >= numClasses) {
                throw new BadInputException(labelsFile, "label " + y[i] + " at index " + i
                        + " is outside 0.." + (numClasses - 1));
            }
        }
        float[] pixels = new float[images.data().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (images.data()[i] & 0xFF) / 255f;
        }
        return new ImageSet(pixels, y, numClasses, 1, images.dims()[1], images.dims()[2]);
    }

    private static InputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        return gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
    }
}
