package org.mixupsuite.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.SparkConf;

/**
 * What an executor needs to train as a local run does: ND4J reads its OpenMP and OpenBLAS settings
 * from the process environment, and the faster OpenBLAS must be preloaded before the JVM starts, so
 * both travel as {@code spark.executorEnv.*}; the suite's JVM flags travel in
 * {@code spark.executor.extraJavaOptions}. Settings given with {@code --conf} win over these.
 */
final class ExecutorSettings {

    static final String ENV = "spark.executorEnv.";
    static final String JAVA_OPTIONS = "spark.executor.extraJavaOptions";
    /** The preloaded library's variable (PreloadedBlas); on an executor it is a path that node has. */
    static final String BLAS = "MIXUP_BLAS_PRELOAD";

    /** OpenBLAS reads these too (kernel choice, cache size, threads); forwarded when the driver has them. */
    private static final List<String> OPENBLAS = List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS");

    /** System properties of ./mixup and Surefire that change what a run computes or records. */
    private static final Map<String, String> PROPERTIES = Map.of(
            "org.eclipse.deeplearning4j.helpers.disable", "false",
            "jdk.lang.processReaperUseDefaultStackSize", "true",
            "java.awt.headless", "true");

    private ExecutorSettings() {
    }

    /** Sets the executors' environment and JVM flags from the driver's {@code env} and {@code props}. */
    static SparkConf apply(SparkConf conf, Map<String, String> env, Properties props) {
        conf.setIfMissing(ENV + "OMP_NUM_THREADS", env.getOrDefault("OMP_NUM_THREADS", "1"));
        conf.setIfMissing(ENV + "OMP_WAIT_POLICY", env.getOrDefault("OMP_WAIT_POLICY", "PASSIVE"));
        for (String var : OPENBLAS) {
            if (env.get(var) != null) {
                conf.setIfMissing(ENV + var, env.get(var));
            }
        }
        // the library is named by path: LD_PRELOAD acts when the executor's JVM starts, before any
        // file shipped with the job has arrived, so every worker needs it at that path (a shared
        // folder, or --conf spark.executorEnv.MIXUP_BLAS_PRELOAD=<its path there>)
        String blas = conf.get(ENV + BLAS, env.getOrDefault(BLAS, ""));
        if (!blas.isEmpty()) {
            conf.setIfMissing(ENV + BLAS, blas);
            conf.setIfMissing(ENV + "LD_PRELOAD", blas);
        }
        List<String> flags = new ArrayList<>();
        PROPERTIES.forEach((key, fallback) -> flags.add("-D" + key + "=" + props.getProperty(key, fallback)));
        String commit = props.getProperty("mixup.git.commit");
        if (commit != null && !commit.isEmpty()) {
            flags.add("-Dmixup.git.commit=" + commit);
        }
        // the user's own options come later, so theirs win where both set a property
        String given = conf.get(JAVA_OPTIONS, "");
        conf.set(JAVA_OPTIONS, (String.join(" ", flags) + " " + given).strip());
        return conf;
    }
}
