package org.mixupsuite.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.data.ImageDataLoader;
import org.mixupsuite.core.mixup.MixupStrategy;
import org.mixupsuite.core.run.Condition;
import org.mixupsuite.core.run.ConditionContext;
import org.mixupsuite.core.run.ConditionResult;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.RunResults;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Study;
import org.mixupsuite.core.train.Classifiers;
import org.mixupsuite.core.train.Evaluation;
import org.mixupsuite.core.train.Network;
import org.mixupsuite.core.train.Trainer;

/** A minimal study over core's pieces (ERM and mixup on synthetic IDX data), for testing the launcher and runner. */
public final class ToyStudy implements Study {

    /** ERM (alpha 0) or mixup. */
    public record ToyCondition(String method, double alpha) implements Condition {
        @Override
        public String slug() {
            return method;
        }
    }

    @Override
    public About about() {
        return About.of("toy", "a tiny study for tests");
    }

    @Override
    public void addOptions(Options options) {
        options.addOption(null, "epochs", true, "epochs");
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings settings) {
        if (settings.data() == null) {
            throw new BadInputException("--data is required for the toy study");
        }
        int epochs = Integer.parseInt(cmd.getOptionValue("epochs", "3"));
        return new ToyExperiment(ImageDataLoader.load(settings.data()), epochs, -1);
    }

    /** The experiment; {@code failAtEpoch} &gt; 0 simulates an interruption of the mixup condition. */
    public static final class ToyExperiment implements Experiment<ToyCondition> {
        private final ImageData data;
        private final int epochs;
        private final int failAtEpoch;

        public ToyExperiment(ImageData data, int epochs, int failAtEpoch) {
            this.data = data;
            this.epochs = epochs;
            this.failAtEpoch = failAtEpoch;
        }

        @Override
        public Map<String, Object> settings() {
            return Map.of("epochs", epochs);
        }

        @Override
        public List<ToyCondition> conditions() {
            return List.of(new ToyCondition("erm", 0), new ToyCondition("mixup", 1.0));
        }

        @Override
        public long workUnits(ToyCondition condition) {
            return (long) data.train().count() * epochs;
        }

        @Override
        public ConditionResult run(ToyCondition c, ConditionContext ctx) throws IOException {
            Network net = Network.of(Classifiers.mlp(data.train().featureSize(), new int[] {16}, data.train().numClasses(),
                    0.2, 1e-2, ctx.derivedSeed("init")));
            var testFeatures = data.test().features();
            Trainer.Outcome out = Trainer.train(net, data.train(), new Trainer.Schedule(epochs, 16),
                    MixupStrategy.standard(c.alpha()), (network, epoch) -> {
                        if (epoch == failAtEpoch && c.method().equals("mixup")) {
                            throw new IllegalStateException("simulated interruption in epoch " + epoch);
                        }
                        return Map.of("test_error", Evaluation.errorPercent(Evaluation.predict(network, testFeatures),
                                data.test().labels()));
                    }, ctx);
            Map<String, Object> last = out.history().get(out.history().size() - 1);
            return ConditionResult.complete(Map.of("test_error", last.get("test_error"),
                    "train_loss", last.get("train_loss")), out.history());
        }

        @Override
        public void drawCharts(RunResults<ToyCondition> results, Path runDir) {
        }
    }
}
