package org.mixupsuite.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.run.PreloadedBlas;

class SpeechCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void theListsDecideTheSplitAndNoSpeakerIsInTwoParts() throws Exception {
        Path root = TestWavs.speechCommands(tmp.resolve("sc"), new String[] {"no", "yes"}, 4, 2, 1);
        SpeechCommands sc = SpeechCommands.open(root);
        assertEquals(List.of("no", "yes"), sc.words());
        assertEquals(8, sc.train().size());
        assertEquals(4, sc.validation().size());
        assertEquals(4, sc.test().size());
        assertTrue(sc.validation().stream().allMatch(c -> c.speaker().equals("s0")));
        assertTrue(sc.test().stream().allMatch(c -> c.speaker().equals("s1")));
        assertEquals(Set.of(), sc.speakersInSeveralParts());
        assertEquals(List.of("white_noise.wav"), sc.noiseFiles().stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(1, sc.train().stream().filter(c -> c.relative().equals("yes/s2_nohash_0.wav")).count());
        assertEquals(1, sc.train().get(0).label() + sc.train().get(sc.train().size() - 1).label());
    }

    @Test
    void aListThatSplitsASpeakerIsDetected() throws Exception {
        Path root = TestWavs.speechCommands(tmp.resolve("sc"), new String[] {"no", "yes"}, 4, 2, 1);
        Files.writeString(root.resolve(SpeechCommands.TESTING_LIST), "yes/s2_nohash_0.wav\n");
        // s2's other clips stay in training; s1, no longer listed, is all training now
        assertEquals(Set.of("s2"), SpeechCommands.open(root).speakersInSeveralParts());
    }

    @Test
    void aGivenClassListLeavesOutUnknownWordsAndTakesMissingListsAsNoHoldOut() throws Exception {
        Path root = TestWavs.speechCommands(tmp.resolve("sc"), new String[] {"cat", "dog", "yes"}, 2, 1, 1);
        Files.delete(root.resolve(SpeechCommands.TESTING_LIST));
        Files.delete(root.resolve(SpeechCommands.VALIDATION_LIST));
        SpeechCommands sc = SpeechCommands.open(root, List.of("yes", "no", "cat"));
        assertEquals(List.of("dog"), sc.unknownWords());
        assertEquals(4, sc.part(SpeechCommands.Part.ALL).size());
        assertEquals(0, sc.test().size());
        assertTrue(sc.train().stream().allMatch(c -> c.label() == 0 || c.label() == 2));
        BadInputException e = assertThrows(BadInputException.class, () -> SpeechCommands.open(root));
        assertTrue(e.getMessage().contains("validation_list.txt"), e.getMessage());
    }

    @Test
    void speakerIsTheNamePartBeforeNohash() {
        assertEquals("0a7c2a8d", SpeechCommands.speakerOf("0a7c2a8d_nohash_1.wav"));
        assertEquals("c017-en-us", SpeechCommands.speakerOf("c017-en-us_nohash_0.wav"));
        assertEquals("odd", SpeechCommands.speakerOf("odd.wav"));
    }

