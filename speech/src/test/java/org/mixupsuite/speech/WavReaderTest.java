package org.mixupsuite.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.BadInputException;

class WavReaderTest {

    @TempDir
    Path tmp;

    private final float[] sine = TestWavs.sine(440, 0.5, 16_000);

    private String problem(String name, byte[] bytes) throws Exception {
        Path f = TestWavs.write(tmp.resolve(name), bytes);
        BadInputException e = assertThrows(BadInputException.class, () -> WavReader.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), "names the file: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void reads16BitMonoAsSamplesInPlusMinusOne() throws Exception {
        float[] x = WavReader.read(TestWavs.write(tmp.resolve("ok.wav"), TestWavs.wav(sine, 16_000, 1, 16)));
        assertEquals(16_000, x.length);
        for (int i = 0; i < x.length; i += 97) {
            assertEquals(sine[i], x[i], 1e-4);
        }
    }

    @Test
    void stereoIsAveragedToMono() throws Exception {
        float[] x = WavReader.read(TestWavs.write(tmp.resolve("stereo.wav"), TestWavs.wav(sine, 16_000, 2, 16)));
        float[] mono = WavReader.read(TestWavs.write(tmp.resolve("mono.wav"), TestWavs.wav(sine, 16_000, 1, 16)));
        assertArrayEquals(mono, x, 1e-6f);
    }

    @Test
    void otherRatesAreResampledTo16kHzKeepingThePitch() throws Exception {
        // TestWavs.sine assumes 16 kHz: its 880 Hz sine is a 440 Hz sine when stored at 8 kHz
        float[] at8k = TestWavs.sine(880, 0.5, 8000);
        float[] x = WavReader.read(TestWavs.write(tmp.resolve("8k.wav"), TestWavs.wav(at8k, 8000, 1, 16)));
        assertEquals(16_000, x.length, 2);
        float[] spec = new Spectrogram().compute(x);
        int peak = 0;
        for (int k = 0; k < Spectrogram.BINS; k++) {
            if (spec[k * 101 + 50] > spec[peak * 101 + 50]) {
                peak = k;
            }
        }
        assertEquals(9, peak, "440 Hz lies in bin 9 (50 Hz per bin)");
    }

    @Test
    void brokenFilesAreTypedErrorsNamingFileAndProblem() throws Exception {
        byte[] good = TestWavs.wav(sine, 16_000, 1, 16);
        assertTrue(problem("empty.wav", new byte[0]).contains("empty"));
        assertTrue(problem("truncated.wav", Arrays.copyOf(good, 1000)).contains("truncated"));
        byte[] header = good.clone();
        header[0] = 'X';
        assertTrue(problem("header.wav", header).contains("not a RIFF/WAVE"));
        assertTrue(problem("text.wav", "hello, not audio".getBytes()).contains("not a RIFF/WAVE"));
        assertTrue(problem("8bit.wav", TestWavs.wav(sine, 16_000, 1, 8)).contains("8-bit"));
        byte[] noData = Arrays.copyOf(good, 36);
        assertTrue(problem("nodata.wav", noData).contains("no data chunk"));
    }

    @Test
    void aDataSetSkipsAndCountsBrokenClipsButRejectsMostlyBrokenOnes() throws Exception {
        Path root = TestWavs.speechCommands(tmp.resolve("sc"), new String[] {"yes", "no"}, 4, 3, 1);
        TestWavs.write(root.resolve("yes/bad_nohash_0.wav"), new byte[0]);
        SpeechCommands layout = SpeechCommands.open(root);
        ClipSet train = ClipSet.read(layout.train());
        assertEquals(12, train.count());
        assertEquals(1, train.skipped().size());
        assertTrue(train.skipped().get(0).contains("bad_nohash_0.wav: empty file"));

        List<SpeechCommands.Clip> mostlyBad = layout.train().stream()
                .map(c -> c.relative().startsWith("no/") ? c : new SpeechCommands.Clip(root.resolve("yes/bad_nohash_0.wav"),
                        c.relative(), c.label(), c.speaker()))
                .toList();
        BadInputException e = assertThrows(BadInputException.class, () -> ClipSet.read(mostlyBad));
        assertTrue(e.getMessage().contains("unreadable"), e.getMessage());
    }
}
