package org.mixupsuite.bench;

import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;
import org.mixupsuite.core.Seeds;
import org.mixupsuite.core.train.Network;
import org.mixupsuite.corruptlabels.PreActResNet18;
import org.mixupsuite.speech.SpeechModels;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times a paper-scale training step of PreAct ResNet-18 (CIFAR-10 shapes, batch 128) and of VGG-11
 * (160 x 101 spectrograms, batch 100) on whatever ND4J backend is on the classpath, and prints
 * examples/s with the backend and its device. data-scripts/gpu-smoke.sh runs it on the CUDA build;
 * on the CPU build it works too, only slowly. Usage: {@code GpuSmoke [timed steps, default 20]}.
 */
public final class GpuSmoke {

    private GpuSmoke() {
    }

    public static void main(String[] args) {
        int timed = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        System.out.println("backend: " + Nd4j.getBackend().getClass().getSimpleName());
        System.out.println("environment: " + Nd4j.getExecutioner().getEnvironmentInformation());
        RandomGenerator rng = Seeds.random(0, "gpu-smoke");
        report("preact-resnet18 (3 x 32 x 32, batch 128)", Network.of(PreActResNet18.build(3, 32, 32, 10, 0, 0.1, 1)),
                128, 3 * 32 * 32, 10, timed, rng);
        report("vgg11 (1 x 160 x 101, batch 100)", Network.of(SpeechModels.build("vgg11", 160, 101, 30, 1, 0, 1e-3, 1)),
                100, 160 * 101, 30, timed, rng);
    }

    /** Both models take flat rows (InputType.convolutionalFlat), as the studies feed them. */
    private static void report(String name, Network net, int batch, int features, int classes, int timed,
                               RandomGenerator rng) {
        INDArray x = Nd4j.rand(batch, features);
        INDArray y = Nd4j.zeros(batch, classes);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, rng.nextInt(classes), 1);
        }
        // two untimed steps: cuDNN picks its algorithms and the JIT warms up
        for (int i = 0; i < 2; i++) {
            net.fit(x, y);
        }
        long started = System.nanoTime();
        for (int i = 0; i < timed; i++) {
            net.fit(x, y);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %.1f examples/s (%d timed steps, %.3f s a step)%n", name,
                timed * batch / seconds, timed, seconds / timed);
    }
}
