package org.mixupsuite.core.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.mixup.LambdaSampler;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where a run's numbers came from: suite and library versions, platform, backend and thread
 * settings (numeric results differ across them), and the data files with their checksums.
 */
public final class Provenance {

    private static final Properties SUITE = loadSuiteProperties();

    private Provenance() {
    }

    /** The commit the launcher found the suite at ("unknown" outside a git checkout or the launcher). */
    public static String gitCommit() {
        String c = System.getProperty("mixup.git.commit", "");
        return c.isEmpty() ? "unknown" : c;
    }

    public static String suiteVersion() {
        return SUITE.getProperty("suite.version", "unknown");
    }

    public static Map<String, Object> environment() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("suite_version", suiteVersion());
        env.put("git_commit", gitCommit());
        env.put("dl4j_version", SUITE.getProperty("dl4j.version", "unknown"));
        env.put("nd4j_backend", Nd4j.getBackend().getClass().getSimpleName());
        env.put("java_version", System.getProperty("java.version"));
        env.put("java_vendor", System.getProperty("java.vendor"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        env.put("arch", System.getProperty("os.arch"));
        env.put("cpus", Runtime.getRuntime().availableProcessors());
        env.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        Map<String, String> threads = new LinkedHashMap<>();
        for (String var : List.of("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS")) {
            threads.put(var, System.getenv(var));
        }
        env.put("thread_settings", threads);
        env.put("blas", PreloadedBlas.inUse());
        env.put("engine", Engine.current().id());
        if (Boolean.getBoolean(LambdaSampler.NO_MIXING_DRILL)) {
            env.put("drill", "no-mixing: every lambda was 1, mixup did nothing");
        }
        return env;
    }

    /**
     * The most memory this process has held resident so far (Linux's VmHWM, which counts ND4J's
     * off-heap arrays too), in MB; null where /proc does not say.
     */
    public static Long peakResidentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or an unreadable /proc: the figure is left out
        }
        return null;
    }

    /** Name, path and files (size, SHA-256) of an image data set, for config.json. */
    public static Map<String, Object> data(ImageData data) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", data.name());
        d.put("path", data.source().toAbsolutePath().toString());
        try {
            d.put("files", dataFiles(data.source()));
        } catch (IOException e) {
            d.put("files", "unreadable: " + e.getMessage());
        }
        d.put("train_examples", data.train().count());
        d.put("test_examples", data.test().count());
        return d;
    }

    /** Size and SHA-256 of every regular file directly in {@code dir} (or of the file itself). */
    public static Map<String, Object> dataFiles(Path dirOrFile) throws IOException {
        Map<String, Object> files = new LinkedHashMap<>();
        List<Path> paths;
        if (Files.isDirectory(dirOrFile)) {
            try (Stream<Path> s = Files.list(dirOrFile)) {
                paths = s.filter(Files::isRegularFile).sorted().toList();
            }
        } else {
            paths = List.of(dirOrFile);
        }
        for (Path p : paths) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("bytes", Files.size(p));
            try (InputStream in = Files.newInputStream(p)) {
                f.put("sha256", DigestUtils.sha256Hex(in));
            }
            files.put(p.getFileName().toString(), f);
        }
        return files;
    }

    private static Properties loadSuiteProperties() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/org/mixupsuite/core/suite.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // versions then read "unknown"; provenance must never stop a run
        }
        return p;
    }
}
