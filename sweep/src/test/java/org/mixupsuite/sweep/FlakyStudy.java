package org.mixupsuite.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.findings.Claim;
import org.mixupsuite.core.run.Condition;
import org.mixupsuite.core.run.ConditionContext;
import org.mixupsuite.core.run.ConditionResult;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.RunResults;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Study;

/**
 * A study for the sweep's fault tests, with no training: {@code --fail never|once|always} (once:
 * its first attempt throws during the run, as a lost machine would), {@code --value X} its figure
 * (plus the seed, so seeds differ). Two conditions, so that a claim can compare them.
 */
public final class FlakyStudy implements Study {

    record Arm(String method) implements Condition {
        @Override
        public String slug() {
            return method;
        }
    }

    @Override
    public About about() {
        return About.of("flaky", "a study for the sweep's tests").notInDemo();
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(null, "fail", true, "never, once or always");
        options.addOption(null, "value", true, "the figure");
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings settings) {
        String fail = cmd.getOptionValue("fail", "never");
        double value = Double.parseDouble(cmd.getOptionValue("value", "1"));
        return new Experiment<Arm>() {
            @Override
            public Map<String, Object> settings() {
                return Map.of("fail", fail, "value", value);
            }

            @Override
            public List<Arm> conditions() {
                return List.of(new Arm("erm"), new Arm("mixup"));
            }

            @Override
            public long workUnits(Arm arm) {
                return 1000;
            }

            @Override
            public ConditionResult run(Arm arm, ConditionContext ctx) throws Exception {
                Path marker = ctx.runDirectory().resolve("failed-once");
                if (fail.equals("always") || fail.equals("once") && Files.notExists(marker)) {
                    Files.writeString(marker, "x");
                    throw new IllegalStateException("told to fail (" + fail + ")");
                }
                double score = value + ctx.seed() + (arm.method().equals("mixup") ? -1 : 0);
                return ConditionResult.complete(Map.of("score", score), List.of());
            }

            @Override
            public List<Claim> claims() {
                return List.of(Claim.of("lower", "mixup scores lower", "-", Map.of("method", "mixup"),
                        Map.of("method", "erm"), "score", Claim.Expect.LOWER, 0.1));
            }

            @Override
            public void drawCharts(RunResults<Arm> results, Path runDir) {
            }
        };
    }
}
