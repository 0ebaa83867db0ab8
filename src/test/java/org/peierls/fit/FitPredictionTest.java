package org.peierls.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.util.Progress;

/**
 * Every row's prediction A·x + reference must equal what the fitted potential computes on the same
 * configuration through an independent path: the descriptor's adjoint (β back-propagated into
 * forces and virial, no ∂B/∂r stored) plus the reference potential. Checked for linear and
 * quadratic SNAP, two elements, a ZBL reference and element energies; then for the same potential
 * read back from model.json and from the LAMMPS .snap include file.
 */
class FitPredictionTest {

    private static final int MO = FitTestData.z("Mo"), NB = FitTestData.z("Nb");

    private static SnapFit fit(boolean quadratic) {
        Dataset data = FitTestData.data(10, MO, NB, 7).withWeights(new Weights(100, 1, 0.1));
        Reference ref = Reference.parse("zbl:2.0,3.0", Map.of(MO, -2.5, NB, -3.5));
        SnapSettings s = new SnapSettings(FitTestData.bispectrum(MO, NB), quadratic, true, ref, new SvdSolver(1e-13));
        return SnapFit.run(data, s, Progress.silent());
    }

    @Test
    void linearRowsEqualPotential() {
        checkRowsAgainst(fit(false), null);
    }

    @Test
    void quadraticRowsEqualPotential() {
        checkRowsAgainst(fit(true), null);
    }

    /**
     * Tolerances: energies 1e-10 eV/atom, forces 1e-9 eV/Å, stress 1e-8 GPa — round-off of sums of
     * ~10³ terms of size ≤ 10² (B components up to ~50, quadratic features up to ~10³) against
     * values of order 1–10; the two paths share no code beyond the bispectrum itself.
     */
    static void checkRowsAgainst(SnapFit fit, Potential other) {
        Potential p = other == null ? fit.potential() : other;
        Dataset d = fit.design().data();
        double x[] = fit.solution().coefficients();
        for (int k = 0; k < d.size(); k++) {
            Configuration c = d.get(k);
            Prediction rows = Prediction.ofRows(fit.design(), k, x);
            Prediction pot = Prediction.of(p, c.structure());
            int n = c.atoms();
            assertEquals(pot.energy() / n, rows.energy() / n, 1e-10, c.name() + " energy per atom");
            for (int i = 0; i < 3 * n; i++) {
                assertEquals(pot.forces()[i], rows.forces()[i], 1e-9, c.name() + " force " + i);
            }
            for (int v = 0; v < 6; v++) {
                assertEquals(pot.stress()[v], rows.stress()[v], 1e-8, c.name() + " stress " + v);
            }
        }
    }

    @Test
    void fitIsNotTrivial() {
        // the reference contributes and the model is fitted: the train errors are those of the noise
        SnapFit f = fit(false);
        Metrics m = f.metrics().train();
        assertEquals(10, m.configs());
        assertTrue(m.forceMae() < 0.2, "force MAE " + m.forceMae());
        assertTrue(f.solution().rank() == f.design().columns());
        assertNotNull(f.settings().reference().potential());
    }

    @Test
    void writtenModelAndLammpsFilesGiveTheSamePotential(@TempDir Path dir) {
        SnapFit f = fit(true);
        ModelStore.write(dir.resolve(ModelStore.FILE), f.json());
        Path snap = LammpsExport.write(dir, "MoNb_pot", f, "test fit");
        assertTrue(Files.exists(dir.resolve("MoNb_pot.snapcoeff")));
        String text = readString(snap);
        assertTrue(text.contains("pair_style hybrid/overlay zbl 2.0 3.0 snap"), text);
        assertTrue(text.contains("pair_coeff 1 2 zbl 42 41"), text);
        checkRowsAgainst(f, PotentialSpecs.parse(dir.toString()));
        checkRowsAgainst(f, PotentialSpecs.parse(dir.resolve(ModelStore.FILE).toString()));
        checkRowsAgainst(f, PotentialSpecs.parse("snap:" + snap));
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
