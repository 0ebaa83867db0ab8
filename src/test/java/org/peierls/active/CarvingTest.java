package org.peierls.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.defects.PointDefects;
import org.peierls.descriptor.Bispectrum;
import org.peierls.descriptor.BispectrumParameters;
import org.peierls.neighbors.NeighborList;

/** Carved cells keep the environments of their selected atoms: bispectrum rows equal to 1e-10. */
class CarvingTest {

    @Test
    void selectedAtomsKeepTheirDescriptorRows() {
        // a rattled 6×6×6 bcc Ta cell with a vacancy (431 atoms); atoms near a corner, so that the
        // carving has to unwrap across the periodic boundary
        Structure perfect = PointDefects.supercell(LatticeType.BCC, "Ta", 3.3, 6);
        Structure big = PointDefects.vacancy(perfect).structure();
        double[] x = big.positions();
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.1 * r.nextGaussian();
        }
        big = big.withPositions(x);
        double rc = 5.0;
        Bispectrum b = new Bispectrum(new BispectrumParameters(rc, 6, 0.99363, 0.0, true, false, false, new int[]{73},
                new double[]{0.5}, new double[]{1.0}));
        double[] rowsBig = b.compute(big, NeighborList.build(big, b.cutoff(), NeighborList.Kind.FULL));
        int[] selected = {0, 1, 2, big.size() - 1};
        Carving.Carved c = Carving.carve(big, selected, b.cutoff(), 1.0);
        assertTrue(c.structure().size() < big.size() / 2, "carved " + c.structure().size() + " of " + big.size());
        double[] rowsSmall = b.compute(c.structure(), NeighborList.build(c.structure(), b.cutoff(), NeighborList.Kind.FULL));
        int m = b.size();
        for (int q = 0; q < selected.length; q++) {
            int i = selected[q], j = c.selected()[q];
            assertEquals(i, c.origin()[j]);
            for (int k = 0; k < m; k++) {
                double a = rowsBig[i * m + k], s = rowsSmall[j * m + k];
                assertEquals(a, s, 1e-10 * Math.max(1, Math.abs(a)), "atom " + i + " component " + k);
            }
        }
        // the padding atoms are not claimed exact: at least one of them differs (the cluster has a surface)
        boolean differs = false;
        for (int j = 0; j < c.structure().size() && !differs; j++) {
            int i = c.origin()[j];
            differs = Math.abs(rowsBig[i * m] - rowsSmall[j * m]) > 1e-6;
        }
        assertTrue(differs, "the test would not see a carving that keeps nothing");
    }
}
