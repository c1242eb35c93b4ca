package org.mixupsuite.adversarial;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mixupsuite.core.Seeds;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.run.SettingText;
import org.mixupsuite.core.train.Evaluation;
import org.mixupsuite.core.train.Network;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained model kept in a run folder, attacked again: white-box top-1 error per epsilon and attack
 * on the first test images, with the attacks and step sizes of the study itself, so that a saved
 * ERM model at the run's epsilon gives back the run's figure.
 */
final class SavedModelAttack {

    private SavedModelAttack() {
    }

    /** "4/255" for the paper's pixel steps that have no short decimal, else the number as settings print it. */
    static String epsilonText(double e) {
        String plain = SettingText.number(e);
        double steps = e * 255;
        return plain.length() > 6 && Math.abs(steps - Math.rint(steps)) < 1e-9 ? (long) Math.rint(steps) + "/255" : plain;
    }

    static void print(Network net, Path file, ImageSet test, Set<Double> epsilons, List<Attack> attacks, int steps,
                      long seed, PrintStream out) {
        INDArray x = test.features();
        INDArray targets = ImageSet.oneHot(test.labels(), test.numClasses());
        out.printf(Locale.ROOT, "%s: %d test images, clean top-1 error %.2f%%%n", file.getFileName(), test.count(),
                Evaluation.topErrors(net, x, test.labels(), 5)[0]);
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-10s", "epsilon"));
        attacks.forEach(a -> header.append(String.format(Locale.ROOT, " %10s", a.label())));
        out.println(header + "   (white-box top-1 error, %)");
        for (double e : epsilons) {
            if (e == 0) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s", epsilonText(e)));
            for (Attack a : attacks) {
                INDArray adv = switch (a) {
                    case FGSM -> FgsmAttack.fgsm(net, x, targets, e);
                    case I_FGSM -> FgsmAttack.iterative(net, x, targets, e, steps);
                    case PGD -> FgsmAttack.pgd(net, x, targets, e, steps, AdversarialExperiment.PGD_STEP_SCALE * e / steps,
                            Seeds.random(seed, "pgd-start", Math.round(e * 1_000_000)));
                };
                line.append(String.format(Locale.ROOT, " %10.2f", Evaluation.topErrors(net, adv, test.labels(), 5)[0]));
            }
            out.println(line);
        }
    }
}
