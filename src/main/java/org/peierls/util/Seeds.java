package org.peierls.util;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Independent random streams addressed by (seed, stream name, index), so that what one stream
 * draws never depends on how many numbers another one drew before it: a study that resumes from a
 * cache, or runs its families in another order, makes the same configurations as an uninterrupted
 * run. The three parts are folded with the SplitMix64 finaliser (Steele, Lea &amp; Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014), whose outputs of nearby inputs are
 * uncorrelated; the stream name enters through its UTF-8 bytes (not {@code String.hashCode}, which
 * collides for short keys).
 */
public final class Seeds {

    private Seeds() {
    }

    /** A 64-bit seed for item {@code index} of stream {@code stream} under the master {@code seed}. */
    public static long of(long seed, String stream, long index) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xffL));
        }
        return mix(h ^ mix(index + 0x632BE59BD9B4E019L));
    }

    /** A generator for item {@code index} of {@code stream}. */
    public static Random random(long seed, String stream, long index) {
        return new Random(of(seed, stream, index));
    }

    /** The SplitMix64 finaliser: a bijection of the 64-bit integers with full avalanche. */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
