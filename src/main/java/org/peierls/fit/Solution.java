package org.peierls.fit;

/**
 * The solution of a least-squares fit.
 *
 * @param coefficients x {@code [columns]}
 * @param rank         effective rank used (columns when the system had full rank)
 * @param singular     singular values of the weighted design matrix, descending (null when not computed)
 * @param residual     ‖W(A·x − b)‖ over the fitted rows
 * @param solver       description of the solver
 */
public record Solution(double[] coefficients, int rank, double[] singular, double residual, String solver) {

    /** Condition number s_max/s_min (NaN when the singular values are unknown). */
    public double condition() {
        if (singular == null || singular.length == 0) {
            return Double.NaN;
        }
        return singular[0] / singular[singular.length - 1];
    }
}
