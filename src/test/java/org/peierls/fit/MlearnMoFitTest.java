package org.peierls.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Element;
import org.peierls.descriptor.BispectrumParameters;
import org.peierls.testutil.SharedData;
import org.peierls.util.Progress;

/**
 * Our own linear SNAP fit of the mlearn Mo training set (Zuo et al. 2020), with the settings
 * cross-validation picked on the training set alone (2J=8, rcutfac 4.4, energy weight 300 per
 * eV/atom, forces 1 per eV/Å; see docs/benchmarks.md), must be at least as accurate on the test
 * set as Zuo's published linear SNAP (5.48 meV/atom, 0.207 eV/Å measured the same way).
 */
class MlearnMoFitTest {

    @Test
    void linearSnapBeatsZuoOnTheTestSet() {
        Dataset d = Dataset.read(List.of(SharedData.data("mlearn/Mo/training.json")), Role.TRAIN)
                .plus(Dataset.read(List.of(SharedData.data("mlearn/Mo/test.json")), Role.TEST))
                .withWeights(new Weights(300, 1, 0), Map.of());
        int mo = Element.number("Mo");
        BispectrumParameters p = new BispectrumParameters(4.4, 8, 0.99363, 0, true, false, false, new int[]{mo},
                new double[]{0.5}, new double[]{1});
        SnapFit fit = SnapFit.run(d, new SnapSettings(p, false, true, Reference.NONE, new SvdSolver(1e-13)), Progress.silent());
        Metrics test = fit.metrics().test();
        assertEquals(23, test.configs());
        assertEquals(56, fit.solution().rank());
        assertTrue(test.energyMae() <= 5.48, "energy MAE " + test.energyMae() + " meV/atom (Zuo: 5.48)");
        assertTrue(test.forceMae() <= 0.207, "force MAE " + test.forceMae() + " eV/Å (Zuo: 0.207)");
        // and the training error is not wildly below the test error (no gross over-fitting of 56 columns)
        assertTrue(fit.metrics().train().forceMae() > 0.5 * test.forceMae());
    }
}
