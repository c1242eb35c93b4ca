import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Renders the clips that speech-plan.awk planned: the engines speak, everything after them happens
 * here, in one JVM, instead of in 3-4 sox processes a clip. Run by speech-commands-synth.sh with the
 * JDK's source launcher (java SpeechSynth.java ...), so it needs nothing from the suite's build, which
 * runs at the same time on a fresh machine.
 *
 * <p>A clip's speed and pitch jitter: the engine stretches the word's duration by the pitch factor
 * p = 2^(cents/1200) (espeak-ng's SSML rate, flite's duration_stretch, festival's Duration_Stretch or
 * hts_engine's -r), then resampling by speed * p raises the pitch by that and shortens the word back
 * to 1 / speed: sox's "speed" and "pitch" effects, without a time-stretching algorithm of our own.
 *
 * <p>Every speaker is one task. espeak-ng speaks all of a speaker's clips in one process, the words
 * separated by a second of silence, and the result is cut at those silences; a speaker whose cut does
 * not give one piece a clip is spoken word by word instead. A task always renders all of its speaker's
 * clips, also when resuming, so the output never depends on what an earlier run left behind or on
 * which worker ran first.
 *
 * <p>usage: java SpeechSynth.java --plan DIR --out DIR --espeak-data DIR [--jobs N]. The plan folder
 * holds clips.tsv and speakers.tsv; the clips go to OUT/word/speaker_nohash_take.wav, the noise is
 * read from OUT/_background_noise_. Exit code 2: bad options or plan; 1: an engine failed.
 */
public final class SpeechSynth {

    static final int RATE = 16_000;
    /** A trimmed word longer than this is squeezed, so that every clip has some room around it. */
    static final double LONGEST_WORD_S = 0.97;
    /** Pieces of the batch rendering are separated by a second of near silence; words have none this long. */
    static final double SPLIT_SILENCE_S = 0.3;
    /** Below -60 dBFS: the pauses between words are exact zeros or an LSB of tail (voices with breath). */
    static final float QUIET = 0.001f;
    static final String NAME = "speech-commands-synth";

    record Clip(String word, String speaker, int take, String engine, String voice, double speed, int cents,
                double levelDb, double place, String noise, double offsetS, double floorDb) {
        double pitchFactor() {
            return Math.pow(2, cents / 1200.0);
        }

        String fileName() {
            return speaker + "_nohash_" + take + ".wav";
        }
    }

    /** Mono samples in [-1, 1] at a sample rate. */
    record Audio(float[] samples, float rate) {
    }

    static final class BadInput extends Exception {
        BadInput(String message) {
            super(message);
        }
    }

    static final class EngineFailed extends Exception {
        EngineFailed(String message) {
            super(message);
        }
    }

    private final Path out;
    private final Path work;
    private final Path espeakData;
    private final Map<String, float[]> noise = new HashMap<>();
    private final Map<String, Double> noiseRms = new HashMap<>();
    private final AtomicInteger rendered = new AtomicInteger();
    private final AtomicInteger squeezed = new AtomicInteger();
    private final AtomicInteger wordByWord = new AtomicInteger();

    private SpeechSynth(Path out, Path work, Path espeakData) {
        this.out = out;
        this.work = work;
        this.espeakData = espeakData;
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (BadInput e) {
            System.err.println(NAME + ": " + e.getMessage());
            System.exit(2);
        } catch (EngineFailed e) {
            System.err.println(NAME + ": " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args) throws BadInput, EngineFailed {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!List.of("--plan", "--out", "--espeak-data", "--jobs").contains(args[i]) || i + 1 >= args.length) {
                throw new BadInput("SpeechSynth: unknown option or missing value: " + args[i]);
            }
            opt.put(args[i], args[i + 1]);
        }
        for (String required : List.of("--plan", "--out", "--espeak-data")) {
            if (!opt.containsKey(required)) {
                throw new BadInput("SpeechSynth: " + required + " is required");
            }
        }
        int jobs;
        try {
            jobs = Integer.parseInt(opt.getOrDefault("--jobs", "1"));
        } catch (NumberFormatException e) {
            jobs = 0;
        }
        if (jobs < 1) {
            throw new BadInput("SpeechSynth: --jobs " + opt.get("--jobs") + " is not a positive whole number");
        }
        Path plan = Path.of(opt.get("--plan"));
        SpeechSynth synth = new SpeechSynth(Path.of(opt.get("--out")), plan, Path.of(opt.get("--espeak-data")));
        Map<String, List<Clip>> bySpeaker = readPlan(plan.resolve("clips.tsv"));
        synth.loadNoise(bySpeaker);
        synth.renderAll(bySpeaker, jobs);
        // short enough for the demo's 100 columns behind ./mixup's "  data: " prefix
        System.out.println(NAME + ": rendered " + synth.rendered + " clips (" + synth.squeezed + " squeezed, "
                + synth.wordByWord + " speakers word by word)");
        return 0;
    }

    /** The plan's rows grouped by speaker, in the plan's order. */
    static Map<String, List<Clip>> readPlan(Path file) throws BadInput {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new BadInput(file + ": no plan there (speech-commands-synth.sh writes it)");
        } catch (IOException e) {
            throw new BadInput(file + ": cannot read the plan (" + e.getMessage() + ")");
        }
        Map<String, List<Clip>> bySpeaker = new LinkedHashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String[] f = lines.get(n).split("\t", -1);
            try {
                if (f.length != 12 || !f[0].matches("[a-z]+") || !f[1].matches("[A-Za-z0-9_.+-]+")
                        || !f[9].matches("[A-Za-z0-9_.-]+\\.wav")) {
                    throw new NumberFormatException("12 tab-separated fields expected");
                }
                Clip c = new Clip(f[0], f[1], Integer.parseInt(f[2]), f[3], f[4], Double.parseDouble(f[5]),
                        Integer.parseInt(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]), f[9],
                        Double.parseDouble(f[10]), Double.parseDouble(f[11]));
                if (!List.of("espeak", "flite", "festival").contains(c.engine())) {
                    throw new NumberFormatException("unknown engine " + c.engine());
                }
                if (c.speed() <= 0 || Math.abs(c.cents()) > 1200 || c.place() < 0 || c.place() > 1 || c.offsetS() < 0) {
                    throw new NumberFormatException("speed, cents, place or offset out of range");
                }
                bySpeaker.computeIfAbsent(c.speaker(), k -> new ArrayList<>()).add(c);
            } catch (NumberFormatException e) {
                throw new BadInput(file + " line " + (n + 1) + ": " + e.getMessage() + ": " + lines.get(n));
            }
        }
        if (bySpeaker.isEmpty()) {
            throw new BadInput(file + ": the plan has no clips");
        }
        return bySpeaker;
    }

    private void loadNoise(Map<String, List<Clip>> bySpeaker) throws BadInput {
        for (List<Clip> clips : bySpeaker.values()) {
            for (Clip c : clips) {
                if (noise.containsKey(c.noise())) {
                    continue;
                }
                Path file = out.resolve("_background_noise_").resolve(c.noise());
                float[] x;
                try {
                    Audio a = readWav(file);
                    if (a.rate() != RATE) {
                        throw new BadInput(file + ": " + a.rate() + " Hz, the noise bank is made at " + RATE);
                    }
                    x = a.samples();
                } catch (IOException | UnsupportedAudioFileException e) {
                    throw new BadInput(file + ": cannot read the noise (" + e.getMessage() + ")");
                }
                double sum = 0;
                for (float v : x) {
                    sum += (double) v * v;
                }
                noise.put(c.noise(), x);
                noiseRms.put(c.noise(), Math.sqrt(sum / x.length));
            }
        }
        for (List<Clip> clips : bySpeaker.values()) {
            for (Clip c : clips) {
                if (Math.round(c.offsetS() * RATE) + RATE > noise.get(c.noise()).length) {
                    throw new BadInput(c.noise() + ": shorter than the planned offset " + c.offsetS() + " s plus 1 s");
                }
            }
        }
    }

    private void renderAll(Map<String, List<Clip>> bySpeaker, int jobs) throws EngineFailed {
        for (List<Clip> clips : bySpeaker.values()) {
            for (Clip c : clips) {
                try {
                    Files.createDirectories(out.resolve(c.word()));
                } catch (IOException e) {
                    throw new EngineFailed("cannot make " + out.resolve(c.word()) + ": " + e.getMessage());
                }
            }
        }
        // festival's speakers take the longest, so they start first; the order changes no file
        List<List<Clip>> tasks = new ArrayList<>(bySpeaker.values());
        tasks.sort(Comparator.comparingInt(t -> List.of("festival", "flite", "espeak").indexOf(t.get(0).engine())));
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        List<Future<?>> done = new ArrayList<>();
        for (List<Clip> speaker : tasks) {
            done.add(pool.submit(() -> {
                renderSpeaker(speaker);
                return null;
            }));
        }
        pool.shutdown();
        try {
            for (Future<?> f : done) {
                f.get();
            }
        } catch (ExecutionException e) {
            pool.shutdownNow();
            Throwable cause = e.getCause();
            throw new EngineFailed(cause instanceof EngineFailed ? cause.getMessage() : String.valueOf(cause));
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new EngineFailed("interrupted");
        }
    }

    private void renderSpeaker(List<Clip> clips) throws Exception {
        if (clips.stream().allMatch(c -> Files.exists(target(c)))) {
            return;
        }
        Clip first = clips.get(0);
        Path tmp = work.resolve("tmp").resolve(first.speaker());
        Files.createDirectories(tmp);
        List<Audio> raw = switch (first.engine()) {
            case "espeak" -> espeak(clips, tmp);
            case "flite" -> flite(clips, tmp);
            default -> festival(clips, tmp);
        };
        for (int i = 0; i < clips.size(); i++) {
            Clip c = clips.get(i);
            Path target = target(c);
            if (Files.exists(target)) {
                continue;
            }
            Path part = target.resolveSibling(c.fileName() + ".tmp");
            writeWav(finish(c, raw.get(i)), part);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            rendered.incrementAndGet();
        }
        deleteTree(tmp);
    }

    private Path target(Clip c) {
        return out.resolve(c.word()).resolve(c.fileName());
    }

    // --- engines --------------------------------------------------------------------------------

    /** espeak-ng's SSML rate is a percentage of its normal speed: a stretch p is a rate of 100 / p. */
    private static String espeakUtterance(Clip c) {
        return String.format(Locale.ROOT, "<s><prosody rate=\"%d%%\">%s</prosody></s>",
                Math.round(100 / c.pitchFactor()), c.word());
    }

    private List<Audio> espeak(List<Clip> clips, Path tmp) throws Exception {
        StringBuilder ssml = new StringBuilder("<speak>");
        for (Clip c : clips) {
            ssml.append(espeakUtterance(c)).append("<break time=\"1s\"/>\n");
        }
        Audio all = speakEspeak(clips.get(0).voice(), ssml.append("</speak>").toString(), tmp.resolve("all"));
        List<Audio> pieces = splitAtSilence(all, clips.size());
        if (pieces != null) {
            return pieces;
        }
        wordByWord.incrementAndGet();
        List<Audio> one = new ArrayList<>();
        for (Clip c : clips) {
            one.add(speakEspeak(c.voice(), "<speak>" + espeakUtterance(c) + "</speak>", tmp.resolve("one")));
        }
        return one;
    }

    private Audio speakEspeak(String voice, String ssml, Path stem) throws Exception {
        Path text = stem.resolveSibling(stem.getFileName() + ".ssml");
        Path wav = stem.resolveSibling(stem.getFileName() + ".wav");
        Files.writeString(text, ssml);
        exec(stem, "espeak-ng", "--path=" + espeakData, "-m", "-v", voice, "-w", wav.toString(), "-f", text.toString());
        return readWav(wav);
    }

    /** flite's SSML has no rate, so each of its clips is one process (5 speakers, 450 clips in all). */
    private List<Audio> flite(List<Clip> clips, Path tmp) throws Exception {
        List<Audio> raw = new ArrayList<>();
        Path wav = tmp.resolve("one.wav");
        for (Clip c : clips) {
            String stretch = String.format(Locale.ROOT, "duration_stretch=%.4f", c.pitchFactor());
            exec(tmp.resolve("one"), "flite", "-voice", c.voice(), "--setf", stretch, "-t", c.word(), "-o", wav.toString());
            raw.add(readWav(wav));
        }
        return raw;
    }

    /**
     * One festival process a speaker (it starts slowly). The diphone voices read Duration_Stretch; the
     * HTS voice ignores it and takes hts_engine's speed -r instead.
     */
    private List<Audio> festival(List<Clip> clips, Path tmp) throws Exception {
        boolean hts = clips.get(0).voice().endsWith("_hts");
        StringBuilder scm = new StringBuilder("(voice_" + clips.get(0).voice() + ")\n");
        if (hts) {
            scm.append("(set! base_params hts_engine_params)\n");
        }
        for (int i = 0; i < clips.size(); i++) {
            Clip c = clips.get(i);
            double p = c.pitchFactor();
            scm.append(hts
                    ? String.format(Locale.ROOT, "(set! hts_engine_params (cons (list \"-r\" %.4f) base_params))%n", 1 / p)
                    : String.format(Locale.ROOT, "(Parameter.set 'Duration_Stretch %.4f)%n", p));
            scm.append(String.format(Locale.ROOT, "(utt.save.wave (SynthText \"%s\") \"%s\" 'riff)%n", c.word(),
                    tmp.resolve(i + ".wav")));
        }
        Path script = tmp.resolve("batch.scm");
        Files.writeString(script, scm);
        exec(tmp.resolve("festival"), "festival", "-b", script.toString());
        List<Audio> raw = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            raw.add(readWav(tmp.resolve(i + ".wav")));
        }
        return raw;
    }

    private static void exec(Path stem, String... command) throws Exception {
        Path log = stem.resolveSibling(stem.getFileName() + ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new EngineFailed(String.join(" ", command) + " did not finish in 10 minutes");
        }
        if (p.exitValue() != 0) {
            throw new EngineFailed(String.join(" ", command) + " exited with " + p.exitValue() + ": "
                    + Files.readString(log).strip());
        }
    }

    /**
     * The pieces of a batch rendering between runs of QUIET samples of at least SPLIT_SILENCE_S, or
     * null where that does not give exactly the expected count.
     */
    static List<Audio> splitAtSilence(Audio all, int expected) {
        float[] x = all.samples();
        int gap = (int) (SPLIT_SILENCE_S * all.rate());
        List<Audio> pieces = new ArrayList<>();
        int i = 0;
        while (i < x.length) {
            while (i < x.length && Math.abs(x[i]) < QUIET) {
                i++;
            }
            if (i == x.length) {
                break;
            }
            int start = i;
            int zeros = 0;
            while (i < x.length && zeros < gap) {
                zeros = Math.abs(x[i]) < QUIET ? zeros + 1 : 0;
                i++;
            }
            pieces.add(new Audio(java.util.Arrays.copyOfRange(x, start, i - zeros), all.rate()));
        }
        return pieces.size() == expected ? pieces : null;
    }

    // --- one clip: jitter, trim, squeeze, level, placement, noise floor ---------------------------

    float[] finish(Clip c, Audio raw) throws EngineFailed {
        float[] word = trim(raw.samples(), raw.rate());
        if (word.length == 0) {
            throw new EngineFailed(c.engine() + " " + c.voice() + " said nothing for '" + c.word() + "'");
        }
        double speed = c.speed() * c.pitchFactor();
        double seconds = word.length / (raw.rate() * speed);
        if (seconds > LONGEST_WORD_S) {
            // rare: the last few percent come from a higher pitch too, within the range of the pitch jitter
            speed *= seconds / LONGEST_WORD_S;
            squeezed.incrementAndGet();
        }
        float[] w = resample(word, raw.rate() * speed / RATE);
        double peak = 0;
        for (float v : w) {
            peak = Math.max(peak, Math.abs(v));
        }
        double gain = Math.pow(10, c.levelDb() / 20) / peak;
        float[] clip = new float[RATE];
        int start = (int) Math.round(c.place() * (RATE - w.length));
        for (int i = 0; i < w.length; i++) {
            clip[start + i] = (float) (w[i] * gain);
        }
        float[] n = noise.get(c.noise());
        int from = (int) Math.round(c.offsetS() * RATE);
        double vol = Math.pow(10, c.floorDb() / 20) / noiseRms.get(c.noise());
        for (int i = 0; i < RATE; i++) {
            clip[i] += (float) (n[from + i] * vol);
        }
        return clip;
    }

    /**
     * The word without the silence around it: from the first to the last 10 ms frame whose RMS is
     * within 40 dB of the loudest frame's (the engines' leading and trailing silence, breaths of noise).
     */
    static float[] trim(float[] x, float rate) {
        int frame = Math.max(1, Math.round(rate / 100));
        int frames = (x.length + frame - 1) / frame;
        double[] energy = new double[frames];
        double loudest = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            int end = Math.min(x.length, (f + 1) * frame);
            for (int i = f * frame; i < end; i++) {
                sum += (double) x[i] * x[i];
            }
            energy[f] = sum / (end - f * frame);
            loudest = Math.max(loudest, energy[f]);
        }
        if (loudest == 0) {
            return new float[0];
        }
        double threshold = loudest * 1e-4; // 40 dB below, in power
        int first = 0;
        while (energy[first] < threshold) {
            first++;
        }
        int last = frames - 1;
        while (energy[last] < threshold) {
            last--;
        }
        return java.util.Arrays.copyOfRange(x, first * frame, Math.min(x.length, (last + 1) * frame));
    }

    // Band-limited interpolation (J. O. Smith's method): a windowed sinc, widened when it decimates so
    // that nothing above the new Nyquist folds back. Written here because the suite's resampler
    // (TarsosDSP) is not built yet when this runs, and the JDK's converter filters only in its "sinc"
    // mode, which builds a 2.4-million-entry table for every stream (76 ms a clip here).
    private static final int ZEROS = 16;
    private static final int STEPS = 512;
    private static final float[] KERNEL = new float[ZEROS * STEPS + 2];

    static {
        for (int i = 0; i < KERNEL.length; i++) {
            double u = (double) i / STEPS;
            if (u >= ZEROS) {
                continue;
            }
            double sinc = u == 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
            double v = Math.PI * u / ZEROS;
            KERNEL[i] = (float) (sinc * (0.42 + 0.5 * Math.cos(v) + 0.08 * Math.cos(2 * v))); // Blackman
        }
    }

    /** x read at step input samples per output sample: step > 1 shortens it and raises its pitch. */
    static float[] resample(float[] x, double step) {
        double cutoff = Math.min(1, 1 / step) * 0.95; // of the input's Nyquist; a little room for the window
        double reach = ZEROS / cutoff;
        int n = (int) Math.floor((x.length - 1) / step) + 1;
        float[] y = new float[n];
        double scale = cutoff * STEPS;
        for (int j = 0; j < n; j++) {
            double t = j * step;
            int lo = Math.max(0, (int) Math.ceil(t - reach));
            int hi = Math.min(x.length - 1, (int) Math.floor(t + reach));
            int mid = (int) t;
            double sum = 0;
            // the taps left of t, then right of it: the kernel's index grows away from t either way
            double pos = (t - mid) * scale;
            for (int k = mid; k >= lo; k--, pos += scale) {
                int i = (int) pos;
                sum += x[k] * (KERNEL[i] + (pos - i) * (KERNEL[i + 1] - KERNEL[i]));
            }
            pos = (mid + 1 - t) * scale;
            for (int k = mid + 1; k <= hi; k++, pos += scale) {
                int i = (int) pos;
                sum += x[k] * (KERNEL[i] + (pos - i) * (KERNEL[i + 1] - KERNEL[i]));
            }
            y[j] = (float) (sum * cutoff);
        }
        return y;
    }

    // --- WAV I/O (javax.sound.sampled) ----------------------------------------------------------

    static Audio readWav(Path file) throws IOException, UnsupportedAudioFileException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        try (AudioInputStream in = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat f = in.getFormat();
            if (f.getChannels() != 1 || f.getSampleSizeInBits() != 16
                    || f.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
                throw new UnsupportedAudioFileException(file + ": " + f + " (16-bit mono PCM expected)");
            }
            byte[] b = in.readAllBytes();
            float[] x = new float[b.length / 2];
            for (int i = 0; i < x.length; i++) {
                int lo = b[2 * i + (f.isBigEndian() ? 1 : 0)] & 0xFF;
                int hi = b[2 * i + (f.isBigEndian() ? 0 : 1)];
                x[i] = ((hi << 8) | lo) / 32768f;
            }
            return new Audio(x, f.getSampleRate());
        }
    }

    static void writeWav(float[] x, Path file) throws IOException {
        byte[] b = new byte[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            int v = (int) Math.max(-32768, Math.min(32767, Math.round(x[i] * 32768.0)));
            b[2 * i] = (byte) v;
            b[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b), format, x.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
