package org.peierls.fit;

import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The linear step of the MTP fit: min ‖R·x − z‖² + Σ_c λ_c x_c² with the column-scaled ridge
 * λ_c = ridge·s_max²·|A_c|² on the ξ columns (none on the species columns), s_max the largest
 * singular value of the column-scaled triangle. The MTP trainer fixes λ at its first evaluation
 * (so that the reduced loss stays smooth in the radial coefficients); as a {@link Solver} it
 * recomputes λ for the system it is given, so that cross-validation folds are solved as the fit
 * solves.
 */
final class ColumnScaledRidge implements Solver {

    private final double ridge;
    private final DesignColumns columns;

    /**
     * @param ridge   the relative ridge (e.g. 10⁻¹⁰)
     * @param columns which columns are species (bias) columns
     */
    ColumnScaledRidge(double ridge, DesignColumns columns) {
        this.ridge = ridge;
        this.columns = columns;
    }

    @Override
    public Solution solve(TriangularSystem sys) {
        double[] x = solve(sys, penalties(sys, ridge, columns));
        return new Solution(x, x.length, null, Double.NaN, describe());
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "column-scaled ridge %.3g", ridge);
    }

    /** The penalties λ_c = ridge·s_max²·|A_c|² of system {@code sys} (0 on the bias columns). */
    static double[] penalties(TriangularSystem sys, double ridge, DesignColumns columns) {
        int n = sys.columns();
        double[] norm = columnNorms(sys.r());
        DMatrixRMaj scaled = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                scaled.set(i, j, norm[j] > 0 ? sys.r().get(i, j) / norm[j] : 0);
            }
        }
        double smax = SvdSolver.decompose(scaled).s()[0];
        double[] lambda = new double[n];
        for (int c = 0; c < n; c++) {
            lambda[c] = columns.isBias(c) ? 0 : ridge * smax * smax * norm[c] * norm[c];
        }
        return lambda;
    }

    /** |A_c| = |R_c|: the norms of the columns of the upper triangle r. */
    private static double[] columnNorms(DMatrixRMaj r) {
        int n = r.numCols;
        double[] norm = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i <= j && i < r.numRows; i++) {
                s += r.get(i, j) * r.get(i, j);
            }
            norm[j] = Math.sqrt(s);
        }
        return norm;
    }

    /**
     * min ‖R·x − z‖² + Σ λ_c x_c² by Householder QR of [R·D⁻¹; diag(√λ_c/D_c)] in the scaled
     * unknowns D·x (D = column norms), so that badly scaled columns cost no accuracy.
     */
    static double[] solve(TriangularSystem sys, double[] lambda) {
        int n = sys.columns();
        double[] norm = columnNorms(sys.r());
        DMatrixRMaj m = new DMatrixRMaj(2 * n, n + 1);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                m.set(i, j, norm[j] > 0 ? sys.r().get(i, j) / norm[j] : 0);
            }
            m.set(i, n, sys.z()[i]);
            m.set(n + i, i, norm[i] > 0 ? Math.sqrt(lambda[i]) / norm[i] : 0);
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(2 * n, n + 1);
        qr.decompose(m);
        DMatrixRMaj rr = qr.getR(null, true);
        double[] y = new double[n];
        double tiny = 1e-14 * Math.abs(rr.get(0, 0));
        for (int i = n - 1; i >= 0; i--) {
            double s = rr.get(i, n);
            for (int j = i + 1; j < n; j++) {
                s -= rr.get(i, j) * y[j];
            }
            double diag = rr.get(i, i);
            y[i] = Math.abs(diag) <= tiny ? 0 : s / diag;
        }
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = norm[j] > 0 ? y[j] / norm[j] : 0;
        }
        return x;
    }
}
