package org.peierls.testutil;

import java.util.Random;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;

/** Rattled, strained, triclinic test cells built from cubic lattices. */
public final class TestCells {
    private TestCells() {
    }

    private static final double[][] FCC = {{0, 0, 0}, {0, 0.5, 0.5}, {0.5, 0, 0.5}, {0.5, 0.5, 0}};
    private static final double[][] BCC = {{0, 0, 0}, {0.5, 0.5, 0.5}};

    /** A perfect cubic fcc or bcc crystal of n1×n2×n3 conventional cells of element z. */
    public static Structure cubic(int z, double a, boolean fcc, int n1, int n2, int n3) {
        double[][] basis = fcc ? FCC : BCC;
        int[] zs = new int[basis.length];
        double[] x = new double[3 * basis.length];
        for (int b = 0; b < basis.length; b++) {
            zs[b] = z;
            for (int k = 0; k < 3; k++) {
                x[3 * b + k] = basis[b][k] * a;
            }
        }
        return new Structure(Cell.orthorhombic(a, a, a), zs, x).repeat(n1, n2, n3);
    }

    /**
     * A perfect crystal, then: a random deformation gradient I + e (|e_ij| ≤ strain, making the cell
     * triclinic and not in LAMMPS's lower-triangular form unless {@code lammpsForm}), random
     * elements from {@code elements}, and every atom displaced by up to {@code rattle} Å per component.
     */
    public static Structure rattled(int[] elements, double a, boolean fcc, int n1, int n2, int n3, double strain,
                                    double rattle, long seed, boolean lammpsForm) {
        Random rnd = new Random(seed);
        Structure s = cubic(elements[0], a, fcc, n1, n2, n3);
        double[] f = new double[9];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                f[3 * i + k] = (i == k ? 1 : 0) + strain * (2 * rnd.nextDouble() - 1);
                if (lammpsForm && i > k) {
                    f[3 * i + k] = 0;   // upper-triangular F keeps a ∥ x and b in the xy plane
                }
            }
        }
        Cell cell = s.cell().deformed(f);
        s = s.withCellScaled(cell);
        int[] z = s.numbers();
        for (int i = 0; i < z.length; i++) {
            z[i] = elements[rnd.nextInt(elements.length)];
        }
        double[] x = s.positions();
        for (int i = 0; i < x.length; i++) {
            x[i] += rattle * (2 * rnd.nextDouble() - 1);
        }
        return new Structure(cell, z, x);
    }

    /** A random rotation matrix (row-major), uniformly from a seed. */
    public static double[] rotation(long seed) {
        Random rnd = new Random(seed);
        double[] q = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        double n = Math.sqrt(q[0] * q[0] + q[1] * q[1] + q[2] * q[2] + q[3] * q[3]);
        double w = q[0] / n, x = q[1] / n, y = q[2] / n, z = q[3] / n;
        return new double[]{
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)};
    }
}
