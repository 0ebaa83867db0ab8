package org.peierls.defects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * Slabs against textbook crystallography: interplanar spacings d_hkl (bcc: a/√N for h+k+l
 * even, a/(2√N) otherwise; fcc: a/√N for h, k, l all odd, a/(2√N) otherwise; N = h²+k²+l²),
 * atoms per layer = number density × d_hkl × area, the coordination of surface atoms (bcc
 * (110) 6, (100) 4; fcc (111) 9, (100) 8, (110) 7 of the bulk 8 and 12), the number of
 * distinct terminations (B2 (100) odd slab: A and B; diamond (111): shuffle and glide; hcp
 * prism: wide and narrow gap), and the vacuum (no pair across it closer than the vacuum).
 *
 * <p>Tolerances: positions are exact fractions of a, so lengths are compared to 1e-9 Å.</p>
 */
class SurfaceTest {

    static final double TOL = 1e-9;
    static final double A = 3.165;   // W

    static double spacing(LatticeType t, int[] hkl) {
        int h = Math.abs(hkl[0]), k = Math.abs(hkl[1]), l = Math.abs(hkl[2]);
        double n = Math.sqrt(h * h + k * k + l * l);
        if (t == LatticeType.BCC) {
            return (h + k + l) % 2 == 0 ? A / n : A / (2 * n);
        }
        boolean allOdd = h % 2 == 1 && k % 2 == 1 && l % 2 == 1;
        return allOdd ? A / n : A / (2 * n);
    }

