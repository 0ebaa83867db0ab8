package org.peierls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.DescriptorGradients;
import org.peierls.descriptor.DescriptorRows;
import org.peierls.descriptor.TestStructures;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Results;

/**
 * The fitting rows of a structure times the coefficients of a linear model reproduce what the
 * potential computes: energy = Σ_t counts_t·β0_t + energy·β, forces = F·β, virial = W·β.
 */
class DescriptorRowsTest {

    @Test
    void rowsTimesCoefficientsAreThePotential() {
        MlPotential pot = MlPotentialTest.snap(false, 6, 77);
        Structure s = TestStructures.distortedBcc(73, 74, 3.3, 2, 0.15, 31);
        NeighborList nl = NeighborList.build(s, pot.cutoff(), NeighborList.Kind.FULL);
        DescriptorGradients g = pot.descriptor().gradients(s, nl);
        DescriptorRows rows = DescriptorRows.of(g, pot.types());
        int m = rows.size(), cols = rows.columns();
        double[] x = new double[cols];
        double e = 0;
        for (int t = 0; t < pot.types(); t++) {
            LinearModel lm = (LinearModel) pot.model(t);
            System.arraycopy(lm.weights(), 0, x, t * m, m);
            e += rows.counts()[t] * lm.bias();
        }
        for (int c = 0; c < cols; c++) {
            e += rows.energy()[c] * x[c];
        }
        Results r = pot.compute(s, nl, org.peierls.potential.Potential.Output.TOTALS);
        // the same sums in a different order: round-off only
        assertEquals(r.energy(), e, 1e-11 * Math.abs(e));
        for (int q = 0; q < 3 * s.size(); q++) {
            double f = 0;
            for (int c = 0; c < cols; c++) {
                f += rows.forces()[q * cols + c] * x[c];
            }
            assertEquals(r.forces()[q], f, 1e-10, "force " + q);
        }
        for (int v = 0; v < 6; v++) {
            double w = 0;
            for (int c = 0; c < cols; c++) {
                w += rows.virial()[v * cols + c] * x[c];
            }
            assertEquals(r.virial()[v], w, 1e-9, "virial " + v);
        }
    }
}
