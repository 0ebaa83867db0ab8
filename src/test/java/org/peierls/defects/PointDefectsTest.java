package org.peierls.defects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Distances;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

/**
 * Point defects against hand-derived geometry: atom counts, the shell distance of the
 * divacancy, the distance from each interstitial site to its nearest atoms (textbook values,
 * e.g. bcc octahedral a/2, tetrahedral a√5/4, fcc tetrahedral a√3/4, hcp octahedral
 * √(a²/3 + c²/16)), the dumbbell spacings from the balance condition solved by hand (bcc ⟨111⟩
 * ⅔·d_nn, ⟨100⟩ ⅔·a, ⟨110⟩ 2√2·t·a with 6t² + 2t − ¾ = 0, fcc ⟨100⟩ (√7 − 1)/3·a), and that no
 * pair of atoms away from the defect comes closer than the perfect nearest-neighbour distance.
 *
 * <p>Tolerances: positions are built from exact fractions, so geometric checks use 1e-9 Å;
 * the balanced dumbbell spacing comes from 100 bisection steps (converged to ~1e-15 Å) and is
 * compared to 1e-9 Å.</p>
 */
class PointDefectsTest {

    static final double TOL = 1e-9;
    static final double A_FE = 2.8553, A_CU = 3.615, A_TI = 2.95, C_TI = 4.68;

    @Test
    void vacancyRemovesTheCentralAtom() {
        Structure perfect = PointDefects.supercell(LatticeType.BCC, "Fe", A_FE, 4);
        PointDefect v = PointDefects.vacancy(perfect);
        assertEquals(127, v.structure().size());
        assertEquals(-1, v.atomChange());
        // the 4×4×4 bcc supercell has a corner atom at the exact centre (2a, 2a, 2a)
        assertArrayEquals(new double[]{2 * A_FE, 2 * A_FE, 2 * A_FE}, v.site(), TOL);
        assertEquals(A_FE * Math.sqrt(3) / 2, Distances.nearestDistance(v.structure(), v.site(), null), TOL);
        assertTrue(DefectGeometry.minimumSeparation(v.structure(), 3.0) > A_FE * Math.sqrt(3) / 2 - TOL);
    }

    @Test
    void divacanciesAtFirstAndSecondNeighbourDistance() {
        Structure perfect = PointDefects.supercell(LatticeType.BCC, "Fe", A_FE, 4);
        double[] expected = {A_FE * Math.sqrt(3) / 2, A_FE};
        for (int shell = 1; shell <= 2; shell++) {
            PointDefect d = PointDefects.divacancy(perfect, shell);
            assertEquals(126, d.structure().size());
            double[] sep = Distances.separation(perfect, d.removed()[0], d.removed()[1]);
            assertEquals(expected[shell - 1], Math.sqrt(sep[0] * sep[0] + sep[1] * sep[1] + sep[2] * sep[2]), TOL);
        }
        Structure fcc = PointDefects.supercell(LatticeType.FCC, "Cu", A_CU, 3);
        PointDefect d2 = PointDefects.divacancy(fcc, 2);
        double[] sep = Distances.separation(fcc, d2.removed()[0], d2.removed()[1]);
        assertEquals(A_CU, Math.sqrt(sep[0] * sep[0] + sep[1] * sep[1] + sep[2] * sep[2]), TOL);
        assertThrows(IllegalArgumentException.class, () -> PointDefects.divacancy(perfect, 0));
    }

    @Test
    void substitutionKeepsCountAndChangesStoichiometry() {
        Structure perfect = PointDefects.supercell(LatticeType.FCC, "Cu", A_CU, 3);
        PointDefect s = PointDefects.substitution(perfect, "Ag");
        assertEquals(108, s.structure().size());
        assertEquals(Map.of("Ag", 1, "Cu", 107), s.structure().composition());
        assertEquals(107.8682, s.structure().mass(s.added()[0]), 1e-3);
    }

