package org.peierls.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Isotonic + split-conformal calibration and the rank statistics it reports. */
class CalibrationTest {

    @Test
    void rankStatisticsOfKnownCases() {
        double[] x = {1, 2, 3, 4, 5};
        assertEquals(1.0, RankStats.spearman(x, new double[]{2, 4, 8, 16, 32}), 1e-15);
        assertEquals(-1.0, RankStats.spearman(x, new double[]{5, 4, 3, 2, 1}), 1e-15);
        // hand-computed: ranks (1,2,3,4,5) vs (2,1,4,3,5): 1 − 6·4/(5·24) = 0.8
        assertEquals(0.8, RankStats.spearman(x, new double[]{2, 1, 4, 3, 5}), 1e-15);
        // ties are averaged: AUC of a perfectly separating score is 1, of a constant one 1/2
        assertEquals(1.0, RankStats.auc(x, new boolean[]{false, false, false, true, true}), 1e-15);
        assertEquals(0.5, RankStats.auc(new double[]{1, 1, 1, 1}, new boolean[]{true, false, true, false}), 1e-15);
        // one inversion out of 2·3 pairs
        assertEquals(5.0 / 6, RankStats.auc(x, new boolean[]{false, false, true, false, true}), 1e-15);
    }

    /** Errors |ΔF| = 0.05·s·|z| with z Gaussian (heteroscedastic): the error grows with the score. */
    @Test
    void calibrationIsMonotoneAndCoversNinetyPercentOfHeldOutAtoms() {
        Random r = new Random(4);
        int n = 6000;
        double[] s = new double[n], e = new double[n];
        int[] cfg = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = 0.2 + 5 * r.nextDouble();
            e[i] = 0.05 * s[i] * Math.abs(r.nextGaussian());
            cfg[i] = i / 30;
        }
        Calibration c = Calibration.fit("test", s, e, cfg);
        for (int k = 1; k < c.knotError().length; k++) {
            assertTrue(c.knotError()[k] >= c.knotError()[k - 1], "isotonic knots must not decrease");
            assertTrue(c.knotScore()[k] > c.knotScore()[k - 1]);
        }
        // E|z| = √(2/π): the expected error at s = 3 is 0.05·3·0.798 = 0.120 (±10 %: PAV noise)
        assertEquals(0.05 * 3 * Math.sqrt(2 / Math.PI), c.expected(3), 0.012);
        // above the calibrated range the expectation grows in proportion
        double top = c.knotScore()[c.knotScore().length - 1];
        assertEquals(2 * c.expected(top), c.expected(2 * top), 1e-12);
        // split-conformal coverage of the other half (configuration split): 90 % ± 3 %
        assertEquals(0.9, c.coverage90(), 0.03, "coverage");
        // and on fresh data from the same law
        int hit = 0;
        for (int i = 0; i < n; i++) {
            double si = 0.2 + 5 * r.nextDouble();
            double ei = 0.05 * si * Math.abs(r.nextGaussian());
            hit += ei <= c.upper90(si) ? 1 : 0;
        }
        assertEquals(0.9, hit / (double) n, 0.03, "fresh coverage");
        assertTrue(c.spearman() > 0.3 && c.auc() > 0.5, "ρ " + c.spearman() + " AUC " + c.auc());
    }
}
