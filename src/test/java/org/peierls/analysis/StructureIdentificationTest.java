package org.peierls.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.TestStructures;

/**
 * The structure identifiers on crystals whose answer is known: perfect fcc, hcp and bcc in
 * rotated and triclinic cells (every atom named, by CNA with a cutoff between the shells and by
 * a-CNA without one), the centre of an icosahedral cluster, centro-symmetry zero on perfect sites
 * and positive beside a vacancy, and the Steinhardt parameters of the literature.
 */
class StructureIdentificationTest {

    /** fcc Cu as the 1-atom primitive cell repeated: a triclinic cell. */
    static Structure triclinicFcc(double a, int n) {
        double h = a / 2;
        Structure prim = new Structure(Cell.of(new double[]{0, h, h}, new double[]{h, 0, h}, new double[]{h, h, 0}),
                new int[]{29}, new double[]{0, 0, 0});
        return prim.repeat(n, n, n);
    }

    static Structure rotated(Structure s, long seed) {
        return TestStructures.rotated(s, TestStructures.rotation(seed), new double[]{0.37, -1.2, 2.9});
    }

    private static void allAre(StructureType expected, StructureType[] got, String what) {
        for (int i = 0; i < got.length; i++) {
            assertEquals(expected, got[i], what + ": atom " + i);
        }
    }

    @Test
    void perfectCrystalsAreNamedInAnyOrientationAndCell() {
        double a = 3.615;
        Structure[] fccs = {Lattice.fcc("Cu", a).repeat(3, 3, 3), rotated(Lattice.fcc("Cu", a).repeat(3, 3, 3), 1), triclinicFcc(a, 5)};
        for (Structure s : fccs) {
            allAre(StructureType.FCC, CommonNeighborAnalysis.fixed(s, 0.854 * a), "fcc CNA");
            allAre(StructureType.FCC, CommonNeighborAnalysis.adaptive(s), "fcc a-CNA");
        }
        Structure bcc = rotated(Lattice.bcc("Ta", 3.30).repeat(3, 3, 3), 2);
        allAre(StructureType.BCC, CommonNeighborAnalysis.fixed(bcc, 1.207 * 3.30), "bcc CNA");
        allAre(StructureType.BCC, CommonNeighborAnalysis.adaptive(bcc), "bcc a-CNA");
        Structure hcp = rotated(Lattice.hcp("Mg", 3.2).repeat(4, 4, 3), 3);
        allAre(StructureType.HCP, CommonNeighborAnalysis.fixed(hcp, 0.854 * 3.2 * Math.sqrt(2)), "hcp CNA");
        allAre(StructureType.HCP, CommonNeighborAnalysis.adaptive(hcp), "hcp a-CNA");
    }

    /** A 13-atom Mackay icosahedron in a wide box: the centre is icosahedral, the shell is not. */
    @Test
    void theCentreOfAnIcosahedronIsIcosahedral() {
        double phi = (1 + Math.sqrt(5)) / 2, r = 2.55;
        double scale = r / Math.sqrt(1 + phi * phi);
        double[] x = new double[3 * 13];
        double c = 10;
        x[0] = c;
        x[1] = c;
        x[2] = c;
        int k = 1;
        for (int perm = 0; perm < 3; perm++) {
            for (int s1 = -1; s1 <= 1; s1 += 2) {
                for (int s2 = -1; s2 <= 1; s2 += 2) {
                    double[] p = {0, s1, s2 * phi};
                    x[3 * k] = c + scale * p[perm % 3];
                    x[3 * k + 1] = c + scale * p[(perm + 1) % 3];
                    x[3 * k + 2] = c + scale * p[(perm + 2) % 3];
                    k++;
                }
            }
        }
        int[] z = new int[13];
        Arrays.fill(z, 29);
        Structure ico = new Structure(Cell.orthorhombic(20, 20, 20), z, x);
        // the edge of the icosahedron is 1.0515 r: a cutoff of 1.2 r holds centre and shell neighbours
        StructureType[] cna = CommonNeighborAnalysis.fixed(ico, 1.2 * r);
        assertEquals(StructureType.ICO, cna[0]);
        assertEquals(StructureType.ICO, CommonNeighborAnalysis.adaptive(ico)[0]);
        for (int i = 1; i < 13; i++) {
            assertEquals(StructureType.OTHER, cna[i], "surface atom " + i);
        }
    }

    @Test
    void centroSymmetryIsZeroOnPerfectSitesAndPositiveBesideAVacancy() {
        double a = 3.615;
        Structure s = rotated(Lattice.fcc("Cu", a).repeat(3, 3, 3), 4);
        double[] p = Centrosymmetry.compute(s, 12);
        for (double v : p) {
            assertEquals(0.0, v, 1e-18 * a * a * 1e6);
        }
        boolean[] keep = new boolean[s.size()];
        Arrays.fill(keep, true);
        keep[0] = false;
        Structure vac = s.select(keep);
        double[] q = Centrosymmetry.compute(vac, 12);
        // the 12 neighbours of the vacancy lost one partner: |r|² = a²/2 from the unpaired bond
        int raised = 0;
        for (double v : q) {
            if (v > 1) {
                raised++;
                assertEquals(a * a / 2, v, 1e-9, "a neighbour of the vacancy");
            }
        }
        assertEquals(12, raised, "the 12 neighbours of the vacancy");
    }

    /**
     * Steinhardt q4, q6 of perfect lattices (Steinhardt et al. 1983; Mickel et al., J. Chem. Phys.
     * 138, 044501 (2013), Table I): fcc (12 neighbours) 0.19094, 0.57452; bcc (8) 0.50918, 0.62854;
     * hcp (12) 0.09722, 0.48476.
     */
    @Test
    void steinhardtOfPerfectLatticesIsTheLiteraturesValue() {
        int[] ls = {4, 6};
        double[][] fcc = Steinhardt.compute(rotated(Lattice.fcc("Cu", 3.615).repeat(3, 3, 3), 5), ls, 12, Double.POSITIVE_INFINITY);
        double[][] bcc = Steinhardt.compute(rotated(Lattice.bcc("Ta", 3.3).repeat(3, 3, 3), 6), ls, 8, Double.POSITIVE_INFINITY);
        double[][] hcp = Steinhardt.compute(rotated(Lattice.hcp("Mg", 3.2).repeat(4, 4, 3), 7), ls, 12, Double.POSITIVE_INFINITY);
        assertEquals(0.19094, fcc[0][0], 5e-6);
        assertEquals(0.57452, fcc[1][0], 5e-6);
        assertEquals(0.50918, bcc[0][0], 5e-6);
        assertEquals(0.62854, bcc[1][0], 5e-6);
        assertEquals(0.09722, hcp[0][0], 5e-6);
        assertEquals(0.48476, hcp[1][0], 5e-6);
        assertTrue(Arrays.stream(fcc[1]).allMatch(v -> Math.abs(v - 0.57452) < 5e-6), "every fcc atom");
    }
}
