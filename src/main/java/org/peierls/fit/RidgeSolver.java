package org.peierls.fit;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * Ridge (Tikhonov) least squares: minimises ‖W(A·x − b)‖² + λ·Σ_c x_c² over the non-constant
 * columns (β0 columns are not penalised), solved as the stacked problem [R; √λ·D]·x ≈ [z; 0] by
 * Householder QR — without forming normal equations. λ is in the units of the weighted squared
 * residual.
 */
public final class RidgeSolver implements Solver {

    private final double lambda;

    /** @param lambda penalty λ ≥ 0 */
    public RidgeSolver(double lambda) {
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("ridge λ must be finite and ≥ 0, got " + lambda);
        }
        this.lambda = lambda;
    }

    public double lambda() {
        return lambda;
    }

    @Override
    public Solution solve(TriangularSystem sys) {
        int n = sys.columns();
        DMatrixRMaj m = new DMatrixRMaj(2 * n, n + 1);
        DMatrixRMaj r = sys.r();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                m.set(i, j, r.get(i, j));
            }
            m.set(i, n, sys.z()[i]);
            m.set(n + i, i, sys.bias()[i] ? 0 : Math.sqrt(lambda));
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(2 * n, n + 1);
        qr.decompose(m); // see LeastSquares.triangle: a "failed" column is an exactly dependent one
        DMatrixRMaj rr = qr.getR(null, true);
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = rr.get(i, n);
            for (int j = i + 1; j < n; j++) {
                s -= rr.get(i, j) * x[j];
            }
            double diag = rr.get(i, i);
            x[i] = diag == 0 ? 0 : s / diag;
        }
        return new Solution(x, n, null, SvdSolver.residual(sys, x), describe());
    }

    @Override
    public String describe() {
        return "ridge lambda=" + lambda;
    }
}
