package org.mixupsuite.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.data.ImageDataLoader;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Study;

/**
 * {@code ./mixup bench}: training throughput of the suite's models and the cost of mixup, each
 * figure in its own process, optionally beside the same workloads in PyTorch ({@code --peer}).
 * Runs are ordinary runs (reports/runs/bench/...), so {@code --seeds N} repeats every figure.
 */
public final class BenchStudy implements Study {

    /** Batches measured per figure at each scale (after warm-up batches that are not timed). */
    record Preset(int warmup, int timedMlp, int timedLenet, List<Integer> threads) {
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "throughput benchmarks (examples/s, mixup/ERM step ratio), optionally beside PyTorch (--peer)";
    }

    @Override
    public void addOptions(Options o) {
        o.addOption(Option.builder().longOpt("peer").desc("also run the PyTorch reference (installs python3-torch if missing)").get());
        o.addOption(Option.builder().longOpt("workloads").hasArg().argName("LIST")
                .desc("any of mlp, lenet, mlp-mixup-ratio (default all)").get());
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings settings) {
        Preset preset = switch (settings.scale()) {
            case SMOKE -> new Preset(2, 5, 3, List.of(1));
            case QUICK -> new Preset(20, 200, 40, List.of(1, 2));
            case PAPER -> new Preset(50, 1000, 200, List.of(1, 2));
        };
        List<String> names = cmd.hasOption("workloads") ? List.of(cmd.getOptionValue("workloads").split(","))
                : List.of("mlp", "lenet", "mlp-mixup-ratio");
        for (String n : names) {
            if (!List.of("mlp", "lenet", "mlp-mixup-ratio").contains(n)) {
                throw new org.mixupsuite.core.BadInputException("--workloads: '" + n + "' is not a workload");
            }
        }
        String peer = cmd.hasOption("peer") ? PytorchPeer.availability() : "not requested (--peer)";
        boolean withPeer = peer.equals(PytorchPeer.AVAILABLE);
        if (cmd.hasOption("peer") && !withPeer) {
            System.out.println("bench: the PyTorch peer is unavailable, measuring DL4J only: " + peer);
        }
        List<Workload> workloads = new ArrayList<>();
        for (String n : names) {
            // the ratio is a property of the step, not of the thread count: one thread is enough
            List<Integer> threads = n.equals("mlp-mixup-ratio") ? List.of(1) : preset.threads();
            for (int t : threads) {
                workloads.add(new Workload(n, "dl4j", t));
                if (withPeer) {
                    workloads.add(new Workload(n, "pytorch", t));
                }
            }
        }
        ImageData data = ImageDataLoader.loadOrDefault(settings.data());
        return new BenchExperiment(preset, data.source(), workloads, peer);
    }

    static Path home() {
        return Path.of(System.getProperty("mixup.home", "."));
    }

    /** Whether Debian's torch can be used, installing it when it is missing. */
    static final class PytorchPeer {
        static final String AVAILABLE = "available";
        static final String PYTHON = "/usr/bin/python3";

        private PytorchPeer() {
        }

        static String availability() {
            try {
                if (importsTorch()) {
                    return AVAILABLE;
                }
                Path script = home().resolve("data-scripts").resolve("install-torch.sh");
                Process install = new ProcessBuilder("bash", script.toString()).inheritIO().start();
                if (install.waitFor() != 0) {
                    return "installing python3-torch with " + script + " failed";
                }
                return importsTorch() ? AVAILABLE : PYTHON + " cannot import torch after installing python3-torch";
            } catch (IOException e) {
                return "cannot start " + PYTHON + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }

        private static boolean importsTorch() throws IOException, InterruptedException {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        }
    }
}
