package org.mixupsuite.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mixupsuite.core.run.ConditionContext;
import org.mixupsuite.core.run.ConditionResult;
import org.mixupsuite.core.run.Engine;
import org.mixupsuite.core.run.Experiment;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.run.PreloadedBlas;
import org.mixupsuite.core.run.RunResults;

/**
 * Runs every figure in a child process (a JVM, or /usr/bin/python3 for the peer) with its own
 * OpenMP settings, one at a time whatever --jobs says: two benchmarks sharing two cores would
 * measure each other.
 */
final class BenchExperiment implements Experiment<Workload> {

    private static final Object ONE_AT_A_TIME = new Object();
    /** DL4J's switch for its oneDNN layer helpers (see org.nd4j.nativeblas.Nd4jCpu) and JavaCPP's memory caps. */
    private static final List<String> INHERITED_PROPERTIES = List.of("org.eclipse.deeplearning4j.helpers.disable",
            "org.bytedeco.javacpp.maxbytes", "org.bytedeco.javacpp.maxphysicalbytes", PreloadedBlas.REAPER_PROPERTY);

    private final BenchStudy.Preset preset;
    private final Path data;
    private final Path speechData;
    private final List<Workload> workloads;
    private final String peer;

    BenchExperiment(BenchStudy.Preset preset, Path data, Path speechData, List<Workload> workloads, String peer) {
        this.preset = preset;
        this.data = data;
        this.speechData = speechData;
        this.workloads = workloads;
        this.peer = peer;
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("preset", preset);
        s.put("batch_size", Map.of("mlp, lenet, mlp-mixup-ratio, fgsm (training)", BenchWorkload.BATCH,
                "fgsm (attack)", FgsmBench.ATTACK_ROWS + " rows per block, in FgsmAttack's chunks of 500",
                "gan", "the GAN study's preset", "speech-*", "the speech study's preset"));
        s.put("data", data.toAbsolutePath().toString());
        s.put("speech_data", workloads.stream().anyMatch(w -> w.workload().reads() == Workload.Reads.SPEECH_CLIPS) ? speechData.toAbsolutePath().toString()
                : "not used");
        s.put("models", Map.of("mlp", "784-512-512-10 ReLU, Adam 1e-3 (also the adversarial study's quick target model)",
                "lenet", "conv 5x5x20, max-pool 2, conv 5x5x50, max-pool 2, dense 500, Adam 1e-3",
                "fgsm", FgsmBench.describe(),
                "gan", GanBench.describe(preset.scale()),
                "speech-lenet, speech-vgg", SpeechBench.describeModels(preset.scale()),
                "speech-pipeline", SpeechBench.describePipeline(preset.scale())));
        s.put("thread_settings", "each figure's process gets OMP_NUM_THREADS = threads and OMP_WAIT_POLICY=PASSIVE; "
                + "the peer also calls torch.set_num_threads(threads); ratio figures (mlp-mixup-ratio, fgsm, "
                + "speech-pipeline) are measured at 1 OpenMP thread");
        List<String> childOptions = new ArrayList<>(inheritedJvmOptions());
        childOptions.addAll(childJvmOptions());
        s.put("child_jvm_options", String.join(" ", childOptions));
        s.put("peer", peer);
        s.put("engine", "dl4j figures: --engine " + Engine.current().id() + "; dl4j-shipped figures (--shipped): DL4J as shipped");
        return s;
    }

    @Override
    public List<Workload> conditions() {
        return workloads;
    }

    @Override
    public long workUnits(Workload w) {
        BenchStudy.Steps steps = preset.of(w.workload());
        return steps.warmup() + steps.timed();
    }

    /**
     * Extra options for the DL4J children from {@code MIXUP_BENCH_JVM_OPTS}, e.g. a flight recording or
     * JavaCPP's memory settings, so that a lead can be measured without editing code.
     */
    static List<String> childJvmOptions() {
        String extra = System.getenv().getOrDefault("MIXUP_BENCH_JVM_OPTS", "").trim();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }

    /**
     * Settings of this JVM that change what a DL4J child measures, passed on so that the bench times
     * what the studies run: DL4J's oneDNN helpers and JavaCPP's memory caps (its physical-memory check
     * runs at every allocation and costs time).
     */
    static List<String> inheritedJvmOptions() {
        List<String> options = new ArrayList<>();
        for (String name : INHERITED_PROPERTIES) {
            String value = System.getProperty(name);
            if (value != null) {
                options.add("-D" + name + "=" + value);
            }
        }
        return options;
    }

    /** The folder a workload reads ("-" when it makes its own inputs). */
    private String dataFor(Workload w) {
        return switch (w.workload().reads()) {
            case SPEECH_CLIPS -> speechData.toAbsolutePath().toString();
            case IMAGES -> data.toAbsolutePath().toString();
            case NOTHING -> "-";
        };
    }

    /** The shapes and settings the PyTorch peer needs, from the same presets the Java side reads. */
    private List<String> peerOptions(Workload w) {
        return switch (w.workload()) {
            case GAN -> GanBench.peerOptions(preset.scale());
            case SPEECH_LENET, SPEECH_VGG -> SpeechBench.peerOptions(preset.scale());
            case FGSM -> FgsmBench.peerOptions();
            default -> List.of();
        };
    }

    @Override
    public ConditionResult run(Workload w, ConditionContext ctx) throws IOException, InterruptedException {
        synchronized (ONE_AT_A_TIME) {
            BenchStudy.Steps steps = preset.of(w.workload());
            List<String> args = List.of(w.workload().label(), dataFor(w), String.valueOf(steps.warmup()),
                    String.valueOf(steps.timed()), String.valueOf(ctx.seed()));
            List<String> command = new ArrayList<>();
            if (w.framework() == Workload.Framework.PYTORCH) {
                command.addAll(List.of(BenchStudy.PytorchPeer.PYTHON,
                        BenchStudy.home().resolve("bench").resolve("pytorch").resolve("bench.py").toString()));
                command.addAll(args);
                command.add(String.valueOf(w.threads()));
                command.addAll(peerOptions(w));
            } else {
                command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
                command.addAll(inheritedJvmOptions());
                command.addAll(childJvmOptions());
                command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchWorkload.class.getName()));
                command.addAll(args);
                command.add(preset.scale().name().toLowerCase(java.util.Locale.ROOT));
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("OMP_NUM_THREADS", String.valueOf(w.threads()));
            pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
            pb.environment().put("MIXUP_ENGINE", w.framework() == Workload.Framework.DL4J_SHIPPED
                    ? Engine.DL4J.id() : Engine.current().id());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            int code = p.waitFor();
            ctx.progress(workUnits(w));
            // the figures are the last JSON line; anything a library logged comes before it
            String last = output.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("");
            if (code != 0 || last.isEmpty()) {
                String tail = output.length() > 2000 ? output.substring(output.length() - 2000) : output;
                throw new IOException(w.slug() + ": benchmark process exited with " + code + ":\n" + tail);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> figures = Json.MAPPER.readValue(last, LinkedHashMap.class);
            return ConditionResult.complete(figures, List.of());
        }
    }

    @Override
    public void drawCharts(RunResults<Workload> results, Path runDir) throws IOException {
        BenchReport.write(results, runDir);
    }
}
