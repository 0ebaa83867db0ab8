package org.peierls.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.peierls.analysis.BccScrew.B_FE;

import org.junit.jupiter.api.Test;
import org.peierls.atoms.Structure;
import org.peierls.defects.Dislocation;

/**
 * Easy and hard core sites: a screw inserted at the centre of the triangle {@link ScrewCores}
 * calls hard brings its three columns to one height; at an easy one it reverses their helicity
 * (+b/3 per counter-clockwise step becomes −b/3).
 */
class ScrewCoresTest {

    @Test
    void easyCoreReversesHelicityAndHardCoreFlattensIt() {
        for (CoreType core : CoreType.values()) {
            Dislocation d = BccScrew.cylinder(BccScrew.FE_ISO, core, 12);
            DifferentialDisplacement.Map map = DifferentialDisplacement.compute(d.reference(), d.structure(), B_FE);
            // the three columns nearest the core, counter-clockwise, and their new heights
            double[] c = d.cores()[0];
            int[] tri = new int[3];
            boolean[] used = new boolean[map.columnCount()];
            for (int t = 0; t < 3; t++) {
                int best = -1;
                for (int k = 0; k < map.columnCount(); k++) {
                    double dk = Math.hypot(map.columns()[2 * k] - c[0], map.columns()[2 * k + 1] - c[1]);
                    if (!used[k] && (best < 0 || dk < Math.hypot(map.columns()[2 * best] - c[0], map.columns()[2 * best + 1] - c[1]))) {
                        best = k;
                    }
                }
                used[best] = true;
                tri[t] = best;
            }
            double[] h = new double[3];
            double[] ang = new double[3];
            for (int t = 0; t < 3; t++) {
                int i = firstAtomOfColumn(d.reference(), map, tri[t]);
                h[t] = d.structure().position(i, 2);
                ang[t] = Math.atan2(map.columns()[2 * tri[t] + 1] - c[1], map.columns()[2 * tri[t]] - c[0]);
            }
            // order counter-clockwise
            Integer[] o = {0, 1, 2};
            java.util.Arrays.sort(o, (p, q) -> Double.compare(ang[p], ang[q]));
            double step = ScrewCores.fold(h[o[1]] - h[o[0]], B_FE);
            double step2 = ScrewCores.fold(h[o[2]] - h[o[1]], B_FE);
            if (core == CoreType.HARD) {
                assertEquals(0, step, 1e-9);
                assertEquals(0, step2, 1e-9);
            } else {
                // perfect helicity +b/3 per step became +2b/3 ≡ −b/3
                assertEquals(-B_FE / 3, step, 1e-9);
                assertEquals(-B_FE / 3, step2, 1e-9);
            }
        }
    }

    static int firstAtomOfColumn(Structure ref, DifferentialDisplacement.Map map, int column) {
        for (int i = 0; i < ref.size(); i++) {
            if (Math.hypot(ref.position(i, 0) - map.columns()[2 * column], ref.position(i, 1) - map.columns()[2 * column + 1]) < 1e-6) {
                return i;
            }
        }
        throw new AssertionError("column without atoms");
    }

    /**
     * Easy and hard triangles alternate (the up- and down-triangles of the projected column
     * lattice): the hard sites nearest an easy one are the three edge-sharing triangles, whose
     * centroids lie s/√3 away (s the column spacing a√(2/3)); reversing b swaps the two kinds.
     */
    @Test
    void easyAndHardSitesAreNeighbouringTriangles() {
        Structure perfect = BccScrew.crystal().cell().repeat(4, 6, 1);
        double[] near = {0.5 * perfect.cell().norm(0), 0.5 * perfect.cell().norm(1)};
        double[] easy = ScrewCores.centre(perfect, B_FE, near, CoreType.EASY);
        double[] hard = ScrewCores.centre(perfect, B_FE, easy, CoreType.HARD);
        double spacing = BccScrew.A_FE * Math.sqrt(2.0 / 3);
        assertEquals(spacing / Math.sqrt(3), Math.hypot(easy[0] - hard[0], easy[1] - hard[1]), 1e-9);
        double[] flipped = ScrewCores.centre(perfect, -B_FE, easy, CoreType.HARD);
        assertEquals(0, Math.hypot(flipped[0] - easy[0], flipped[1] - easy[1]), 1e-9);
    }

    @Test
    void foldMapsIntoTheHalfOpenPeriod() {
        assertEquals(-0.4, ScrewCores.fold(0.6, 1), 1e-15);
        assertEquals(0.5, ScrewCores.fold(-0.5, 1), 1e-15);
        assertEquals(0.5, ScrewCores.fold(0.5, 1), 1e-15);
        assertEquals(0.25, ScrewCores.fold(-2.75, 1), 1e-15);
    }
}
