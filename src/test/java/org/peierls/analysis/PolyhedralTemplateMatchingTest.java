package org.peierls.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.TestStructures;

/**
 * Polyhedral template matching on structures whose answer is known: every atom of perfect fcc,
 * hcp, bcc and sc in rotated and triclinic cells named with RMSD ≈ 0 (rounding only, 1e-6), the
 * centre of an icosahedron, and the orientation of a crystal rotated by R equal to R (reduced by
 * the lattice's rotations) to 1e-6 — the arithmetic of a rigid rotation loses only rounding.
 * Small random displacements keep the type, and the RMSD grows with them.
 */
class PolyhedralTemplateMatchingTest {

    private static void allAre(StructureType expected, PolyhedralTemplateMatching.Result r, String what) {
        for (int i = 0; i < r.types().length; i++) {
            assertEquals(expected, r.types()[i], what + ": atom " + i + " rmsd " + r.rmsd()[i]);
            assertEquals(0.0, r.rmsd()[i], 1e-6, what + ": RMSD of atom " + i);
        }
    }

    /** R's quaternion reduced by the template's lattice group, as (x, y, z, w). */
    private static double[] expected(double[] rot, StructureType type) {
        PolyhedralTemplateMatching.Template t = Arrays.stream(PolyhedralTemplateMatching.TEMPLATES).filter(x -> x.type == type)
                .findFirst().orElseThrow();
        double[] q = Quaternions.reduced(Quaternions.fromMatrix(rot), t.symmetry);
        return new double[]{q[1], q[2], q[3], q[0]};
    }

    private static void orientationIs(double[] want, PolyhedralTemplateMatching.Result r, String what) {
        for (int i = 0; i < r.types().length; i++) {
            for (int k = 0; k < 4; k++) {
                assertEquals(want[k], r.orientation()[4 * i + k], 1e-6, what + ": orientation of atom " + i);
            }
        }
    }

    @Test
    void perfectLatticesAreNamedWithTheirOrientationInAnyCell() {
        double a = 3.615;
        double[][] rots = {TestStructures.rotation(11), TestStructures.rotation(12), TestStructures.rotation(13), TestStructures.rotation(14)};
        Structure fcc = TestStructures.rotated(Lattice.fcc("Cu", a).repeat(3, 3, 3), rots[0], new double[]{0.3, 0.1, -2});
        PolyhedralTemplateMatching.Result r = PolyhedralTemplateMatching.compute(fcc);
        allAre(StructureType.FCC, r, "rotated fcc");
        orientationIs(expected(rots[0], StructureType.FCC), r, "rotated fcc");

        Structure tri = StructureIdentificationTest.triclinicFcc(a, 5);
        PolyhedralTemplateMatching.Result rt = PolyhedralTemplateMatching.compute(tri);
        allAre(StructureType.FCC, rt, "triclinic fcc");
        orientationIs(new double[]{0, 0, 0, 1}, rt, "triclinic fcc (cubic axes)");

        Structure bcc = TestStructures.rotated(Lattice.bcc("Ta", 3.30).repeat(3, 3, 3), rots[1], new double[]{1, 2, 3});
        PolyhedralTemplateMatching.Result rb = PolyhedralTemplateMatching.compute(bcc);
        allAre(StructureType.BCC, rb, "rotated bcc");
        orientationIs(expected(rots[1], StructureType.BCC), rb, "rotated bcc");
        allAre(StructureType.BCC, PolyhedralTemplateMatching.compute(Lattice.bccPrimitive("Ta", 3.3).repeat(4, 4, 4)), "triclinic bcc");

        // both hcp sites give the one lattice orientation
        Structure hcp = TestStructures.rotated(Lattice.hcp("Mg", 3.2).repeat(4, 4, 3), rots[2], new double[]{0, 0, 0});
        PolyhedralTemplateMatching.Result rh = PolyhedralTemplateMatching.compute(hcp);
        allAre(StructureType.HCP, rh, "rotated hcp (triclinic cell)");
        orientationIs(expected(rots[2], StructureType.HCP), rh, "rotated hcp");

        Structure sc = TestStructures.rotated(Lattice.sc("Po", 3.35).repeat(4, 4, 4), rots[3], new double[]{0, 0, 0});
        PolyhedralTemplateMatching.Result rs = PolyhedralTemplateMatching.compute(sc);
        allAre(StructureType.SC, rs, "rotated sc");
        orientationIs(expected(rots[3], StructureType.SC), rs, "rotated sc");
    }

    @Test
    void theCentreOfAnIcosahedronIsIcosahedral() {
        double phi = (1 + Math.sqrt(5)) / 2, scale = 2.55 / Math.sqrt(1 + phi * phi), c = 10;
        double[] x = new double[39];
        Arrays.fill(x, 0, 3, c);
        int k = 1;
        for (int perm = 0; perm < 3; perm++) {
            for (int s1 = -1; s1 <= 1; s1 += 2) {
                for (int s2 = -1; s2 <= 1; s2 += 2) {
                    double[] p = {0, s1, s2 * phi};
                    for (int d = 0; d < 3; d++) {
                        x[3 * k + d] = c + scale * p[(perm + d) % 3];
                    }
                    k++;
                }
            }
        }
        int[] z = new int[13];
        Arrays.fill(z, 29);
        double[] rot = TestStructures.rotation(21);
        Structure ico = TestStructures.rotated(new Structure(Cell.orthorhombic(20, 20, 20), z, x), rot, new double[]{0, 0, 0});
        PolyhedralTemplateMatching.Result r = PolyhedralTemplateMatching.compute(ico);
        assertEquals(StructureType.ICO, r.types()[0]);
        assertEquals(0.0, r.rmsd()[0], 1e-6);
        double[] want = expected(rot, StructureType.ICO);
        for (int d = 0; d < 4; d++) {
            assertEquals(want[d], r.orientation()[d], 1e-6, "icosahedron orientation");
        }
        for (int i = 1; i < 13; i++) {
            assertEquals(StructureType.OTHER, r.types()[i], "surface atom " + i);
        }
    }

    /** The lattice groups: 24 cubic rotations, 12 of D6 for hcp, 60 icosahedral. */
    @Test
    void templateGroupsHaveTheirOrders() {
        int[] orders = Arrays.stream(PolyhedralTemplateMatching.TEMPLATES).mapToInt(t -> t.symmetry.length).toArray();
        assertEquals("[24, 12, 24, 60, 24]", Arrays.toString(orders));
    }

    /** Displacing atoms by 2 % of the spacing keeps every type, with RMSD above 0 and below the cutoff. */
    @Test
    void smallDisplacementsKeepTheType() {
        Structure fcc = Lattice.fcc("Cu", 3.615).repeat(4, 4, 4);
        double[] x = fcc.positions();
        Random rnd = new Random(5);
        for (int k = 0; k < x.length; k++) {
            x[k] += 0.02 * 2.556 * rnd.nextGaussian();
        }
        PolyhedralTemplateMatching.Result r = PolyhedralTemplateMatching.compute(fcc.withPositions(x));
        for (int i = 0; i < x.length / 3; i++) {
            assertEquals(StructureType.FCC, r.types()[i]);
            assertTrue(r.rmsd()[i] > 1e-3 && r.rmsd()[i] < 0.1, "rmsd " + r.rmsd()[i]);
        }
    }
}
