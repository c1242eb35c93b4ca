package org.mixupsuite.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.BadInputException;

class Cifar10ReaderTest {

    @TempDir
    Path dir;

    private static byte[] records(int n) {
        byte[] b = new byte[n * Cifar10Reader.RECORD];
        for (int i = 0; i < n; i++) {
            b[i * Cifar10Reader.RECORD] = (byte) (i % 10);
            // red plane of record i is all 255, the rest 0: checks the plane order
            for (int j = 0; j < 1024; j++) {
                b[i * Cifar10Reader.RECORD + 1 + j] = (byte) 255;
            }
        }
        return b;
    }

    @Test
    void readsBatchesAsChannelsFirstImages() throws IOException {
        Files.write(dir.resolve("data_batch_1.bin"), records(3));
        Files.write(dir.resolve("data_batch_2.bin"), records(2));
        Files.write(dir.resolve("test_batch.bin"), records(4));
        ImageData data = ImageDataLoader.load(dir);
        assertEquals(5, data.train().count());
        assertEquals(4, data.test().count());
        assertEquals(3, data.train().channels());
        assertEquals(32 * 32 * 3, data.train().featureSize());
        assertEquals(1f, data.train().pixels()[0]);
        assertEquals(0f, data.train().pixels()[1024]);
        assertEquals(2, data.train().labels()[2]);
    }

    @Test
    void rejectsTruncatedBatchNamingTheFile() throws IOException {
        byte[] b = records(2);
        Files.write(dir.resolve("data_batch_1.bin"), java.util.Arrays.copyOf(b, b.length - 100));
        Files.write(dir.resolve("test_batch.bin"), records(1));
        BadInputException e = assertThrows(BadInputException.class, () -> ImageDataLoader.load(dir));
        assertTrue(e.getMessage().contains("data_batch_1.bin"), e.getMessage());
        assertTrue(e.getMessage().contains("3073"), e.getMessage());
    }

    @Test
    void rejectsMissingTestBatch() throws IOException {
        Files.write(dir.resolve("data_batch_1.bin"), records(2));
        BadInputException e = assertThrows(BadInputException.class, () -> ImageDataLoader.load(dir));
        assertTrue(e.getMessage().contains("test_batch.bin"), e.getMessage());
    }
}
