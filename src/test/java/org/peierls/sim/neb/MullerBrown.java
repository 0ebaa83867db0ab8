package org.peierls.sim.neb;

import org.peierls.optim.Minimizable;

/**
 * The Müller–Brown surface (Müller &amp; Brown, Theor. Chim. Acta 53, 75 (1979)):
 * V(x, y) = Σ_k A_k exp(a_k (x − x⁰_k)² + b_k (x − x⁰_k)(y − y⁰_k) + c_k (y − y⁰_k)²), as a
 * 2-D {@link Minimizable} starting at a given point.
 */
final class MullerBrown implements Minimizable {
    static final double[] A = {-200, -100, -170, 15};
    static final double[] AA = {-1, -1, -6.5, 0.7};
    static final double[] B = {0, 0, 11, 0.6};
    static final double[] C = {-10, -10, -6.5, 0.7};
    static final double[] X0 = {1, 0, -0.5, -1};
    static final double[] Y0 = {0, 0.5, 1.5, 1};

    private final double[] start;

    MullerBrown(double x, double y) {
        this.start = new double[]{x, y};
    }

    static double energy(double x, double y) {
        return new MullerBrown(x, y).evaluate(new double[]{x, y}, new double[2]);
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public double[] start() {
        return start.clone();
    }

    @Override
    public double evaluate(double[] p, double[] g) {
        double v = 0;
        g[0] = 0;
        g[1] = 0;
        for (int k = 0; k < 4; k++) {
            double dx = p[0] - X0[k], dy = p[1] - Y0[k];
            double e = A[k] * Math.exp(AA[k] * dx * dx + B[k] * dx * dy + C[k] * dy * dy);
            v += e;
            g[0] += e * (2 * AA[k] * dx + B[k] * dy);
            g[1] += e * (B[k] * dx + 2 * C[k] * dy);
        }
        return v;
    }

    /** Norm of the 2-D gradient (the point is one "particle"). */
    @Override
    public double forceNorm(double[] g) {
        return Math.hypot(g[0], g[1]);
    }

    @Override
    public double stepNorm(double[] dx) {
        return Math.hypot(dx[0], dx[1]);
    }
}
