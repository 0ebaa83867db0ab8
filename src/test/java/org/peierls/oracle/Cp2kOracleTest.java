package org.peierls.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.testutil.SharedData;
import org.peierls.util.InputException;
import org.peierls.util.Progress;

/**
 * Real CP2K (Debian's cp2k 2023.1 with cp2k-data) on an 8-atom diamond Si cell at Γ with a low
 * cutoff (200 Ry, rel. 30 Ry: a few seconds a run). The checks do not need converged physics, only
 * a consistent calculation: forces equal central differences of CP2K energies (h = 0.01 Å: the
 * O(h²) error and the SCF noise, eps_scf 1e-8, stay below 1e-3 eV/Å); the analytic stress equals
 * (1/V) dE/dε from two strained cells to 0.05 GPa (GPW's Pulay stress at this cutoff is a few
 * 0.01 GPa), which fixes its sign; the parsed numbers equal what CP2K printed.
 */
class Cp2kOracleTest {

    @TempDir
    static Path scratch;

    static Cp2kSettings settings;

    @BeforeAll
    static void settings() {
        SharedData.requireCp2k();
        settings = new Cp2kSettings(200, 30, 0, 300, 1e-8, 100, 1, 600, Map.of());
    }

    /** Diamond Si, a = 5.43 Å, atoms 0 and 1 displaced so that forces are not zero by symmetry. */
    static Structure silicon() {
        Structure s = Lattice.diamond("Si", 5.43);
        double[] x = s.positions();
        x[0] += 0.08;
        x[1] -= 0.05;
        x[5] += 0.04;
        return s.withPositions(x);
    }

    @Test
    void parsedNumbersEqualWhatCp2kPrinted() throws Exception {
        Structure s = silicon();
        Cp2kOracle o = new Cp2kOracle(settings, scratch);
        Path dir = Files.createDirectories(scratch.resolve("parse"));
        Files.writeString(dir.resolve("in.inp"), Cp2kInput.text(s, settings, o.kinds(s)));
        String text = ExternalProcess.run(List.of(Cp2kOracle.executable(), "-i", "in.inp"), dir, Map.of("OMP_NUM_THREADS", "1"), 600,
                "out.log");
        Cp2kOutput out = Cp2kOutput.parse(text, s.size(), "out.log");
        // the energy: the digits CP2K printed, back in Hartree
        Matcher m = Pattern.compile("ENERGY\\| Total FORCE_EVAL \\( QS \\) energy \\[(a\\.u\\.|hartree)\\]:\\s+(-?\\d+\\.\\d+)").matcher(text);
        assertTrue(m.find(), "ENERGY| line");
        assertEquals(Double.parseDouble(m.group(2)), out.energy() / Cp2kOutput.HARTREE_EV, 1e-12, "energy, Hartree");
        // and the SCF summary's "Total energy:" agrees to its convergence (eps_scf 1e-8)
        Matcher t = Pattern.compile("Total energy:\\s+(-?\\d+\\.\\d+)").matcher(text);
        String last = null;
        while (t.find()) {
            last = t.group(1);
        }
        assertNotNull(last, "SCF summary line");
        assertEquals(Double.parseDouble(last), out.energy() / Cp2kOutput.HARTREE_EV, 1e-6, "SCF total energy, Hartree");
        // forces: back to a.u., equal to the printed 8-decimal numbers
        Matcher f = Pattern.compile("^\\s+(\\d+)\\s+1\\s+Si\\s+(-?\\d+\\.\\d{8})\\s+(-?\\d+\\.\\d{8})\\s+(-?\\d+\\.\\d{8})\\s*$",
                Pattern.MULTILINE).matcher(text);
        int rows = 0;
        while (f.find()) {
            int i = Integer.parseInt(f.group(1)) - 1;
            for (int c = 0; c < 3; c++) {
                double printed = Double.parseDouble(f.group(2 + c));
                assertEquals(printed, out.forces()[3 * i + c] * Cp2kOutput.BOHR_A / Cp2kOutput.HARTREE_EV, 1e-12, "force " + i + "," + c);
            }
            rows++;
        }
        assertEquals(s.size(), rows);
        assertTrue(out.scfSteps() > 0);
        assertNotNull(out.stress());
    }

