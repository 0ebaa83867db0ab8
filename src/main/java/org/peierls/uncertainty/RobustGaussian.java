package org.peierls.uncertainty;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A robust Gaussian of descriptor rows: the reweighted minimum covariance determinant estimator
 * (Rousseeuw 1984; the FAST-MCD algorithm of Rousseeuw &amp; Van Driessen, Technometrics 41, 212
 * (1999)) and the Mahalanobis distance it defines — the outlier score of Goryaeva et al., Nat.
 * Commun. 11, 4691 (2020). MCD fits the location and scatter of the h ≈ (n+p+1)/2 most central
 * points, so a minority of unusual training environments (surface atoms in a bulk set, a few
 * liquid frames) does not inflate the covariance and hide outliers.
 *
 * <p>Algorithm: columns standardized; random (p+1)-point starts on a subsample of at most
 * {@value #SUBSAMPLE} rows, two C-steps each (a C-step keeps the h points of smallest distance
 * and refits, and never increases det Σ); the best starts iterated to convergence, first on the
 * subsample, then on all rows; consistency factor median(d²)/χ²_p(0.5); one reweighting step with
 * the points of d² ≤ χ²_p(0.975), and the consistency factor again. A ridge of {@value #RIDGE}
 * (in units of the column variance) keeps Σ invertible when descriptor components are collinear,
 * as they are for a single phase: a displacement off the training manifold of 1 % of a column's
 * spread then counts one unit of distance.</p>
 */
public final class RobustGaussian {

    static final int SUBSAMPLE = 1500;
    static final int STARTS = 60;
    static final int BEST = 6;
    static final double RIDGE = 1e-4;

    private final double[] shift;
    private final double[] scale;
    private final double[] location;
    private final double[] precision;
    private final int dim;
    private final double reference;

    RobustGaussian(double[] shift, double[] scale, double[] location, double[] precision, double reference) {
        this.dim = location.length;
        if (shift.length != dim || scale.length != dim || precision.length != dim * dim) {
            throw new IllegalArgumentException("inconsistent robust Gaussian of dimension " + dim);
        }
        this.shift = shift;
        this.scale = scale;
        this.location = location;
        this.precision = precision;
        this.reference = reference;
    }

    /**
     * Fits rows {@code x} (row-major n × p).
     *
     * @throws IllegalArgumentException when n ≤ p + 1
     */
    public static RobustGaussian fit(double[] x, int n, int p, long seed) {
        if (n <= p + 1) {
            throw new IllegalArgumentException("a robust Gaussian in " + p + " dimensions needs more than " + (p + 1) + " rows, got " + n);
        }
        double[] shift = new double[p];
        double[] scale = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                shift[j] += x[i * p + j];
            }
        }
        for (int j = 0; j < p; j++) {
            shift[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double d = x[i * p + j] - shift[j];
                scale[j] += d * d;
            }
        }
        for (int j = 0; j < p; j++) {
            scale[j] = Math.sqrt(scale[j] / (n - 1));
            if (!(scale[j] > 0)) {
                scale[j] = 1;
            }
        }
        double[] z = new double[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                z[i * p + j] = (x[i * p + j] - shift[j]) / scale[j];
            }
        }
        Estimate best = fastMcd(z, n, p, seed);
        // consistency, reweighting, consistency (Rousseeuw & Van Driessen 1999, Sec. 2)
        double[] d2 = best.distances(z, n);
        double c = median(d2) / ChiSquared.quantile(0.5, p);
        Estimate raw = best.scaled(c);
        d2 = raw.distances(z, n);
        double cut = ChiSquared.quantile(0.975, p);
        boolean[] in = new boolean[n];
        int nin = 0;
        for (int i = 0; i < n; i++) {
            in[i] = d2[i] <= cut;
            nin += in[i] ? 1 : 0;
        }
        Estimate rw = nin > p + 1 ? Estimate.of(z, n, p, in) : raw;
        d2 = rw.distances(z, n);
        Estimate fin = rw.scaled(median(d2) / ChiSquared.quantile(0.5, p));
        return new RobustGaussian(shift, scale, fin.mean, fin.precision(), Math.sqrt(cut));
    }

    /** Mahalanobis distance of a row x at {@code [offset, offset+p)} from the robust centre. */
    public double distance(double[] x, int offset) {
        double[] u = new double[dim];
        for (int j = 0; j < dim; j++) {
            u[j] = (x[offset + j] - shift[j]) / scale[j] - location[j];
        }
        double s = 0;
        for (int j = 0; j < dim; j++) {
            double t = 0;
            int o = j * dim;
            for (int k = 0; k < dim; k++) {
                t += precision[o + k] * u[k];
            }
            s += u[j] * t;
        }
        return Math.sqrt(Math.max(0, s));
    }

    /**
     * The signed distortion score 1 − d/d_ref: positive inside the training distribution, zero at
     * the reweighting cut d_ref = √χ²_p(0.975), negative outside.
     */
    public double distortion(double distance) {
        return 1 - distance / reference;
    }

    /** d_ref = √χ²_p(0.975). */
    public double reference() {
        return reference;
    }

    /** Dimension p. */
    public int dimension() {
        return dim;
    }

    /** The robust covariance in the original units (p × p), for tests and reports. */
    public double[] covariance() {
        double[] inv = Cholesky.inverse(precision, dim);
        double[] c = new double[dim * dim];
        for (int j = 0; j < dim; j++) {
            for (int k = 0; k < dim; k++) {
                c[j * dim + k] = inv[j * dim + k] * scale[j] * scale[k];
            }
        }
        return c;
    }

    /** The robust location in the original units. */
    public double[] location() {
        double[] l = new double[dim];
        for (int j = 0; j < dim; j++) {
            l[j] = shift[j] + scale[j] * location[j];
        }
        return l;
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", dim);
        m.put("reference_distance", reference);
        m.put("shift", shift);
        m.put("scale", scale);
        m.put("location", location);
        m.put("precision", precision);
        return m;
    }

    static RobustGaussian fromJson(JsonNode n, Function<String, RuntimeException> error) {
        int p = n.path("dimension").asInt(-1);
        if (p <= 0) {
            throw error.apply("outlier model needs a positive \"dimension\"");
        }
        return new RobustGaussian(numbers(n, "shift", p, error), numbers(n, "scale", p, error),
                numbers(n, "location", p, error), numbers(n, "precision", p * p, error),
                n.path("reference_distance").asDouble(Math.sqrt(ChiSquared.quantile(0.975, p))));
    }

    private static double[] numbers(JsonNode n, String key, int len, Function<String, RuntimeException> error) {
        JsonNode a = n.path(key);
        if (!a.isArray() || a.size() != len) {
            throw error.apply("outlier model's \"" + key + "\" must hold " + len + " numbers");
        }
        double[] v = new double[len];
        for (int q = 0; q < len; q++) {
            v[q] = a.get(q).asDouble(Double.NaN);
            if (!Double.isFinite(v[q])) {
                throw error.apply("entry " + q + " of the outlier model's \"" + key + "\" is not a number");
            }
        }
        return v;
    }

    // ------------------------------------------------------------------ FAST-MCD

    private static Estimate fastMcd(double[] z, int n, int p, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int h = (n + p + 1) / 2;
        int[] sub;
        if (n > SUBSAMPLE) {
            sub = Arrays.copyOf(permutation(n, rnd), SUBSAMPLE);
        } else {
            sub = permutation(n, rnd);
        }
        int ns = sub.length;
        double[] zs = new double[ns * p];
        for (int q = 0; q < ns; q++) {
            System.arraycopy(z, sub[q] * p, zs, q * p, p);
        }
        int hs = Math.max(p + 2, (int) Math.ceil((double) h * ns / n));
        Estimate[] best = new Estimate[BEST];
        for (int s = 0; s < STARTS; s++) {
            boolean[] pick = new boolean[ns];
            int[] perm = permutation(ns, rnd);
            for (int q = 0; q < p + 1; q++) {
                pick[perm[q]] = true;
            }
            Estimate e = Estimate.of(zs, ns, p, pick);
            for (int step = 0; step < 2; step++) {
                e = e.cStep(zs, ns, hs);
            }
            keep(best, e);
        }
        Estimate winner = null;
        for (Estimate e : best) {
            if (e == null) {
                continue;
            }
            Estimate cur = converge(e, zs, ns, hs);
            if (n > ns) {
                cur = converge(cur, z, n, h);
            }
            if (winner == null || cur.logDet < winner.logDet) {
                winner = cur;
            }
        }
        return winner;
    }

    private static Estimate converge(Estimate e, double[] z, int n, int h) {
        for (int it = 0; it < 100; it++) {
            Estimate next = e.cStep(z, n, h);
            if (next.logDet >= e.logDet - 1e-12 * Math.max(1, Math.abs(e.logDet))) {
                return next.logDet < e.logDet ? next : e;
            }
            e = next;
        }
        return e;
    }

    private static void keep(Estimate[] best, Estimate e) {
        int worst = -1;
        for (int q = 0; q < best.length; q++) {
            if (best[q] == null) {
                best[q] = e;
                return;
            }
            if (worst < 0 || best[q].logDet > best[worst].logDet) {
                worst = q;
            }
        }
        if (e.logDet < best[worst].logDet) {
            best[worst] = e;
        }
    }

    private static int[] permutation(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** Mean and (ridged) covariance of a subset, with its Cholesky factor. */
    private static final class Estimate {
        final int p;
        final double[] mean;
        final double[] cov;
        final double[] chol;
        final double logDet;

        Estimate(double[] mean, double[] cov, int p) {
            this.p = p;
            this.mean = mean;
            this.cov = cov;
            this.chol = Cholesky.factor(cov, p);
            double ld = 0;
            for (int j = 0; j < p; j++) {
                ld += 2 * Math.log(chol[j * p + j]);
            }
            this.logDet = ld;
        }

        static Estimate of(double[] z, int n, int p, boolean[] in) {
            double[] mean = new double[p];
            int cnt = 0;
            for (int i = 0; i < n; i++) {
                if (in[i]) {
                    cnt++;
                    for (int j = 0; j < p; j++) {
                        mean[j] += z[i * p + j];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                mean[j] /= cnt;
            }
            double[] cov = new double[p * p];
            double[] u = new double[p];
            for (int i = 0; i < n; i++) {
                if (!in[i]) {
                    continue;
                }
                for (int j = 0; j < p; j++) {
                    u[j] = z[i * p + j] - mean[j];
                }
                for (int j = 0; j < p; j++) {
                    for (int k = 0; k <= j; k++) {
                        cov[j * p + k] += u[j] * u[k];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                for (int k = 0; k <= j; k++) {
                    double v = cov[j * p + k] / Math.max(1, cnt - 1);
                    cov[j * p + k] = v;
                    cov[k * p + j] = v;
                }
                cov[j * p + j] += RIDGE;
            }
            return new Estimate(mean, cov, p);
        }

        Estimate scaled(double c) {
            double[] cv = cov.clone();
            for (int q = 0; q < cv.length; q++) {
                cv[q] *= c;
            }
            return new Estimate(mean, cv, p);
        }

        double[] precision() {
            return Cholesky.inverse(cov, p);
        }

        /** Squared Mahalanobis distances of every row (forward substitution with the Cholesky factor). */
        double[] distances(double[] z, int n) {
            double[] d2 = new double[n];
            double[] y = new double[p];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < p; j++) {
                    double t = z[i * p + j] - mean[j];
                    int o = j * p;
                    for (int k = 0; k < j; k++) {
                        t -= chol[o + k] * y[k];
                    }
                    y[j] = t / chol[o + j];
                    s += y[j] * y[j];
                }
                d2[i] = s;
            }
            return d2;
        }

        /** One C-step: the h rows closest under this estimate, refitted. */
        Estimate cStep(double[] z, int n, int h) {
            double[] d2 = distances(z, n);
            double[] sorted = d2.clone();
            Arrays.sort(sorted);
            double cut = sorted[h - 1];
            boolean[] in = new boolean[n];
            int cnt = 0;
            for (int i = 0; i < n && cnt < h; i++) {
                if (d2[i] < cut) {
                    in[i] = true;
                    cnt++;
                }
            }
            for (int i = 0; i < n && cnt < h; i++) {
                if (d2[i] == cut) {
                    in[i] = true;
                    cnt++;
                }
            }
            return of(z, n, p, in);
        }
    }
}
