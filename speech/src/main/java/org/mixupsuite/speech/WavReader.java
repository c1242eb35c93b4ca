package org.mixupsuite.speech;

import be.tarsos.dsp.resample.Resampler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mixupsuite.core.BadInputException;

/**
 * Reads a RIFF/WAVE file of 16-bit PCM into mono samples in [-1, 1] at 16 kHz: several channels are
 * averaged and other sample rates are resampled (TarsosDSP's band-limited resampler). Anything else
 * (8-, 24- or 32-bit, float, compressed, truncated or empty files) is a BadInputException naming the
 * file and the problem, never silence.
 */
public final class WavReader {

    public static final int SAMPLE_RATE = 16_000;
    private static final int PCM = 1;
    private static final int EXTENSIBLE = 0xFFFE;

    private WavReader() {
    }

    public static float[] read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read: " + e.getMessage(), e);
        }
        return decode(file, bytes);
    }

    static float[] decode(Path file, byte[] bytes) {
        if (bytes.length == 0) {
            throw new BadInputException(file, "empty file");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12 || b.getInt(0) != fourCc("RIFF") || b.getInt(8) != fourCc("WAVE")) {
            throw new BadInputException(file, "not a RIFF/WAVE file");
        }
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            int id = b.getInt(pos);
            long size = Integer.toUnsignedLong(b.getInt(pos + 4));
            int body = pos + 8;
            if (id == fourCc("fmt ")) {
                if (size < 16 || body + 16 > bytes.length) {
                    throw new BadInputException(file, "truncated fmt chunk");
                }
                int format = b.getShort(body) & 0xFFFF;
                channels = b.getShort(body + 2) & 0xFFFF;
                rate = b.getInt(body + 4);
                bits = b.getShort(body + 14) & 0xFFFF;
                if (format == EXTENSIBLE && size >= 26 && body + 26 <= bytes.length) {
                    format = b.getShort(body + 24) & 0xFFFF;
                }
                if (format != PCM) {
                    throw new BadInputException(file, "format tag " + format + " is not PCM; convert it with "
                            + "'sox IN -b 16 -r 16000 OUT.wav'");
                }
                if (bits != 16) {
                    throw new BadInputException(file, bits + "-bit samples are not supported (16-bit PCM expected); "
                            + "convert it with 'sox IN -b 16 OUT.wav'");
                }
                if (channels < 1 || rate < 1000) {
                    throw new BadInputException(file, "implausible header: " + channels + " channels at " + rate + " Hz");
                }
            } else if (id == fourCc("data")) {
                if (channels == 0) {
                    throw new BadInputException(file, "data chunk before the fmt chunk");
                }
                long available = bytes.length - body;
                if (size > available) {
                    throw new BadInputException(file, "truncated: the header promises " + size
                            + " bytes of samples, the file holds " + available);
                }
                int frames = (int) (size / (2L * channels));
                if (frames == 0) {
                    throw new BadInputException(file, "no samples");
                }
                float[] mono = downmix(b, body, frames, channels);
                return rate == SAMPLE_RATE ? mono : resample(mono, rate);
            }
            pos = body + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - body);
        }
        throw new BadInputException(file, channels == 0 ? "no fmt chunk" : "no data chunk");
    }

    private static float[] downmix(ByteBuffer b, int start, int frames, int channels) {
        float[] out = new float[frames];
        float scale = 1f / (32768f * channels);
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += b.getShort(start + 2 * (i * channels + c));
            }
            out[i] = sum * scale;
        }
        return out;
    }

    static float[] resample(float[] in, int rate) {
        double factor = (double) SAMPLE_RATE / rate;
        Resampler resampler = new Resampler(true, factor, factor);
        float[] out = new float[(int) Math.round(in.length * factor)];
        int read = 0;
        int written = 0;
        // the resampler works through an internal buffer: call it until it has nothing more to give
        while (written < out.length) {
            Resampler.Result r = resampler.process(factor, in, read, in.length - read, true, out, written,
                    out.length - written);
            read += r.inputSamplesConsumed;
            written += r.outputSamplesGenerated;
            if (r.inputSamplesConsumed == 0 && r.outputSamplesGenerated == 0) {
                break;
            }
        }
        return written == out.length ? out : java.util.Arrays.copyOf(out, written);
    }

    private static int fourCc(String s) {
        return (s.charAt(0)) | (s.charAt(1) << 8) | (s.charAt(2) << 16) | (s.charAt(3) << 24);
    }
}
