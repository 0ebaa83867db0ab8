package org.peierls.uncertainty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** D-optimal (MaxVol) selection of candidate rows against an active set. */
class DOptimalSelectionTest {

    private static final int M = 6;

    /** Training descriptor rows b (n × M) and their active set of features [1, b]. */
    private static ActiveSet activeSet(double[] b, int n) {
        double[] f = new double[n * (M + 1)];
        List<String> src = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            f[i * (M + 1)] = 1;
            System.arraycopy(b, i * M, f, i * (M + 1) + 1, M);
            src.add(Integer.toString(i));
        }
        return ActiveSet.select(f, n, M + 1, src);
    }

    @Test
    void neverPicksActiveRowsAndPicksDuplicatesOnce() {
        Random r = new Random(2);
        int n = 300;
        double[] train = new double[n * M];
        for (int i = 0; i < train.length; i++) {
            train[i] = r.nextGaussian();
        }
        ActiveSet a = activeSet(train, n);
        // candidates: the active rows themselves, then a far row twice, then another far row
        List<Integer> activeRows = new ArrayList<>();
        for (String src : a.sources()) {
            activeRows.add(Integer.parseInt(src));
        }
        int na = activeRows.size(), nc = na + 3;
        double[] cand = new double[nc * M];
        for (int k = 0; k < na; k++) {
            System.arraycopy(train, activeRows.get(k) * M, cand, k * M, M);
        }
        double[] far1 = {9, 0, 0, 0, 0, 0}, far2 = {0, 0, -7, 7, 0, 0};
        System.arraycopy(far1, 0, cand, na * M, M);
        System.arraycopy(far1, 0, cand, (na + 1) * M, M);
        System.arraycopy(far2, 0, cand, (na + 2) * M, M);
        DOptimalSelection.Result s = DOptimalSelection.select(a, cand, nc, M, 1.0 + 1e-6, 10);
        assertEquals(2, s.rows().size(), "chosen " + s.rows());
        for (int i : s.rows()) {
            assertTrue(i >= na, "an active row was chosen: " + i);
        }
        assertTrue(s.rows().contains(na + 2));
        assertFalse(s.rows().contains(na) && s.rows().contains(na + 1), "a duplicate was chosen twice");
        for (double g : s.grade()) {
            assertTrue(g > 1.5, "grade when chosen " + g);
        }
        // after the swaps the chosen rows are active rows: their coefficients are unit vectors
        for (int i : s.rows()) {
            double[] c = s.after().coefficientsOfDescriptor(cand, i * M);
            double max = 0, sum = 0;
            for (double v : c) {
                max = Math.max(max, Math.abs(v));
                sum += Math.abs(v);
            }
            assertEquals(1.0, max, 1e-9);
            assertEquals(1.0, sum, 1e-9);
        }
        // and no candidate is left above the threshold
        for (int i = 0; i < nc; i++) {
            assertTrue(s.after().gradeOfDescriptor(cand, i * M) <= 1 + 1e-6, "row " + i);
        }
    }

    @Test
    void nothingToSelectInsideTheTrainingData() {
        Random r = new Random(5);
        int n = 200;
        double[] train = new double[n * M];
        for (int i = 0; i < train.length; i++) {
            train[i] = r.nextGaussian();
        }
        ActiveSet a = activeSet(train, n);
        DOptimalSelection.Result s = DOptimalSelection.select(a, train, n, M, 1.0 + 1e-6, 10);
        assertTrue(s.rows().isEmpty(), "chosen " + s.rows());
    }
}
