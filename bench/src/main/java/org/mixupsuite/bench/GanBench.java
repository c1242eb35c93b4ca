package org.mixupsuite.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.mixupsuite.core.Seeds;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.gan.GanNetworks;
import org.mixupsuite.gan.GanSettings;
import org.mixupsuite.gan.GanSteps;
import org.mixupsuite.gan.GeneratorLoss;
import org.mixupsuite.gan.ToyDistribution;

/**
 * GAN iterations/s with the GAN study's own networks and steps at its preset (quick: 3 hidden layers
 * of 128, batch 128, 5 D steps per G step, latent 2), plain GAN (ERM discriminator) on ring8, minimax
 * generator loss; no coverage snapshots, which the study takes only every few hundred iterations.
 */
final class GanBench {

    private GanBench() {
    }

    static String describe(Scale scale) {
        GanSettings s = GanSettings.of(scale);
        return s.layers() + " hidden ReLU layers of " + s.hidden() + ", batch " + s.batch() + ", " + s.dSteps()
                + " D steps per G step, latent " + s.latent() + ", ERM discriminator, ring8, " + s.generatorLoss()
                + " G loss; one iteration = " + s.dSteps() + " D steps + 1 G step";
    }

    static List<String> peerOptions(Scale scale) {
        GanSettings s = GanSettings.of(scale);
        return List.of("--hidden", String.valueOf(s.hidden()), "--layers", String.valueOf(s.layers()),
                "--latent", String.valueOf(s.latent()), "--d-steps", String.valueOf(s.dSteps()),
                "--batch", String.valueOf(s.batch()), "--std", String.valueOf(s.std()));
    }

    static Map<String, Object> measure(Scale scale, int warmup, int timed, long seed) {
        GanSettings s = GanSettings.of(scale);
        ToyDistribution data = ToyDistribution.of("ring8", s.std());
        GanSteps steps = new GanSteps(GanNetworks.generator(s.latent(), s.hidden(), s.layers(), Seeds.derive(seed, "init-g")),
                GanNetworks.discriminator(s.hidden(), s.layers(), Seeds.derive(seed, "init-d")),
                GanSteps.DiscriminatorForm.ERM, 0, s.generatorLoss() == GeneratorLoss.MINIMAX);
        RandomGenerator rng = Seeds.random(seed, "bench");
        for (int it = 1; it <= warmup; it++) {
            steps.iteration(data, s.batch(), s.latent(), s.dSteps(), rng, it);
        }
        long started = System.nanoTime();
        for (int it = warmup + 1; it <= warmup + timed; it++) {
            steps.iteration(data, s.batch(), s.latent(), s.dSteps(), rng, it);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("iterations_per_s", timed / seconds);
        r.put("iteration_ms", 1000 * seconds / timed);
        return r;
    }
}