    @Test
    void forcesEqualFiniteDifferencesAndStressEqualsStrainDerivative() {
        Cp2kOracle o = new Cp2kOracle(settings, scratch);
        Structure s = silicon();
        Frame f0 = o.label(s, "si");
        double h = 0.01;
        for (int c : new int[]{0, 1}) {
            double[] e = new double[2];
            for (int sgn = 0; sgn < 2; sgn++) {
                double[] x = s.positions();
                x[c] += sgn == 0 ? h : -h;
                e[sgn] = o.label(s.withPositions(x), "fd").labels().energy();
            }
            double fd = -(e[0] - e[1]) / (2 * h);
            System.out.printf("CP2K force on atom 1, component %d: analytic %.5f, central difference %.5f eV/Å%n", c,
                    f0.labels().forces()[c], fd);
            assertEquals(fd, f0.labels().forces()[c], 1e-3, "force component " + c);
        }
        double eps = 0.005;
        double[] e = new double[2];
        for (int sgn = 0; sgn < 2; sgn++) {
            double d = sgn == 0 ? eps : -eps;
            double[] def = {1 + d, 0, 0, 0, 1, 0, 0, 0, 1};
            e[sgn] = o.label(s.withCellScaled(s.cell().deformed(def)), "strain").labels().energy();
        }
        double sxx = (e[0] - e[1]) / (2 * eps) / s.cell().volume();
        System.out.printf("CP2K stress xx: analytic %.4f GPa, (1/V) dE/de %.4f GPa%n", f0.labels().stress()[0] * Units.EV_PER_A3_TO_GPA,
                sxx * Units.EV_PER_A3_TO_GPA);
        assertEquals(sxx * Units.EV_PER_A3_TO_GPA, f0.labels().stress()[0] * Units.EV_PER_A3_TO_GPA, 0.05, "stress xx, GPa (tensile +)");
    }

    @Test
    void forcesWithKPointsEqualFiniteDifferences() {
        // the primitive 2-atom cell on a 2×2×2 mesh (|b| = 2.0 Å⁻¹, spacing 1.2)
        Cp2kSettings k = settings.with(200, 1.2);
        Structure s = Lattice.primitive(org.peierls.atoms.LatticeType.DIAMOND, new String[]{"Si"}, 5.43);
        double[] x = s.positions();
        x[0] += 0.06;
        s = s.withPositions(x);
        assertEquals(2, Cp2kInput.mesh(s, 1.2)[0]);
        Cp2kOracle o = new Cp2kOracle(k, scratch);
        Frame f0 = o.label(s, "k");
        double h = 0.01;
        double[] e = new double[2];
        for (int sgn = 0; sgn < 2; sgn++) {
            double[] y = s.positions();
            y[0] += sgn == 0 ? h : -h;
            e[sgn] = o.label(s.withPositions(y), "fd").labels().energy();
        }
        double fd = -(e[0] - e[1]) / (2 * h);
        System.out.printf("CP2K 2×2×2 k-points: force %.5f, central difference %.5f eV/Å%n", f0.labels().forces()[0], fd);
        assertEquals(fd, f0.labels().forces()[0], 1e-3);
    }

