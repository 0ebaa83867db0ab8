package org.peierls.optim;

/** Test functions with known minima. */
final class AnalyticFunctions {
    private AnalyticFunctions() {
    }

    /**
     * The extended Rosenbrock function Σ_{i even} 100 (x_{i+1} − x_i²)² + (1 − x_i)², minimum 0 at
     * (1, …, 1); started from the classic (−1.2, 1, −1.2, 1, …).
     */
    static Minimizable rosenbrock(int n) {
        return new Minimizable() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double[] start() {
                double[] x = new double[n];
                for (int i = 0; i < n; i += 2) {
                    x[i] = -1.2;
                    x[i + 1] = 1.0;
                }
                return x;
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                double f = 0;
                for (int i = 0; i < n; i += 2) {
                    double t1 = x[i + 1] - x[i] * x[i];
                    double t2 = 1 - x[i];
                    f += 100 * t1 * t1 + t2 * t2;
                    g[i] = -400 * x[i] * t1 - 2 * t2;
                    g[i + 1] = 200 * t1;
                }
                return f;
            }
        };
    }

    /**
     * A rotated quadratic bowl f = ½ (x − c)ᵀ A (x − c) + f0 with eigenvalues from 1 to
     * {@code condition}, minimum f0 at c. A = Qᵀ Λ Q with Q a product of Givens rotations.
     */
    static Minimizable bowl(int n, double condition, double[] center, double f0) {
        double[][] a = new double[n][n];
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1;
        }
        // Givens rotations mixing every pair (i, i+1) and (i, i+2).
        for (int step = 1; step <= 2; step++) {
            for (int i = 0; i + step < n; i++) {
                double th = 0.3 + 0.17 * i + 0.05 * step;
                double c = Math.cos(th), s = Math.sin(th);
                int j = i + step;
                for (int k = 0; k < n; k++) {
                    double qi = q[i][k], qj = q[j][k];
                    q[i][k] = c * qi - s * qj;
                    q[j][k] = s * qi + c * qj;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    double lambda = n == 1 ? 1 : Math.pow(condition, (double) k / (n - 1));
                    v += q[k][i] * lambda * q[k][j];
                }
                a[i][j] = v;
            }
        }
        return new Minimizable() {
            @Override
            public int dimension() {
                return n;
            }

            @Override
            public double[] start() {
                return new double[n];
            }

            @Override
            public double evaluate(double[] x, double[] g) {
                double f = f0;
                for (int i = 0; i < n; i++) {
                    double gi = 0;
                    for (int j = 0; j < n; j++) {
                        gi += a[i][j] * (x[j] - center[j]);
                    }
                    g[i] = gi;
                    f += 0.5 * (x[i] - center[i]) * gi;
                }
                return f;
            }
        };
    }
}
