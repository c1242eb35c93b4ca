package org.mixupsuite.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PreloadedBlasTest {

    @Test
    void aChildKeepsOtherPreloadsAndLosesOnlyTheSuitesBlas() {
        ProcessBuilder pb = new ProcessBuilder("true");
        pb.environment().put(PreloadedBlas.VARIABLE, "/suite/libopenblas.so.0");
        pb.environment().put("LD_PRELOAD", "/suite/libopenblas.so.0:/user/libfoo.so /user/libbar.so");
        PreloadedBlas.leftOut(pb);
        assertEquals("/user/libfoo.so:/user/libbar.so", pb.environment().get("LD_PRELOAD"));

        pb.environment().put("LD_PRELOAD", "/suite/libopenblas.so.0");
        PreloadedBlas.leftOut(pb);
        assertFalse(pb.environment().containsKey("LD_PRELOAD"));

        pb.environment().remove(PreloadedBlas.VARIABLE);
        pb.environment().put("LD_PRELOAD", "/suite/libopenblas.so.0");
        PreloadedBlas.leftOut(pb);
        assertEquals("/suite/libopenblas.so.0", pb.environment().get("LD_PRELOAD"), "without the launcher's name nothing is removed");
    }

    /** The build unpacks the library and Surefire preloads it (pom.xml), as ./mixup does: the tests run the BLAS users run. */
    @Test
    void theTestsRunThePreloadedOpenBlasAndItMultipliesCorrectly() {
        String ours = System.getenv(PreloadedBlas.VARIABLE);
        assertTrue(ours != null && Files.isRegularFile(Path.of(ours)), "core/target/native/libopenblas.so.0 was not unpacked: " + ours);
        assertEquals("preloaded " + ours, PreloadedBlas.inUse());
        // products large enough for OpenBLAS's own kernels (sgemm is what the suite's layers call), against sums written out
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray a = Nd4j.linspace(type, 1, 64 * 48, 1).reshape(64, 48).divi(1000);
            INDArray b = Nd4j.linspace(type, 1, 48 * 32, 1).reshape(48, 32).divi(1000);
            INDArray c = a.mmul(b);
            double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-12;
            for (int i : new int[] {0, 17, 63}) {
                for (int j : new int[] {0, 5, 31}) {
                    double sum = 0;
                    for (int k = 0; k < 48; k++) {
                        sum += a.getDouble(i, k) * b.getDouble(k, j);
                    }
                    assertEquals(sum, c.getDouble(i, j), tolerance * Math.abs(sum), type + " [" + i + ", " + j + "]");
                }
            }
        }
    }
}
