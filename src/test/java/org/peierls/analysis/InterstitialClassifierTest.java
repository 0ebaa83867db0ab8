package org.peierls.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.defects.InterstitialSite;
import org.peierls.defects.PointDefect;
import org.peierls.defects.PointDefects;
import org.peierls.testutil.TestCrystals;

/**
 * The interstitial classifier names every configuration the builders make in bcc and fcc, as
 * built and rattled by 0.03 Å; the single sites are named only from the table it is given; a
 * cell that is not one extra atom in the perfect crystal is "complex".
 */
class InterstitialClassifierTest {

    private static double a(LatticeType t) {
        return t == LatticeType.BCC ? 2.855 : 3.615;
    }

    private static Map<String, double[]> sites(LatticeType t) {
        return InterstitialSite.siteOffsets(t, a(t), Double.NaN);
    }

    @Test
    void everyBuiltConfigurationIsNamedAsWhatItIs() {
        for (LatticeType t : new LatticeType[]{LatticeType.BCC, LatticeType.FCC}) {
            double a = a(t);
            for (InterstitialSite site : InterstitialSite.values()) {
                if (site.lattice() != t) {
                    continue;
                }
                PointDefect d = PointDefects.interstitial(t, "Fe", a, 4, site);
                assertEquals(site.label(), InterstitialClassifier.classify(d.structure(), d.perfect(), t, a, sites(t)));
                Structure rattled = TestCrystals.rattled(d.structure(), 0.03, 5);
                assertEquals(site.label(), InterstitialClassifier.classify(rattled, d.perfect(), t, a, sites(t)), "rattled " + site.label());
            }
        }
    }

    @Test
    void singleSitesAreNamedFromTheTableGiven() {
        PointDefect d = PointDefects.interstitial(LatticeType.BCC, "Fe", a(LatticeType.BCC), 4, InterstitialSite.BCC_OCTAHEDRAL);
        assertEquals("bcc-site-other", InterstitialClassifier.classify(d.structure(), d.perfect(), LatticeType.BCC, a(LatticeType.BCC), Map.of()));
        Map<String, double[]> renamed = Map.of("O", new double[]{0, 0, a(LatticeType.BCC) / 2});
        assertEquals("O", InterstitialClassifier.classify(d.structure(), d.perfect(), LatticeType.BCC, a(LatticeType.BCC), renamed),
                "any cubic image of the offset counts");
    }

    @Test
    void aCellThatIsNotOneExtraAtomIsComplex() {
        LatticeType t = LatticeType.FCC;
        Structure perfect = PointDefects.supercell(t, "Cu", a(t), 3);
        PointDefect vacancy = PointDefects.vacancy(perfect);
        assertEquals("complex", InterstitialClassifier.classify(vacancy.structure(), perfect, t, a(t), sites(t)));
        // an interstitial plus a Frenkel pair: atom 5 moved next to atom 7 leaves its site empty
        PointDefect i = PointDefects.interstitial(t, "Cu", a(t), 3, InterstitialSite.FCC_DUMBBELL_100);
        assertEquals("fcc-dumbbell-100", InterstitialClassifier.classify(i.structure(), i.perfect(), t, a(t), sites(t)));
        double[] x = i.structure().positions();
        for (int k = 0; k < 3; k++) {
            x[3 * 5 + k] = i.perfect().position(7, k) + 0.3;
        }
        assertEquals("complex", InterstitialClassifier.classify(i.structure().withPositions(x), i.perfect(), t, a(t), sites(t)));
    }
}
