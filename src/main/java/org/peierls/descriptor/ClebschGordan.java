package org.peierls.descriptor;

/**
 * Clebsch–Gordan coefficients of SU(2) in "doubled" integer units: an angular momentum j/2 is
 * passed as the integer {@code j} (0, 1, 2, … for 0, ½, 1, …) and a projection m/2 as the
 * integer {@code m} with −j ≤ m ≤ j and m ≡ j (mod 2).
 *
 * <p>Racah's closed formula (Varshalovich, Moskalev &amp; Khersonskii, <i>Quantum Theory of
 * Angular Momentum</i>, §8.2.1, eq. 3):
 * ⟨j1 m1 j2 m2 | j m⟩ = δ(m, m1+m2) Δ(j1 j2 j) √((2j+1)(j1+m1)!(j1−m1)!(j2+m2)!(j2−m2)!(j+m)!(j−m)!)
 * Σ_z (−1)^z / [z!(j1+j2−j−z)!(j1−m1−z)!(j2+m2−z)!(j−j2+m1+z)!(j−j1−m2+z)!],
 * with Δ(abc) = √((a+b−c)!(a−b+c)!(−a+b+c)!/(a+b+c+1)!).</p>
 */
final class ClebschGordan {

    private static final int MAX_FACTORIAL = 170;
    private static final double[] FACTORIAL = new double[MAX_FACTORIAL + 1];

    static {
        FACTORIAL[0] = 1.0;
        for (int n = 1; n <= MAX_FACTORIAL; n++) {
            FACTORIAL[n] = FACTORIAL[n - 1] * n;
        }
    }

    private ClebschGordan() {
    }

    static double factorial(int n) {
        if (n < 0 || n > MAX_FACTORIAL) {
            throw new IllegalArgumentException("factorial of " + n + " is out of range");
        }
        return FACTORIAL[n];
    }

    /** Whether (j1, j2, j) (doubled) obey the triangle rule with integer total. */
    static boolean triangle(int j1, int j2, int j) {
        return j >= Math.abs(j1 - j2) && j <= j1 + j2 && ((j1 + j2 + j) & 1) == 0;
    }

    /**
     * ⟨j1/2 m1/2, j2/2 m2/2 | j/2 m/2⟩ in doubled units; zero when m ≠ m1 + m2, a projection is
     * out of range or the triangle rule fails.
     */
    static double coefficient(int j1, int m1, int j2, int m2, int j, int m) {
        if (m != m1 + m2 || !triangle(j1, j2, j) || Math.abs(m1) > j1 || Math.abs(m2) > j2 || Math.abs(m) > j
                || ((j1 + m1) & 1) != 0 || ((j2 + m2) & 1) != 0) {
            return 0.0;
        }
        // all factorial arguments below are whole numbers because of the parity checks
        int a = (j1 + j2 - j) / 2;
        int b = (j1 - m1) / 2;
        int c = (j2 + m2) / 2;
        int d = (j - j2 + m1) / 2;
        int e = (j - j1 - m2) / 2;
        int zmin = Math.max(0, Math.max(-d, -e));
        int zmax = Math.min(a, Math.min(b, c));
        double sum = 0.0;
        for (int z = zmin; z <= zmax; z++) {
            double term = 1.0 / (factorial(z) * factorial(a - z) * factorial(b - z) * factorial(c - z)
                    * factorial(d + z) * factorial(e + z));
            sum += (z & 1) == 0 ? term : -term;
        }
        double delta = Math.sqrt(factorial((j1 + j2 - j) / 2) * factorial((j1 - j2 + j) / 2)
                * factorial((-j1 + j2 + j) / 2) / factorial((j1 + j2 + j) / 2 + 1));
        double norm = Math.sqrt(factorial((j1 + m1) / 2) * factorial((j1 - m1) / 2) * factorial((j2 + m2) / 2)
                * factorial((j2 - m2) / 2) * factorial((j + m) / 2) * factorial((j - m) / 2) * (j + 1));
        return sum * delta * norm;
    }
}
