package org.peierls.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Structure;
import org.peierls.io.Json;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.eam.Zhou2004;
import org.peierls.properties.ThermalLattices;
import org.peierls.testutil.SharedData;
import org.peierls.util.InputException;

/**
 * The data-centric classifier against a-CNA and PTM on perfect lattices heated by MD at 0.2, 0.5
 * and 0.9 T_m, with potentials and elements it was not trained on where possible: fcc Cu with
 * Mishin's EAM (trained: Zhou's Cu) and fcc Ni (Zhou), bcc W (Zhou; trained on Ta), hcp Mg (Zhou,
 * other seeds), and liquid Cu (Mishin) that should be "other". Bars: ≥ 95 % of the atoms right in
 * every crystal, at 0.9 T_m at least as many as the better of a-CNA and PTM, ≥ 90 % of the liquid
 * other. Measured numbers are printed (docs/analysis.md quotes them).
 */
class StructureClassifierTest {

    @TempDir
    Path tmp;

    private record Case(String name, Potential potential, Structure crystal, String label, double tm) {
    }

    private static double fraction(String[] labels, String want) {
        return Arrays.stream(labels).filter(want::equals).count() / (double) labels.length;
    }

    private static String[] names(StructureType[] t) {
        return Arrays.stream(t).map(StructureType::label).toArray(String[]::new);
    }

    @Test
    void namesHotCrystalsThatTemplatesCallOther() {
        StructureClassifier ml = StructureClassifier.bundled();
        Potential mishin = PotentialSpecs.parse("eam/alloy:" + SharedData.lammpsPotential("Cu_mishin1.eam.alloy"));
        List<Case> cases = List.of(
                new Case("Cu (Mishin)", mishin, Lattice.fcc("Cu", 3.615).repeat(5, 5, 5), "fcc", 1358),
                new Case("Ni (Zhou)", Zhou2004.potential(List.of("Ni")), Lattice.fcc("Ni", Zhou2004.parameters("Ni").re() * Math.sqrt(2)).repeat(5, 5, 5), "fcc", 1728),
                new Case("W (Zhou)", Zhou2004.potential(List.of("W")), Lattice.bcc("W", Zhou2004.parameters("W").re() * 2 / Math.sqrt(3)).repeat(6, 6, 6), "bcc", 3695),
                new Case("Mg (Zhou)", Zhou2004.potential(List.of("Mg")), Lattice.hcp("Mg", Zhou2004.parameters("Mg").re()).repeat(7, 7, 5), "hcp", 923));
        List<String> failures = new ArrayList<>();
        long seed = 901;
        for (Case c : cases) {
            for (double f : new double[]{0.2, 0.5, 0.9}) {
                Structure s = c.crystal().withCellScaled(c.crystal().cell().deformed(new double[]{1 + 0.02 * f, 0, 0, 0, 1 + 0.02 * f, 0, 0, 0, 1 + 0.02 * f}));
                Structure hot = ThermalLattices.md(s, c.potential(), f * c.tm(), 0.002, 800, 1, 1, seed += 13).get(0);
                double m = fraction(ml.classify(hot), c.label());
                double a = fraction(names(CommonNeighborAnalysis.adaptive(hot)), c.label());
                double p = fraction(names(PolyhedralTemplateMatching.compute(hot).types()), c.label());
                System.out.printf("%-12s %.1f T_m: ML %5.1f %%, a-CNA %5.1f %%, PTM %5.1f %% %s%n", c.name(), f, 100 * m, 100 * a, 100 * p, c.label());
                if (m < 0.95) {
                    failures.add(c.name() + " at " + f + " T_m: ML " + m);
                }
                if (f == 0.9 && m < Math.max(a, p)) {
                    failures.add(c.name() + " at 0.9 T_m: ML " + m + " below a-CNA " + a + " / PTM " + p);
                }
            }
        }
        Structure melt = ThermalLattices.md(Lattice.fcc("Cu", 3.615 * 1.035).repeat(4, 4, 4), mishin, 3000, 0.001, 1500, 1, 1, 77).get(0);
        Structure liquid = ThermalLattices.md(melt, mishin, 1.3 * 1358, 0.001, 700, 1, 1, 78).get(0);
        double other = fraction(ml.classify(liquid), "other");
        System.out.printf("liquid Cu (Mishin) at 1.3 T_m: ML other %.1f %%, a-CNA other %.1f %%%n", 100 * other,
                100 * fraction(names(CommonNeighborAnalysis.adaptive(liquid)), "other"));
        if (other < 0.9) {
            failures.add("liquid Cu: other " + other);
        }
        assertTrue(failures.isEmpty(), String.join("; ", failures));
    }

    @Test
    void trainingIsDeterministicAndTheModelRoundTrips() throws Exception {
        Potential cu = Zhou2004.potential(List.of("Cu")), ta = Zhou2004.potential(List.of("Ta"));
        ThermalLattices.Phase fcc = ThermalLattices.PHASES.get(0), bcc = ThermalLattices.PHASES.get(2);
        List<StructureClassifier.Sample> data = new ArrayList<>();
        for (Structure s : ThermalLattices.heated(fcc, cu, 0.5, 1, 3)) {
            data.add(new StructureClassifier.Sample(s, "fcc"));
        }
        for (Structure s : ThermalLattices.heated(bcc, ta, 0.5, 1, 4)) {
            data.add(new StructureClassifier.Sample(s, "bcc"));
        }
        StructureClassifier a = StructureClassifier.train(data, 5, 1), b = StructureClassifier.train(data, 5, 1);
        assertEquals(Json.text(a.toMap()), Json.text(b.toMap()), "same data and seed, same model");
        Path file = tmp.resolve("m.json");
        Json.write(file, a.toMap());
        StructureClassifier back = StructureClassifier.read(file);
        Structure probe = data.get(1).structure();
        assertArrayEquals(a.classify(probe), back.classify(probe));
        assertEquals(1.0, fraction(a.classify(probe), "bcc"), 1e-12, "a separable two-class problem is learned exactly");
        Files.writeString(file, "{\"kind\": \"structure-classifier\", \"features\": 3}");
        InputException e = assertThrows(InputException.class, () -> StructureClassifier.read(file));
        assertTrue(e.getMessage().contains("m.json"), e.getMessage());
    }
}
