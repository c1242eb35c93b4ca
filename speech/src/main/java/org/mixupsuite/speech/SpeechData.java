package org.mixupsuite.speech;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.RandomDataGenerator;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.Seeds;
import org.mixupsuite.core.data.ImageSet;

/**
 * A Speech Commands folder read for training: training waveforms (featurized anew each epoch), the
 * validation and test features (computed once), and the noise bank for augmentation.
 */
record SpeechData(SpeechCommands layout, ClipSet train, ClipSet validation, ClipSet test, List<float[]> noises,
                  ImageSet validationFeatures, ImageSet testFeatures) {

    /** Reads the folder; validation and test are cut to {@code evalSize} clips by a draw from the master seed. */
    static SpeechData load(SpeechCommands layout, int evalSize, Features features, long masterSeed) {
        ClipSet train = ClipSet.read(layout.train());
        ClipSet validation = ClipSet.read(subset(layout.validation(), evalSize, masterSeed, "validation-subset"));
        ClipSet test = ClipSet.read(subset(layout.test(), evalSize, masterSeed, "test-subset"));
        for (var part : List.of(train, validation, test)) {
            if (part.count() == 0) {
                throw new BadInputException(layout.root(), "a split (training, validation_list.txt or testing_list.txt) "
                        + "has no readable clip");
            }
        }
        List<float[]> noises = new ArrayList<>();
        for (var f : layout.noiseFiles()) {
            try {
                noises.add(WavReader.read(f));
            } catch (BadInputException e) {
                // the noise bank only augments: a broken file is left out, and config.json lists what was used
            }
        }
        int classes = layout.words().size();
        return new SpeechData(layout, train, validation, test, noises, features.plain(validation, classes),
                features.plain(test, classes));
    }

    private static List<SpeechCommands.Clip> subset(List<SpeechCommands.Clip> all, int size, long seed, String purpose) {
        if (size <= 0 || size >= all.size()) {
            return all;
        }
        int[] rows = new RandomDataGenerator(Seeds.random(seed, purpose)).nextPermutation(all.size(), size);
        java.util.Arrays.sort(rows);
        List<SpeechCommands.Clip> out = new ArrayList<>();
        for (int r : rows) {
            out.add(all.get(r));
        }
        return out;
    }

    int numClasses() {
        return layout.words().size();
    }

    /** What config.json records about the data: where, how much, what was skipped, whether speakers leak. */
    Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("path", layout.root().toAbsolutePath().toString());
        d.put("words", layout.words());
        d.put("clips", Map.of("training", layout.train().size(), "validation", layout.validation().size(),
                "testing", layout.test().size()));
        d.put("clips_used", Map.of("validation", validation.count(), "testing", test.count()));
        d.put("speakers_in_several_splits", layout.speakersInSeveralParts().size());
        List<String> skipped = new ArrayList<>(train.skipped());
        skipped.addAll(validation.skipped());
        skipped.addAll(test.skipped());
        d.put("skipped_clips", skipped.size());
        d.put("skipped_examples", skipped.subList(0, Math.min(10, skipped.size())));
        d.put("noise_files", layout.noiseFiles().stream().map(p -> p.getFileName().toString()).toList());
        d.put("noise_files_read", noises.size());
        return d;
    }
}
