package org.peierls.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * The descriptor of the test tree meets the descriptor contract: derivatives are those of the
 * values (central differences), the adjoint path gives the forces of E = Σ β·B, and the rows are
 * invariant under rotation and translation. Tolerances: h = 1e-5 Å central differences of smooth
 * exponentials have truncation error ~h²·B‴ ≈ 1e-10; 1e-7 leaves room for round-off.
 */
class RadialShellsTest {

    static final RadialShells D = new RadialShells(new int[]{42}, 5, 4.6, 2.0, 1.5);

    private static double[] values(Structure s) {
        return D.compute(s, NeighborList.build(s, D.cutoff(), NeighborList.Kind.FULL));
    }

    @Test
    void derivativesAreThoseOfTheValues() {
        Structure s = TestStructures.distortedBcc(42, 0, 3.16, 2, 0.15, 3);
        DescriptorGradients g = D.gradients(s, NeighborList.build(s, D.cutoff(), NeighborList.Kind.FULL));
        double h = 1e-5;
        Random r = new Random(4);
        double[] beta = new double[s.size() * D.size()];
        for (int k = 0; k < beta.length; k++) {
            beta[k] = r.nextGaussian();
        }
        double[] f = g.forces(beta);
        double[] adjoint = new double[3 * s.size()];
        D.backpropagate(s, NeighborList.build(s, D.cutoff(), NeighborList.Kind.FULL), beta, adjoint, new double[6]);
        for (int m : new int[]{0, 5, 11}) {
            for (int l = 0; l < 3; l++) {
                double[] xp = s.positions(), xm = s.positions();
                xp[3 * m + l] += h;
                xm[3 * m + l] -= h;
                double[] bp = values(s.withPositions(xp)), bm = values(s.withPositions(xm));
                double dE = 0;
                for (int k = 0; k < beta.length; k++) {
                    dE += beta[k] * (bp[k] - bm[k]) / (2 * h);
                }
                assertEquals(-dE, f[3 * m + l], 1e-7, "force on atom " + m + " along " + l);
                assertEquals(f[3 * m + l], adjoint[3 * m + l], 1e-12, "adjoint path");
            }
        }
    }

    @Test
    void rowsAreInvariantUnderRotationAndTranslation() {
        Structure s = TestStructures.distortedBcc(42, 0, 3.16, 2, 0.15, 5);
        double[] b = values(s);
        double[] b2 = values(TestStructures.rotated(s, TestStructures.rotation(6), new double[]{0.3, -1.1, 2.0}));
        for (int k = 0; k < b.length; k++) {
            assertEquals(b[k], b2[k], 1e-10 * Math.max(1, Math.abs(b[k])), "component " + k);
        }
    }
}
