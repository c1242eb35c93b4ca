package org.mixupsuite.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
     * exactly one split, the lists name exactly the held-out clips, and every clip is 1 s of 16 kHz.
     * Skipped where Debian's speech engines are not installed (./mixup setup installs them).
     */
    @Tag("slow") // runs the speech data generator script in a child process
    @Test
    void theGeneratorSplitsBySpeakerFamily() throws Exception {
        Path script = Path.of("..", "data-scripts", "speech-commands-synth.sh").toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(script) && onPath("espeak-ng") && onPath("flite") && onPath("sox"),
                "speech engines not installed");
        Path out = tmp.resolve("synth");
        Process p = PreloadedBlas.leftOut(new ProcessBuilder("bash", script.toString(), "--out", out.toString(), "--takes", "1",
                "--customs", "4", "--words", "yes no")).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);

        Map<String, String> familyOf = new HashMap<>();
        List<String> speakers = Files.readAllLines(out.resolve("speakers.tsv"));
        for (String line : speakers.subList(1, speakers.size())) {
            String[] f = line.split("\t");
            familyOf.put(f[0], f[1]);
        }
        SpeechCommands sc = SpeechCommands.open(out);
        assertEquals(List.of("no", "yes"), sc.words());
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
        float[] clip = WavReader.read(sc.test().get(0).file());
        assertEquals(16_000, clip.length);
        assertTrue(sc.noiseFiles().size() >= 5);
        // a second call finds the set complete and does nothing
        Process again = PreloadedBlas.leftOut(new ProcessBuilder("bash", script.toString(), "--out", out.toString(), "--takes", "1",
                "--customs", "4", "--words", "yes no")).redirectErrorStream(true).start();
        String second = new String(again.getInputStream().readAllBytes());
        assertEquals(0, again.waitFor(), second);
        assertTrue(second.contains("present"), second);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
