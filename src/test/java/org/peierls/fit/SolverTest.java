package org.peierls.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.peierls.util.InputException;

/** Solvers on small problems with known answers. */
class SolverTest {

    private static double[] randomMatrix(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[] a = new double[rows * cols];
        for (int k = 0; k < a.length; k++) {
            a[k] = r.nextGaussian();
        }
        return a;
    }

    private static double[] times(double[] a, int rows, int cols, double[] x) {
        double[] b = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                b[i] += a[i * cols + j] * x[j];
            }
        }
        return b;
    }

    /** Solves the normal equations (AᵀWᵀWA + λD)x = AᵀWᵀWb by Gaussian elimination with pivoting: an independent path. */
    private static double[] normalEquations(double[] a, int rows, int cols, double[] b, double[] w, double lambda, boolean[] bias) {
        double[][] m = new double[cols][cols + 1];
        for (int r = 0; r < rows; r++) {
            double w2 = w == null ? 1 : w[r] * w[r];
            for (int i = 0; i < cols; i++) {
                for (int j = 0; j < cols; j++) {
                    m[i][j] += w2 * a[r * cols + i] * a[r * cols + j];
                }
                m[i][cols] += w2 * a[r * cols + i] * b[r];
            }
        }
        for (int i = 0; i < cols; i++) {
            m[i][i] += bias != null && bias[i] ? 0 : lambda;
        }
        for (int p = 0; p < cols; p++) {
            int best = p;
            for (int i = p + 1; i < cols; i++) {
                if (Math.abs(m[i][p]) > Math.abs(m[best][p])) {
                    best = i;
                }
            }
            double[] t = m[p];
            m[p] = m[best];
            m[best] = t;
            for (int i = p + 1; i < cols; i++) {
                double f = m[i][p] / m[p][p];
                for (int j = p; j <= cols; j++) {
                    m[i][j] -= f * m[p][j];
                }
            }
        }
        double[] x = new double[cols];
        for (int i = cols - 1; i >= 0; i--) {
            double s = m[i][cols];
            for (int j = i + 1; j < cols; j++) {
                s -= m[i][j] * x[j];
            }
            x[i] = s / m[i][i];
        }
        return x;
    }

    @Test
    void consistentSystemIsSolvedExactlyByEverySolver() {
        int rows = 40, cols = 6;
        double[] a = randomMatrix(rows, cols, 1);
        double[] x = {1.5, -2, 0.25, 3, -0.5, 7};
        double[] b = times(a, rows, cols, x);
        TriangularSystem sys = LeastSquares.reduce(a, rows, cols, b, null, null, null);
        for (Solver s : new Solver[]{new SvdSolver(1e-13), new QrSolver(), new RidgeSolver(0)}) {
            Solution sol = s.solve(sys);
            for (int j = 0; j < cols; j++) {
                // condition number of a 40×6 Gaussian matrix is ~3: round-off only
                assertEquals(x[j], sol.coefficients()[j], 1e-12, s.describe() + " x" + j);
            }
            assertEquals(0, sol.residual(), 1e-11, s.describe());
        }
    }

    @Test
    void weightedLeastSquaresEqualsNormalEquations() {
        int rows = 60, cols = 5;
        double[] a = randomMatrix(rows, cols, 2);
        double[] b = randomMatrix(rows, 1, 3);
        double[] w = new double[rows];
        Random r = new Random(4);
        for (int i = 0; i < rows; i++) {
            w[i] = Math.exp(2 * r.nextGaussian());
        }
        double[] expected = normalEquations(a, rows, cols, b, w, 0, null);
        TriangularSystem sys = LeastSquares.reduce(a, rows, cols, b, w, null, null);
        for (Solver s : new Solver[]{new SvdSolver(1e-13), new QrSolver()}) {
            double[] x = s.solve(sys).coefficients();
            for (int j = 0; j < cols; j++) {
                assertEquals(expected[j], x[j], 1e-10 * Math.max(1, Math.abs(expected[j])), s.describe() + " x" + j);
            }
        }
    }

    @Test
    void ridgeEqualsPenalisedNormalEquationsAndLeavesBiasFree() {
        int rows = 30, cols = 4;
        double[] a = randomMatrix(rows, cols, 5);
        for (int i = 0; i < rows; i++) {
            a[i * cols] = 1; // a constant column
        }
        double[] b = randomMatrix(rows, 1, 6);
        boolean[] bias = {true, false, false, false};
        double lambda = 3.7;
        double[] expected = normalEquations(a, rows, cols, b, null, lambda, bias);
        double[] x = new RidgeSolver(lambda).solve(LeastSquares.reduce(a, rows, cols, b, null, null, bias)).coefficients();
        for (int j = 0; j < cols; j++) {
            assertEquals(expected[j], x[j], 1e-12, "x" + j);
        }
    }

    /**
     * Two equal columns: the minimum-norm least-squares solution (numpy lstsq, FitSNAP) shares their
     * coefficient equally; QR refuses and names the column.
     */
    @Test
    void rankDeficientSystem() {
        int rows = 20, cols = 3;
        double[] a = randomMatrix(rows, cols, 7);
        for (int i = 0; i < rows; i++) {
            a[i * cols + 2] = a[i * cols + 1];
        }
        double[] b = new double[rows];
        for (int i = 0; i < rows; i++) {
            b[i] = 2 * a[i * cols] + 6 * a[i * cols + 1];
        }
        TriangularSystem sys = LeastSquares.reduce(a, rows, cols, b, null, new String[]{"β0", "B1", "B1 again"}, null);
        Solution svd = new SvdSolver(1e-13).solve(sys);
        assertEquals(2, svd.rank());
        assertEquals(2, svd.coefficients()[0], 1e-12);
        assertEquals(3, svd.coefficients()[1], 1e-12);
        assertEquals(3, svd.coefficients()[2], 1e-12);
        InputException e = assertThrows(InputException.class, () -> new QrSolver().solve(sys));
        assertTrue(e.getMessage().contains("rank 2 of 3") && e.getMessage().contains("B1"), e.getMessage());
    }

    /** The cut-off drops a singular value just below rcond·s_max, as lstsq(cond) does. */
    @Test
    void svdCutOff() {
        // A = diag(1, 1e-9): with rcond 1e-8 the second direction is dropped, with 1e-10 kept
        double[] a = {1, 0, 0, 1e-9};
        double[] b = {2, 3e-9};
        TriangularSystem sys = LeastSquares.reduce(a, 2, 2, b, null, null, null);
        Solution cut = new SvdSolver(1e-8).solve(sys);
        assertEquals(1, cut.rank());
        assertEquals(2, cut.coefficients()[0], 1e-15);
        assertEquals(0, cut.coefficients()[1], 0);
        Solution keep = new SvdSolver(1e-10).solve(sys);
        assertEquals(2, keep.rank());
        assertEquals(3, keep.coefficients()[1], 1e-6);
        assertEquals(1e9, keep.condition(), 1);
    }

    @Test
    void namedSolvers() {
        assertTrue(Solver.named("SVD", 1e-13, 0) instanceof SvdSolver);
        assertTrue(Solver.named("qr", 0, 0) instanceof QrSolver);
        assertTrue(Solver.named("ridge", 0, 1) instanceof RidgeSolver);
        assertThrows(InputException.class, () -> Solver.named("lasso", 0, 0));
    }
}
