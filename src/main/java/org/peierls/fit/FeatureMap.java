package org.peierls.fit;

import org.peierls.model.LinearModel;
import org.peierls.model.Model;
import org.peierls.model.QuadraticModel;

/**
 * Per-atom features q_k(B_i) of a descriptor row: what makes a model linear in its parameters,
 * E_i = x0 + Σ_k x_k·q_k(B_i), whatever the descriptor (bispectrum, ACSF, SOAP, …). Linear
 * features q = B give linear SNAP; the products ½B_k², B_k·B_l give quadratic SNAP; kernel
 * values k(B_i, B_m) against sparse points give a sparse GP's mean — each is a map from a row to
 * its features, their derivatives along a direction in descriptor space, and the {@link Model} of
 * given coefficients. Implementations are immutable and thread-safe.
 */
public interface FeatureMap {

    /** Descriptor components n the map reads. */
    int inputSize();

    /** Features m. */
    int size();

    /** q(B) of the row at {@code b[offset…offset+n)} into {@code q[qOffset…qOffset+m)}. */
    void values(double[] b, int offset, double[] q, int qOffset);

    /**
     * The directional derivative Σ_j ∂q_k/∂B_j·d_j of the features at the row {@code b[offset…]}
     * along {@code d[dOffset…dOffset+n)} into {@code q[qOffset…qOffset+m)} — with d = ∂B/∂r this
     * is ∂q/∂r, what force and virial rows need.
     */
    void derivative(double[] b, int offset, double[] d, int dOffset, double[] q, int qOffset);

    /** A readable name of feature k, e.g. "B7", "½B4²", "B3·B12". */
    String name(int k);

    /** The model E = bias + Σ_k x_k·q_k(B) with x at {@code x[offset…offset+m)}. */
    Model model(double bias, double[] x, int offset);

    /** q = B: linear SNAP (Thompson et al., J. Comput. Phys. 285, 316 (2015), eq. 14). */
    static FeatureMap linear(int n) {
        return new Linear(n);
    }

    /**
     * q = (B, ½B_k² and B_k·B_l for k &lt; l, row by row): quadratic SNAP (Wood &amp; Thompson,
     * J. Chem. Phys. 148, 241721 (2018), eq. 4), in LAMMPS's coefficient order.
     */
    static FeatureMap quadratic(int n) {
        return new Quadratic(n);
    }

    /** q = B. */
    record Linear(int inputSize) implements FeatureMap {
        @Override
        public int size() {
            return inputSize;
        }

        @Override
        public void values(double[] b, int offset, double[] q, int qOffset) {
            System.arraycopy(b, offset, q, qOffset, inputSize);
        }

        @Override
        public void derivative(double[] b, int offset, double[] d, int dOffset, double[] q, int qOffset) {
            System.arraycopy(d, dOffset, q, qOffset, inputSize);
        }

        @Override
        public String name(int k) {
            return "B" + (k + 1);
        }

        @Override
        public Model model(double bias, double[] x, int offset) {
            return new LinearModel(bias, java.util.Arrays.copyOfRange(x, offset, offset + inputSize));
        }
    }

    /** q = (B, ½B⊗B upper triangle). */
    record Quadratic(int inputSize) implements FeatureMap {
        @Override
        public int size() {
            return inputSize + inputSize * (inputSize + 1) / 2;
        }

        @Override
        public void values(double[] b, int offset, double[] q, int qOffset) {
            int n = inputSize;
            System.arraycopy(b, offset, q, qOffset, n);
            int p = qOffset + n;
            for (int k = 0; k < n; k++) {
                double bk = b[offset + k];
                q[p++] = 0.5 * bk * bk;
                for (int m = k + 1; m < n; m++) {
                    q[p++] = bk * b[offset + m];
                }
            }
        }

        @Override
        public void derivative(double[] b, int offset, double[] d, int dOffset, double[] q, int qOffset) {
            int n = inputSize;
            System.arraycopy(d, dOffset, q, qOffset, n);
            int p = qOffset + n;
            for (int k = 0; k < n; k++) {
                double bk = b[offset + k], dk = d[dOffset + k];
                q[p++] = bk * dk;
                for (int m = k + 1; m < n; m++) {
                    q[p++] = bk * d[dOffset + m] + b[offset + m] * dk;
                }
            }
        }

        @Override
        public String name(int k) {
            int n = inputSize;
            if (k < n) {
                return "B" + (k + 1);
            }
            int p = k - n;
            for (int a = 0; a < n; a++) {
                int row = n - a;
                if (p < row) {
                    int c = a + p;
                    return a == c ? "½B" + (a + 1) + "²" : "B" + (a + 1) + "·B" + (c + 1);
                }
                p -= row;
            }
            throw new IllegalArgumentException("feature " + k + " of " + size());
        }

        @Override
        public Model model(double bias, double[] x, int offset) {
            int n = inputSize;
            return new QuadraticModel(bias, java.util.Arrays.copyOfRange(x, offset, offset + n),
                    java.util.Arrays.copyOfRange(x, offset + n, offset + size()));
        }
    }
}
