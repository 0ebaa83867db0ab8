package org.peierls.descriptor;

/**
 * The hyperspherical harmonics u^j (Wigner D-matrices of SU(2)) of a point (a, b) on the unit
 * 3-sphere, |a|² + |b|² = 1, by the recursion of Thompson et al., J. Comput. Phys. 285, 316
 * (2015), eq. 8 (Varshalovich et al. §4.8.2):
 *
 * <pre>
 *   u^0 = 1,
 *   u^j[mb][ma] = √((j−ma)/(j−mb))·ā·u^{j−1}[mb][ma] − √(ma/(j−mb))·b̄·u^{j−1}[mb][ma−1]   (2mb ≤ j),
 * </pre>
 *
 * the other rows following from u^j[j−mb][j−ma] = (−1)^(ma+mb)·conj(u^j[mb][ma]).
 * Equivalently u^j is the action of M = [[ā, −b̄], [b, a]] ∈ SU(2) on the orthonormal
 * polynomials √C(j,m)·x^(j−m)·y^m of degree j, which gives the derivative used by
 * {@link Bispectrum}: for M → M(1 + X) with X = M^†dM ∈ su(2),
 * du^j[mb][m] = (j−2m)·X00·u[mb][m] + √(m(j−m+1))·X01·u[mb][m−1] + √((m+1)(j−m))·X10·u[mb][m+1].
 *
 * <p>Arrays use the compact half layout of {@link BispectrumIndex} and separate real and
 * imaginary parts; nothing is allocated.</p>
 */
final class HypersphericalHarmonics {

    private HypersphericalHarmonics() {
    }

    /**
     * Fills the compact rows of every layer (the independent half, plus for odd j the row
     * (j+1)/2 that layer j+1 needs) of u(a, b).
     *
     * @param ur real parts, {@code [cSize]} (overwritten)
     * @param ui imaginary parts, {@code [cSize]} (overwritten)
     */
    static void compute(BispectrumIndex ix, double ar, double ai, double br, double bi, double[] ur, double[] ui) {
        final int twojmax = ix.twojmax;
        final int[] cBlock = ix.cBlock;
        final double[] rootPq = ix.rootPq;
        final int stride = twojmax + 2;
        ur[0] = 1.0;
        ui[0] = 0.0;
        for (int j = 1; j <= twojmax; j++) {
            int prev = cBlock[j - 1];
            int cur = cBlock[j];
            for (int mb = 0; 2 * mb <= j; mb++) {
                int p = prev + mb * j;          // row mb of layer j-1 (j entries)
                int c = cur + mb * (j + 1);     // row mb of layer j
                double rowr = 0, rowi = 0;      // b̄·u^{j-1}[mb][ma-1] carried along the row
                for (int ma = 0; ma < j; ma++) {
                    double pr = ur[p + ma], pi = ui[p + ma];
                    double ca = rootPq[(j - ma) * stride + (j - mb)];
                    double cb = rootPq[(ma) * stride + (j - mb)];
                    // ā·u = (ar pr + ai pi) + i (ar pi − ai pr)
                    ur[c + ma] = ca * (ar * pr + ai * pi) - cb * rowr;
                    ui[c + ma] = ca * (ar * pi - ai * pr) - cb * rowi;
                    // b̄·u = (br pr + bi pi) + i (br pi − bi pr)
                    rowr = br * pr + bi * pi;
                    rowi = br * pi - bi * pr;
                }
                double cb = rootPq[j * stride + (j - mb)];
                ur[c + j] = -cb * rowr;
                ui[c + j] = -cb * rowi;
            }
            if ((j & 1) == 1 && j < twojmax) {
                // row (j+1)/2 = mirror of row (j-1)/2: u[j-mb][j-ma] = (-1)^(ma+mb) conj(u[mb][ma])
                int mb = (j - 1) / 2;
                int src = cur + mb * (j + 1);
                int dst = cur + (j - mb) * (j + 1);
                for (int ma = 0; ma <= j; ma++) {
                    boolean even = ((ma + mb) & 1) == 0;
                    double r = ur[src + ma], im = ui[src + ma];
                    ur[dst + j - ma] = even ? r : -r;
                    ui[dst + j - ma] = even ? -im : im;
                }
            }
        }
    }
}
