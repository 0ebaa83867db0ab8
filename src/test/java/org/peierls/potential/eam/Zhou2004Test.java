package org.peierls.potential.eam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.testutil.ReferenceXyz;
import org.peierls.testutil.SharedData;
import org.peierls.testutil.TestCells;
import org.peierls.util.InputException;

class Zhou2004Test {

    /** The parameter table in the code equals the shared CSV transcribed from LAMMPS's EAM_code. */
    @Test
    void parametersEqualTheSharedTable() throws Exception {
        List<String> lines = Files.readAllLines(SharedData.data("zhou2004-eam/parameters.csv"));
        assertEquals(17, lines.size(), "header + 16 elements");
        assertEquals(Zhou2004.elements().size(), 16);
        for (int row = 1; row < lines.size(); row++) {
            String[] t = lines.get(row).split(",");
            Zhou2004.Parameters p = Zhou2004.parameters(t[0]);
            assertEquals(t[0], Zhou2004.elements().get(row - 1), "element order");
            double[] mine = {p.re(), p.fe(), p.rhoe(), p.rhos(), p.alpha(), p.beta(), p.a(), p.b(), p.kappa(), p.lambda(),
                p.fn()[0], p.fn()[1], p.fn()[2], p.fn()[3], p.f()[0], p.f()[1], p.f()[2], p.f()[3], p.eta(), p.fE(),
                p.z(), p.mass(), p.f3Above(), p.beta1(), p.lambda1(), p.lowFactor(), p.highFactor()};
            assertEquals(28, t.length);
            for (int k = 0; k < 27; k++) {
                assertEquals(Double.parseDouble(t[k + 1]), mine[k], 0.0, t[0] + " parameter " + (k + 1));
            }
            assertEquals(Element.number(t[0]), p.z(), "atomic number of " + t[0]);
        }
    }

    /**
     * The model is built so that the element's reference lattice (fcc: a = √2·r_e, bcc: a = 2r_e/√3)
     * is in equilibrium with energy −E_c. We minimise E(a) of the perfect crystal by golden-section
     * search and check a to 1e-4 relative and E to 1e-3 relative against E_c — the cohesive
     * energies (eV/atom) the 2004 parameterisation was fitted to, to two decimals as the model returns
     * them (the table itself holds no E_c; these numbers are not derived from our code but are the
     * fit targets, e.g. 3.54 for Cu, 8.09 for Ta, close to experiment).
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "Cu, fcc, 3.54", "Ag, fcc, 2.85", "Au, fcc, 3.93", "Ni, fcc, 4.45", "Pd, fcc, 3.91", "Pt, fcc, 5.77",
        "Al, fcc, 3.58", "Pb, fcc, 2.02", "Fe, bcc, 4.29", "Mo, bcc, 6.81", "Ta, bcc, 8.09", "W, bcc, 8.76",
    })
    void latticeConstantAndCohesiveEnergy(String element, String lattice, double ec) {
        Zhou2004.Parameters p = Zhou2004.parameters(element);
        boolean fcc = lattice.equals("fcc");
        double expected = fcc ? Math.sqrt(2) * p.re() : 2 * p.re() / Math.sqrt(3);
        Potential pot = Zhou2004.potential(List.of(element));
        int z = Element.number(element);
        java.util.function.DoubleUnaryOperator e = a -> {
            Structure s = TestCells.cubic(z, a, fcc, 1, 1, 1);
            return pot.compute(s).energy() / s.size();
        };
        double lo = 0.95 * expected, hi = 1.05 * expected;
        double g = (Math.sqrt(5) - 1) / 2;
        double c = hi - g * (hi - lo), d = lo + g * (hi - lo);
        double fc = e.applyAsDouble(c), fd = e.applyAsDouble(d);
        while (hi - lo > 1e-7 * expected) {
            if (fc < fd) {
                hi = d;
                d = c;
                fd = fc;
                c = hi - g * (hi - lo);
                fc = e.applyAsDouble(c);
            } else {
                lo = c;
                c = d;
                fc = fd;
                d = lo + g * (hi - lo);
                fd = e.applyAsDouble(d);
            }
        }
        double aMin = 0.5 * (lo + hi);
        double eMin = e.applyAsDouble(aMin);
        System.out.printf("%s %s: a = %.6f (table %.6f), E = %.6f eV/atom (E_c %.2f)%n", element, lattice, aMin, expected, eMin, ec);
        assertEquals(expected, aMin, 1e-4 * expected, "equilibrium lattice constant");
        assertEquals(-ec, eMin, 1e-3 * ec, "cohesive energy");
    }

    /**
     * Our exported setfl file, read back by the tabulated EAM (LAMMPS's interpolation), agrees with
     * the analytic model to the interpolation error of a 2000-point grid: 1e-8 eV/atom in energy,
     * 1e-4 eV/Å per force component, 1e-4 GPa in stress (observed 6e-10, 2e-5, 2e-5).
     */
    @Test
    void exportedSetflMatchesTheAnalyticModel(@TempDir Path dir) {
        Path file = dir.resolve("CuTa.eam.alloy");
        Zhou2004.writeSetfl(file, List.of("Cu", "Ta"), 2000, 2000);
        Potential tab = EamPotential.alloy(file);
        Potential analytic = Zhou2004.potential(List.of("Cu", "Ta"));
        assertEquals(analytic.cutoff(), tab.cutoff(), 1e-15);
        for (Structure s : List.of(
                TestCells.rattled(new int[]{29, 73}, 3.2, false, 4, 4, 4, 0.03, 0.1, 1, false),
                TestCells.rattled(new int[]{29}, 3.615, true, 3, 3, 3, 0.03, 0.1, 2, false),
                TestCells.rattled(new int[]{73}, 3.30, false, 4, 4, 4, 0.03, 0.1, 3, false))) {
            compare(analytic.compute(s), tab.compute(s), s.size(), 1e-8, 1e-4, 1e-4);
        }
    }