    @Test
    void cp2kIsAPotentialSpecToo(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("si.yaml"), "cutoff_ry: 200\nrel_cutoff_ry: 30\nkpoint_spacing: 0\nsmearing_k: 300\n"
                + "eps_scf: 1.0e-8\ntimeout_s: 600\n");
        org.peierls.potential.Potential p = org.peierls.potential.PotentialSpecs.parse("cp2k:" + yaml);
        Structure s = silicon();
        org.peierls.potential.Results r = p.compute(s);
        Frame f = new Cp2kOracle(settings, scratch).label(s, "si");
        assertEquals(f.labels().energy(), r.energy(), 1e-6, "the same CP2K calculation");
        assertEquals(f.labels().forces()[0], r.forces()[0], 1e-6);
        // the virial carries the stress back: σ = −W/V
        assertEquals(f.labels().stress()[0], r.stress()[0], 1e-8);
    }

    @Test
    void failingStructuresAreReportedByIndexAndTheOthersLabelled() {
        Cp2kOracle o = new Cp2kOracle(settings, scratch);
        Structure good = silicon();
        double[] x = good.positions();
        x[3] = x[0] + 0.1;
        x[4] = x[1];
        x[5] = x[2];
        Structure overlapping = good.withPositions(x);
        Structure noBasis = new Structure(good.cell(), new int[]{94, 94, 94, 94, 94, 94, 94, 94}, good.positions());
        LabelCache cache = new LabelCache(scratch.resolve("cache"));
        List<Labeller.Outcome> r = Labeller.label(o, List.of(overlapping, good, noBasis), List.of("a", "b", "c"), cache, 2,
                Progress.silent());
        assertNull(r.get(0).frame());
        assertTrue(r.get(0).error().contains("atoms 1 and 2"), r.get(0).error());
        assertNotNull(r.get(1).frame());
        assertNull(r.get(2).frame());
        assertTrue(r.get(2).error().contains("Pu"), r.get(2).error());
        // a second pass takes the good label from the cache
        List<Labeller.Outcome> again = Labeller.label(o, List.of(good), List.of("b"), cache, 1, Progress.silent());
        assertTrue(again.get(0).cached());
        assertEquals(r.get(1).frame().labels().energy(), again.get(0).frame().labels().energy(), 0);
    }

    @Test
    void settingsFilesAreStrict(@TempDir Path dir) throws Exception {
        Path ok = Files.writeString(dir.resolve("ok.yaml"), "cutoff_ry: 300\nelements:\n  Si: {basis: DZVP-MOLOPT-SR-GTH, potential: GTH-PBE-q4}\n");
        Cp2kSettings s = Cp2kSettings.read(ok);
        assertEquals(300, s.cutoffRy());
        assertEquals(Cp2kSettings.defaults().relCutoffRy(), s.relCutoffRy());
        for (String text : List.of("cutof_ry: 300\n", "cutoff_ry: 300\ncutoff_ry: 400\n", "max_scf: 10.5\n",
                "cutoff_ry: -1\n", "elements:\n  Si: {basis: X, pot: Y}\n")) {
            Path p = Files.writeString(dir.resolve("bad.yaml"), text);
            InputException e = assertThrows(InputException.class, () -> Cp2kSettings.read(p), text);
            assertTrue(e.getMessage().contains("cp2k settings"), e.getMessage());
        }
        // a basis that CP2K's data lacks is named before any run
        Cp2kSettings wrong = new Cp2kSettings(200, 30, 0, 300, 1e-8, 100, 1, 600, Map.of("Si", new Cp2kSettings.Kind("NOPE", "GTH-PBE-q4")));
        InputException e = assertThrows(InputException.class, () -> new Cp2kOracle(wrong, scratch).kinds(silicon()));
        assertTrue(e.getMessage().contains("NOPE"), e.getMessage());
    }

    @Test
    void meshFollowsTheSpacing() {
        Structure si = Lattice.diamond("Si", 5.43);
        // |b| = 2π/5.43 = 1.157 Å⁻¹: spacing 0.5 → 3, 0.25 → 5, 0 → Γ
        assertEquals(3, Cp2kInput.mesh(si, 0.5)[0]);
        assertEquals(5, Cp2kInput.mesh(si, 0.25)[1]);
        assertEquals(1, Cp2kInput.mesh(si, 0)[2]);
        assertTrue(Cp2kInput.text(si, Cp2kSettings.defaults(), Map.of("Si", new Cp2kSettings.Kind("B", "P"))).contains("MONKHORST-PACK 5 5 5"));
    }
}
