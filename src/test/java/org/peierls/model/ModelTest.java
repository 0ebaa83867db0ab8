package org.peierls.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Linear and quadratic models: closed forms, LAMMPS's coefficient order, β = ∂E/∂B. */
class ModelTest {

    @Test
    void quadraticFollowsLammpsOrder() {
        // n = 2: β0, β1, β2, α11, α12, α22 → E = β0 + β·B + ½α11 B1² + α12 B1 B2 + ½α22 B2²
        QuadraticModel m = QuadraticModel.fromCoefficients(new double[]{0.5, 2, -3, 0.7, 0.11, -0.4});
        double b1 = 1.3, b2 = -0.6;
        double[] beta = new double[2];
        double e = m.evaluate(new double[]{b1, b2}, 0, beta, 0);
        assertEquals(0.5 + 2 * b1 - 3 * b2 + 0.5 * 0.7 * b1 * b1 + 0.11 * b1 * b2 - 0.5 * 0.4 * b2 * b2, e, 1e-14);
        assertEquals(2 + 0.7 * b1 + 0.11 * b2, beta[0], 1e-14);
        assertEquals(-3 + 0.11 * b1 - 0.4 * b2, beta[1], 1e-14);
        assertEquals(2, QuadraticModel.descriptorsFor(6));
        assertEquals(30, QuadraticModel.descriptorsFor(496)); // Zuo's Mo qSNAP: 2J = 6
        assertArrayEquals(new double[]{0.5, 2, -3, 0.7, 0.11, -0.4}, m.parameters(), 0.0);
    }

    @Test
    void betaIsTheGradientOfTheEnergy() {
        Random r = new Random(1);
        int n = 12;
        double[] c = new double[QuadraticModel.coefficientCount(n)];
        for (int k = 0; k < c.length; k++) {
            c[k] = r.nextGaussian();
        }
        Model[] models = {QuadraticModel.fromCoefficients(c), LinearModel.fromCoefficients(java.util.Arrays.copyOf(c, n + 1))};
        for (Model m : models) {
            double[] b = new double[n + 3];
            for (int k = 0; k < b.length; k++) {
                b[k] = r.nextGaussian();
            }
            double[] beta = new double[n + 1];
            m.evaluate(b, 3, beta, 1);
            double h = 1e-6;
            for (int k = 0; k < n; k++) {
                double[] bp = b.clone();
                double[] bm = b.clone();
                bp[3 + k] += h;
                bm[3 + k] -= h;
                double fd = (m.energy(bp, 3) - m.energy(bm, 3)) / (2 * h);
                // quadratic in B: central differences are exact up to round-off (~1e-10 here)
                assertEquals(fd, beta[1 + k], 1e-8, m.getClass().getSimpleName() + " β_" + k);
            }
        }
    }

    /**
     * ∂E/∂θ: both models are linear in their parameters, so E(θ + h·e_k) − E(θ) = h·∂E/∂θ_k to
     * round-off (1e-10 for |E| of a few units), and the energy returned with the gradient is E.
     */
    @Test
    void parameterGradientIsTheDerivativeOfTheEnergy() {
        Random r = new Random(2);
        int n = 9;
        double[] c = new double[QuadraticModel.coefficientCount(n)];
        for (int k = 0; k < c.length; k++) {
            c[k] = r.nextGaussian();
        }
        double[] b = new double[n + 2];
        for (int k = 0; k < b.length; k++) {
            b[k] = r.nextGaussian();
        }
        for (boolean quadratic : new boolean[]{false, true}) {
            double[] theta = quadratic ? c : java.util.Arrays.copyOf(c, n + 1);
            Model m = quadratic ? QuadraticModel.fromCoefficients(theta) : LinearModel.fromCoefficients(theta);
            double[] g = new double[m.parameterCount() + 1];
            double e = m.parameterGradient(b, 2, g, 1);
            assertEquals(m.energy(b, 2), e, 1e-12);
            assertEquals(theta.length, m.parameterCount());
            for (int k = 0; k < theta.length; k++) {
                double[] tp = theta.clone();
                tp[k] += 1e-3;
                Model mp = quadratic ? QuadraticModel.fromCoefficients(tp) : LinearModel.fromCoefficients(tp);
                assertEquals((mp.energy(b, 2) - e) / 1e-3, g[1 + k], 1e-8, (quadratic ? "quadratic" : "linear") + " θ_" + k);
            }
            assertEquals(false, m.hasVariance());
            assertEquals(true, Double.isNaN(m.variance(b, 2)));
        }
    }

    @Test
    void wrongCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> QuadraticModel.fromCoefficients(new double[7]));
        assertThrows(IllegalArgumentException.class, () -> new QuadraticModel(0, new double[3], new double[5]));
    }
}
