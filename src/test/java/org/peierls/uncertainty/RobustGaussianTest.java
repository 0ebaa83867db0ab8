package org.peierls.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The minimum-covariance-determinant Gaussian (Rousseeuw &amp; Van Driessen 1999) recovers the
 * covariance of the inliers when 10 % of the points are far outliers, where the classical sample
 * covariance does not; its distances separate the outliers.
 */
class RobustGaussianTest {

    private static final int P = 5, N = 2000;

    /** Correlated Gaussian: Σ = L Lᵀ with L lower triangular, mean (1, −2, 0.5, 3, 0). */
    private static final double[] L = {
        1.0, 0, 0, 0, 0,
        0.6, 0.8, 0, 0, 0,
        -0.3, 0.2, 0.5, 0, 0,
        0.1, -0.4, 0.3, 1.5, 0,
        0.0, 0.2, -0.1, 0.3, 0.3};
    private static final double[] MEAN = {1, -2, 0.5, 3, 0};

    private static double[] sigma() {
        double[] s = new double[P * P];
        for (int i = 0; i < P; i++) {
            for (int j = 0; j < P; j++) {
                for (int k = 0; k < P; k++) {
                    s[i * P + j] += L[i * P + k] * L[j * P + k];
                }
            }
        }
        return s;
    }

    /** N points, the first 10 % of them shifted by 8 along (1,1,1,1,1) with unit noise. */
    private static double[] sample(long seed) {
        Random r = new Random(seed);
        double[] x = new double[N * P];
        for (int i = 0; i < N; i++) {
            double[] z = new double[P];
            for (int k = 0; k < P; k++) {
                z[k] = r.nextGaussian();
            }
            for (int a = 0; a < P; a++) {
                double v = MEAN[a];
                if (i < N / 10) {
                    v += 8 + z[a];
                } else {
                    for (int k = 0; k < P; k++) {
                        v += L[a * P + k] * z[k];
                    }
                }
                x[i * P + a] = v;
            }
        }
        return x;
    }

    private static double relativeFrobenius(double[] a, double[] b) {
        double d = 0, n = 0;
        for (int i = 0; i < a.length; i++) {
            d += (a[i] - b[i]) * (a[i] - b[i]);
            n += b[i] * b[i];
        }
        return Math.sqrt(d / n);
    }

    @Test
    void recoversTheInlierCovarianceWithTenPercentOutliers() {
        double[] x = sample(7);
        RobustGaussian g = RobustGaussian.fit(x, N, P, 1);
        double[] truth = sigma();
        // 1800 inliers: the sampling error of a 5×5 covariance is ≈ √(2/1800) ≈ 3 %, the
        // consistency factor after reweighting adds a few %: 0.15 is a loose but failing bound
        double robust = relativeFrobenius(g.covariance(), truth);
        assertTrue(robust < 0.15, "MCD covariance error " + robust);
        double[] loc = g.location();
        for (int a = 0; a < P; a++) {
            assertEquals(MEAN[a], loc[a], 0.15, "location " + a);
        }
        // the classical covariance is spoiled by the outliers (it gains ≈ 0.09·64 along the shift)
        double[] mean = new double[P], cov = new double[P * P];
        for (int i = 0; i < N; i++) {
            for (int a = 0; a < P; a++) {
                mean[a] += x[i * P + a] / N;
            }
        }
        for (int i = 0; i < N; i++) {
            for (int a = 0; a < P; a++) {
                for (int b = 0; b < P; b++) {
                    cov[a * P + b] += (x[i * P + a] - mean[a]) * (x[i * P + b] - mean[b]) / (N - 1);
                }
            }
        }
        assertTrue(relativeFrobenius(cov, truth) > 0.5, "classical covariance error " + relativeFrobenius(cov, truth));
    }

    @Test
    void distancesFlagTheOutliersAndTheDistortionScoreChangesSign() {
        double[] x = sample(9);
        RobustGaussian g = RobustGaussian.fit(x, N, P, 2);
        int flaggedOut = 0, flaggedIn = 0;
        for (int i = 0; i < N; i++) {
            double d = g.distance(x, i * P);
            boolean outside = g.distortion(d) < 0;
            if (i < N / 10) {
                flaggedOut += outside ? 1 : 0;
            } else {
                flaggedIn += outside ? 1 : 0;
            }
        }
        assertTrue(flaggedOut >= 0.99 * N / 10, "outliers flagged " + flaggedOut);
        // inliers beyond the χ²(0.975) cut: about 2.5 %; allow twice that
        assertTrue(flaggedIn <= 0.05 * 0.9 * N, "inliers flagged " + flaggedIn);
        // seeded: the same fit twice
        RobustGaussian h = RobustGaussian.fit(x, N, P, 2);
        assertEquals(g.distance(x, 0), h.distance(x, 0), 0.0);
        // JSON round trip
        RobustGaussian k = RobustGaussian.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(g.json()),
                IllegalStateException::new);
        assertEquals(g.distance(x, 5 * P), k.distance(x, 5 * P), 1e-12);
    }
}
