package org.mixupsuite.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class ExecutorSettingsTest {

    @Test
    void executorsGetTheDriversThreadSettingsPreloadAndFlags() {
        Map<String, String> env = Map.of("OMP_NUM_THREADS", "2", "OPENBLAS_CORETYPE", "Haswell",
                "MIXUP_BLAS_PRELOAD", "/opt/blas/libopenblas.so.0", "LD_PRELOAD", "/opt/blas/libopenblas.so.0:/usr/lib/other.so");
        Properties props = new Properties();
        props.setProperty("mixup.git.commit", "abc1234");
        SparkConf conf = ExecutorSettings.apply(new SparkConf(false), env, props);
        assertEquals("2", conf.get("spark.executorEnv.OMP_NUM_THREADS"));
        assertEquals("PASSIVE", conf.get("spark.executorEnv.OMP_WAIT_POLICY"));
        assertEquals("Haswell", conf.get("spark.executorEnv.OPENBLAS_CORETYPE"));
        assertFalse(conf.contains("spark.executorEnv.OPENBLAS_L2_SIZE"));
        // only the suite's library: the driver's other preloads are its own business
        assertEquals("/opt/blas/libopenblas.so.0", conf.get("spark.executorEnv.LD_PRELOAD"));
        assertEquals("/opt/blas/libopenblas.so.0", conf.get("spark.executorEnv.MIXUP_BLAS_PRELOAD"));
        String flags = conf.get("spark.executor.extraJavaOptions");
        assertTrue(flags.contains("-Dorg.eclipse.deeplearning4j.helpers.disable=false"), flags);
        assertTrue(flags.contains("-Djdk.lang.processReaperUseDefaultStackSize=true"), flags);
        assertTrue(flags.contains("-Dmixup.git.commit=abc1234"), flags);
    }

    @Test
    void settingsGivenWithConfWin() {
        SparkConf given = new SparkConf(false).set("spark.executorEnv.OMP_NUM_THREADS", "4")
                .set("spark.executorEnv.MIXUP_BLAS_PRELOAD", "/nfs/blas/libopenblas.so.0")
                .set("spark.executor.extraJavaOptions", "-Dorg.eclipse.deeplearning4j.helpers.disable=true -Xss4m");
        SparkConf conf = ExecutorSettings.apply(given, Map.of("OMP_NUM_THREADS", "1", "MIXUP_BLAS_PRELOAD", "/home/me/libopenblas.so.0"),
                new Properties());
        assertEquals("4", conf.get("spark.executorEnv.OMP_NUM_THREADS"));
        // the path the workers have, named once, is the one preloaded there
        assertEquals("/nfs/blas/libopenblas.so.0", conf.get("spark.executorEnv.LD_PRELOAD"));
        String flags = conf.get("spark.executor.extraJavaOptions");
        assertTrue(flags.endsWith("-Dorg.eclipse.deeplearning4j.helpers.disable=true -Xss4m"), "the user's flags come last: " + flags);
    }

    @Test
    void anEmptyPreloadKeepsNd4jsOwnBlas() {
        SparkConf conf = ExecutorSettings.apply(new SparkConf(false), Map.of("MIXUP_BLAS_PRELOAD", ""), new Properties());
        assertFalse(conf.contains("spark.executorEnv.LD_PRELOAD"));
    }
}
