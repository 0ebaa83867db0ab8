package org.peierls.testutil;

import java.util.SplittableRandom;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;

/** Small crystals for tests (the builders package may not be on this branch). */
public final class TestCrystals {
    private TestCrystals() {
    }

    /** Cubic fcc supercell n×n×n of the 4-atom cell, lattice constant a (Å), atomic number z. */
    public static Structure fcc(int z, double a, int n1, int n2, int n3) {
        double[][] basis = {{0, 0, 0}, {0.5, 0.5, 0}, {0.5, 0, 0.5}, {0, 0.5, 0.5}};
        Structure.Builder b = Structure.builder(Cell.orthorhombic(n1 * a, n2 * a, n3 * a));
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                for (int k = 0; k < n3; k++) {
                    for (double[] p : basis) {
                        b.add(z, (i + p[0]) * a, (j + p[1]) * a, (k + p[2]) * a);
                    }
                }
            }
        }
        return b.build();
    }

    /** Every coordinate displaced by a uniform random amount in [−amplitude, amplitude] (Å). */
    public static Structure rattled(Structure s, double amplitude, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = s.positions();
        for (int k = 0; k < x.length; k++) {
            x[k] += amplitude * (2 * rng.nextDouble() - 1);
        }
        return s.withPositions(x);
    }
}
