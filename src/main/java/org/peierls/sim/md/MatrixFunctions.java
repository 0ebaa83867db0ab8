package org.peierls.sim.md;

/**
 * exp(M) and φ(M) = M⁻¹(e^M − I) = Σ_k M^k/(k+1)! of a 3×3 row-major matrix by their Taylor
 * series, after scaling M by 2^−s so that ‖M‖ ≤ ½ and squaring back
 * (e^{2X} = (e^X)², φ(2X) = ½ φ(X)(e^X + I)). Barostat strain increments are ~10⁻³, so one
 * or two dozen terms reach round-off.
 */
final class MatrixFunctions {
    private MatrixFunctions() {
    }

    /** Writes exp(M) to {@code exp} and φ(M) to {@code phi}. */
    static void expAndPhi(double[] m, double[] exp, double[] phi) {
        double norm = 0;
        for (double v : m) {
            norm = Math.max(norm, Math.abs(v));
        }
        norm *= 3;
        int squarings = 0;
        while (norm > 0.5 && squarings < 60) {
            norm *= 0.5;
            squarings++;
        }
        double f = Math.scalb(1.0, -squarings);
        double[] x = new double[9];
        for (int i = 0; i < 9; i++) {
            x[i] = m[i] * f;
        }
        // e = Σ X^k/k!, p = Σ X^k/(k+1)!
        double[] term = identity();
        double[] e = identity();
        double[] p = identity();
        for (int k = 1; k < 30; k++) {
            term = mul(term, x);
            double ek = 0;
            for (int i = 0; i < 9; i++) {
                term[i] /= k;
                e[i] += term[i];
                p[i] += term[i] / (k + 1);
                ek = Math.max(ek, Math.abs(term[i]));
            }
            if (ek < 1e-18) {
                break;
            }
        }
        for (int s = 0; s < squarings; s++) {
            double[] ePlusI = e.clone();
            ePlusI[0] += 1;
            ePlusI[4] += 1;
            ePlusI[8] += 1;
            p = mul(p, ePlusI);
            for (int i = 0; i < 9; i++) {
                p[i] *= 0.5;
            }
            e = mul(e, e);
        }
        System.arraycopy(e, 0, exp, 0, 9);
        System.arraycopy(p, 0, phi, 0, 9);
    }

    static double[] identity() {
        return new double[]{1, 0, 0, 0, 1, 0, 0, 0, 1};
    }

    static double[] mul(double[] a, double[] b) {
        double[] r = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                r[3 * i + j] = a[3 * i] * b[j] + a[3 * i + 1] * b[3 + j] + a[3 * i + 2] * b[6 + j];
            }
        }
        return r;
    }
}
