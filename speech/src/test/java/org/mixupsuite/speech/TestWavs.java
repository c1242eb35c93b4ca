package org.mixupsuite.speech;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** WAV files and tiny Speech Commands folders written by the tests themselves. */
final class TestWavs {

    private TestWavs() {
    }

    /** A sine of {@code hz} at {@code amplitude}, {@code n} samples at 16 kHz. */
    static float[] sine(double hz, double amplitude, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / WavReader.SAMPLE_RATE));
        }
        return x;
    }

    /** A RIFF/WAVE file of PCM samples; {@code channels} interleaved copies of {@code samples}. */
    static byte[] wav(float[] samples, int rate, int channels, int bits) {
        int bytesPerSample = bits / 8;
        int dataBytes = samples.length * channels * bytesPerSample;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bytesPerSample).putShort((short) (channels * bytesPerSample)).putShort((short) bits);
        b.put("data".getBytes()).putInt(dataBytes);
        for (float s : samples) {
            for (int c = 0; c < channels; c++) {
                if (bits == 16) {
                    b.putShort((short) Math.round(Math.max(-1, Math.min(1, s)) * 32767));
                } else {
                    b.put((byte) (128 + Math.round(s * 127)));
                }
            }
        }
        return b.array();
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /**
     * A tiny Speech Commands folder: each word is a tone of its own pitch with noise; speakers
     * s0..s{speakers-1} shift the pitch a little; s0 is held out for validation, s1 for testing.
     */
    static Path speechCommands(Path root, String[] words, int speakers, int takes, long seed) throws IOException {
        Random rng = new Random(seed);
        StringBuilder validation = new StringBuilder();
        StringBuilder testing = new StringBuilder();
        for (int w = 0; w < words.length; w++) {
            for (int s = 0; s < speakers; s++) {
                for (int t = 0; t < takes; t++) {
                    double hz = 300 + 400 * w + 15 * s;
                    float[] x = sine(hz, 0.3, 12_000 + rng.nextInt(4000));
                    for (int i = 0; i < x.length; i++) {
                        x[i] += (float) (0.02 * rng.nextGaussian());
                    }
                    String rel = words[w] + "/s" + s + "_nohash_" + t + ".wav";
                    write(root.resolve(rel), wav(x, WavReader.SAMPLE_RATE, 1, 16));
                    if (s == 0) {
                        validation.append(rel).append('\n');
                    } else if (s == 1) {
                        testing.append(rel).append('\n');
                    }
                }
            }
        }
        Files.writeString(root.resolve(SpeechCommands.VALIDATION_LIST), validation);
        Files.writeString(root.resolve(SpeechCommands.TESTING_LIST), testing);
        float[] noise = new float[3 * WavReader.SAMPLE_RATE];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float) (0.1 * rng.nextGaussian());
        }
        write(root.resolve(SpeechCommands.NOISE_DIR).resolve("white_noise.wav"), wav(noise, WavReader.SAMPLE_RATE, 1, 16));
        return root;
    }
}
