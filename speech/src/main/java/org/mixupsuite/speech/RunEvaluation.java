package org.mixupsuite.speech;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mixupsuite.core.BadInputException;
import org.mixupsuite.core.cli.OptionValues;
import org.mixupsuite.core.data.ImageSet;
import org.mixupsuite.core.mixup.Method;
import org.mixupsuite.core.run.AtomicFiles;
import org.mixupsuite.core.run.Json;
import org.mixupsuite.core.stats.Interval;
import org.mixupsuite.core.train.Evaluation;
import org.mixupsuite.core.train.Network;

/**
 * {@code ./mixup speech --evaluate RUN_DIR --data DIR}: the kept models of a finished run, evaluated on
 * any folder in the Speech Commands layout (also one holding only some of the words). Writes per-word
 * accuracy and a confusion matrix per condition into {@code RUN_DIR/evaluations/<data>-<split>-<time>/}.
 */
final class RunEvaluation {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunEvaluation() {
    }

    /** One condition's models: summed confusion and each seed's error. */
    private record Tally(SpeechCondition condition, List<Long> seeds, List<Double> errors, long[][] confusion) {
    }

    @SuppressWarnings("unchecked")
    static Path run(Path runDir, Path dataDir, SpeechCommands.Part part, PrintStream out) throws IOException {
        Path configFile = runDir.resolve("config.json");
        if (!Files.isRegularFile(configFile)) {
            throw new BadInputException(runDir, "not a run folder (no config.json)");
        }
        Map<String, Object> config = Json.readObject(configFile);
        if (!"speech".equals(config.get("study")) || !(config.get("settings") instanceof Map<?, ?> settings)
                || !(settings.get("words") instanceof List<?> wordList)
                || !(settings.get("features") instanceof Map<?, ?> feat)) {
            throw new BadInputException(configFile, "is not the config of a speech run (needs settings.words and settings.features)");
        }
        List<String> words = wordList.stream().map(String::valueOf).toList();
        // runs made before the offset was recorded used the floor
        double logOffset = feat.get("log_offset") instanceof Number n ? n.doubleValue() : Spectrogram.FLOOR;
        Features features = new Features(((Number) feat.get("pool_bins")).intValue(), ((Number) feat.get("pool_frames")).intValue(),
                logOffset);
        List<ModelFiles.Stored> stored = ModelFiles.list(runDir);

        SpeechCommands layout = SpeechCommands.open(dataDir, words);
        List<SpeechCommands.Clip> wanted = layout.part(part);
        if (wanted.isEmpty()) {
            throw new BadInputException(dataDir, "holds no " + part.name().toLowerCase(Locale.ROOT)
                    + " clip of the model's words (" + String.join(" ", words) + ")");
        }
        ClipSet clips = ClipSet.read(wanted);
        ImageSet x = features.plain(clips, words.size());
        out.printf("evaluating %d model(s) of %s on %d clips of %s (%s)%n", stored.size(), runDir, clips.count(),
                dataDir, part.name().toLowerCase(Locale.ROOT));
        if (!layout.unknownWords().isEmpty()) {
            out.println("left out: word folders the models were not trained on: " + String.join(" ", layout.unknownWords()));
        }
        if (!clips.skipped().isEmpty()) {
            out.println("skipped " + clips.skipped().size() + " unreadable clip(s), e.g. " + clips.skipped().get(0));
        }

        Map<String, SpeechCondition> bySlug = conditionsOf(config);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        var input = x.features();
        for (ModelFiles.Stored s : stored) {
            SpeechCondition c = bySlug.get(s.slug());
            if (c == null) {
                throw new BadInputException(s.file(), "names a condition that " + configFile + " does not list");
            }
            int[] predicted = Evaluation.predict(Network.readModel(s.file()), input, SpeechExperiment.EVAL_BATCH);
            long[][] counts = Confusion.counts(predicted, x.labels(), words.size());
            Tally t = tallies.computeIfAbsent(s.slug(), k -> new Tally(c, new ArrayList<>(), new ArrayList<>(),
                    new long[words.size()][words.size()]));
            t.seeds().add(s.seed());
            t.errors().add(Confusion.errorPercent(counts));
            tallies.put(s.slug(), new Tally(c, t.seeds(), t.errors(), Confusion.add(t.confusion(), counts)));
        }

        String name = (dataDir.toAbsolutePath().normalize().getFileName() + "-" + part.name().toLowerCase(Locale.ROOT)
                + "-" + LocalDateTime.now().format(STAMP)).replaceAll("[^A-Za-z0-9._-]", "_");
        Path dir = runDir.resolve("evaluations").resolve(name);
        Files.createDirectories(dir);
        List<Integer> present = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            for (int label : x.labels()) {
                if (label == w) {
                    present.add(w);
                    break;
                }
            }
        }
        writeJson(dir, runDir, dataDir, part, clips, layout, words, present, tallies);
        writeCsv(dir.resolve("per-word-accuracy.csv"), words, present, tallies);
        for (Tally t : tallies.values()) {
            confusionChart(t, words, present, dir.resolve("confusion-" + t.condition().slug() + ".png"));
            Interval err = Interval.of(t.errors().stream().mapToDouble(Double::doubleValue).toArray());
            out.printf(Locale.ROOT, "  %-8s %-12s error %6.2f%% ± %.2f  (%d seed(s))%n", SpeechModels.label(t.condition().model()),
                    t.condition().methodLabel(), err.mean(), err.ci95(), t.seeds().size());
        }
        out.println("wrote " + dir);
        return dir;
    }

    private static Map<String, SpeechCondition> conditionsOf(Map<String, Object> config) {
        Map<String, SpeechCondition> out = new LinkedHashMap<>();
        if (config.get("conditions") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    SpeechCondition c = new SpeechCondition(String.valueOf(m.get("model")),
                            OptionValues.parse(Method.class, "evaluate", String.valueOf(m.get("method"))),
                            ((Number) m.get("alpha")).doubleValue());
                    out.put(c.slug(), c);
                }
            }
        }
        return out;
    }

    private static void writeJson(Path dir, Path runDir, Path dataDir, SpeechCommands.Part part, ClipSet clips,
                                  SpeechCommands layout, List<String> words, List<Integer> present,
                                  Map<String, Tally> tallies) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run", runDir.toAbsolutePath().toString());
        doc.put("data", dataDir.toAbsolutePath().toString());
        doc.put("split", part.name().toLowerCase(Locale.ROOT));
        doc.put("clips", clips.count());
        doc.put("skipped_clips", clips.skipped().size());
        doc.put("words_evaluated", present.stream().map(words::get).toList());
        doc.put("unknown_words_left_out", layout.unknownWords());
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (Tally t : tallies.values()) {
            Map<String, Object> c = new LinkedHashMap<>(t.condition().settings());
            Interval err = Interval.of(t.errors().stream().mapToDouble(Double::doubleValue).toArray());
            c.put("seeds", t.seeds());
            c.put("error", err.mean());
            c.put("error_ci95", err.ci95());
            c.put("error_per_seed", t.errors());
            double[] acc = Confusion.accuracyPerClass(t.confusion());
            Map<String, Double> perWord = new LinkedHashMap<>();
            present.forEach(w -> perWord.put(words.get(w), acc[w]));
            c.put("accuracy_per_word", perWord);
            conditions.add(c);
        }
        doc.put("conditions", conditions);
        Json.write(dir.resolve("evaluation.json"), doc);
    }

    private static void writeCsv(Path file, List<String> words, List<Integer> present, Map<String, Tally> tallies)
            throws IOException {
        List<String> header = new ArrayList<>(List.of("word", "clips"));
        tallies.values().forEach(t -> header.add(t.condition().slug()));
        AtomicFiles.write(file, stream -> {
            OutputStreamWriter w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get());
            for (int word : present) {
                List<Object> row = new ArrayList<>(List.of(words.get(word)));
                Tally first = tallies.values().iterator().next();
                long n = 0;
                for (long v : first.confusion()[word]) {
                    n += v;
                }
                row.add(n / Math.max(1, first.seeds().size()));
                for (Tally t : tallies.values()) {
                    row.add(String.format(Locale.ROOT, "%.2f", Confusion.accuracyPerClass(t.confusion())[word]));
                }
                csv.printRecord(row);
            }
            csv.flush();
        });
    }

    /** Rows: the words present in the folder; columns: every word the model can answer. */
    private static void confusionChart(Tally t, List<String> words, List<Integer> present, Path file) throws IOException {
        long[][] rows = new long[present.size()][];
        for (int i = 0; i < present.size(); i++) {
            rows[i] = t.confusion()[present.get(i)];
        }
        double[][] pct = new double[rows.length][words.size()];
        for (int i = 0; i < rows.length; i++) {
            long n = 0;
            for (long v : rows[i]) {
                n += v;
            }
            for (int j = 0; j < words.size() && n > 0; j++) {
                pct[i][j] = 100.0 * rows[i][j] / n;
            }
        }
        String[] cols = words.toArray(String[]::new);
        String[] rowLabels = present.stream().map(words::get).toArray(String[]::new);
        double error = Confusion.errorPercent(t.confusion());
        org.mixupsuite.core.charts.Heatmap.savePng(org.mixupsuite.core.charts.Heatmap.chart(String.format(Locale.ROOT,
                        "Confusion, %s %s (error %.1f%%)", SpeechModels.label(t.condition().model()),
                        t.condition().methodLabel(), error), "predicted word", "spoken word", cols, rowLabels, pct, 100,
                "% of the spoken word's clips"), Math.max(rowLabels.length, cols.length), file);
    }
}
