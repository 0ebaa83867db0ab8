package org.peierls.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.peierls.active.Family;
import org.peierls.atoms.Frame;

/**
 * Which configurations of each family are held out: round(fraction·n) of the n configurations of a
 * family (at least one when n ≥ 2 and the fraction is positive), drawn by a shuffle seeded with the
 * seed and the family, so a family's split does not depend on the others. Reference
 * configurations ({@link #ALWAYS_TRAIN}: the free atom that fixes the energy zero) always train.
 */
public final class TrainTestSplit {
    /** Groups never held out. */
    public static final java.util.Set<String> ALWAYS_TRAIN = java.util.Set.of("bulk/isolated");

    private TrainTestSplit() {
    }

    /** {@code test[k]} for every frame k. */
    public static boolean[] testMask(List<Frame> frames, double fraction, long seed) {
        boolean[] test = new boolean[frames.size()];
        for (Family f : Family.values()) {
            List<Integer> idx = new ArrayList<>();
            for (int k = 0; k < frames.size(); k++) {
                if (Family.ofGroup(frames.get(k).group()) == f && !ALWAYS_TRAIN.contains(frames.get(k).group())) {
                    idx.add(k);
                }
            }
            int n = idx.size();
            int nTest = (int) Math.round(fraction * n);
            if (fraction > 0 && n >= 2) {
                nTest = Math.max(1, Math.min(n - 1, nTest));
            }
            Collections.shuffle(idx, new Random(seed * 31 + f.ordinal()));
            for (int k = 0; k < nTest; k++) {
                test[idx.get(k)] = true;
            }
        }
        return test;
    }
}
