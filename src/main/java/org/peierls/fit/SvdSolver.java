package org.peierls.fit;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Least squares through the singular value decomposition with a cut-off, as numpy/scipy
 * {@code lstsq(a, b, cond)}: singular values below {@code rcond}·s_max are treated as zero, giving
 * the minimum-norm solution x = Σ_{s_i &gt; rcond·s_max} v_i (u_iᵀ z)/s_i. FitSNAP's SVD solver is
 * {@code scipy.linalg.lstsq(w·A, w·b, 1e-13)}. The decomposition is of R (W·A = Q·R), which has
 * the singular values of W·A.
 */
public final class SvdSolver implements Solver {

    /** FitSNAP's cut-off. */
    public static final double FITSNAP_RCOND = 1e-13;

    private final double rcond;

    /** @param rcond relative cut-off of singular values (≥ 0) */
    public SvdSolver(double rcond) {
        if (!(rcond >= 0) || rcond >= 1) {
            throw new IllegalArgumentException("rcond must be in [0, 1), got " + rcond);
        }
        this.rcond = rcond;
    }

    public double rcond() {
        return rcond;
    }

    @Override
    public Solution solve(TriangularSystem sys) {
        Decomposition d = decompose(sys.r());
        int n = sys.columns();
        double cut = rcond * (d.s.length == 0 ? 0 : d.s[0]);
        double[] x = new double[n];
        int rank = 0;
        for (int k = 0; k < d.s.length; k++) {
            if (!(d.s[k] > cut) || d.s[k] == 0) {
                continue;
            }
            rank++;
            double uz = 0;
            for (int i = 0; i < n; i++) {
                uz += d.u.get(i, d.order[k]) * sys.z()[i];
            }
            double f = uz / d.s[k];
            for (int i = 0; i < n; i++) {
                x[i] += d.v.get(i, d.order[k]) * f;
            }
        }
        double res = residual(sys, x);
        return new Solution(x, rank, d.s, res, describe());
    }

    /** ‖R·x − z‖² + ρ², square-rooted: the weighted residual norm of x. */
    static double residual(TriangularSystem sys, double[] x) {
        int n = sys.columns();
        DMatrixRMaj r = sys.r();
        double ss = sys.residual() * sys.residual();
        for (int i = 0; i < n; i++) {
            double s = -sys.z()[i];
            for (int j = i; j < n; j++) {
                s += r.get(i, j) * x[j];
            }
            ss += s * s;
        }
        return Math.sqrt(ss);
    }

    /** U, V and the singular values sorted descending ({@code order[k]}: column of U/V of the k-th). */
    record Decomposition(DMatrixRMaj u, DMatrixRMaj v, double[] s, int[] order) {
    }

    static Decomposition decompose(DMatrixRMaj r) {
        int n = r.numCols;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, n, true, true, false);
        if (!svd.decompose(r.copy())) {
            throw new IllegalStateException("SVD did not converge");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj v = svd.getV(null, false);
        double[] w = svd.getSingularValues();
        int m = Math.min(svd.numberOfSingularValues(), w.length);
        Integer[] idx = new Integer[m];
        for (int k = 0; k < m; k++) {
            idx[k] = k;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(w[b], w[a]));
        double[] s = new double[m];
        int[] order = new int[m];
        for (int k = 0; k < m; k++) {
            order[k] = idx[k];
            s[k] = w[idx[k]];
        }
        return new Decomposition(u, v, s, order);
    }

    @Override
    public String describe() {
        return "svd rcond=" + rcond;
    }
}
