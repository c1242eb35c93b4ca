package org.mixupsuite.bench;

import static org.mixupsuite.bench.Workload.Task.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.Named;
import org.mixupsuite.core.cli.OptionValues;
import org.mixupsuite.core.data.ImageData;
import org.mixupsuite.core.data.ImageDataLoader;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.PreloadedBlas;
import org.mixupsuite.core.run.RunSettings;
import org.mixupsuite.core.run.Scale;
import org.mixupsuite.core.run.Study;
import org.mixupsuite.speech.SpeechStudy;

/**
 * {@code ./mixup bench}: training throughput of the suite's models, the cost of mixup, FGSM against
 * training, GAN iterations, and whether the speech feature pipeline keeps up with training; each
 * figure in its own process, optionally beside the same workloads in PyTorch ({@code --peer}).
 * Runs are ordinary runs (reports/runs/bench/...), so {@code --seeds N} repeats every figure.
 */
public final class BenchStudy implements Study {

    /** Untimed warm-up steps, then timed steps, of one workload (steps: batches, GAN iterations, pipeline batches). */
    record Steps(int warmup, int timed) {
    }

    /** Steps per workload at a scale, and the OpenMP thread counts each throughput figure is measured at. */
    record Preset(Scale scale, Map<Workload.Task, Steps> steps, List<Integer> threads) {

        static Preset of(Scale scale) {
            return switch (scale) {
                case SMOKE -> new Preset(scale, steps(MLP, 1, 2, LENET, 1, 2, MLP_MIXUP_RATIO, 2, 2, FGSM, 2, 2, GAN, 2, 3,
                        SPEECH_LENET, 1, 2, SPEECH_VGG, 1, 2, SPEECH_PIPELINE, 1, 2), List.of(1));
                // the speech models take most of a second per step in DL4J on one core: few steps keep the run to minutes
                case QUICK -> new Preset(scale, steps(MLP, 20, 200, LENET, 20, 40, MLP_MIXUP_RATIO, 20, 200, FGSM, 20, 100,
                        GAN, 20, 200, SPEECH_LENET, 5, 15, SPEECH_VGG, 5, 15, SPEECH_PIPELINE, 3, 12), List.of(1, 2));
                // the paper's speech models on full 160 x 101 inputs take seconds per step on a small CPU
                case PAPER -> new Preset(scale, steps(MLP, 50, 1000, LENET, 50, 200, MLP_MIXUP_RATIO, 50, 1000, FGSM, 50, 500,
                        GAN, 50, 1000, SPEECH_LENET, 5, 20, SPEECH_VGG, 2, 5, SPEECH_PIPELINE, 3, 20), List.of(1, 2));
            };
        }

        /** (workload, warm-up steps, timed steps) triples, every workload named once. */
        private static Map<Workload.Task, Steps> steps(Object... triples) {
            Map<Workload.Task, Steps> m = new EnumMap<>(Workload.Task.class);
            for (int i = 0; i < triples.length; i += 3) {
                m.put((Workload.Task) triples[i], new Steps((Integer) triples[i + 1], (Integer) triples[i + 2]));
            }
            if (m.size() != Workload.Task.values().length) {
                throw new IllegalStateException("bench preset without steps for " + EnumSet.complementOf(EnumSet.copyOf(m.keySet())));
            }
            return m;
        }

        Steps of(Workload.Task workload) {
            return steps.get(workload);
        }
    }

    @Override
    public About about() {
        // a tool, not a finding: not in the demo
        return About.of("bench", "throughput benchmarks (examples/s, mixup/ERM step ratio, FGSM, GAN, speech pipeline), "
                + "optionally beside PyTorch (--peer)").notInDemo()
                .examples("./mixup bench                                 # every workload, this machine",
                        "./mixup bench --peer --seeds 3                   # beside a same-work PyTorch, 3 runs",
                        "./mixup bench --shipped --seeds 3                # the fast engine's speed-up over DL4J as shipped");
    }

    @Override
    public Record preset(Scale scale) {
        return Preset.of(scale);
    }

    @Override
    public void addOptions(Options o) {
        o.addOption(Option.builder().longOpt("peer").desc("also run the PyTorch reference (installs python3-torch if missing)").get());
        o.addOption(Option.builder().longOpt("shipped").desc("also run each workload on DL4J as shipped (--engine dl4j) "
                + "and report the fast engine's speed-up over it").get());
        o.addOption(Option.builder().longOpt("workloads").hasArg().argName("LIST")
                .desc("any of " + String.join(", ", Named.labels(Workload.Task.class)) + " (default all)").get());
        o.addOption(Option.builder().longOpt("speech-data").hasArg().argName("DIR")
                .desc("Speech Commands folder for speech-pipeline (default: the synthesized set of ./mixup setup)").get());
    }

    @Override
    public Experiment<?> plan(CommandLine cmd, RunSettings settings) {
        Preset preset = Preset.of(settings.scale());
        List<Workload.Task> names = OptionValues.choices(cmd, "workloads", List.of(Workload.Task.values()),
                Workload.Task.class);
        Path speech = cmd.hasOption("speech-data") ? Path.of(cmd.getOptionValue("speech-data")) : SpeechStudy.defaultData();
        if (names.contains(Workload.Task.SPEECH_PIPELINE) && !Files.isDirectory(speech)) {
            if (cmd.hasOption("workloads") || cmd.hasOption("speech-data")) {
                throw new BadInputException(speech, "speech-pipeline needs a Speech Commands folder; run ./mixup setup "
                        + "or pass --speech-data DIR");
            }
            // the default list should still run on a machine without the speech set: say what is left out
            System.out.println("bench: no speech data at " + speech + " (./mixup setup makes it); skipping speech-pipeline");
            names = names.stream().filter(n -> n != Workload.Task.SPEECH_PIPELINE).toList();
        }
        String peer = cmd.hasOption("peer") ? PytorchPeer.availability() : "not requested (--peer)";
        boolean withPeer = peer.equals(PytorchPeer.AVAILABLE);
        if (cmd.hasOption("peer") && !withPeer) {
            System.out.println("bench: the PyTorch peer is unavailable, measuring DL4J only: " + peer);
        }
        List<Workload> workloads = new ArrayList<>();
        for (Workload.Task n : names) {
            List<Integer> threads = n.oneThread() ? List.of(1) : preset.threads();
            for (int t : threads) {
                workloads.add(new Workload(n, Workload.Framework.DL4J, t));
                if (cmd.hasOption("shipped") && n.hasShipped()) {
                    workloads.add(new Workload(n, Workload.Framework.DL4J_SHIPPED, t));
                }
                if (withPeer && n.hasPeer()) {
                    workloads.add(new Workload(n, Workload.Framework.PYTORCH, t));
                }
            }
        }
        ImageData data = ImageDataLoader.loadOrDefault(settings.data());
        return new BenchExperiment(preset, data.source(), speech, workloads, peer);
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
                Process install = PreloadedBlas.leftOut(new ProcessBuilder("bash", script.toString())).inheritIO().start();
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
