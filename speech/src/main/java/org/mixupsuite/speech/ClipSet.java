package org.mixupsuite.speech;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.mixupsuite.core.BadInputException;

/**
 * Clips read into memory as one-second 16 kHz waveforms, with their labels. Unreadable clips
 * (corrupt, empty, unsupported format) are skipped and counted with their reasons, so one bad file
 * never stops a long run; but when more than a tenth of them fail the data set is rejected, naming a
 * file, since the problem then lies in the data, not in a few files.
 */
public record ClipSet(List<SpeechCommands.Clip> clips, float[][] waveforms, int[] labels, List<String> skipped) {

    static final double MAX_SKIPPED_SHARE = 0.1;

    public static ClipSet read(List<SpeechCommands.Clip> wanted) {
        float[][] read = new float[wanted.size()][];
        Map<Integer, String> problems = new ConcurrentHashMap<>();
        IntStream.range(0, wanted.size()).parallel().forEach(i -> {
            try {
                read[i] = WavReader.read(wanted.get(i).file());
            } catch (BadInputException e) {
                problems.put(i, e.getMessage());
            }
        });
        List<SpeechCommands.Clip> kept = new ArrayList<>();
        List<float[]> waves = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            if (read[i] == null) {
                skipped.add(problems.get(i));
            } else {
                kept.add(wanted.get(i));
                waves.add(read[i]);
            }
        }
        if (!wanted.isEmpty() && skipped.size() > MAX_SKIPPED_SHARE * wanted.size()) {
            throw new BadInputException(skipped.size() + " of " + wanted.size() + " clips are unreadable, e.g. "
                    + skipped.get(0));
        }
        int[] labels = kept.stream().mapToInt(SpeechCommands.Clip::label).toArray();
        return new ClipSet(kept, waves.toArray(float[][]::new), labels, skipped);
    }

    public int count() {
        return labels.length;
    }
}
