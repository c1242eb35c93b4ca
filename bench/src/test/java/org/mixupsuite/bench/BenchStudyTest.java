package org.mixupsuite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.cli.Named;
import org.mixupsuite.core.cli.OptionValues;
import org.mixupsuite.core.cli.Main;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.testing.SyntheticImages;

/** The benchmark's wiring at smoke scale: child processes run, figures come back, the table is written. */
@Tag("slow") // starts a child JVM per benchmark figure
class BenchStudyTest {

    @TempDir
    Path tmp;

    @Test
    @SuppressWarnings("unchecked")
    void smokeBenchMeasuresEveryWorkloadInItsOwnProcess() throws Exception {
        Path data = SyntheticImages.writeIdxDataSet(tmp.resolve("data"), 300, 50, 4, 28, 2);
        Path speech = speechCommands(tmp.resolve("speech"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.discover().run(new String[] {"bench", "--scale", "smoke", "--data", data.toString(),
                "--speech-data", speech.toString(), "--out", tmp.resolve("runs").toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString());
        Path dir;
        try (Stream<Path> s = Files.list(tmp.resolve("runs").resolve("bench"))) {
            dir = s.findFirst().orElseThrow();
        }
        List<Map<String, Object>> rows = (List<Map<String, Object>>) Json.readObject(dir.resolve("metrics.json")).get("conditions");
        assertEquals(Named.labels(Workload.Task.class), rows.stream().map(r -> r.get("workload")).toList());
        for (Map<String, Object> row : rows) {
            String figure = OptionValues.parse(Workload.Task.class, "workload", (String) row.get("workload")).figure();
            assertTrue(((Number) row.get(figure)).doubleValue() > 0, row.toString());
        }
        // the ratio's size is the benchmark's business (timings are noisy); that it was measured is the test's
        assertTrue(rows.get(2).get("mixup_erm_step_ratio") instanceof Number, rows.get(2).toString());
        Map<String, Object> pipeline = rows.get(7);
        double wait = ((Number) pipeline.get("data_wait_share")).doubleValue();
        assertTrue(wait > 0 && wait < 1, "the loop waits for features some of the time, got " + wait);
        String md = Files.readString(dir.resolve("bench.md"));
        assertTrue(md.contains("| mlp | examples per s | 1 |"), md);
        assertTrue(md.contains("| gan | iterations per s | 1 |"), md);
        assertTrue(md.contains("mixup / ERM step time"), md);
        assertTrue(Files.exists(dir.resolve("throughput.png")));
    }

    /**
     * A tiny Speech Commands folder: two words as tones of their own pitch, three clips each, one noise
     * file; every clip is training (the bench reads only training clips).
     */
    static Path speechCommands(Path root) throws IOException {
        Random rng = new Random(1);
        String[] words = {"no", "yes"};
        for (int w = 0; w < words.length; w++) {
            for (int take = 0; take < 3; take++) {
                float[] x = new float[12_000];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) (0.3 * Math.sin(2 * Math.PI * (400 + 500 * w) * i / 16_000.0) + 0.02 * rng.nextGaussian());
                }
                writeWav(root.resolve(words[w]).resolve("s" + take + "_nohash_0.wav"), x);
            }
        }
        Files.writeString(root.resolve("validation_list.txt"), "");
        Files.writeString(root.resolve("testing_list.txt"), "");
        float[] noise = new float[2 * 16_000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.1 * rng.nextGaussian());
        }
        writeWav(root.resolve("_background_noise_").resolve("white_noise.wav"), noise);
        return root;
    }

    private static void writeWav(Path file, float[] samples) throws IOException {
        ByteBuffer pcm = ByteBuffer.allocate(2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float s : samples) {
            pcm.putShort((short) Math.round(Math.max(-1, Math.min(1, s)) * 32767));
        }
        AudioFormat format = new AudioFormat(16_000, 16, 1, true, false);
        Files.createDirectories(file.getParent());
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
