package org.mixupsuite.sweep;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mixupsuite.core.run.Json;

/**
 * A Spark standalone master and workers, each its own JVM on 127.0.0.1, run from the suite's own
 * Spark jars (no Spark distribution): what data-scripts/spark-standalone.sh starts, for a test.
 * A worker launches its executors through Spark's launcher library, which wants SPARK_HOME/jars
 * and a Scala version; both are given here. Everything it starts, {@link #close()} stops.
 */
final class LocalCluster implements AutoCloseable {

    /** A worker's JVM and the folder where it keeps its executors' folders (work/app-id/executor-id). */
    record Worker(String name, Process process, Path workDir) {
    }

    private final Path dir;
    private final Path home;
    private final List<String> javaOptions;
    private final int masterPort;
    private final int uiPort;
    private final List<Process> started = new ArrayList<>();
    private final List<Worker> workers = new ArrayList<>();
    /** Executors the workers launched: a killed worker leaves its executor to exit on its own. */
    private final Set<ProcessHandle> descendants = new LinkedHashSet<>();

    /**
     * Starts a master and {@code workers} one-core workers and waits until all have registered.
     *
     * @param jars        the cluster's classpath (Spark and what it needs), linked into SPARK_HOME/jars
     * @param javaOptions every JVM's module openings (what spark-class adds on Java 17)
     */
    static LocalCluster start(Path dir, List<Path> jars, int workers, List<String> javaOptions) throws Exception {
        LocalCluster cluster = new LocalCluster(dir, jars, javaOptions);
        try {
            cluster.startAll(workers);
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    private LocalCluster(Path dir, List<Path> jars, List<String> javaOptions) throws IOException {
        this.dir = dir;
        this.home = dir.resolve("spark-home");
        this.javaOptions = javaOptions;
        Path lib = Files.createDirectories(home.resolve("jars"));
        for (Path jar : jars) {
            Path link = lib.resolve(jar.getFileName());
            // two libraries may share a file name (different groups)
            for (int i = 2; Files.exists(link, LinkOption.NOFOLLOW_LINKS); i++) {
                link = lib.resolve(i + "-" + jar.getFileName());
            }
            Files.createSymbolicLink(link, jar.toAbsolutePath());
        }
        this.masterPort = freeLoopbackPort();
        this.uiPort = freeLoopbackPort();
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    Path sparkHome() {
        return home;
    }

    List<Worker> workers() {
        return List.copyOf(workers);
    }

    private void startAll(int count) throws Exception {
        java("master", List.of("-Xmx512m"), "org.apache.spark.deploy.master.Master",
                List.of("--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(uiPort)));
        for (int i = 1; i <= count; i++) {
            Path work = Files.createDirectories(dir.resolve("work-" + i));
            Process p = java("worker-" + i, List.of("-Xmx512m"), "org.apache.spark.deploy.worker.Worker",
                    List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "2g",
                            "--work-dir", work.toString(), masterUrl()));
            workers.add(new Worker("worker-" + i, p, work));
        }
        awaitAliveWorkers(count);
    }

    /**
     * The environment of the cluster's JVMs: this one's, less what a run reads (OpenMP, OpenBLAS, the
     * preload), so that executors have those only through what the sweep sends them.
     */
    Map<String, String> clusterEnvironment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeIf(k -> k.startsWith("OMP_") || k.startsWith("OPENBLAS_") || k.equals("LD_PRELOAD")
                || k.equals(ExecutorSettings.BLAS));
        env.putAll(sparkEnvironment());
        return env;
    }

    /** What every JVM of this cluster and its driver need: where Spark's jars are, the loopback address. */
    Map<String, String> sparkEnvironment() {
        return Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1");
    }

    /** Starts a JVM of this cluster's classpath; its output goes to {@code <name>.log}. */
    private Process java(String name, List<String> memory, String mainClass, List<String> args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(memory, mainClass, args));
        pb.environment().clear();
        pb.environment().putAll(clusterEnvironment());
        pb.redirectErrorStream(true).redirectOutput(log(name).toFile());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** A java command line with this cluster's classpath. */
    List<String> command(List<String> options, String mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(options);
        cmd.addAll(javaOptions);
        cmd.addAll(List.of("-cp", home.resolve("jars") + "/*", mainClass));
        cmd.addAll(args);
        return cmd;
    }

    /** Starts a process this cluster owns (a driver), stopped with the cluster. */
    Process own(ProcessBuilder pb) throws IOException {
        Process p = pb.start();
        started.add(p);
        return p;
    }

    Path log(String name) {
        return dir.resolve(name + ".log");
    }

    /** The worker whose executor {@code executorId} runs (or ran) there. */
    Worker workerOf(String executorId) throws IOException {
        for (Worker w : workers) {
            try (Stream<Path> apps = Files.list(w.workDir())) {
                if (apps.anyMatch(app -> Files.isDirectory(app.resolve(executorId)))) {
                    return w;
                }
            }
        }
        throw new AssertionError("no worker has a folder for executor " + executorId);
    }

    /** Kills a worker's JVM with SIGKILL, as a machine that is lost would be; its executor is left to notice. */
    void kill(Worker w) throws InterruptedException {
        w.process().descendants().forEach(descendants::add);
        w.process().destroyForcibly();
        w.process().waitFor(30, TimeUnit.SECONDS);
    }

    private void awaitAliveWorkers(int count) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + uiPort + "/json/")).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Object alive = null;
        while (System.nanoTime() < deadline) {
            for (Process p : started) {
                if (!p.isAlive()) {
                    throw new AssertionError("a cluster JVM exited with " + p.exitValue() + "; logs in " + dir);
                }
            }
            try {
                String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                alive = Json.MAPPER.readValue(body, Map.class).get("aliveworkers");
                if (alive instanceof Number n && n.intValue() == count) {
                    return;
                }
            } catch (IOException e) {
                // the master's web UI is not up yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("after 60 s the master has " + alive + " of " + count + " workers; logs in " + dir);
    }

    static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stops every JVM it started (politely first), then any executor left behind; removes the jar links. */
    @Override
    public void close() throws InterruptedException, IOException {
        for (Worker w : workers) {
            w.process().descendants().forEach(descendants::add);
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).destroy();
        }
        for (Process p : started) {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(15, TimeUnit.SECONDS);
            }
        }
        for (ProcessHandle h : descendants) {
            if (h.isAlive()) {
                h.destroyForcibly();
                h.onExit().completeOnTimeout(h, 15, TimeUnit.SECONDS).join();
            }
        }
        // JUnit's temporary folder would warn about each link to a jar outside it
        try (Stream<Path> links = Files.list(home.resolve("jars"))) {
            for (Path link : links.toList()) {
                Files.delete(link);
            }
        }
    }
}
