package org.mixupsuite.core;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Derives every random generator of a run from its one master seed and a purpose name, so that
 * the data shuffle, lambda draws, label corruption and weight init never share or steal draws from
 * one another, and a resumed run re-creates exactly the generator an epoch would have had.
 * Seed 0 is a seed like any other.
 */
public final class Seeds {

    private Seeds() {
    }

    /** A 64-bit seed for {@code purpose} and optional indices (epoch, condition, ...). */
    public static long derive(long master, String purpose, long... indices) {
        long h = mix(master ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ purpose.hashCode());
        for (long i : indices) {
            h = mix(h ^ i);
        }
        return h;
    }

    public static RandomGenerator random(long master, String purpose, long... indices) {
        return new Well19937c(derive(master, purpose, indices));
    }

    /** SplitMix64's finalizer: a cheap bijective scrambler with good avalanche. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