    @Test
    void layerSpacingAndDensityMatchTextbookValues() {
        int[][] planes = {{1, 0, 0}, {1, 1, 0}, {1, 1, 1}, {1, 1, 2}, {2, 1, 0}, {3, 1, 0}};
        for (LatticeType t : new LatticeType[]{LatticeType.BCC, LatticeType.FCC}) {
            double density = (t == LatticeType.BCC ? 2 : 4) / (A * A * A);
            for (int[] hkl : planes) {
                String what = t.label() + " " + java.util.Arrays.toString(hkl);
                int layers = 7;
                Slab slab = Surface.cubic(t, new String[]{"W"}, A, hkl, layers, 12.0);
                double d = spacing(t, hkl);
                assertEquals((layers - 1) * d, slab.thickness(), TOL, what);
                assertEquals(d, slab.bottomGap(), TOL, what);
                for (int perLayer : slab.atomsPerLayer()) {
                    assertEquals(density * d * slab.area(), perLayer, 1e-9, what);
                }
                Structure s = slab.structure();
                assertEquals(layers * slab.atomsPerLayer()[0], s.size(), what);
                assertEquals(slab.thickness() + 12.0, s.cell().norm(2), TOL);
                double zmin = Double.POSITIVE_INFINITY, zmax = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < s.size(); i++) {
                    zmin = Math.min(zmin, s.position(i, 2));
                    zmax = Math.max(zmax, s.position(i, 2));
                }
                assertEquals(6.0, zmin, TOL);
                assertEquals(6.0 + slab.thickness(), zmax, TOL);
                // in-plane periodicity: no pair closer than the nearest-neighbour distance
                double dnn = DefectGeometry.nearestNeighbourDistance(t, A);
                assertEquals(dnn, DefectGeometry.minimumSeparation(s, 1.01 * dnn), TOL, what);
            }
        }
    }

    /** Coordination (neighbours within the first shell) of the atoms of the bottom layer of a slab. */
    static int bottomCoordination(Slab slab, double rc) {
        Structure s = slab.structure();
        NeighborList nl = NeighborList.build(s, rc, NeighborList.Kind.FULL);
        int i = 0;   // atoms are layer by layer from the bottom
        return nl.count(i);
    }

    @Test
    void surfaceAtomsLoseTheTextbookNumberOfBonds() {
        Object[][] cases = {
            {LatticeType.BCC, new int[]{1, 1, 0}, 6, 8}, {LatticeType.BCC, new int[]{1, 0, 0}, 4, 8},
            {LatticeType.FCC, new int[]{1, 1, 1}, 9, 12}, {LatticeType.FCC, new int[]{1, 0, 0}, 8, 12},
            {LatticeType.FCC, new int[]{1, 1, 0}, 7, 12},
        };
        for (Object[] c : cases) {
            LatticeType t = (LatticeType) c[0];
            Slab slab = Surface.cubic(t, new String[]{"W"}, A, (int[]) c[1], 9, 10.0);
            double rc = 1.1 * DefectGeometry.nearestNeighbourDistance(t, A);
            assertEquals((int) c[2], bottomCoordination(slab, rc));
            // a middle-layer atom keeps the bulk coordination
            Structure s = slab.structure();
            NeighborList nl = NeighborList.build(s, rc, NeighborList.Kind.FULL);
            int mid = s.size() / 2;
            assertEquals((int) c[3], nl.count(mid));
        }
    }

    @Test
    void b2HasTwoTerminationsForOddSlabsAndOneForEven() {
        String[] niAl = {"Ni", "Al"};
        List<Slab> odd = Surface.terminations(LatticeType.B2, niAl, 2.887, new int[]{1, 0, 0}, 7, 10.0);
        assertEquals(2, odd.size());
        assertEquals("Ni", odd.get(0).bottomFormula());
        assertEquals("Ni", odd.get(0).topFormula());
        assertEquals("Al", odd.get(1).bottomFormula());
        assertTrue(odd.get(0).symmetric());
        assertEquals(4, odd.get(0).structure().composition().get("Ni"));
        assertEquals(3, odd.get(0).structure().composition().get("Al"));
        List<Slab> even = Surface.terminations(LatticeType.B2, niAl, 2.887, new int[]{1, 0, 0}, 6, 10.0);
        assertEquals(1, even.size());
        assertFalse(even.get(0).symmetric());
        // (110) layers are stoichiometric: one termination
        assertEquals(1, Surface.terminations(LatticeType.B2, niAl, 2.887, new int[]{1, 1, 0}, 7, 10.0).size());
        // L1₂ (001): pure-A and mixed layers
        List<Slab> l12 = Surface.terminations(LatticeType.L12, niAl, 3.57, new int[]{0, 0, 1}, 5, 10.0);
        assertEquals(2, l12.size());
    }

    @Test
    void diamond111HasShuffleAndGlideCuts() {
        double a = 5.431;
        List<Slab> t = Surface.terminations(LatticeType.DIAMOND, new String[]{"Si"}, a, new int[]{1, 1, 1}, 8, 10.0);
        assertEquals(2, t.size());
        double narrow = a * Math.sqrt(3) / 12, wide = a * Math.sqrt(3) / 4;
        double g0 = t.get(0).bottomGap(), g1 = t.get(1).bottomGap();
        assertEquals(narrow + wide, g0 + g1, TOL);
        assertEquals(narrow, Math.min(g0, g1), TOL);
    }

    @Test
    void hcpSurfaces() {
        double a = 2.95, c = 4.68;
        List<Slab> basal = Surface.terminations(OrientedCrystal.hcpBasal("Ti", a, c), 6, 10.0);
        assertEquals(1, basal.size());
        assertEquals(5 * c / 2, basal.get(0).thickness(), TOL);
        assertEquals(a * a * Math.sqrt(3), basal.get(0).area(), TOL);
        List<Slab> prism = Surface.terminations(OrientedCrystal.hcpPrismatic("Ti", a, c), 6, 10.0);
        assertEquals(2, prism.size());
        double[] gaps = {prism.get(0).bottomGap(), prism.get(1).bottomGap()};
        java.util.Arrays.sort(gaps);
        assertArrayEquals(new double[]{a * Math.sqrt(3) / 6, a * Math.sqrt(3) / 3}, gaps, TOL);
    }

    @Test
    void vacuumSeparatesImagesAndThicknessInAngstrom() {
        OrientedCrystal bcc110 = OrientedCrystal.forPlane(LatticeType.BCC, new String[]{"W"}, A, new int[]{1, 1, 0});
        int layers = Surface.layersFor(bcc110, 10.0);
        double d = A / Math.sqrt(2);
        assertEquals((int) Math.ceil(10.0 / d) + 1, layers);
        Slab slab = Surface.slab(bcc110, layers, 15.0, 0, 2, 3);
        assertEquals(6 * layers * 2, slab.structure().size());
        assertEquals(6 * A * A * Math.sqrt(2), slab.area(), TOL);
        assertTrue(slab.structure().cell().norm(2) - slab.thickness() >= 15.0 - TOL);
        Slab byThickness = Surface.cubicWithThickness(LatticeType.BCC, new String[]{"W"}, A, new int[]{1, 1, 0}, 10.0, 8.0);
        assertEquals(layers, byThickness.layers());
        assertTrue(byThickness.thickness() >= 10.0 && byThickness.thickness() < 10.0 + d);
        assertThrows(IllegalArgumentException.class, () -> Surface.slab(bcc110, 0, 10, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Surface.slab(bcc110, 4, -1, 0, 1, 1));
    }
}
