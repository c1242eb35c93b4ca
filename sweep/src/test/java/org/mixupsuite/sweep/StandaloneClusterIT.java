package org.mixupsuite.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.PreloadedBlas;
import org.mixupsuite.core.testing.Console;
import org.mixupsuite.core.testing.SyntheticImages;

/**
 * A sweep submitted through spark-submit (client mode) to a standalone master with two one-core
 * workers, each its own JVM; one worker's JVM is killed while a cell runs. Run by Failsafe after
 * the package phase, so the sweep module's jar exists to be submitted.
 */
@Tag("slow")
class StandaloneClusterIT {

    private static final Pattern ATTEMPT = Pattern.compile("^== attempt (\\d+) on executor (\\S+) .*$", Pattern.MULTILINE);

    @Test
    void sweepSurvivesALostWorkerAndGivesTheFiguresOfALocalRun(@TempDir Path tmp) throws Exception {
        Path data = SyntheticImages.writeIdxDataSet(tmp.resolve("data"), 400, 200, 4, 3);
        // 6 epochs instead of smoke's 3 and a checkpoint after each, so that a cell is caught mid-run
        List<String> sweep = List.of("sweep", "--study", "corrupt-labels", "--scale", "smoke", "--grid", "alpha=1,4",
                "--seeds", "2", "--", "--data", data.toString(), "--epochs", "6", "--checkpoint-every", "0");
        Path runs = tmp.resolve("runs");
        Submission jars = Submission.fromTestClasspath();

        Path sweepDir;
        String lostCell;
        String lostExecutor;
        LocalCluster.Worker lost;
        try (LocalCluster cluster = LocalCluster.start(tmp.resolve("cluster"), jars.cluster(), 2, javaOptions())) {
            Process driver = cluster.own(jars.submit(cluster, sweep, runs));
            Path checkpoint = awaitCheckpoint(runs, driver, cluster);
            Path cellDir = cellOf(checkpoint);
            lostCell = cellDir.getFileName().toString();
            lostExecutor = attempts(cellDir).get(0)[1];
            lost = cluster.workerOf(lostExecutor);
            cluster.kill(lost);

            boolean ended = driver.waitFor(150, TimeUnit.SECONDS);
            String driverLog = Files.readString(cluster.log("driver"));
            assertTrue(ended, "the sweep did not end within 150 s:\n" + driverLog);
            assertEquals(0, driver.exitValue(), driverLog);
            sweepDir = Console.onlyRun(runs, "corrupt-labels");
        }

        // every cell complete; the lost one ran again, on the other worker, from its checkpoints
        Map<String, Object> state = Json.readObject(sweepDir.resolve(SweepRun.SWEEP));
        for (Object c : (List<?>) state.get("cells")) {
            Map<?, ?> cell = (Map<?, ?>) c;
            assertEquals("complete", cell.get("status"), cell.toString());
            if (lostCell.equals(cell.get("id"))) {
                assertEquals(2, cell.get("attempts"), cell.toString());
            }
        }
        Path lostDir = sweepDir.resolve(SweepRun.CELLS).resolve(lostCell);
        List<String[]> tries = attempts(lostDir);
        assertEquals(2, tries.size(), Files.readString(lostDir.resolve(CellTask.LOG)));
        String rerunExecutor = tries.get(1)[1];
        assertNotEquals(lostExecutor, rerunExecutor);
        String log = Files.readString(lostDir.resolve(CellTask.LOG));
        assertTrue(log.contains("== attempt 2 on executor " + rerunExecutor + " (127.0.0.1): corrupt-labels --resume "), log);

        // executors trained as this JVM does: OpenMP and OpenBLAS settings, the same BLAS library
        Map<String, Object> cellConfig = Json.readObject(CellTask.runFolder(lostDir, "corrupt-labels").orElseThrow()
                .resolve("config.json"));
        Map<?, ?> env = (Map<?, ?>) cellConfig.get("environment");
        assertEquals(PreloadedBlas.inUse(), env.get("blas"));
        Map<?, ?> threads = (Map<?, ?>) env.get("thread_settings");
        for (String var : List.of("OMP_NUM_THREADS", "OMP_WAIT_POLICY", "OPENBLAS_CORETYPE", "OPENBLAS_NUM_THREADS")) {
            assertEquals(System.getenv(var), threads.get(var), var);
        }

        // the same grid through local[2], in this JVM: the same figures and findings
        Console console = new Console();
        List<String> local = new ArrayList<>(sweep);
        local.addAll(1, List.of("--master", "local[2]", "--out", tmp.resolve("local").toString()));
        assertEquals(0, console.run(local.toArray(String[]::new)), console.out() + console.err());
        Map<String, Object> expected = Json.readObject(Console.onlyRun(tmp.resolve("local"), "corrupt-labels").resolve("metrics.json"));
        Map<String, Object> actual = Json.readObject(sweepDir.resolve("metrics.json"));
        assertEquals(expected.get("conditions"), actual.get("conditions"));
        assertEquals(expected.get("findings"), actual.get("findings"));
        System.out.printf("standalone, %s submitted: lost %s on executor %s (%s), re-ran on executor %s; %d conditions and %d findings as local[2]%n",
                jars.primary().getFileName(), lostCell, lostExecutor, lost.name(), rerunExecutor, ((List<?>) actual.get("conditions")).size(),
                ((List<?>) actual.get("findings")).size());
    }

