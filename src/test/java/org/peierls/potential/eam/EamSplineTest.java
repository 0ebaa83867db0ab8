package org.peierls.potential.eam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The LAMMPS interpolation on analytic functions: the 4th-order slope estimate is exact for
 * polynomials up to degree 4 and the Hermite cubic is exact for cubics, so away from the two
 * first and last intervals (one-sided slopes) a cubic is reproduced to round-off; at the nodes
 * every function is. The 4-point Lagrange resampling of funcfl tables is exact for cubics.
 */
class EamSplineTest {

    static double cubic(double x) {
        return 0.3 - 1.2 * x + 0.7 * x * x - 0.05 * x * x * x;
    }

    static double cubicDerivative(double x) {
        return -1.2 + 1.4 * x - 0.15 * x * x;
    }

    @Test
    void reproducesCubicsInsideAndSamplesAtNodes() {
        int n = 60;
        double h = 0.1;
        double[] f = new double[n];
        for (int m = 0; m < n; m++) {
            f[m] = cubic(m * h);
        }
        double[] c = EamSpline.coefficients(f, h);
        Random rnd = new Random(3);
        for (int t = 0; t < 1000; t++) {
            double x = h * (2 + (n - 6) * rnd.nextDouble());
            assertEquals(cubic(x), EamSpline.value(c, n, 1 / h, x), 1e-12, "value at " + x);
            assertEquals(cubicDerivative(x), EamSpline.derivative(c, n, 1 / h, x), 1e-11, "derivative at " + x);
        }
        double[] wild = new double[n];
        for (int m = 0; m < n; m++) {
            wild[m] = Math.sin(3.7 * m) * Math.exp(0.01 * m);
        }
        double[] cw = EamSpline.coefficients(wild, h);
        for (int m = 0; m < n - 1; m++) {
            // m·h/h may land just below m: then the end of the previous interval, equal up to round-off
            assertEquals(wild[m], EamSpline.value(cw, n, 1 / h, m * h), 1e-13, "node " + m);
        }
        // beyond the table: the end of the last interval, as LAMMPS clamps p at 1
        assertEquals(wild[n - 1], EamSpline.value(cw, n, 1 / h, 1e3), 1e-12);
    }

    @Test
    void lagrangeResamplingIsExactForCubics() {
        int n = 40;
        double h = 0.25;
        double[] f = new double[n];
        for (int m = 0; m < n; m++) {
            f[m] = cubic(m * h);
        }
        Random rnd = new Random(4);
        for (int t = 0; t < 1000; t++) {
            double x = h * (n - 1) * rnd.nextDouble();
            assertEquals(cubic(x), EamTables.lagrange(f, h, x), 1e-11, "at " + x);
        }
    }
}
