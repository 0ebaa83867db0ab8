package org.peierls.uncertainty;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Maps a raw per-atom score (γ, a Mahalanobis distance, a committee spread) to an expected force
 * error in eV/Å and a 90 % upper bound, from held-out atoms with known errors.
 *
 * <ul>
 *   <li>Expected error: isotonic regression of |ΔF_i| on the score (pool-adjacent-violators;
 *       Barlow et al. 1972) — the monotone map of least squares, with no shape assumed; linear
 *       between the block centres, constant beyond the ends.</li>
 *   <li>Bound: split-conformal (Vovk et al. 2005; Angelopoulos &amp; Bates 2021) on the ratio
 *       |ΔF|/ê: the ⌈0.9 (n+1)⌉-th smallest ratio q makes [0, q ê] a 90 % interval for
 *       exchangeable atoms.</li>
 *   <li>Coverage: the same fitted on the even configurations and tested on the odd ones and the
 *       reverse, so the reported figure is out of sample.</li>
 * </ul>
 *
 * @param method       which score
 * @param knotScore    isotonic block centres, increasing
 * @param knotError    expected |ΔF| at the knots, eV/Å, non-decreasing
 * @param bound90      conformal factor q
 * @param coverage90   out-of-sample fraction of atoms with |ΔF| ≤ q ê
 * @param atoms        calibration atoms
 * @param spearman     Spearman ρ of score vs |ΔF| on the calibration atoms
 * @param auc          ROC AUC of the score for |ΔF| &gt; {@link #LARGE_ERROR}
 */
public record Calibration(String method, double[] knotScore, double[] knotError, double bound90, double coverage90,
                          int atoms, double spearman, double auc) {

    /** The force error that counts as "large" in the AUC, eV/Å (the 0.2 eV/Å). */
    public static final double LARGE_ERROR = 0.2;
    /** Conformal level. */
    public static final double LEVEL = 0.9;
    /** Floor of ê in the conformal ratio, eV/Å (no division by a zero expected error). */
    static final double FLOOR = 1e-4;

    /**
     * Calibrates a score on atoms with known errors.
     *
     * @param score  per atom
     * @param error  |ΔF| per atom, eV/Å
     * @param config index of each atom's configuration (for the even/odd coverage split)
     */
    public static Calibration fit(String method, double[] score, double[] error, int[] config) {
        if (score.length != error.length || score.length != config.length) {
            throw new IllegalArgumentException("score, error and config lengths differ");
        }
        if (score.length < 10) {
            throw new IllegalArgumentException("calibration needs at least 10 atoms, got " + score.length);
        }
        double[][] knots = isotonic(score, error);
        double q = conformal(knots, score, error, null, true);
        double cov = Double.NaN;
        boolean[] even = new boolean[score.length];
        int ne = 0;
        for (int i = 0; i < score.length; i++) {
            even[i] = config[i] % 2 == 0;
            ne += even[i] ? 1 : 0;
        }
        if (ne >= 10 && score.length - ne >= 10) {
            int hit = 0;
            for (int half = 0; half < 2; half++) {
                boolean fitEven = half == 0;
                double[][] k = isotonic(select(score, even, fitEven), select(error, even, fitEven));
                double qh = conformal(k, select(score, even, fitEven), select(error, even, fitEven), null, true);
                double[] ts = select(score, even, !fitEven), te = select(error, even, !fitEven);
                for (int i = 0; i < ts.length; i++) {
                    hit += te[i] <= qh * Math.max(FLOOR, interpolate(k, ts[i])) ? 1 : 0;
                }
            }
            cov = hit / (double) score.length;
        }
        boolean[] large = new boolean[error.length];
        for (int i = 0; i < error.length; i++) {
            large[i] = error[i] > LARGE_ERROR;
        }
        return new Calibration(method, knots[0], knots[1], q, cov, score.length, RankStats.spearman(score, error),
                RankStats.auc(score, large));
    }

    /** Expected |ΔF| of a score, eV/Å: the isotonic fit inside the calibrated range, proportional to the score above it. */
    public double expected(double score) {
        if (Double.isNaN(score)) {
            return Double.NaN;
        }
        int n = knotScore.length;
        double top = knotScore[n - 1];
        if (score > top && top > 0) {
            // Above the calibrated range the isotonic fit is flat and would under-predict exactly
            // the extrapolating atoms it exists for; grow the error in proportion to the score
            // there (γ, d and σ_F all scale with the distance beyond the training data).
            return knotError[n - 1] * score / top;
        }
        return interpolate(new double[][]{knotScore, knotError}, score);
    }

    /** The 90 % upper bound of |ΔF|, eV/Å. */
    public double upper90(double score) {
        return bound90 * Math.max(FLOOR, expected(score));
    }

    private static double[] select(double[] v, boolean[] mask, boolean want) {
        int n = 0;
        for (boolean b : mask) {
            n += b == want ? 1 : 0;
        }
        double[] out = new double[n];
        int k = 0;
        for (int i = 0; i < v.length; i++) {
            if (mask[i] == want) {
                out[k++] = v[i];
            }
        }
        return out;
    }

    private static double conformal(double[][] knots, double[] score, double[] error, boolean[] mask, boolean want) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            if (mask == null || mask[i] == want) {
                ratios.add(error[i] / Math.max(FLOOR, interpolate(knots, score[i])));
            }
        }
        double[] r = ratios.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(r);
        int k = (int) Math.ceil(LEVEL * (r.length + 1)) - 1;
        return r[Math.min(r.length - 1, Math.max(0, k))];
    }

    /** Pool-adjacent-violators: block centres (score, mean error), increasing in both. */
    static double[][] isotonic(double[] score, double[] error) {
        int n = score.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(score[a], score[b]));
        double[] sumY = new double[n], sumX = new double[n];
        int[] cnt = new int[n];
        int blocks = 0;
        for (int q = 0; q < n; q++) {
            int i = idx[q];
            sumY[blocks] = error[i];
            sumX[blocks] = score[i];
            cnt[blocks] = 1;
            blocks++;
            while (blocks > 1 && sumY[blocks - 2] / cnt[blocks - 2] >= sumY[blocks - 1] / cnt[blocks - 1]) {
                sumY[blocks - 2] += sumY[blocks - 1];
                sumX[blocks - 2] += sumX[blocks - 1];
                cnt[blocks - 2] += cnt[blocks - 1];
                blocks--;
            }
        }
        double[] x = new double[blocks], y = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            x[b] = sumX[b] / cnt[b];
            y[b] = sumY[b] / cnt[b];
        }
        return new double[][]{x, y};
    }

    static double interpolate(double[][] knots, double s) {
        double[] x = knots[0], y = knots[1];
        if (s <= x[0]) {
            return y[0];
        }
        int n = x.length;
        if (s >= x[n - 1]) {
            return y[n - 1];
        }
        int k = Arrays.binarySearch(x, s);
        if (k >= 0) {
            return y[k];
        }
        int hi = -k - 1, lo = hi - 1;
        double t = (s - x[lo]) / (x[hi] - x[lo]);
        return y[lo] + t * (y[hi] - y[lo]);
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("atoms", atoms);
        m.put("spearman", spearman);
        m.put("roc_auc_error_gt_0.2", auc);
        m.put("conformal_factor_90", bound90);
        m.put("coverage_90", coverage90);
        m.put("knot_score", knotScore);
        m.put("knot_error_ev_per_a", knotError);
        return m;
    }

    static Calibration fromJson(JsonNode n, Function<String, RuntimeException> error) {
        JsonNode ks = n.path("knot_score"), ke = n.path("knot_error_ev_per_a");
        if (!ks.isArray() || !ke.isArray() || ks.size() != ke.size() || ks.size() == 0) {
            throw error.apply("calibration needs equal-length \"knot_score\" and \"knot_error_ev_per_a\"");
        }
        double[] x = new double[ks.size()], y = new double[ke.size()];
        for (int q = 0; q < x.length; q++) {
            x[q] = ks.get(q).asDouble(Double.NaN);
            y[q] = ke.get(q).asDouble(Double.NaN);
        }
        return new Calibration(n.path("method").asText(), x, y, n.path("conformal_factor_90").asDouble(Double.NaN),
                n.path("coverage_90").asDouble(Double.NaN), n.path("atoms").asInt(0), n.path("spearman").asDouble(Double.NaN),
                n.path("roc_auc_error_gt_0.2").asDouble(Double.NaN));
    }
}
