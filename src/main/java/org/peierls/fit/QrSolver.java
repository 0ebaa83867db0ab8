package org.peierls.fit;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.qr.QRColPivDecompositionHouseholderColumn_DDRM;
import org.peierls.util.InputException;

/**
 * Least squares by back-substitution on R (Householder QR of W·A). Refuses a rank-deficient
 * system — smallest singular value below {@link #RANK_TOLERANCE}·s_max — naming the columns that
 * a column-pivoted QR finds to depend on the others (use the SVD solver with a cut-off, or ridge,
 * or remove those columns).
 */
public final class QrSolver implements Solver {

    /** Relative size of the smallest singular value below which the system counts as rank-deficient. */
    public static final double RANK_TOLERANCE = 1e-12;

    @Override
    public Solution solve(TriangularSystem sys) {
        int n = sys.columns();
        SvdSolver.Decomposition d = SvdSolver.decompose(sys.r());
        double smax = d.s().length == 0 ? 0 : d.s()[0];
        int rank = 0;
        for (double s : d.s()) {
            if (s > RANK_TOLERANCE * smax) {
                rank++;
            }
        }
        if (rank < n) {
            throw new InputException("the design matrix is rank-deficient (rank " + rank + " of " + n
                    + " columns); columns depending on others: " + String.join(", ", dependentColumns(sys, rank))
                    + " — use the svd solver (with a cut-off) or ridge, or drop them");
        }
        DMatrixRMaj r = sys.r();
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = sys.z()[i];
            for (int j = i + 1; j < n; j++) {
                s -= r.get(i, j) * x[j];
            }
            x[i] = s / r.get(i, i);
        }
        return new Solution(x, n, d.s(), SvdSolver.residual(sys, x), describe());
    }

    /** Names of the columns a column-pivoted QR of R places after the first {@code rank}. */
    static List<String> dependentColumns(TriangularSystem sys, int rank) {
        int n = sys.columns();
        DMatrixRMaj r = sys.r().copy();
        // scale columns to unit norm so that the pivoting reflects linear dependence, not units
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += r.get(i, j) * r.get(i, j);
            }
            s = Math.sqrt(s);
            for (int i = 0; i < n && s > 0; i++) {
                r.set(i, j, r.get(i, j) / s);
            }
        }
        QRColPivDecompositionHouseholderColumn_DDRM qrp = new QRColPivDecompositionHouseholderColumn_DDRM();
        qrp.decompose(r);
        int[] piv = qrp.getColPivots();
        List<String> out = new ArrayList<>();
        for (int k = rank; k < n && out.size() < 12; k++) {
            out.add(sys.names()[piv[k]]);
        }
        if (n - rank > 12) {
            out.add("… (" + (n - rank) + " in all)");
        }
        return out;
    }

    @Override
    public String describe() {
        return "qr";
    }
}
