package org.peierls.model;

/**
 * E_i = β0 + β·B_i + ½·B_i·α·B_i (quadratic SNAP, Wood &amp; Thompson, J. Chem. Phys. 148, 241721
 * (2018), eq. 4), α symmetric; β_i = β + α·B_i.
 *
 * <p>Parameter order is LAMMPS's ({@code quadraticflag 1}): β0, β_1…β_n, then for k = 1…n the
 * upper triangle row by row, α_kk, α_k,k+1, …, α_kn — n(n+1)/2 numbers, the diagonal ones entering
 * as ½·α_kk·B_k² and the off-diagonal ones as α_kl·B_k·B_l.</p>
 */
public final class QuadraticModel implements Model {

    private final double bias;
    private final double[] linear;
    /** Packed upper triangle, LAMMPS order. */
    private final double[] quadratic;
    private final int n;

    /**
     * @param bias      β0
     * @param linear    β {@code [n]}
     * @param quadratic α, packed upper triangle in LAMMPS order {@code [n(n+1)/2]}
     */
    public QuadraticModel(double bias, double[] linear, double[] quadratic) {
        this.n = linear.length;
        if (quadratic.length != n * (n + 1) / 2) {
            throw new IllegalArgumentException("quadratic model with " + n + " descriptors needs " + n * (n + 1) / 2
                    + " quadratic coefficients, got " + quadratic.length);
        }
        this.bias = bias;
        this.linear = linear.clone();
        this.quadratic = quadratic.clone();
    }

    /** Number of LAMMPS coefficients for n descriptors: 1 + n + n(n+1)/2. */
    public static int coefficientCount(int n) {
        return 1 + n + n * (n + 1) / 2;
    }

    /** Descriptor count n from a LAMMPS coefficient count, or −1 when none fits. */
    public static int descriptorsFor(int ncoeffall) {
        for (int n = 0; coefficientCount(n) <= ncoeffall; n++) {
            if (coefficientCount(n) == ncoeffall) {
                return n;
            }
        }
        return -1;
    }

    /** From LAMMPS's coefficient list. */
    public static QuadraticModel fromCoefficients(double[] c) {
        int n = descriptorsFor(c.length);
        if (n < 0) {
            throw new IllegalArgumentException(c.length + " coefficients do not make a quadratic model (1 + n + n(n+1)/2)");
        }
        return new QuadraticModel(c[0], java.util.Arrays.copyOfRange(c, 1, 1 + n),
                java.util.Arrays.copyOfRange(c, 1 + n, c.length));
    }

    @Override
    public int descriptorSize() {
        return n;
    }

    @Override
    public int parameterCount() {
        return coefficientCount(n);
    }

    @Override
    public double evaluate(double[] b, int offset, double[] beta, int betaOffset) {
        double e = bias;
        for (int k = 0; k < n; k++) {
            e += linear[k] * b[offset + k];
            beta[betaOffset + k] = linear[k];
        }
        int p = 0;
        for (int k = 0; k < n; k++) {
            double bk = b[offset + k];
            double a = quadratic[p++];
            e += 0.5 * a * bk * bk;
            double gk = a * bk;
            for (int l = k + 1; l < n; l++) {
                double c = quadratic[p++];
                double bl = b[offset + l];
                e += c * bk * bl;
                gk += c * bl;
                beta[betaOffset + l] += c * bk;
            }
            beta[betaOffset + k] += gk;
        }
        return e;
    }

    /** ∂E_i/∂θ = (1, B, then ½B_k² on the diagonal and B_k·B_l off it, in the packed order). */
    @Override
    public double parameterGradient(double[] b, int offset, double[] gradient, int gradientOffset) {
        gradient[gradientOffset] = 1;
        double e = bias;
        for (int k = 0; k < n; k++) {
            gradient[gradientOffset + 1 + k] = b[offset + k];
            e += linear[k] * b[offset + k];
        }
        int p = 0, g = gradientOffset + 1 + n;
        for (int k = 0; k < n; k++) {
            double bk = b[offset + k];
            gradient[g + p] = 0.5 * bk * bk;
            e += quadratic[p] * gradient[g + p];
            p++;
            for (int l = k + 1; l < n; l++) {
                gradient[g + p] = bk * b[offset + l];
                e += quadratic[p] * gradient[g + p];
                p++;
            }
        }
        return e;
    }

    @Override
    public double[] parameters() {
        double[] c = new double[parameterCount()];
        c[0] = bias;
        System.arraycopy(linear, 0, c, 1, n);
        System.arraycopy(quadratic, 0, c, 1 + n, quadratic.length);
        return c;
    }
}
