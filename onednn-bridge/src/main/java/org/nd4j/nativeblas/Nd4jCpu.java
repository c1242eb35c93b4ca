package org.nd4j.nativeblas;

/**
 * A bridge for a class that DL4J 1.0.0-M2.1 looks up and ND4J 1.0.0-M2.1 no longer has.
 *
 * <p>DL4J's oneDNN layer helpers (convolution, pooling, batch norm) switch themselves on only if
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} answers true. ND4J
 * moved that class to {@code org.nd4j.linalg.cpu.nativecpu.bindings} and renamed the method
 * {@code isUseONEDNN}, so the lookup fails and every convolution falls back to DL4J's im2col path,
 * ~5x slower on the speech models here. This class answers the old question with the new binding.
 * Helpers also need {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false} (DL4J's default is
 * true) and the {@code linux-x86_64-onednn} build of nd4j-native; the launcher and the test
 * configuration set both.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {
    }

    /** The subset of the old binding DL4J's {@code BaseMKLDNNHelper} calls, by reflection. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** Whether the loaded libnd4j was built with oneDNN and is allowed to use it. */
        public boolean isUseMKLDNN() {
            return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }
    }
}
