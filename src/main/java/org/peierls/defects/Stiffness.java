package org.peierls.defects;

/**
 * A fourth-order elastic stiffness tensor C_ijkl (any consistent stress unit, e.g. GPa) in a
 * given Cartesian frame, with the full minor and major symmetries. Immutable.
 */
public final class Stiffness {

    private final double[] c;   // 81 entries, index ((i·3 + j)·3 + k)·3 + l

    private Stiffness(double[] c) {
        this.c = c;
    }

    /**
     * A cubic crystal in its cube frame from C11, C12, C44.
     *
     * @throws IllegalArgumentException unless the constants are mechanically stable
     *                                  (C44 &gt; 0, C11 &gt; |C12|, C11 + 2C12 &gt; 0)
     */
    public static Stiffness cubic(double c11, double c12, double c44) {
        if (!(c44 > 0) || !(c11 > Math.abs(c12)) || !(c11 + 2 * c12 > 0)) {
            throw new IllegalArgumentException("cubic elastic constants C11=" + c11 + ", C12=" + c12 + ", C44=" + c44
                    + " are not mechanically stable (need C44 > 0, C11 > |C12|, C11 + 2·C12 > 0)");
        }
        double[] v = new double[36];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                v[6 * i + j] = i == j ? c11 : c12;
            }
            v[6 * (i + 3) + (i + 3)] = c44;
        }
        return fromVoigt(v);
    }

    /** An isotropic medium of shear modulus μ and Poisson ratio ν (C11 = λ + 2μ, C12 = λ, C44 = μ). */
    public static Stiffness isotropic(double mu, double nu) {
        double lambda = 2 * mu * nu / (1 - 2 * nu);
        return cubic(lambda + 2 * mu, lambda, mu);
    }

    /**
     * From a 6×6 Voigt matrix (row-major, order xx, yy, zz, yz, xz, xy; engineering shear strains),
     * which must be symmetric.
     */
    public static Stiffness fromVoigt(double[] v) {
        if (v.length != 36) {
            throw new IllegalArgumentException("a Voigt stiffness has 36 entries, got " + v.length);
        }
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < i; j++) {
                if (Math.abs(v[6 * i + j] - v[6 * j + i]) > 1e-9 * (Math.abs(v[6 * i + j]) + Math.abs(v[6 * j + i]) + 1e-300)) {
                    throw new IllegalArgumentException("Voigt stiffness is not symmetric at (" + i + "," + j + ")");
                }
            }
        }
        double[] c = new double[81];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        c[idx(i, j, k, l)] = v[6 * voigt(i, j) + voigt(k, l)];
                    }
                }
            }
        }
        return new Stiffness(c);
    }

    /** Voigt index of the pair (i, j): 00→0, 11→1, 22→2, 12→3, 02→4, 01→5. */
    public static int voigt(int i, int j) {
        if (i == j) {
            return i;
        }
        return 6 - i - j;
    }

    private static int idx(int i, int j, int k, int l) {
        return ((i * 3 + j) * 3 + k) * 3 + l;
    }

    /** C_ijkl. */
    public double get(int i, int j, int k, int l) {
        return c[idx(i, j, k, l)];
    }

    /** The 6×6 Voigt matrix, row-major. */
    public double[] voigt() {
        double[] v = new double[36];
        for (int i = 0; i < 3; i++) {
            for (int j = i; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    for (int l = k; l < 3; l++) {
                        v[6 * voigt(i, j) + voigt(k, l)] = get(i, j, k, l);
                    }
                }
            }
        }
        return v;
    }

    /**
     * The tensor in a rotated frame: C'_ijkl = R_ia R_jb R_kc R_ld C_abcd, where R (row-major) takes
     * vectors of the current frame into the new one (v' = R v); e.g. R = {@link
     * org.peierls.atoms.Lattice#rotation}(x, y, z) takes cube coordinates into the x, y, z frame.
     */
    public Stiffness rotated(double[] r) {
        // one index at a time: 4 × 3⁵ operations
        double[] a = c.clone();
        double[] b = new double[81];
        for (int pos = 0; pos < 4; pos++) {
            java.util.Arrays.fill(b, 0);
            for (int i = 0; i < 81; i++) {
                int[] n = {i / 27, (i / 9) % 3, (i / 3) % 3, i % 3};
                int keep = n[pos];
                for (int m = 0; m < 3; m++) {
                    n[pos] = m;
                    b[i] += r[3 * keep + m] * a[((n[0] * 3 + n[1]) * 3 + n[2]) * 3 + n[3]];
                }
            }
            double[] t = a;
            a = b;
            b = t;
        }
        return new Stiffness(a);
    }

    /** Stress σ_ij = C_ijkl ∂u_k/∂x_l from a displacement gradient g[k·3 + l] = ∂u_k/∂x_l; returns [9]. */
    public double[] stress(double[] gradient) {
        double[] s = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    for (int l = 0; l < 3; l++) {
                        v += c[idx(i, j, k, l)] * gradient[3 * k + l];
                    }
                }
                s[3 * i + j] = v;
            }
        }
        return s;
    }

    /** Zener anisotropy ratio 2C44/(C11 − C12) of the tensor as given (1 for an isotropic medium; cube frame expected). */
    public double zenerRatio() {
        return 2 * get(1, 2, 1, 2) / (get(0, 0, 0, 0) - get(0, 0, 1, 1));
    }
}
