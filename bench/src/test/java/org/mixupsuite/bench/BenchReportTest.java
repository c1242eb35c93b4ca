package org.mixupsuite.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mixupsuite.core.run.ConditionResult;
import org.mixupsuite.core.run.RunResults;

/** The table and the targets from given figures: no processes, no timing. */
class BenchReportTest {

    private static RunResults.SeedResult<Workload> result(Workload.Task workload, Workload.Framework framework,
                                                          Map<String, Object> figures) {
        return new RunResults.SeedResult<>(new Workload(workload, framework, 1), 0, ConditionResult.complete(figures, List.of()));
    }

    private static RunResults<Workload> measured() {
        List<RunResults.SeedResult<Workload>> r = new ArrayList<>();
        for (Workload.Task w : Workload.Task.values()) {
            r.add(result(w, Workload.Framework.DL4J, switch (w) {
                case MLP_MIXUP_RATIO -> Map.of("mixup_erm_step_ratio", 1.01, "mixup_erm_step_ratio_median", 1.05,
                        "mix_share_of_erm_step", 0.004);
                case FGSM -> Map.of("fgsm_examples_per_s", 3000.0, "train_examples_per_s", 2000.0, "fgsm_train_ratio", 1.5);
                case GAN -> Map.of("iterations_per_s", 50.0);
                case SPEECH_PIPELINE -> Map.of("clips_per_s", 1200.0, "train_examples_per_s", 400.0,
                        "pipeline_train_ratio", 3.0, "data_wait_share", 0.25, "data_wait_share_prefetch", 0.01);
                default -> Map.of("examples_per_s", 1000.0);
            }));
        }
        r.add(result(Workload.Task.GAN, Workload.Framework.PYTORCH, Map.of("iterations_per_s", 200.0)));
        r.add(result(Workload.Task.MLP, Workload.Framework.PYTORCH, Map.of("examples_per_s", 2000.0,
                "examples_per_s_plain", 4000.0)));
        return new RunResults<>(r);
    }

    @Test
    void tableHasOneRowPerDl4jWorkloadWithTheRatioToItsPeer() {
        String table = BenchReport.table(measured());
        List<String> rows = table.lines().skip(2).toList();
        List<String> workloads = List.of("mlp", "lenet", "mlp-mixup-ratio", "fgsm", "gan", "speech-lenet", "speech-vgg",
                "speech-pipeline");
        assertEquals(workloads.size(), rows.size(), table);
        for (int i = 0; i < rows.size(); i++) {
            assertTrue(rows.get(i).startsWith("| " + workloads.get(i) + " |"), rows.get(i));
        }
        assertTrue(table.contains("| gan | iterations per s | 1 | 50.000 | 200 | 0.25 |  |  |"), table);
        assertTrue(table.contains("| mlp | examples per s | 1 | 1,000 | 2,000 | 0.50 | 4,000 | 0.25 |"), table);
        assertTrue(table.contains("| speech-pipeline | clips per s | 1 | 1,200 | no peer |"), table);
    }

    @Test
    void theShippedTableGivesTheFastEnginesSpeedUpWhereBothWereMeasured() {
        assertEquals("", BenchReport.shippedTable(measured()), "without --shipped, no table");
        List<RunResults.SeedResult<Workload>> r = new ArrayList<>(measured().results());
        r.add(result(Workload.Task.MLP, Workload.Framework.DL4J_SHIPPED, Map.of("examples_per_s", 400.0)));
        r.add(result(Workload.Task.SPEECH_VGG, Workload.Framework.DL4J_SHIPPED, Map.of("examples_per_s", 250.0)));
        String table = BenchReport.shippedTable(new RunResults<>(r));
        assertTrue(table.contains("| mlp | examples per s | 1 | 1,000 | 400 | 2.50 |"), table);
        assertTrue(table.contains("| speech-vgg | examples per s | 1 | 1,000 | 250 | 4.00 |"), table);
        assertEquals(2, table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| workload")).count(), table);
    }

    @Test
    void targetsSayWhichAreMet() {
        String targets = BenchReport.targets(measured());
        assertTrue(targets.contains("<= 1.03 | 1.01 | yes |"), targets);
        assertTrue(targets.contains("median over blocks of ten steps | 1.05 | **no** |"), targets);
        assertTrue(targets.contains("/ ERM step <= 3.0% | 0.4% | yes |"), targets);
        assertTrue(targets.contains("3.00 x (1,200 vs 400) | **no** |"), targets);
        assertTrue(targets.contains("1.50 x (3,000 vs 2,000) | yes |"), targets);
        assertTrue(targets.contains("| 25.0% |"), targets);
    }
}
