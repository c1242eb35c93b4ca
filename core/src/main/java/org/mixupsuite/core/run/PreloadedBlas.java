package org.mixupsuite.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OpenBLAS library that {@code ./mixup} and the tests preload (LD_PRELOAD) in place of ND4J's
 * own 0.3.19, which runs its slowest (Prescott) kernels on CPUs newer than itself. The launcher names
 * it in {@code MIXUP_BLAS_PRELOAD}; a child process that does no linear algebra (setup scripts run
 * thousands of short sox and espeak-ng processes) is started without it, since loading it costs
 * each process ~15 ms.
 */
public final class PreloadedBlas {

    static final String VARIABLE = "MIXUP_BLAS_PRELOAD";

    /**
     * A preloaded library's thread-local storage comes out of every thread's stack (140 KB for this
     * OpenBLAS), more than the JDK's 136 KB process-reaper thread has: without this property the JVM
     * cannot start a child process (pthread_create fails with EINVAL). Set by ./mixup and Surefire.
     */
    public static final String REAPER_PROPERTY = "jdk.lang.processReaperUseDefaultStackSize";

    private PreloadedBlas() {
    }

    /** Removes the suite's BLAS from the child's LD_PRELOAD (any other preloads stay); returns {@code pb}. */
    public static ProcessBuilder leftOut(ProcessBuilder pb) {
        Map<String, String> env = pb.environment();
        String ours = env.get(VARIABLE);
        String preload = env.get("LD_PRELOAD");
        if (ours == null || ours.isEmpty() || preload == null) {
            return pb;
        }
        // ld.so separates LD_PRELOAD entries with colons or spaces
        String rest = Arrays.stream(preload.split("[: ]+")).filter(p -> !p.isEmpty() && !p.equals(ours))
                .collect(Collectors.joining(":"));
        if (rest.isEmpty()) {
            env.remove("LD_PRELOAD");
        } else {
            env.put("LD_PRELOAD", rest);
        }
        return pb;
    }

    /** Which OpenBLAS this process runs: the preloaded library's path if it is mapped, else ND4J's own. */
    public static String inUse() {
        String ours = System.getenv(VARIABLE);
        if (ours != null && !ours.isEmpty()) {
            try {
                if (Files.readString(Path.of("/proc/self/maps")).contains(ours)) {
                    return "preloaded " + ours;
                }
            } catch (IOException e) {
                return "unknown (/proc/self/maps unreadable)";
            }
        }
        return "ND4J's bundled OpenBLAS";
    }
}
