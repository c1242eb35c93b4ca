package org.mixupsuite.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.testing.SyntheticImages;

class IdxReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsGzipAndPlainFilesAlike() throws IOException {
        SyntheticImages.Raw raw = SyntheticImages.generate(20, 4, 8, 1);
        SyntheticImages.writeImages(dir.resolve("a.gz"), raw, true);
        SyntheticImages.writeImages(dir.resolve("a"), raw, false);
        IdxReader.IdxArray gz = IdxReader.read(dir.resolve("a.gz"));
        IdxReader.IdxArray plain = IdxReader.read(dir.resolve("a"));
        assertArrayEquals(new int[] {20, 8, 8}, gz.dims());
        assertArrayEquals(raw.pixels(), gz.data());
        assertArrayEquals(gz.data(), plain.data());
    }

    @Test
    void imageSetScalesPixelsToUnitRangeAndKeepsLabels() throws IOException {
        SyntheticImages.Raw raw = SyntheticImages.generate(10, 4, 8, 2);
        SyntheticImages.writeImages(dir.resolve("img"), raw, false);
        SyntheticImages.writeLabels(dir.resolve("lab"), raw.labels(), false);
        ImageSet set = IdxReader.readImageSet(dir.resolve("img"), dir.resolve("lab"), 4);
        assertEquals(10, set.count());
        assertEquals(64, set.featureSize());
        assertEquals((raw.pixels()[5] & 0xFF) / 255f, set.pixels()[5], 1e-7);
        for (int i = 0; i < 10; i++) {
            assertEquals(raw.labels()[i], set.labels()[i]);
        }
    }

    @Test
    void rejectsWrongMagicNumberNamingTheFile() throws IOException {
        Path f = dir.resolve("bad-magic");
        Files.write(f, new byte[] {0x12, 0x34, 0x08, 0x01, 0, 0, 0, 1, 7});
        BadInputException e = assertThrows(BadInputException.class, () -> IdxReader.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }

    @Test
    void rejectsTruncatedPayload() throws IOException {
        SyntheticImages.Raw raw = SyntheticImages.generate(5, 4, 8, 3);
        Path full = dir.resolve("full");
        SyntheticImages.writeImages(full, raw, false);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = dir.resolve("cut");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 10));
        BadInputException e = assertThrows(BadInputException.class, () -> IdxReader.read(cut));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("cut"), e.getMessage());
    }

    @Test
    void rejectsEmptyFileAndTrailingBytes() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty"));
        assertThrows(BadInputException.class, () -> IdxReader.read(empty));
        Path labels = dir.resolve("labels");
        SyntheticImages.writeLabels(labels, new byte[] {1, 2}, false);
        Files.write(labels, new byte[] {9}, java.nio.file.StandardOpenOption.APPEND);
        BadInputException e = assertThrows(BadInputException.class, () -> IdxReader.read(labels));
        assertTrue(e.getMessage().contains("trailing"), e.getMessage());
    }

    @Test
    void rejectsLabelCountThatDoesNotMatchImageCount() throws IOException {
        SyntheticImages.Raw raw = SyntheticImages.generate(6, 4, 8, 4);
        SyntheticImages.writeImages(dir.resolve("img"), raw, false);
        SyntheticImages.writeLabels(dir.resolve("lab"), Arrays.copyOf(raw.labels(), 5), false);
        BadInputException e = assertThrows(BadInputException.class,
                () -> IdxReader.readImageSet(dir.resolve("img"), dir.resolve("lab"), 4));
        assertTrue(e.getMessage().contains("5 labels") && e.getMessage().contains("6 images"), e.getMessage());
    }

    @Test
    void loaderFindsMnistLayoutAndRejectsMissingDirectory() throws IOException {
        SyntheticImages.writeIdxDataSet(dir.resolve("set"), 30, 10, 4, 5);
        ImageData data = ImageDataLoader.load(dir.resolve("set"));
        assertEquals(30, data.train().count());
        assertEquals(10, data.test().count());
        assertEquals(4, data.train().numClasses());
        BadInputException missing = assertThrows(BadInputException.class, () -> ImageDataLoader.load(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("nope") && missing.getMessage().contains("not found"));
        Files.createDirectories(dir.resolve("emptydir"));
        BadInputException none = assertThrows(BadInputException.class, () -> ImageDataLoader.load(dir.resolve("emptydir")));
        assertTrue(none.getMessage().contains("no IDX"), none.getMessage());
    }
}
