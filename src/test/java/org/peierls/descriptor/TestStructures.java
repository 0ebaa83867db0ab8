package org.peierls.descriptor;

import java.util.Random;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;

/** Small structures for descriptor and potential tests. */
public final class TestStructures {
    private TestStructures() {
    }

    /** Perfect bcc, conventional cubic cell a, repeated n1×n2×n3, all atoms of element z. */
    public static Structure bcc(int z, double a, int n1, int n2, int n3) {
        Structure unit = new Structure(Cell.orthorhombic(a, a, a), new int[]{z, z},
                new double[]{0, 0, 0, a / 2, a / 2, a / 2});
        return unit.repeat(n1, n2, n3);
    }

    /**
     * A low-symmetry triclinic test cell: bcc (a, n×n×n) sheared and stretched by a few percent
     * (positions follow the cell), atoms rattled by up to {@code rattle} Å, and every second atom
     * (when {@code z2 > 0}) turned into element z2.
     */
    public static Structure distortedBcc(int z, int z2, double a, int n, double rattle, long seed) {
        Structure s = bcc(z, a, n, n, n);
        double[] f = {1.02, 0.03, -0.015, 0.01, 0.985, 0.025, -0.02, 0.012, 1.01};
        Cell cell = s.cell().deformed(f);
        double[] x = s.positions();
        Random rnd = new Random(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length / 3; i++) {
            for (int k = 0; k < 3; k++) {
                y[3 * i + k] = f[3 * k] * x[3 * i] + f[3 * k + 1] * x[3 * i + 1] + f[3 * k + 2] * x[3 * i + 2]
                        + rattle * (2 * rnd.nextDouble() - 1);
            }
        }
        int[] numbers = s.numbers();
        if (z2 > 0) {
            for (int i = 1; i < numbers.length; i += 2) {
                numbers[i] = z2;
            }
        }
        return new Structure(cell, numbers, y);
    }

    /** A random proper rotation matrix (row-major), from a random unit quaternion. */
    public static double[] rotation(long seed) {
        Random r = new Random(seed);
        double q0 = r.nextGaussian(), q1 = r.nextGaussian(), q2 = r.nextGaussian(), q3 = r.nextGaussian();
        double n = Math.sqrt(q0 * q0 + q1 * q1 + q2 * q2 + q3 * q3);
        q0 /= n;
        q1 /= n;
        q2 /= n;
        q3 /= n;
        return new double[]{
            1 - 2 * (q2 * q2 + q3 * q3), 2 * (q1 * q2 - q0 * q3), 2 * (q1 * q3 + q0 * q2),
            2 * (q1 * q2 + q0 * q3), 1 - 2 * (q1 * q1 + q3 * q3), 2 * (q2 * q3 - q0 * q1),
            2 * (q1 * q3 - q0 * q2), 2 * (q2 * q3 + q0 * q1), 1 - 2 * (q1 * q1 + q2 * q2)};
    }

    /** The structure rotated rigidly by R (cell vectors and positions), plus a translation t. */
    public static Structure rotated(Structure s, double[] rot, double[] t) {
        Cell cell = s.cell().deformed(rot);
        double[] x = s.positions();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length / 3; i++) {
            for (int k = 0; k < 3; k++) {
                y[3 * i + k] = rot[3 * k] * x[3 * i] + rot[3 * k + 1] * x[3 * i + 1] + rot[3 * k + 2] * x[3 * i + 2] + t[k];
            }
        }
        return new Structure(cell, s.numbers(), y);
    }
}
