package org.peierls.defects;

import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The straight dislocation in an anisotropic medium by the Stroh sextic formalism (Stroh 1958;
 * Hirth &amp; Lothe ch. 13; Ting, Anisotropic Elasticity, 1996, ch. 5 and 8).
 *
 * <p>With the stiffness C_ijkl in the dislocation frame (line along z) and Q_ik = C_i1k1,
 * R_ik = C_i1k2, T_ik = C_i2k2, the three roots p_α with Im p_α &gt; 0 of
 * det[Q + p(R + Rᵀ) + p²T] = 0 and their vectors a_α (null vectors of that matrix),
 * b_α = (Rᵀ + p_α T) a_α, normalized by 2 a_α·b_α = 1, give the displacement</p>
 * <pre>
 *   u(x, y) = (1/π) Im Σ_α a_α ln(x + p_α y) q_α,   q = Bᵀ b   (B = [b₁ b₂ b₃])
 * </pre>
 * <p>(equivalently Re Σ A_α D_α ln(x + p_α y)/(2πi) with D_α = 2q_α). The normalization makes
 * 2 Re(A Bᵀ) = I, so the jump of u around the line is exactly b, and 2 Re(B Bᵀ) = 0, so the
 * resultant force on the line vanishes. The prelogarithmic energy factor is
 * E/L = (bᵀ K b / 4π) ln(R/r₀) with K = 2 Im(B Bᵀ) ({@link #energyFactor()}).</p>
 *
 * <p>The formalism degenerates for an exactly isotropic medium (the root p = i is triple):
 * the constructor then throws; use {@link IsotropicDislocation} there, or a Zener ratio off 1
 * by ≥ 1e-4 (the solution converges to the isotropic one linearly in the anisotropy).</p>
 */
public final class StrohDislocation implements DislocationField {

    private final double[] b;
    private final double[] pRe = new double[3];
    private final double[] pIm = new double[3];
    // c[k][α] = a_kα q_α / π, split into real and imaginary parts
    private final double[] cRe = new double[9];
    private final double[] cIm = new double[9];
    private final double[] energy = new double[9];

    /**
     * @param stiffness the elastic constants in the dislocation frame (line along z)
     * @param burgers   the Burgers vector in the dislocation frame, Å
     * @throws IllegalArgumentException when the sextic has a (nearly) repeated root
     */
    public StrohDislocation(Stiffness stiffness, double[] burgers) {
        this.b = burgers.clone();
        Cx[][] q = new Cx[3][3];
        double[][] qm = new double[3][3], rm = new double[3][3], tm = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                qm[i][k] = stiffness.get(i, 0, k, 0);
                rm[i][k] = stiffness.get(i, 0, k, 1);
                tm[i][k] = stiffness.get(i, 1, k, 1);
            }
        }
        Cx[] roots = upperRoots(qm, rm, tm);
        double scale = 0;
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                scale = Math.max(scale, Math.abs(qm[i][k]) + Math.abs(tm[i][k]));
            }
        }
        for (int x = 0; x < 3; x++) {
            for (int y = x + 1; y < 3; y++) {
                if (roots[x].minus(roots[y]).abs() < 1e-5 * (1 + roots[x].abs())) {
                    throw new IllegalArgumentException("the Stroh sextic has a repeated root p = " + roots[x]
                            + " (isotropic or degenerate medium): use IsotropicDislocation");
                }
            }
        }
        Cx[][] a = new Cx[3][];
        Cx[][] bb = new Cx[3][];
        for (int al = 0; al < 3; al++) {
            Cx p = roots[al];
            Cx[][] k = new Cx[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    k[i][j] = new Cx(qm[i][j], 0).plus(p.times(rm[i][j] + rm[j][i])).plus(p.times(p).times(tm[i][j]));
                }
            }
            Cx[] av = nullVector(k);
            Cx[] bv = new Cx[3];
            for (int i = 0; i < 3; i++) {
                Cx s = Cx.ZERO;
                for (int j = 0; j < 3; j++) {
                    s = s.plus(new Cx(rm[j][i], 0).plus(p.times(tm[i][j])).times(av[j]));
                }
                bv[i] = s;
            }
            Cx ab = Cx.ZERO;
            for (int i = 0; i < 3; i++) {
                ab = ab.plus(av[i].times(bv[i]));
            }
            Cx norm = ab.times(2).sqrt();
            if (norm.abs() < 1e-12 * scale) {
                throw new IllegalArgumentException("degenerate Stroh eigenvector for p = " + p + ": use IsotropicDislocation");
            }
            for (int i = 0; i < 3; i++) {
                av[i] = av[i].div(norm);
                bv[i] = bv[i].div(norm);
            }
            a[al] = av;
            bb[al] = bv;
            pRe[al] = p.re();
            pIm[al] = p.im();
        }
        for (int al = 0; al < 3; al++) {
            Cx qa = Cx.ZERO;
            for (int k = 0; k < 3; k++) {
                qa = qa.plus(bb[al][k].times(b[k]));
            }
            for (int k = 0; k < 3; k++) {
                Cx c = a[al][k].times(qa).times(1 / Math.PI);
                cRe[3 * k + al] = c.re();
                cIm[3 * k + al] = c.im();
            }
        }
        // K = 2 Im(B Bᵀ), B's columns are b_α
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                Cx s = Cx.ZERO;
                for (int al = 0; al < 3; al++) {
                    s = s.plus(bb[al][i].times(bb[al][j]));
                }
                energy[3 * i + j] = 2 * s.im();
            }
        }
    }

    /** The three Stroh roots with positive imaginary part: {Re p, Im p} pairs, [3][2]. */
    public double[][] roots() {
        return new double[][]{{pRe[0], pIm[0]}, {pRe[1], pIm[1]}, {pRe[2], pIm[2]}};
    }

    /**
     * The energy-factor matrix K = 2 Im(B Bᵀ) (units of the stiffness), row-major [9]: the elastic
     * energy per length between radii r₀ and R is (bᵀ K b / 4π) ln(R/r₀); for an isotropic screw
     * bᵀKb = μb².
     */
    public double[] energyFactorMatrix() {
        return energy.clone();
    }

    /** bᵀ K b / |b|², the scalar energy factor of this Burgers vector (μ for an isotropic screw). */
    public double energyFactor() {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                s += b[i] * energy[3 * i + j] * b[j];
            }
        }
        return s / (b[0] * b[0] + b[1] * b[1] + b[2] * b[2]);
    }

    @Override
    public double[] burgers() {
        return b.clone();
    }

    @Override
    public void displacement(double x, double y, double[] out) {
        out[0] = 0;
        out[1] = 0;
        out[2] = 0;
        for (int al = 0; al < 3; al++) {
            double zr = x + pRe[al] * y;
            double zi = pIm[al] * y;
            double lnAbs = 0.5 * Math.log(zr * zr + zi * zi);
            double arg = Math.atan2(zi, zr);
            for (int k = 0; k < 3; k++) {
                out[k] += cIm[3 * k + al] * lnAbs + cRe[3 * k + al] * arg;
            }
        }
    }

    @Override
    public void dipole(double x, double y, double x1, double y1, double x2, double y2, double[] out) {
        out[0] = 0;
        out[1] = 0;
        out[2] = 0;
        for (int al = 0; al < 3; al++) {
            double pr = pRe[al], pi = pIm[al];
            double z1r = (x - x1) + pr * (y - y1), z1i = pi * (y - y1);
            double z2r = (x - x2) + pr * (y - y2), z2i = pi * (y - y2);
            double lnAbs = 0.5 * Math.log((z1r * z1r + z1i * z1i) / (z2r * z2r + z2i * z2i));
            double arg = DislocationMath.argRatio(z1r, z1i, z2r, z2i);
            for (int k = 0; k < 3; k++) {
                out[k] += cIm[3 * k + al] * lnAbs + cRe[3 * k + al] * arg;
            }
        }
    }

    /** Roots with Im p &gt; 0 of det[Q + p(R + Rᵀ) + p²T], sorted by real then imaginary part. */
    private static Cx[] upperRoots(double[][] q, double[][] r, double[][] t) {
        // matrix of quadratics K_ij(p) = q + p (r + rᵀ) + p² t
        double[][][] k = new double[3][3][];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                k[i][j] = new double[]{q[i][j], r[i][j] + r[j][i], t[i][j]};
            }
        }
        double[] det = new double[7];
        int[][] perms = {{0, 1, 2}, {1, 2, 0}, {2, 0, 1}, {0, 2, 1}, {2, 1, 0}, {1, 0, 2}};
        int[] signs = {1, 1, 1, -1, -1, -1};
        for (int s = 0; s < 6; s++) {
            double[] prod = mul(mul(k[0][perms[s][0]], k[1][perms[s][1]]), k[2][perms[s][2]]);
            for (int d = 0; d < prod.length; d++) {
                det[d] += signs[s] * prod[d];
            }
        }
        if (Math.abs(det[6]) < 1e-300) {
            throw new IllegalArgumentException("the Stroh sextic has no degree-6 term (det T = 0)");
        }
        // companion matrix of the monic polynomial
        DMatrixRMaj comp = new DMatrixRMaj(6, 6);
        for (int i = 0; i < 6; i++) {
            comp.set(0, i, -det[5 - i] / det[6]);
            if (i > 0) {
                comp.set(i, i - 1, 1);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(6, false);
        if (!eig.decompose(comp)) {
            throw new IllegalStateException("eigenvalues of the Stroh companion matrix did not converge");
        }
        Cx[] up = new Cx[3];
        int n = 0;
        for (int i = 0; i < 6; i++) {
            Complex_F64 e = eig.getEigenvalue(i);
            Cx root = polish(det, new Cx(e.real, e.imaginary));
            if (root.im() > 0) {
                if (n == 3) {
                    throw new IllegalStateException("more than three Stroh roots in the upper half plane");
                }
                up[n++] = root;
            }
        }
        if (n != 3) {
            throw new IllegalArgumentException("the Stroh sextic has real roots: the elastic constants are not positive definite");
        }
        java.util.Arrays.sort(up, (u, v) -> u.re() != v.re() ? Double.compare(u.re(), v.re()) : Double.compare(u.im(), v.im()));
        return up;
    }

    private static double[] mul(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                c[i + j] += a[i] * b[j];
            }
        }
        return c;
    }

    /** A few Newton steps on the polynomial (coefficients ascending), stopping when they no longer help. */
    private static Cx polish(double[] c, Cx z) {
        for (int it = 0; it < 8; it++) {
            Cx f = Cx.ZERO, df = Cx.ZERO;
            for (int d = c.length - 1; d >= 0; d--) {
                df = df.times(z).plus(f);
                f = f.times(z).plus(new Cx(c[d], 0));
            }
            if (df.abs() == 0) {
                break;
            }
            Cx step = f.div(df);
            if (!(step.abs() < 1e-3 * (1 + z.abs()))) {
                break;   // near a multiple root Newton wanders: keep the eigenvalue
            }
            z = z.minus(step);
            if (step.abs() < 1e-15 * (1 + z.abs())) {
                break;
            }
        }
        return z;
    }

    /**
     * A null vector of a rank-2 complex 3×3 matrix: the (bilinear) cross product of the two rows
     * that are most independent, which is orthogonal (without conjugation) to both.
     */
    private static Cx[] nullVector(Cx[][] k) {
        Cx[] best = null;
        double bestNorm = -1;
        for (int i = 0; i < 3; i++) {
            for (int j = i + 1; j < 3; j++) {
                Cx[] u = k[i], v = k[j];
                Cx[] c = {u[1].times(v[2]).minus(u[2].times(v[1])),
                          u[2].times(v[0]).minus(u[0].times(v[2])),
                          u[0].times(v[1]).minus(u[1].times(v[0]))};
                double n = c[0].abs() + c[1].abs() + c[2].abs();
                if (n > bestNorm) {
                    bestNorm = n;
                    best = c;
                }
            }
        }
        return best;
    }
}
