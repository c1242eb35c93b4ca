package org.mixupsuite.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.Seeds;
import org.mixupsuite.core.cli.CommonOptions;
import org.mixupsuite.core.cli.Main;
import org.mixupsuite.core.cli.StudyCommand;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.Presets;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.train.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

class GanStudyTest {

    @TempDir
    Path tmp;

    private Path run(Path out, String... extra) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("gan", "--scale", "smoke", "--out", out.toString()));
        args.addAll(List.of(extra));
        int code = Main.discover().run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertEquals(0, code, err.toString());
        try (Stream<Path> s = Files.list(out.resolve("gan"))) {
            Path dir = s.findFirst().orElseThrow();
            for (String chart : List.of("samples-ring8.png", "samples-grid25.png", "modes-covered-ring8.png", "modes-reached-grid25.png")) {
                assertTrue(Files.size(dir.resolve(chart)) > 5_000, chart);
            }
            return dir;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Path dir, String key) throws Exception {
        return (List<Map<String, Object>>) Json.readObject(dir.resolve("metrics.json")).get(key);
    }

    @Test
    void smokeRunWritesTheCoverageFiguresPerConditionAndRepeatsExactly() throws Exception {
        List<Map<String, Object>> first = list(run(tmp.resolve("a")), "conditions");
        // per data set: ERM and the mixup GAN in each of its two forms
        assertEquals(6, first.size());
        for (Map<String, Object> c : first) {
            assertEquals(c.get("dataset").equals("ring8") ? 8 : 25, c.get("modes_total"));
            assertEquals(30, c.get("iterations"));
            // the chance reference is measured, per row, by the same code on a diffuse sampler
            assertTrue(c.containsKey("modes_covered_chance") && c.containsKey("high_quality_fraction_chance"), c.toString());
            assertTrue(c.containsKey("high_quality_fraction_last") && c.containsKey("modes_covered_last"), c.toString());
            assertEquals(c.get("method").equals("mixup"), c.containsKey("form"), "only mixup rows name a form: " + c);
        }
        assertEquals(List.of("paper", "demo"), first.stream().filter(c -> c.get("dataset").equals("ring8") && c.containsKey("form"))
                .map(c -> c.get("form")).toList());
        assertEquals(first, list(run(tmp.resolve("b")), "conditions"), "same seed, same numbers");
        // each condition's trained networks are kept, and a kept generator maps latent points into the plane
        Path models;
        try (Stream<Path> s = Files.list(tmp.resolve("a").resolve("gan"))) {
            models = s.findFirst().orElseThrow().resolve("models");
        }
        try (Stream<Path> s = Files.list(models)) {
            assertEquals(2 * first.size(), s.filter(f -> f.toString().endsWith(".zip")).count());
        }
        Network g = Network.readModel(models.resolve("ring8-erm-generator-seed0.zip"));
        INDArray points = g.output(GanSteps.latent(5, GanSettings.of(Scale.SMOKE).latent(), Seeds.random(1, "t")));
        assertEquals(List.of(5L, 2L), java.util.Arrays.stream(points.shape()).boxed().toList());
    }

    @Test
    void everyClaimOfAThreeSeedSmokeRunFindsItsRowsOnEverySeed() throws Exception {
        Path dir = run(tmp.resolve("seeds"), "--seeds", "3");
        List<Map<String, Object>> findings = list(dir, "findings");
        List<String> ids = findings.stream().map(f -> (String) f.get("id")).toList();
        List<String> expected = new ArrayList<>();
        for (String d : List.of("ring8", "grid25")) {
            for (String form : List.of("", "-demo")) {
                for (String claim : List.of("covers-more", "better-samples", "above-chance")) {
                    expected.add(d + form + "-a0.2-" + claim);
                }
            }
            expected.add(d + "-erm-above-chance");
        }
        assertEquals(expected, ids);
        for (Map<String, Object> f : findings) {
            // a claim whose rows are missing is listed with 0 seeds and a note saying why
            assertEquals(3, ((Number) f.get("seeds")).intValue(), f.toString());
            assertTrue(f.get("verdict") != null && f.get("p") instanceof Number, f.toString());
        }
    }

    @Test
    void theQuickPlanRunsBothMixingFormsAsConditionsBesideErm() throws Exception {
        GanStudy study = new GanStudy();
        CommandLine cmd = new DefaultParser().parse(new StudyCommand(study).options(), new String[] {"--scale", "quick"});
        GanExperiment plan = (GanExperiment) study.plan(cmd, CommonOptions.parse(cmd));
        List<Map<String, Object>> conditions = plan.conditions().stream().map(GanCondition::settings).toList();
        assertEquals(List.of(
                Map.of("dataset", "ring8", "method", "erm", "alpha", 0.0),
                Map.of("dataset", "ring8", "method", "mixup", "alpha", 0.2, "form", "paper"),
                Map.of("dataset", "ring8", "method", "mixup", "alpha", 0.2, "form", "demo"),
                Map.of("dataset", "grid25", "method", "erm", "alpha", 0.0),
                Map.of("dataset", "grid25", "method", "mixup", "alpha", 0.2, "form", "paper"),
                Map.of("dataset", "grid25", "method", "mixup", "alpha", 0.2, "form", "demo")), conditions);
        assertEquals(6, plan.conditions().stream().map(GanCondition::slug).distinct().count(), "slugs name the form");
        assertEquals(Initialization.TORCH_DEFAULT.description(), plan.settings().get("init"));

        CommandLine one = new DefaultParser().parse(new StudyCommand(study).options(),
                new String[] {"--scale", "quick", "--mixup-form", "demo", "--datasets", "ring8", "--init", "he"});
        GanExperiment single = (GanExperiment) study.plan(one, CommonOptions.parse(one));
        assertEquals(List.of("ring8-erm", "ring8-mixup-demo-a0.2"), single.conditions().stream().map(GanCondition::slug).toList());
        assertEquals(Initialization.HE.description(), single.settings().get("init"));
    }

    @Test
    void thePaperPresetIsThePapersSettingAndQuickDiffersOnlyInSize() {
        GanSettings paper = GanSettings.of(Scale.PAPER);
        assertEquals(List.of(20_000, 5, 128, 2, 512, 3), List.of(paper.iterations(), paper.dSteps(), paper.batch(),
                paper.latent(), paper.hidden(), paper.layers()));
        assertEquals(List.of(MixupForm.PAPER, MixupForm.DEMO), paper.mixupForms());
        assertEquals(Initialization.TORCH_DEFAULT, paper.init());
        GanSettings quick = GanSettings.of(Scale.QUICK);
        assertEquals(paper, Presets.with(quick, "iterations", 20_000, "hidden", 512, "curvePoints", 40));
    }
}