    /** Smallest distance from any defect atom to any other atom, and the smallest distance among the rest. */
    static double[] distances(PointDefect p) {
        Structure s = p.structure();
        boolean[] defect = new boolean[s.size()];
        for (int i : p.added()) {
            defect[i] = true;
        }
        double defectMin = Double.POSITIVE_INFINITY, restMin = Double.POSITIVE_INFINITY;
        for (int i = 0; i < s.size(); i++) {
            for (int j = i + 1; j < s.size(); j++) {
                double[] d = Distances.separation(s, i, j);
                double r = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                if (defect[i] || defect[j]) {
                    defectMin = Math.min(defectMin, r);
                } else {
                    restMin = Math.min(restMin, r);
                }
            }
        }
        return new double[]{defectMin, restMin};
    }

    @Test
    void cubicInterstitialSitesHaveTheirTextbookDistances() {
        double dBcc = A_FE * Math.sqrt(3) / 2, dFcc = A_CU / Math.sqrt(2);
        double t = (-2 + Math.sqrt(22)) / 12;   // root of 6t² + 2t − ¾ = 0
        Object[][] cases = {
            {InterstitialSite.BCC_OCTAHEDRAL, A_FE / 2},
            {InterstitialSite.BCC_TETRAHEDRAL, A_FE * Math.sqrt(5) / 4},
            {InterstitialSite.BCC_DUMBBELL_111, 2 * dBcc / 3},
            {InterstitialSite.BCC_DUMBBELL_100, 2 * A_FE / 3},
            {InterstitialSite.BCC_DUMBBELL_110, 2 * Math.sqrt(2) * t * A_FE},
            {InterstitialSite.BCC_CROWDION_111, 0.75 * dBcc},
            {InterstitialSite.FCC_OCTAHEDRAL, A_CU / 2},
            {InterstitialSite.FCC_TETRAHEDRAL, A_CU * Math.sqrt(3) / 4},
            {InterstitialSite.FCC_DUMBBELL_100, (Math.sqrt(7) - 1) / 3 * A_CU},
        };
        for (Object[] c : cases) {
            InterstitialSite site = (InterstitialSite) c[0];
            boolean bcc = site.lattice() == LatticeType.BCC;
            PointDefect p = PointDefects.interstitial(site.lattice(), bcc ? "Fe" : "Cu", bcc ? A_FE : A_CU, 4, site);
            int n0 = bcc ? 128 : 256;
            assertEquals(n0 + 1, p.structure().size(), site.label());
            assertEquals(1, p.atomChange());
            double[] d = distances(p);
            assertEquals((double) c[1], d[0], TOL, site.label() + " closest distance to the defect");
            assertTrue(d[1] > (bcc ? dBcc : dFcc) - TOL, site.label() + " atoms away from the defect stay perfect");
        }
    }

    @Test
    void dumbbellIsCentredOnTheVacatedSite() {
        PointDefect p = PointDefects.interstitial(LatticeType.BCC, "Fe", A_FE, 4, InterstitialSite.BCC_DUMBBELL_110);
        Structure s = p.structure();
        int i = p.added()[0], j = p.added()[1];
        double[] d = Distances.separation(s, i, j);
        // along [110]
        assertEquals(d[0], d[1], TOL);
        assertEquals(0, d[2], TOL);
        double[] mid = new double[3];
        for (int k = 0; k < 3; k++) {
            mid[k] = s.position(i, k) + 0.5 * d[k];
        }
        double[] back = Distances.separation(new Structure(s.cell(), new int[]{26, 26},
                new double[]{mid[0], mid[1], mid[2], p.site()[0], p.site()[1], p.site()[2]}), 0, 1);
        assertEquals(0, Math.sqrt(back[0] * back[0] + back[1] * back[1] + back[2] * back[2]), TOL);
    }

