package org.peierls.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peierls.util.Progress;

class CrossValidationTest {

    private static final int MO = FitTestData.z("Mo");

    @Test
    void foldsAreStratifiedAndReproducible() {
        Dataset d = FitTestData.data(20, MO, 0, 21);
        int[] f = CrossValidation.folds(d, 5, 3);
        assertArrayEquals(f, CrossValidation.folds(d, 5, 3));
        int[][] perGroup = new int[2][5];
        for (int i = 0; i < f.length; i++) {
            perGroup[d.get(i).group().equals("A") ? 0 : 1][f[i]]++;
        }
        for (int g = 0; g < 2; g++) {
            for (int k = 0; k < 5; k++) {
                assertEquals(2, perGroup[g][k], "10 configurations of a group over 5 folds");
            }
        }
    }

    /**
     * Cross-validation merges per-fold triangles; it must give what k separate fits on the other
     * folds give (to round-off: 1e-9 relative on the pooled errors).
     */
    @Test
    void mergedFoldTrianglesEqualSeparateFits() {
        Dataset d = FitTestData.data(15, MO, 0, 22).withWeights(new Weights(30, 1, 0.5));
        FeatureBasis basis = new SnapSettings(FitTestData.bispectrum(MO), true, true, null, null).basis();
        DesignMatrix dm = DesignMatrix.build(d, basis, Reference.NONE, Progress.silent());
        List<Solver> solvers = List.of(new SvdSolver(1e-13), new RidgeSolver(1e-3));
        List<Metrics> cv = CrossValidation.run(dm, 3, 9, solvers);
        int[] fold = CrossValidation.folds(d, 3, 9);
        for (int s = 0; s < solvers.size(); s++) {
            Metrics.Accumulator acc = new Metrics.Accumulator();
            for (int f = 0; f < 3; f++) {
                boolean[] in = new boolean[d.size()];
                for (int i = 0; i < in.length; i++) {
                    in[i] = fold[i] != f;
                }
                double[] x = LeastSquares.fit(dm, in, LeastSquares.weightsOf(d), solvers.get(s)).coefficients();
                for (int i = 0; i < in.length; i++) {
                    if (!in[i]) {
                        acc.add(d.get(i), Prediction.ofRows(dm, i, x));
                    }
                }
            }
            Metrics naive = acc.metrics();
            Metrics m = cv.get(s);
            assertEquals(naive.energyMae(), m.energyMae(), 1e-9 * naive.energyMae());
            assertEquals(naive.forceMae(), m.forceMae(), 1e-9 * naive.forceMae());
            assertEquals(naive.stressMae(), m.stressMae(), 1e-9 * naive.stressMae());
            assertEquals(15, m.configs());
        }
        assertTrue(cv.get(0).energyMae() != cv.get(1).energyMae(), "the ridge penalty must change something");
    }
}
