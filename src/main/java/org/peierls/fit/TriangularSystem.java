package org.peierls.fit;

import org.ejml.data.DMatrixRMaj;

/**
 * A weighted least-squares problem min ‖W(A·x − b)‖ reduced to its triangular form: W·A = Q·R,
 * z = Qᵀ·W·b, so that ‖W(A·x − b)‖² = ‖R·x − z‖² + ρ², ρ the residual norm of the best fit.
 * Solvers work on this small n×n system: R has the singular values of W·A.
 *
 * @param r        R, upper triangular {@code [n × n]}
 * @param z        Qᵀ·W·b {@code [n]}
 * @param residual ρ, the norm of the part of W·b outside the column space of W·A
 * @param rows     number of weighted rows that went in (−1 when not counted)
 * @param names    column names {@code [n]}, for messages
 * @param bias     whether each column is a constant (β0) column {@code [n]} (not penalised by ridge)
 */
public record TriangularSystem(DMatrixRMaj r, double[] z, double residual, long rows, String[] names, boolean[] bias) {

    /** Number of unknowns n. */
    public int columns() {
        return z.length;
    }
}
