package org.mixupsuite.speech;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.RandomGenerator;
import org.mixupsuite.core.data.ImageSet;

/**
 * Turns clips into the networks' input: waveform (augmented for training) → normalized spectrogram
 * (160 x 101) → optional average pooling by whole blocks (smaller inputs for the quick scale).
 *
 * @param logOffset magnitudes enter as log(|X| + logOffset): 1 at paper scale, log(1 + |X|) as the
 *                  common Speech Commands reference code computes it (deepspeech.pytorch's spectrogram
 *                  parser and the GCommandsPytorch loader built on it: 20 ms Hamming, 10 ms hop,
 *                  log1p, z-score); {@link Spectrogram#FLOOR} (1e-3) at smoke and quick, as measured before
 */
public record Features(int poolBins, int poolFrames, double logOffset) {

    /** The paper's input: the full 160 x 101 spectrogram, log(1 + |X|). */
    public static final Features PAPER = new Features(1, 1, 1.0);

    /** The same magnitudes, average-pooled by {@code bins} x {@code frames}. */
    public Features withPool(int bins, int frames) {
        return new Features(bins, frames, logOffset);
    }

    public int height() {
        return Spectrogram.BINS / poolBins;
    }

    public int width() {
        return Spectrogram.FRAMES / poolFrames;
    }

    public String describe() {
        String log = logOffset == 1.0 ? "log(1 + |X|)" : "log(|X| + " + logOffset + ")";
        String base = Spectrogram.BINS + " x " + Spectrogram.FRAMES + " log-magnitude spectrogram (20 ms Hamming, 10 ms hop, "
                + log + ", z-scored)";
        return poolBins == 1 && poolFrames == 1 ? base
                : base + ", average-pooled " + poolBins + " x " + poolFrames + " to " + height() + " x " + width();
    }

    public Map<String, Object> settings() {
        return Map.of("pool_bins", poolBins, "pool_frames", poolFrames, "height", height(), "width", width(),
                "log_offset", logOffset, "description", describe());
    }

    /** Features of clips as they are (validation, test, evaluation), computed on all cores. */
    public ImageSet plain(ClipSet clips, int numClasses) {
        int d = height() * width();
        float[] pixels = new float[clips.count() * d];
        ThreadLocal<Spectrogram> spec = ThreadLocal.withInitial(() -> new Spectrogram(logOffset));
        IntStream.range(0, clips.count()).parallel().forEach(i ->
                System.arraycopy(of(spec.get(), clips.waveforms()[i]), 0, pixels, i * d, d));
        return new ImageSet(pixels, clips.labels(), numClasses, 1, height(), width());
    }

    /** Features of freshly augmented clips; sequential, so the draws from {@code rng} are reproducible. */
    public ImageSet augmented(ClipSet clips, int numClasses, Augmentation aug, List<float[]> noises,
                              RandomGenerator rng) {
        int d = height() * width();
        float[] pixels = new float[clips.count() * d];
        Spectrogram spec = new Spectrogram(logOffset);
        for (int i = 0; i < clips.count(); i++) {
            float[] clip = aug.apply(clips.waveforms()[i], noises, rng);
            System.arraycopy(of(spec, clip), 0, pixels, i * d, d);
        }
        return new ImageSet(pixels, clips.labels(), numClasses, 1, height(), width());
    }

    /** One clip's feature vector. */
    public float[] of(Spectrogram spec, float[] clip) {
        return spec.pooled(clip, poolBins, poolFrames);
    }
}
