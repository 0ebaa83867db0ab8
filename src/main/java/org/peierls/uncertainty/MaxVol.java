package org.peierls.uncertainty;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The maximum-volume square submatrix of a tall matrix (Goreinov, Oseledets, Savostyanov,
 * Tyrtyshnikov, Zamarashkin & Zamarashkin, "How to find a good submatrix", 2010): r rows of an
 * n × r matrix F whose determinant is (locally) the largest in modulus. With A the chosen rows,
 * every row of F is F_i = c_i A with |c_ik| ≤ 1 + tol — the property that makes max_k |c_k| an
 * extrapolation grade (Podryabinkin &amp; Shapeev 2017): a row with |c| ≤ 1 lies in the
 * parallelotope spanned by the active set, one with |c| &gt; 1 enlarges it.
 *
 * <p>Start: pivoted Gram–Schmidt (the row of largest residual norm, r times), a well-conditioned
 * basis. Then swaps: while some |C_ij| &gt; 1 + tol, with C = F A⁻¹, row i replaces active row j;
 * |det A| grows by the factor |C_ij| at each swap, so the loop ends. C is updated by the
 * Sherman–Morrison rank-one formula, C ← C − C_{:j} (C_{i:} − e_j) / C_ij (O(n r) per swap), and
 * recomputed from A⁻¹ every {@value #REFRESH} swaps against drift.</p>
 */
public final class MaxVol {

    private static final int REFRESH = 64;

    private MaxVol() {
    }

    /** The selected rows and the swaps it took. */
    public record Selection(int[] rows, int swaps, double maxCoefficient) {
    }

    /**
     * Selects r rows of {@code f} (row-major, n × r, rank r).
     *
     * @param tol      stop when every |c_ik| ≤ 1 + tol
     * @param maxSwaps safety bound on the swaps
     * @throws IllegalArgumentException when n &lt; r or the matrix has rank &lt; r
     */
    public static Selection select(double[] f, int n, int r, double tol, int maxSwaps) {
        if (n < r) {
            throw new IllegalArgumentException("MaxVol needs at least as many rows (" + n + ") as columns (" + r + ")");
        }
        int[] active = greedyStart(f, n, r);
        double[] c = coefficients(f, n, r, active);
        int swaps = 0;
        double maxC;
        while (true) {
            int bi = -1, bj = -1;
            maxC = 0;
            for (int i = 0; i < n; i++) {
                int o = i * r;
                for (int j = 0; j < r; j++) {
                    double v = Math.abs(c[o + j]);
                    if (v > maxC) {
                        maxC = v;
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (maxC <= 1 + tol || swaps >= maxSwaps) {
                break;
            }
            active[bj] = bi;
            swaps++;
            if (swaps % REFRESH == 0) {
                c = coefficients(f, n, r, active);
                continue;
            }
            // C ← C − C[:,j] ⊗ (C[i,:] − e_j) / C_ij
            double[] u = new double[r];
            double cij = c[bi * r + bj];
            for (int k = 0; k < r; k++) {
                u[k] = c[bi * r + k] / cij;
            }
            u[bj] -= 1 / cij;
            for (int i = 0; i < n; i++) {
                int o = i * r;
                double cj = c[o + bj];
                if (cj != 0) {
                    for (int k = 0; k < r; k++) {
                        c[o + k] -= cj * u[k];
                    }
                }
            }
        }
        // the reported maximum from a fresh C, not the updated one
        c = coefficients(f, n, r, active);
        maxC = 0;
        for (double v : c) {
            maxC = Math.max(maxC, Math.abs(v));
        }
        return new Selection(active, swaps, maxC);
    }

    /** Pivoted Gram–Schmidt: r rows, each the one of largest residual after projecting out the previous. */
    static int[] greedyStart(double[] f, int n, int r) {
        double[] res = f.clone();
        double[] norm2 = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < r; k++) {
                s += res[i * r + k] * res[i * r + k];
            }
            norm2[i] = s;
        }
        double first = 0;
        for (double v : norm2) {
            first = Math.max(first, v);
        }
        int[] active = new int[r];
        boolean[] used = new boolean[n];
        double[] q = new double[r];
        for (int a = 0; a < r; a++) {
            int best = -1;
            double bv = -1;
            for (int i = 0; i < n; i++) {
                if (!used[i] && norm2[i] > bv) {
                    bv = norm2[i];
                    best = i;
                }
            }
            if (best < 0 || !(bv > first * 1e-26)) {
                throw new IllegalArgumentException("rows have rank " + a + " < " + r);
            }
            used[best] = true;
            active[a] = best;
            double inv = 1 / Math.sqrt(bv);
            for (int k = 0; k < r; k++) {
                q[k] = res[best * r + k] * inv;
            }
            for (int i = 0; i < n; i++) {
                if (used[i]) {
                    continue;
                }
                int o = i * r;
                double d = 0;
                for (int k = 0; k < r; k++) {
                    d += res[o + k] * q[k];
                }
                double s = 0;
                for (int k = 0; k < r; k++) {
                    res[o + k] -= d * q[k];
                    s += res[o + k] * res[o + k];
                }
                norm2[i] = s;
            }
        }
        return active;
    }

    /** C = F A⁻¹ for the active rows. */
    static double[] coefficients(double[] f, int n, int r, int[] active) {
        DMatrixRMaj ainv = inverse(f, r, active);
        DMatrixRMaj fm = DMatrixRMaj.wrap(n, r, f);
        DMatrixRMaj c = new DMatrixRMaj(n, r);
        CommonOps_DDRM.mult(fm, ainv, c);
        return c.data;
    }

    /** A⁻¹ of the active rows (r × r). */
    static DMatrixRMaj inverse(double[] f, int r, int[] active) {
        DMatrixRMaj a = new DMatrixRMaj(r, r);
        for (int j = 0; j < r; j++) {
            System.arraycopy(f, active[j] * r, a.data, j * r, r);
        }
        if (!CommonOps_DDRM.invert(a)) {
            throw new IllegalArgumentException("the active set is singular");
        }
        return a;
    }
}
