package org.peierls.defects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.MoveMask;
import org.peierls.atoms.Structure;

/**
 * Generalized stacking faults against crystallography: at zero shift and at any in-plane
 * lattice translation (a full period along x or y, and the bcc (110) centring translation
 * (⅓, ⅓) of the x = [1-11], y = [1-1-2] rectangle) every atom has the perfect neighbour shells
 * (bcc 8 + 6, fcc 12 + 6); the fcc shift a/6⟨112⟩ gives the intrinsic stacking fault — no close
 * pairs, 12 neighbours for every atom, and the stacking ABCA|CABC (four layers with one
 * neighbour at 2a/√3 = 1.1547·a, a distance absent in fcc); the bcc {110} shift b/2 brings
 * atoms to a√11/4 (worked out by hand in the test). Tolerances: exact fractions of a; shells are binned with edges between shells.
 */
class GsfTest {

    static final double A_TA = 3.303, A_CU = 3.615;

    static final double[] BCC_EDGES = {0.9 * A_TA, 1.05 * A_TA};
    static final double[] FCC_EDGES = {0.8 * A_CU, 1.05 * A_CU};

    @Test
    void bcc110AtZeroAndLatticeShiftsIsThePerfectCrystal() {
        Gsf gsf = Gsf.builder(LatticeType.BCC, "Ta", A_TA, "110", "111");
        assertEquals("[1-11]", gsf.crystal().xLabel());
        assertEquals("[1-1-2]", gsf.crystal().yLabel());
        assertEquals(A_TA * Math.sqrt(3) / 2, gsf.periods()[0], 1e-12);
        assertTrue(gsf.layers() >= 12);
        double[][] shifts = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {1.0 / 3, 1.0 / 3}, {-2.0 / 3, 1.0 / 3}};
        for (double[] f : shifts) {
            StackingFault sf = gsf.at(f[0], f[1]);
            Map<String, Integer> h = Environments.histogram(sf.structure(), BCC_EDGES);
            assertEquals(Map.of("8,6", sf.structure().size()), h, "shift " + f[0] + ", " + f[1]);
        }
        // half a Burgers vector: the nearest pair across the fault is a/2[00-1] + a/4[1-11] out of
        // plane by the (110) spacing a/√2, i.e. a·√(1/16 + 1/16 + 1/16 + 1/2) = a√11/4
        StackingFault half = gsf.at(0.5, 0);
        assertEquals(A_TA * Math.sqrt(11) / 4, DefectGeometry.minimumSeparation(half.structure(), 3.0), 1e-9);
    }

    @Test
    void bcc112LineAndAreaAndMask() {
        Gsf gsf = Gsf.builder(LatticeType.BCC, "Ta", A_TA, "112", "111");
        List<StackingFault> line = gsf.line(12);
        assertEquals(13, line.size());
        StackingFault first = line.get(0), last = line.get(12);
        assertArrayEquals(new double[]{gsf.periods()[0], 0, 0}, last.shift(), 1e-12);
        assertEquals(Map.of("8,6", last.structure().size()), Environments.histogram(last.structure(), BCC_EDGES));
        assertEquals(gsf.periods()[0] * gsf.periods()[1], first.area(), 1e-12);
        boolean[] mask = (boolean[]) first.structure().arrays().get(MoveMask.ARRAY);
        assertEquals(3 * first.structure().size(), mask.length);
        for (int i = 0; i < first.structure().size(); i++) {
            assertTrue(!mask[3 * i] && !mask[3 * i + 1] && mask[3 * i + 2]);
        }
        // the cell carries the shift in its third vector
        double[] c = last.structure().cell().vector(2);
        assertEquals(gsf.periods()[0], c[0], 1e-12);
        assertEquals(0, c[1], 1e-12);
    }

    @Test
    void fccIntrinsicStackingFaultHasTwoHcpLayers() {
        Gsf gsf = Gsf.builder(LatticeType.FCC, "Cu", A_CU, "111", "112");
        // the sense of [2-1-1] is chosen so that the intrinsic fault comes first
        assertEquals("[-211]", gsf.crystal().xLabel());
        assertEquals(A_CU * Math.sqrt(6) / 2, gsf.periods()[0], 1e-12);
        double[] edges = {0.8 * A_CU, 1.05 * A_CU, 1.18 * A_CU};
        StackingFault isf = gsf.at(1.0 / 3, 0);
        Structure s = isf.structure();
        assertEquals(A_CU / Math.sqrt(2), DefectGeometry.minimumSeparation(s, A_CU), 1e-9);
        int perLayer = s.size() / isf.layers();
        // stacking ABCA|CABC: the same letter two layers apart (distance 2·a/√3 = 1.1547 a,
        // absent in fcc) occurs for the pairs C·C and A·A around the fault, so four layers have
        // exactly one such neighbour and the rest none
        assertEquals(Map.of("12,6,0", s.size() - 4 * perLayer, "12,6,1", 4 * perLayer), Environments.histogram(s, edges));
        // ⅔ puts a layer on top of the one below it (A on A): atoms a/√3 apart across the fault
        assertEquals(A_CU / Math.sqrt(3), DefectGeometry.minimumSeparation(gsf.at(2.0 / 3, 0).structure(), A_CU), 1e-9);
        // a full a/2⟨110⟩ translation in the plane: the (½, ½) point of the x–y rectangle
        StackingFault full = gsf.at(0.5, 0.5);
        assertEquals(Map.of("12,6", full.structure().size()), Environments.histogram(full.structure(), FCC_EDGES));
    }

    @Test
    void gammaSurfaceGridAndSlabVariant() {
        Gsf gsf = Gsf.builder(LatticeType.FCC, "Cu", A_CU, "111", "110").repeated(2, 1);
        StackingFault[][] grid = gsf.surface(4, 3);
        assertEquals(4, grid.length);
        assertEquals(3, grid[0].length);
        assertArrayEquals(new double[]{0.75, 2.0 / 3}, grid[3][2].fractions(), 1e-12);
        assertEquals(2 * gsf.periods()[0] * gsf.periods()[1], grid[0][0].area(), 1e-12);

        Gsf slab = Gsf.builder(LatticeType.BCC, "Ta", A_TA, "110", "111").withVacuum(10.0);
        StackingFault s0 = slab.at(0, 0), s1 = slab.at(0.5, 0);
        assertEquals(s0.structure().size(), s1.structure().size());
        assertTrue(!s1.periodic());
        double zmin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s1.structure().size(); i++) {
            zmin = Math.min(zmin, s1.structure().position(i, 2));
        }
        assertEquals(5.0, zmin, 1e-9);
        double[] c = s1.structure().cell().vector(2);
        assertEquals(0, c[0], 0);
        assertTrue(s1.faultHeight() > 5.0 && s1.faultHeight() < c[2] - 5.0);
    }

    @Test
    void hcpFaults() {
        double a = 2.95, c = 4.68;
        Gsf basal = Gsf.hcpBasal("Ti", a, c, 8);
        int faults = 0;
        for (double f : new double[]{1.0 / 3, 2.0 / 3}) {
            StackingFault sf = basal.at(0, f);
            double dmin = DefectGeometry.minimumSeparation(sf.structure(), a);
            if (dmin > Math.min(a, Math.sqrt(a * a / 3 + c * c / 4)) - 1e-9) {
                faults++;
            }
        }
        assertEquals(1, faults, "one of the a/√3 ⟨10-10⟩ shifts is the I2 fault");
        Gsf prism = Gsf.hcpPrismatic("Ti", a, c, 8);
        double[] h = prism.crystal().layerHeights();
        int g = prism.gapBelowFault();
        double lz = prism.crystal().lengths()[2];
        assertEquals(a * Math.sqrt(3) / 3, Surface.height(h, g + 1, lz) - Surface.height(h, g, lz), 1e-9, "cut in a wide gap");
        assertEquals(Map.of("12", prism.at(1, 1).structure().size()),
                Environments.histogram(prism.at(1, 1).structure(), new double[]{1.05 * a}));
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> Gsf.builder(LatticeType.BCC, "Ta", A_TA, "100", "111"));
        assertThrows(IllegalArgumentException.class,
                () -> Gsf.of(LatticeType.BCC, new String[]{"Ta"}, A_TA, new int[]{1, 1, 0}, new int[]{1, 1, 1}, 12));
        assertThrows(IllegalArgumentException.class, () -> Gsf.builder(LatticeType.BCC, "Ta", A_TA, "110", "111").surface(0, 2));
    }
}
