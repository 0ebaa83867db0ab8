package org.peierls.uncertainty;

import java.util.Arrays;

/** Rank statistics of a score against an error: Spearman's ρ and the ROC area under the curve. */
public final class RankStats {

    private RankStats() {
    }

    /** Ranks 1…n with ties given their average rank. */
    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double avg = 0.5 * (i + j) + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    /** Spearman's rank correlation (Pearson correlation of the tie-averaged ranks); NaN for fewer than 3 points or a constant. */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("lengths differ: " + x.length + " vs " + y.length);
        }
        if (x.length < 3) {
            return Double.NaN;
        }
        double[] rx = ranks(x), ry = ranks(y);
        double mx = 0, my = 0;
        for (int i = 0; i < rx.length; i++) {
            mx += rx[i];
            my += ry[i];
        }
        mx /= rx.length;
        my /= ry.length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < rx.length; i++) {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Double.NaN;
    }

    /**
     * ROC AUC of {@code score} for the positives {@code positive} (the Mann–Whitney U statistic
     * divided by n₊n₋, ties counted one half); NaN when a class is empty.
     */
    public static double auc(double[] score, boolean[] positive) {
        double[] r = ranks(score);
        double sum = 0;
        long np = 0;
        for (int i = 0; i < r.length; i++) {
            if (positive[i]) {
                sum += r[i];
                np++;
            }
        }
        long nn = r.length - np;
        if (np == 0 || nn == 0) {
            return Double.NaN;
        }
        return (sum - np * (np + 1) / 2.0) / ((double) np * nn);
    }
}