    @Test
    void hcpSites() {
        double a = A_TI, c = C_TI;
        Object[][] cases = {
            {InterstitialSite.HCP_OCTAHEDRAL, Math.sqrt(a * a / 3 + c * c / 16)},
            {InterstitialSite.HCP_TETRAHEDRAL, Math.min(3 * c / 8, Math.sqrt(a * a / 3 + c * c / 64))},
            {InterstitialSite.HCP_BASAL_OCTAHEDRAL, a / Math.sqrt(3)},
            {InterstitialSite.HCP_BASAL_TETRAHEDRAL, Math.min(a / Math.sqrt(3), c / 2)},
            {InterstitialSite.HCP_BASAL_CROWDION, a / 2},
        };
        double dnn = Math.min(a, Math.sqrt(a * a / 3 + c * c / 4));
        for (Object[] cs : cases) {
            InterstitialSite site = (InterstitialSite) cs[0];
            PointDefect p = PointDefects.hcpInterstitial("Ti", a, c, 4, 2, 2, site);
            assertEquals(4 * 4 * 2 * 2 + 1, p.structure().size());
            double[] d = distances(p);
            assertEquals((double) cs[1], d[0], TOL, site.label());
            assertTrue(d[1] > dnn - TOL);
        }
        // the sites' coordination shells tell them apart: (site, distance, atoms at that distance)
        double ci = a * Math.sqrt(8.0 / 3);   // ideal c/a: the tetrahedral site has four equidistant atoms
        Object[][] shells = {
            {InterstitialSite.HCP_OCTAHEDRAL, c, Math.sqrt(a * a / 3 + c * c / 16), 6},
            {InterstitialSite.HCP_TETRAHEDRAL, ci, 3 * ci / 8, 4},
            {InterstitialSite.HCP_BASAL_OCTAHEDRAL, c, a / Math.sqrt(3), 3},
            {InterstitialSite.HCP_BASAL_OCTAHEDRAL, c, Math.sqrt(a * a / 3 + c * c / 4), 6},
            {InterstitialSite.HCP_BASAL_TETRAHEDRAL, c, a / Math.sqrt(3), 3},
            {InterstitialSite.HCP_BASAL_TETRAHEDRAL, c, c / 2, 2},
            {InterstitialSite.HCP_BASAL_CROWDION, c, a / 2, 2},
        };
        for (Object[] sh : shells) {
            InterstitialSite site = (InterstitialSite) sh[0];
            PointDefect p = PointDefects.hcpInterstitial("Ti", a, (double) sh[1], 4, 2, 2, site);
            Structure s = p.structure();
            int at = p.added()[0];
            int count = 0;
            for (int j = 0; j < s.size(); j++) {
                double[] d = Distances.separation(s, at, j);
                if (j != at && Math.abs(Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]) - (double) sh[2]) < 1e-9) {
                    count++;
                }
            }
            assertEquals((int) sh[3], count, site.label() + " shell at " + sh[2]);
        }
        for (InterstitialSite site : new InterstitialSite[]{InterstitialSite.HCP_SPLIT_C, InterstitialSite.HCP_BASAL_SPLIT}) {
            PointDefect p = PointDefects.hcpInterstitial("Ti", a, c, 4, 2, 2, site);
            assertEquals(65, p.structure().size());
            double[] d = distances(p);
            double[] pair = Distances.separation(p.structure(), p.added()[0], p.added()[1]);
            double spacing = Math.sqrt(pair[0] * pair[0] + pair[1] * pair[1] + pair[2] * pair[2]);
            // balanced: the dumbbell spacing is the closest approach of the defect to any atom
            assertEquals(spacing, d[0], 1e-9, site.label());
            assertTrue(spacing > 0.5 * a && spacing < a, site.label() + " spacing " + spacing);
        }
    }

    @Test
    void wrongLatticeAndUnknownNamesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> PointDefects.interstitial(LatticeType.FCC, "Cu", A_CU, 3, InterstitialSite.BCC_OCTAHEDRAL));
        assertEquals(InterstitialSite.BCC_DUMBBELL_110, InterstitialSite.parse("bcc-dumbbell-110"));
        assertThrows(InputException.class, () -> InterstitialSite.parse("nowhere"));
    }
}
