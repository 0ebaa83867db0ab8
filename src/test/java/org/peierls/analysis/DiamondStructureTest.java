package org.peierls.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.TestStructures;

/**
 * Diamond identification on structures whose answer is known: every atom of cubic diamond (rotated,
 * and in the triclinic primitive cell) and of lonsdaleite is named; a (001) slab's outer layer is
 * the first-neighbor class and the layer below the second — the interface classes of Maras et al.
 */
class DiamondStructureTest {

    /** Lonsdaleite with the ideal c/a = √(8/3) and u = 3/8 (all four bonds equal). */
    static Structure lonsdaleite(String element, double a) {
        double c = Math.sqrt(8.0 / 3) * a;
        Cell cell = Cell.periodic(new double[]{a, 0, 0, -0.5 * a, 0.5 * Math.sqrt(3) * a, 0, 0, 0, c});
        int z = org.peierls.atoms.Element.number(element);
        double[] f = {1.0 / 3, 2.0 / 3, 0, 2.0 / 3, 1.0 / 3, 0.5, 1.0 / 3, 2.0 / 3, 3.0 / 8, 2.0 / 3, 1.0 / 3, 7.0 / 8};
        return new Structure(cell, new int[]{z, z, z, z}, cell.toCartesian(f));
    }

    private static void allAre(DiamondStructure.Type want, DiamondStructure.Type[] got, String what) {
        for (int i = 0; i < got.length; i++) {
            assertEquals(want, got[i], what + ": atom " + i);
        }
    }

    @Test
    void perfectDiamondsAreNamedInAnyOrientationAndCell() {
        double a = 5.431;
        allAre(DiamondStructure.Type.CUBIC, DiamondStructure.compute(Lattice.diamond("Si", a).repeat(2, 2, 2)), "cubic diamond");
        Structure rotated = TestStructures.rotated(Lattice.diamond("Si", a).repeat(2, 2, 2), TestStructures.rotation(31), new double[]{1, 2, 3});
        allAre(DiamondStructure.Type.CUBIC, DiamondStructure.compute(rotated), "rotated cubic diamond");
        double h = a / 2;
        Cell prim = Cell.of(new double[]{0, h, h}, new double[]{h, 0, h}, new double[]{h, h, 0});
        Structure tri = new Structure(prim, new int[]{14, 14}, new double[]{0, 0, 0, a / 4, a / 4, a / 4}).repeat(4, 4, 4);
        allAre(DiamondStructure.Type.CUBIC, DiamondStructure.compute(tri), "triclinic cubic diamond");
        Structure hex = TestStructures.rotated(lonsdaleite("Si", 3.84).repeat(4, 4, 3), TestStructures.rotation(32), new double[]{0, 0, 0});
        allAre(DiamondStructure.Type.HEXAGONAL, DiamondStructure.compute(hex), "lonsdaleite");
    }

    /** A (001) slab 4 cells thick: the two outer atomic layers of each surface are the 1st and 2nd neighbor classes. */
    @Test
    void slabSurfacesAreTheInterfaceClasses() {
        double a = 5.431;
        Structure bulk = Lattice.diamond("Si", a).repeat(3, 3, 4);
        Structure slab = bulk.withCell(Cell.of(new double[]{3 * a, 0, 0}, new double[]{0, 3 * a, 0}, new double[]{0, 0, 4 * a + 12})
                .withPbc(new boolean[]{true, true, false}));
        DiamondStructure.Type[] t = DiamondStructure.compute(slab);
        double[] x = slab.positions();
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < t.length; i++) {
            double z = x[3 * i + 2];
            int layer = (int) Math.round(z / (a / 4));           // 0 … 15
            int depth = Math.min(layer, 15 - layer);              // 0 at either surface
            DiamondStructure.Type want = depth == 0 ? DiamondStructure.Type.CUBIC_2NN
                    : depth == 1 ? DiamondStructure.Type.CUBIC_1NN : DiamondStructure.Type.CUBIC;
            assertEquals(want, t[i], "atom " + i + " in layer " + layer);
            counts.merge(t[i].label(), 1, Integer::sum);
        }
        assertEquals(Map.of("cubic_diamond", 216, "cubic_diamond_1nn", 36, "cubic_diamond_2nn", 36), counts);
    }
}