    private static void compare(Results a, Results b, int n, double eTol, double fTol, double sTol) {
        assertEquals(a.energy() / n, b.energy() / n, eTol, "energy per atom");
        for (int k = 0; k < a.forces().length; k++) {
            assertEquals(a.forces()[k], b.forces()[k], fTol, "force component " + k);
        }
        for (int v = 0; v < 6; v++) {
            assertEquals(a.stressGpa()[v], b.stressGpa()[v], sTol, "stress " + v);
        }
    }

    /**
     * LAMMPS's CuTa.eam.alloy was made by Zhou's generator in float32 (see the data README): our
     * double-precision export has the same layout and grid to float32 precision (rc, dr, drho to
     * 1e-6 relative) and the same tables to float32 rounding (F to 5e-6 eV; f to 2e-5 relative,
     * largest where f ~ 1e-6 near the cutoff; r·φ to 1e-6 relative + 3e-5 eV·Å).
     */
    @Test
    void exportMatchesLammpsCuTaFile() {
        SetflFile lammps = SetflFile.read(SharedData.data("zhou2004-eam/CuTa.eam.alloy"), false);
        SetflFile mine = Zhou2004.of("Cu", "Ta").setfl(2000, 2000);
        assertEquals(List.of(lammps.elements()), List.of(mine.elements()));
        assertEquals(lammps.nr(), mine.nr());
        assertEquals(lammps.nrho(), mine.nrho());
        assertEquals(lammps.cutoff(), mine.cutoff(), 1e-6 * lammps.cutoff());
        assertEquals(lammps.dr(), mine.dr(), 1e-6 * lammps.dr());
        assertEquals(lammps.drho(), mine.drho(), 1e-6 * lammps.drho());
        for (int a = 0; a < 2; a++) {
            // create.f prints the mass with 5 significant digits (g15.5): 180.95 for 180.9479
            assertEquals(lammps.masses()[a], mine.masses()[a], 1e-4 * mine.masses()[a]);
            for (int j = 0; j < mine.nrho(); j++) {
                assertEquals(lammps.embedding()[a][j], mine.embedding()[a][j], 5e-6, "F of " + mine.elements()[a] + " at " + j);
            }
            for (int i = 0; i < mine.nr(); i++) {
                double ref = lammps.density()[a][0][i];
                assertEquals(ref, mine.density()[a][0][i], 2e-5 * Math.abs(ref), "f of " + mine.elements()[a] + " at " + i);
            }
        }
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < mine.nr(); i++) {
                double ref = lammps.rphi()[p][i];
                assertEquals(ref, mine.rphi()[p][i], 1e-6 * Math.abs(ref) + 3e-5, "r·phi pair " + p + " at " + i);
            }
        }
    }

    /**
     * The analytic model against LAMMPS's stored result for cuta_zhou_bcc128 (computed with the
     * float32 CuTa.eam.alloy): equal to the float32 table error, 1e-6 eV/atom and 1e-3 eV/Å
     * (observed 2e-7 and 3e-4).
     */
    @Test
    void analyticModelMatchesLammpsReferenceToTableError() {
        ReferenceXyz ref = ReferenceXyz.read(SharedData.data("lammps-reference/cuta_zhou_bcc128.extxyz"));
        Results r = Zhou2004.potential(List.of("Cu", "Ta")).compute(ref.structure());
        int n = ref.structure().size();
        assertEquals(ref.energy() / n, r.energy() / n, 1e-6);
        for (int k = 0; k < r.forces().length; k++) {
            assertEquals(ref.forces()[k], r.forces()[k], 1e-3, "force component " + k);
        }
    }

    @Test
    void embeddingIsContinuousAtTheBranchPoints() {
        // The published coefficients are rounded to 6 digits: F is continuous to ~5e-7 eV (README).
        for (String el : Zhou2004.elements()) {
            Zhou2004 z = Zhou2004.of(el);
            Zhou2004.Parameters p = z.parameters(0);
            double[] d = new double[1];
            for (double rho : new double[]{p.lowFactor() * p.rhoe(), p.highFactor() * p.rhoe()}) {
                double below = z.embedding(0, rho * (1 - 1e-12), d);
                double above = z.embedding(0, rho, d);
                assertEquals(below, above, 1e-6, el + " F at rho = " + rho);
            }
            assertEquals(0, z.embedding(0, 0, d), 2e-6, el + " F(0)");
        }
    }

    @Test
    void unknownElementIsAOneLineError() {
        InputException e = assertThrows(InputException.class, () -> Zhou2004.of("Cu", "Xx"));
        assertTrue(e.getMessage().contains("Xx") && e.getMessage().contains("Cu,Ag"), e.getMessage());
        InputException twice = assertThrows(InputException.class, () -> Zhou2004.of("Cu", "Cu"));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
    }
}
