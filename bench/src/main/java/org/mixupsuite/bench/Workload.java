package org.mixupsuite.bench;

import java.util.List;
import org.mixupsuite.core.run.Condition;

/**
 * One benchmark figure: a workload (see {@link #NAMES}) on a framework (dl4j, or the pytorch peer)
 * with a number of OpenMP threads for its process.
 */
public record Workload(String workload, String framework, int threads) implements Condition {

    /** Every workload, in the order the table lists them. */
    public static final List<String> NAMES = List.of("mlp", "lenet", "mlp-mixup-ratio", "fgsm", "gan",
            "speech-lenet", "speech-vgg", "speech-pipeline");

    /** Workloads whose figure is a ratio measured inside one process: one thread is enough. */
    static final List<String> ONE_THREAD = List.of("mlp-mixup-ratio", "fgsm", "speech-pipeline");

    /** Workloads with no PyTorch peer: the speech pipeline is this suite's own Java feature code. */
    static final List<String> NO_PEER = List.of("speech-pipeline");

    @Override
    public String slug() {
        return workload + "-" + framework + "-t" + threads;
    }

    /** The headline figure of this workload, the one the table and the chart show. */
    public String figure() {
        return figureOf(workload);
    }

    static String figureOf(String workload) {
        return switch (workload) {
            case "mlp-mixup-ratio" -> "mixup_erm_step_ratio";
            case "fgsm" -> "fgsm_examples_per_s";
            case "gan" -> "iterations_per_s";
            case "speech-pipeline" -> "clips_per_s";
            default -> "examples_per_s";
        };
    }

    boolean usesSpeechData() {
        return workload.equals("speech-pipeline");
    }
}
