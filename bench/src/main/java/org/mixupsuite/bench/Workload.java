package org.mixupsuite.bench;

import org.mixupsuite.core.cli.Named;
import org.mixupsuite.core.run.Condition;

/**
 * One benchmark figure: a workload on a framework (dl4j, or the pytorch peer) with a number of
 * OpenMP threads for its process.
 */
public record Workload(Task workload, Framework framework, int threads) implements Condition {

    /** What a workload reads besides what it makes itself. */
    enum Reads { IMAGES, SPEECH_CLIPS, NOTHING }

    /** Every workload, in the order the table lists them. */
    public enum Task implements Named {
        MLP("examples_per_s", Reads.IMAGES, false, true),
        LENET("examples_per_s", Reads.IMAGES, false, true),
        /** A ratio measured inside one process: one thread is enough. */
        MLP_MIXUP_RATIO("mixup_erm_step_ratio", Reads.IMAGES, true, true),
        FGSM("fgsm_examples_per_s", Reads.IMAGES, true, true),
        GAN("iterations_per_s", Reads.NOTHING, false, true),
        SPEECH_LENET("examples_per_s", Reads.NOTHING, false, true),
        SPEECH_VGG("examples_per_s", Reads.NOTHING, false, true),
        /** This suite's own Java feature code: no PyTorch peer. */
        SPEECH_PIPELINE("clips_per_s", Reads.SPEECH_CLIPS, true, false);

        /** Whether DL4J as shipped can run it: the GAN trains on the fast engine only, the pipeline trains nothing. */
        boolean hasShipped() {
            return this != GAN && this != SPEECH_PIPELINE;
        }

        private final String figure;
        private final Reads reads;
        private final boolean oneThread;
        private final boolean hasPeer;

        Task(String figure, Reads reads, boolean oneThread, boolean hasPeer) {
            this.figure = figure;
            this.reads = reads;
            this.oneThread = oneThread;
            this.hasPeer = hasPeer;
        }

        /** The headline figure, the one the table and the chart show. */
        String figure() {
            return figure;
        }

        Reads reads() {
            return reads;
        }

        /** Whether its figure is a ratio measured inside one process, so one thread is enough. */
        boolean oneThread() {
            return oneThread;
        }

        boolean hasPeer() {
            return hasPeer;
        }

        @Override
        public String toString() {
            return label();
        }
    }

    /**
     * DL4J through the engine in use (the suite's fast path by default), DL4J as shipped
     * ({@code --engine dl4j}, measured with {@code --shipped}), or the PyTorch peer.
     */
    public enum Framework implements Named {
        DL4J, PYTORCH, DL4J_SHIPPED
    }

    @Override
    public String slug() {
        return workload.label() + "-" + framework.label() + "-t" + threads;
    }

    /** The headline figure of this workload, the one the table and the chart show. */
    public String figure() {
        return workload.figure();
    }
}