    /**
     * The generator itself, at a tiny size (two words): every speaker family (one base voice) lands in
     * exactly one split, the lists name exactly the held-out clips, every clip is 1 s of 16 kHz mono
     * 16-bit with a word in it, the files do not depend on the number of workers, a finished set is
     * left alone and a bad option exits 2 naming the option. Where Debian's speech engines are not
     * installed, the script installs them (as ./mixup setup does), so the test runs on every machine.
     */
    @Tag("slow") // runs the speech data generator script in a child process
    @Test
    void theGeneratorSplitsBySpeakerFamily() throws Exception {
        Path out = tmp.resolve("synth");
        Result first = synth(out, "--jobs", "2");
        assertEquals(0, first.code(), first.log());

        Map<String, String> familyOf = new HashMap<>();
        List<String> speakers = Files.readAllLines(out.resolve("speakers.tsv"));
        for (String line : speakers.subList(1, speakers.size())) {
            String[] f = line.split("\t");
            familyOf.put(f[0], f[1]);
        }
        SpeechCommands sc = SpeechCommands.open(out);
        assertEquals(List.of("no", "yes"), sc.words());
        assertEquals(2 * familyOf.size(), sc.part(SpeechCommands.Part.ALL).size());
        assertEquals(Set.of(), sc.speakersInSeveralParts());
        Map<String, Set<String>> partsOfFamily = new HashMap<>();
        String[] names = {"training", "validation", "testing"};
        List<List<SpeechCommands.Clip>> parts = List.of(sc.train(), sc.validation(), sc.test());
        for (int i = 0; i < 3; i++) {
            for (SpeechCommands.Clip c : parts.get(i)) {
                partsOfFamily.computeIfAbsent(familyOf.get(c.speaker()), k -> new HashSet<>()).add(names[i]);
            }
        }
        partsOfFamily.forEach((family, in) -> assertEquals(1, in.size(), family + " is in " + in));
        assertTrue(sc.validation().size() > 0 && sc.test().size() > 0);
        assertTrue(familyOf.size() > 30, "speakers: " + familyOf.size());
        for (SpeechCommands.Clip c : sc.part(SpeechCommands.Part.ALL)) {
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(c.file())).order(ByteOrder.LITTLE_ENDIAN);
            // a plain 44-byte header: PCM, 1 channel, 16 kHz, 16 bits, then 16,000 samples
            assertEquals(List.of(1, 1, 16_000, 16, 44 + 32_000), List.of((int) b.getShort(20), (int) b.getShort(22),
                    b.getInt(24), (int) b.getShort(34), b.capacity()), c.relative());
            float[] clip = WavReader.read(c.file());
            float peak = 0;
            for (float v : clip) {
                peak = Math.max(peak, Math.abs(v));
            }
            // the planned peak is -10 to -1 dBFS, the noise floor far below it
            assertTrue(peak > 0.3 && peak < 0.95, c.relative() + " peaks at " + peak);
        }
        assertTrue(sc.noiseFiles().size() >= 5);

        // the same seed with one worker gives the same bytes
        Path serial = tmp.resolve("serial");
        Result one = synth(serial, "--jobs", "1");
        assertEquals(0, one.code(), one.log());
        for (SpeechCommands.Clip c : sc.part(SpeechCommands.Part.ALL)) {
            assertArrayEquals(Files.readAllBytes(c.file()), Files.readAllBytes(serial.resolve(c.relative())), c.relative());
        }
        for (String list : List.of(SpeechCommands.VALIDATION_LIST, SpeechCommands.TESTING_LIST, "speakers.tsv")) {
            assertEquals(Files.readString(out.resolve(list)), Files.readString(serial.resolve(list)), list);
        }

        // a second call finds the set complete and does nothing
        Result again = synth(out, "--jobs", "2");
        assertEquals(0, again.code(), again.log());
        assertTrue(again.log().contains("present"), again.log());

        Result badJobs = synth(tmp.resolve("bad"), "--jobs", "two");
        assertEquals(2, badJobs.code(), badJobs.log());
        assertTrue(badJobs.log().contains("--jobs"), badJobs.log());
        Result badWord = synth(tmp.resolve("bad"), "--words", "yes No");
        assertEquals(2, badWord.code(), badWord.log());
        assertTrue(badWord.log().contains("--words"), badWord.log());
        assertTrue(Files.notExists(tmp.resolve("bad")));
    }

    private static final Path SYNTH = Path.of("..", "data-scripts", "speech-commands-synth.sh").toAbsolutePath().normalize();

    private record Result(int code, String log) {
    }

    /** The generator at two words, one take and four custom voices, with these options added. */
    private static Result synth(Path out, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SYNTH.toString(), "--out", out.toString(), "--takes", "1",
                "--customs", "4", "--words", "yes no"));
        command.addAll(List.of(options));
        Process p = PreloadedBlas.leftOut(new ProcessBuilder(command)).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        return new Result(p.waitFor(), log);
    }
}
