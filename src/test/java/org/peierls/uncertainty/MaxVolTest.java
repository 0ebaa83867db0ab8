package org.peierls.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * MaxVol selection and the extrapolation grade (Goreinov et al. 2010; Podryabinkin &amp; Shapeev
 * 2017): after the swaps no training row has a coefficient above 1 in the basis of the active
 * rows, and an active row's coefficients are a unit vector.
 */
class MaxVolTest {

    private static double[] gaussianRows(int n, int r, long seed) {
        Random rnd = new Random(seed);
        double[] f = new double[n * r];
        for (int i = 0; i < f.length; i++) {
            // anisotropic columns, as descriptor components are
            f[i] = rnd.nextGaussian() * Math.pow(10, -(i % r) / 4.0);
        }
        return f;
    }

    @Test
    void everyTrainingRowHasCoefficientsAtMostOne() {
        int n = 600, r = 12;
        double[] f = gaussianRows(n, r, 3);
        MaxVol.Selection s = MaxVol.select(f, n, r, 1e-10, 10_000);
        assertEquals(r, Arrays.stream(s.rows()).distinct().count());
        double[] c = MaxVol.coefficients(f, n, r, s.rows());
        double max = 0;
        for (double v : c) {
            max = Math.max(max, Math.abs(v));
        }
        // the stopping rule is 1 + 1e-10; recomputed coefficients differ by round-off only
        assertTrue(max <= 1 + 1e-8, "max |c| " + max);
        // an active row is the unit vector of its own position
        for (int k = 0; k < r; k++) {
            int row = s.rows()[k];
            for (int j = 0; j < r; j++) {
                assertEquals(j == k ? 1.0 : 0.0, c[row * r + j], 1e-9);
            }
        }
    }

    @Test
    void swapsIncreaseTheVolumeOverTheGreedyStart() {
        int n = 400, r = 8;
        double[] f = gaussianRows(n, r, 5);
        int[] start = MaxVol.greedyStart(f, n, r);
        MaxVol.Selection s = MaxVol.select(f, n, r, 1e-10, 10_000);
        // |det| of the selected submatrix is locally maximal: never below the start's
        assertTrue(Math.abs(det(f, r, s.rows())) >= Math.abs(det(f, r, start)) * (1 - 1e-12));
    }

    @Test
    void activeSetGradesTrainingRowsAtMostOneAndSeesExtrapolation() {
        int n = 500, m = 7;
        Random rnd = new Random(11);
        double[] f = new double[n * m];
        List<String> src = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            f[i * m] = 1;
            for (int j = 1; j < m; j++) {
                f[i * m + j] = rnd.nextGaussian();
            }
            // a duplicated column: rank m − 1, which the SVD cut must see
            f[i * m + m - 1] = 2 * f[i * m + 1];
            src.add("row" + i);
        }
        ActiveSet a = ActiveSet.select(f, n, m, src);
        assertEquals(m - 1, a.rank());
        double max = 0;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, a.grade(f, i * m));
        }
        assertTrue(max <= 1 + 1e-6, "max training grade " + max);
        // a row twenty standard deviations out is extrapolation (MaxVol rows sit near 3σ)
        double[] far = {1, 20, 0, 0, 0, 0, 40};
        assertTrue(a.grade(far, 0) > 2, "grade of a far row " + a.grade(far, 0));
        // JSON round trip gives the same grades
        ActiveSet b = ActiveSet.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(a.json()),
                IllegalStateException::new);
        for (int i = 0; i < 20; i++) {
            assertEquals(a.grade(f, i * m), b.grade(f, i * m), 1e-12);
        }
    }

    @Test
    void tooFewRowsIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MaxVol.select(new double[6], 2, 3, 1e-9, 10));
        assertTrue(e.getMessage().contains("at least as many rows"), e.getMessage());
    }

    private static double det(double[] f, int r, int[] rows) {
        double[][] a = new double[r][r];
        for (int k = 0; k < r; k++) {
            for (int j = 0; j < r; j++) {
                a[k][j] = f[rows[k] * r + j];
            }
        }
        double d = 1;
        for (int c = 0; c < r; c++) {
            int p = c;
            for (int i = c + 1; i < r; i++) {
                if (Math.abs(a[i][c]) > Math.abs(a[p][c])) {
                    p = i;
                }
            }
            if (p != c) {
                double[] t = a[p];
                a[p] = a[c];
                a[c] = t;
                d = -d;
            }
            d *= a[c][c];
            for (int i = c + 1; i < r; i++) {
                double q = a[i][c] / a[c][c];
                for (int j = c; j < r; j++) {
                    a[i][j] -= q * a[c][j];
                }
            }
        }
        return d;
    }
}
