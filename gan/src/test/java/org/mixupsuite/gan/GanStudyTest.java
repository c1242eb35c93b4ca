package org.mixupsuite.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.cli.Main;
import org.mixupsuite.core.run.Json;

class GanStudyTest {

    @TempDir
    Path tmp;

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> run(Path out) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.discover().run(new String[] {"gan", "--scale", "smoke", "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(0, code, err.toString());
        try (Stream<Path> s = Files.list(out.resolve("gan"))) {
            Path dir = s.findFirst().orElseThrow();
            for (String chart : List.of("samples-ring8.png", "samples-grid25.png", "modes-covered-ring8.png", "modes-reached-grid25.png")) {
                assertTrue(Files.size(dir.resolve(chart)) > 5_000, chart);
            }
            return (List<Map<String, Object>>) Json.readObject(dir.resolve("metrics.json")).get("conditions");
        }
    }

    @Test
    void smokeRunWritesTheCoverageFiguresPerConditionAndRepeatsExactly() throws Exception {
        List<Map<String, Object>> first = run(tmp.resolve("a"));
        assertEquals(4, first.size());
        for (Map<String, Object> c : first) {
            assertEquals(c.get("dataset").equals("ring8") ? 8 : 25, c.get("modes_total"));
            assertEquals(30, c.get("iterations"));
            // the chance reference is measured, per row, by the same code on a diffuse sampler
            assertTrue(c.containsKey("modes_covered_chance") && c.containsKey("high_quality_fraction_chance"), c.toString());
        }
        assertEquals(first, run(tmp.resolve("b")), "same seed, same numbers");
    }

    @Test
    void thePaperPresetIsThePapersSettingAndQuickDiffersOnlyInSize() {
        GanSettings paper = GanSettings.of(org.mixupsuite.core.run.Scale.PAPER);
        assertEquals(List.of(20_000, 5, 128, 2, 512, 3), List.of(paper.iterations(), paper.dSteps(), paper.batch(),
                paper.latent(), paper.hidden(), paper.layers()));
        GanSettings quick = GanSettings.of(org.mixupsuite.core.run.Scale.QUICK);
        assertEquals(paper, org.mixupsuite.core.run.Presets.with(quick, "iterations", 20_000, "hidden", 512, "curvePoints", 40));
    }
}