    /** The first checkpoint any cell writes; the driver's log if it ends before one. */
    private static Path awaitCheckpoint(Path runs, Process driver, LocalCluster cluster) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && driver.isAlive()) {
            if (Files.isDirectory(runs)) {
                try (Stream<Path> files = Files.walk(runs)) {
                    Optional<Path> state = files.filter(p -> p.getFileName().toString().equals("state.json")
                            && p.toString().contains("/checkpoints/")).findFirst();
                    if (state.isPresent()) {
                        return state.get();
                    }
                } catch (IOException e) {
                    // a folder went away while walked (a run removes its checkpoints): look again
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no cell wrote a checkpoint; driver:\n" + Files.readString(cluster.log("driver")));
    }

    /** runs/corrupt-labels/ID-sweep/cells/CELL/corrupt-labels/RUN/checkpoints/...: the CELL folder. */
    private static Path cellOf(Path checkpoint) {
        Path p = checkpoint;
        while (!p.getParent().getFileName().toString().equals(SweepRun.CELLS)) {
            p = p.getParent();
        }
        return p;
    }

    /** Each attempt's number and executor, from the cell's log. */
    private static List<String[]> attempts(Path cellDir) throws IOException {
        Matcher m = ATTEMPT.matcher(Files.readString(cellDir.resolve(CellTask.LOG)));
        List<String[]> list = new ArrayList<>();
        while (m.find()) {
            list.add(new String[] {m.group(1), m.group(2)});
        }
        return list;
    }

    private static List<String> javaOptions() {
        return List.of(System.getProperty("mixup.spark.java.options", "").trim().split("\\s+"));
    }

    /**
     * What the cluster has and what the job ships. The cluster's jars are the test classpath's
     * libraries (Spark's own and the third-party ones the suite uses); the suite's own code travels
     * with the job: the spark-submit jar where the build made one (-Pspark-submit), else the sweep
     * module's jar with core's and the study's as --jars.
     */
    record Submission(List<Path> cluster, Path primary, List<Path> extra) {

        static Submission fromTestClasspath() {
            Path home = Path.of(System.getProperty("mixup.home")).toAbsolutePath();
            List<Path> cluster = new ArrayList<>();
            List<Path> suite = new ArrayList<>();
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            for (String entry : cp.split(File.pathSeparator)) {
                Path p = Path.of(entry).toAbsolutePath();
                if (!p.startsWith(home)) {
                    if (p.toString().endsWith(".jar")) {
                        cluster.add(p);
                    }
                } else if (p.toString().endsWith(".jar") && !p.toString().endsWith("-tests.jar")) {
                    suite.add(p);
                }
            }
            Path sweepJar = Path.of(System.getProperty("mixup.sweep.jar"));
            String shaded = System.getProperty("mixup.submit.jar", "");
            if (!shaded.isEmpty() && Files.isRegularFile(Path.of(shaded))) {
                return new Submission(cluster, Path.of(shaded), List.of());
            }
            suite.remove(sweepJar);
            return new Submission(cluster, sweepJar, suite);
        }

        /** spark-submit in client mode: the driver runs in this process, its output in driver.log. */
        ProcessBuilder submit(LocalCluster cluster, List<String> appArgs, Path out) {
            List<String> args = new ArrayList<>(List.of("--master", cluster.masterUrl(), "--deploy-mode", "client",
                    "--class", "org.mixupsuite.core.cli.Main",
                    "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                    "--conf", "spark.ui.enabled=false", "--executor-memory", "1g"));
            if (!extra.isEmpty()) {
                args.addAll(List.of("--jars", String.join(",", extra.stream().map(Path::toString).toList())));
            }
            args.add(primary.toString());
            args.addAll(appArgs.subList(0, appArgs.indexOf("--")));
            args.addAll(List.of("--out", out.toString()));
            args.addAll(appArgs.subList(appArgs.indexOf("--"), appArgs.size()));
            // the driver's JVM as ./mixup starts one: its flags and memory caps, and this JVM's
            // environment (OpenMP, the preloaded BLAS), which the sweep passes on to the executors
            List<String> driverOptions = List.of("-Xmx1g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=2g",
                    "-Dorg.eclipse.deeplearning4j.helpers.disable=false", "-Djdk.lang.processReaperUseDefaultStackSize=true",
                    "-Djava.awt.headless=true");
            ProcessBuilder pb = new ProcessBuilder(cluster.command(driverOptions, "org.apache.spark.deploy.SparkSubmit", args));
            pb.environment().putAll(cluster.sparkEnvironment());
            return pb.redirectErrorStream(true).redirectOutput(cluster.log("driver").toFile());
        }
    }
}
