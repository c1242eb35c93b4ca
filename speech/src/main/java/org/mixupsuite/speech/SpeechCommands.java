package org.mixupsuite.speech;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.mixupsuite.core.BadInputException;

/**
 * A folder in the layout of Google Speech Commands: one folder per word holding
 * {@code <speaker>_nohash_<n>.wav} clips, {@code validation_list.txt} and {@code testing_list.txt}
 * naming the held-out clips by relative path (every other clip is training), and the noise bank
 * {@code _background_noise_/}. Works alike for the real data set and the synthesized one.
 *
 * @param words the class list, in label order
 */
public record SpeechCommands(Path root, List<String> words, List<Clip> train, List<Clip> validation, List<Clip> test,
                             List<Path> noiseFiles, List<String> unknownWords) {

    public static final String NOISE_DIR = "_background_noise_";
    public static final String VALIDATION_LIST = "validation_list.txt";
    public static final String TESTING_LIST = "testing_list.txt";

    /** One clip: its file, its path relative to the root (as the lists name it), label and speaker. */
    public record Clip(Path file, String relative, int label, String speaker) {
    }

    /** Which clips a folder's lists put where; {@code ALL} ignores the lists (e.g. a folder of new test clips). */
    public enum Part {
        TRAINING, VALIDATION, TESTING, ALL;

        public static Part parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--split: '" + text + "' is not one of training, validation, testing, all");
            }
        }
    }

    /** Reads a training layout: every word folder is a class; both list files must exist. */
    public static SpeechCommands open(Path root) {
        List<String> words = wordFolders(root);
        if (words.size() < 2) {
            throw new BadInputException(root, "found " + words.size() + " word folder(s); a Speech Commands layout "
                    + "has one folder per word (run ./mixup setup for the synthesized set)");
        }
        for (String list : List.of(VALIDATION_LIST, TESTING_LIST)) {
            if (!Files.isRegularFile(root.resolve(list))) {
                throw new BadInputException(root.resolve(list), "missing: the split lists are part of the layout");
            }
        }
        return open(root, words);
    }

    /**
     * Reads a layout against a given class list (e.g. a trained model's): word folders not in it are
     * left out and reported in {@link #unknownWords}; missing list files mean "no clip is held out".
     */
    public static SpeechCommands open(Path root, List<String> words) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root, "data directory not found");
        }
        Set<String> validation = readList(root.resolve(VALIDATION_LIST));
        Set<String> testing = readList(root.resolve(TESTING_LIST));
        List<Clip> train = new ArrayList<>();
        List<Clip> val = new ArrayList<>();
        List<Clip> test = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String word : wordFolders(root)) {
            int label = words.indexOf(word);
            if (label < 0) {
                unknown.add(word);
                continue;
            }
            for (Path f : wavFiles(root.resolve(word))) {
                String rel = word + "/" + f.getFileName();
                Clip c = new Clip(f, rel, label, speakerOf(f.getFileName().toString()));
                (validation.contains(rel) ? val : testing.contains(rel) ? test : train).add(c);
            }
        }
        List<Path> noises = Files.isDirectory(root.resolve(NOISE_DIR)) ? wavFiles(root.resolve(NOISE_DIR)) : List.of();
        return new SpeechCommands(root, List.copyOf(words), train, val, test, noises, unknown);
    }

    public List<Clip> part(Part part) {
        return switch (part) {
            case TRAINING -> train;
            case VALIDATION -> validation;
            case TESTING -> test;
            case ALL -> {
                List<Clip> all = new ArrayList<>(train);
                all.addAll(validation);
                all.addAll(test);
                yield all;
            }
        };
    }

    /** The speaker of a clip file: the part of its name before {@code _nohash_} (Speech Commands' convention). */
    public static String speakerOf(String fileName) {
        int k = fileName.indexOf("_nohash_");
        if (k > 0) {
            return fileName.substring(0, k);
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Speakers heard in more than one of training, validation and testing (0 for a proper split). */
    public Set<String> speakersInSeveralParts() {
        Map<String, Integer> partsOf = new HashMap<>();
        List<List<Clip>> parts = List.of(train, validation, test);
        for (int p = 0; p < parts.size(); p++) {
            int bit = 1 << p;
            for (Clip c : parts.get(p)) {
                partsOf.merge(c.speaker(), bit, (a, b) -> a | b);
            }
        }
        Set<String> shared = new HashSet<>();
        partsOf.forEach((speaker, bits) -> {
            if (Integer.bitCount(bits) > 1) {
                shared.add(speaker);
            }
        });
        return shared;
    }

    private static List<String> wordFolders(Path root) {
        if (!Files.isDirectory(root)) {
            throw new BadInputException(root, "data directory not found");
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("_") && !n.startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(root, "cannot list: " + e.getMessage(), e);
        }
    }

    private static List<Path> wavFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot list: " + e.getMessage(), e);
        }
    }

    private static Set<String> readList(Path file) {
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        try (Stream<String> lines = Files.lines(file)) {
            Set<String> out = new HashSet<>();
            lines.map(String::strip).filter(l -> !l.isEmpty()).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
