package org.peierls.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Element;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Structure;
import org.peierls.testutil.LammpsRun;
import org.peierls.testutil.SharedData;
import org.peierls.util.InputException;

/**
 * Partial RDFs: the shell counts of perfect fcc (12 at a/√2, 6 more at a), g → 1 for an ideal gas,
 * and bin for bin LAMMPS's {@code compute rdf} on a rattled random Cu–Ni alloy (same histogram, same
 * normalisation; 1e-9 relative, rounding of the shell volumes).
 */
class RadialDistributionTest {

    @TempDir
    Path tmp;

    @Test
    void perfectFccShellsAndAnIdealGas() {
        double a = 3.615;
        RadialDistribution.Result r = RadialDistribution.compute(Lattice.fcc("Cu", a).repeat(4, 4, 4), 4.0, 400);
        double[] c = r.coord().get("Cu-Cu");
        assertEquals(12, c[(int) (0.8 * a / 0.01)], 1e-12, "first shell");
        assertEquals(18, c[(int) (1.1 * a / 0.01)], 1e-12, "second shell");
        assertEquals(1, r.g().size(), "one element, one pair");
        Random rnd = new Random(3);
        int n = 4000;
        double l = 30;
        double[] x = new double[3 * n];
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                x[3 * i + d] = l * rnd.nextDouble();
            }
            z[i] = i % 2 == 0 ? 18 : 10;
        }
        Structure gas = new Structure(new Cell(new double[]{l, 0, 0, 0, l, 0, 0, 0, l}, new boolean[]{true, true, true}), z, x, null, null);
        RadialDistribution.Result rg = RadialDistribution.compute(gas, 8, 8);
        for (String pair : List.of("Ar-Ar", "Ar-Ne", "Ne-Ne", "all")) {
            double[] g = rg.g().get(pair);
            for (int k = 2; k < g.length; k++) {
                assertEquals(1.0, g[k], 0.05, pair + " bin " + k);   // shot noise of ~10⁵ pairs per bin: < 1 %
            }
        }
        assertThrows(InputException.class, () -> RadialDistribution.compute(gas, -1, 10));
    }

    @Test
    void equalsLammpsComputeRdf() throws Exception {
        SharedData.lmp();
        Structure s = Lattice.fcc("Cu", 3.58).repeat(4, 4, 4);
        Random rnd = new Random(5);
        double[] x = s.positions();
        int[] z = new int[s.size()];
        for (int i = 0; i < s.size(); i++) {
            z[i] = rnd.nextBoolean() ? Element.number("Cu") : Element.number("Ni");
        }
        for (int k = 0; k < x.length; k++) {
            x[k] += 0.15 * rnd.nextGaussian();
        }
        s = new Structure(s.cell(), z, x, null, null);
        double cutoff = 6.0;
        int bins = 60;
        RadialDistribution.Result mine = RadialDistribution.compute(s, cutoff, bins);
        LammpsRun.writeData(s, new int[]{Element.number("Cu"), Element.number("Ni")}, tmp.resolve("data.lmp"));
        LammpsRun.lmp(tmp, String.format(java.util.Locale.ROOT, """
                units metal
                atom_style atomic
                boundary p p p
                read_data data.lmp
                mass * 60
                pair_style zero %.10g
                pair_coeff * *
                neighbor 0.5 bin
                compute r all rdf %d 1 1 1 2 2 1 2 2 cutoff %.10g
                fix f all ave/time 1 1 1 c_r[*] file rdf.txt mode vector format ' %%.17g'
                run 0
                """, cutoff, bins, cutoff));
        List<String> lines = Files.readAllLines(tmp.resolve("rdf.txt")).stream().filter(t -> !t.startsWith("#")).toList();
        String[] pairs = {"Cu-Cu", "Cu-Ni", "Ni-Cu", "Ni-Ni"};
        int checked = 0;
        for (String line : lines.subList(1, 1 + bins)) {
            String[] t = line.trim().split("\\s+");
            int bin = (int) Math.round(Double.parseDouble(t[0])) - 1;
            assertEquals(mine.r()[bin], Double.parseDouble(t[1]), 1e-9, "bin centre");
            for (int p = 0; p < 4; p++) {
                double g = Double.parseDouble(t[2 + 2 * p]), c = Double.parseDouble(t[3 + 2 * p]);
                assertEquals(g, mine.g().get(pairs[p])[bin], 1e-9 * (1 + g), pairs[p] + " g, bin " + bin);
                assertEquals(c, mine.coord().get(pairs[p])[bin], 1e-9 * (1 + c), pairs[p] + " coord, bin " + bin);
                checked++;
            }
        }
        assertEquals(4 * bins, checked);
        assertTrue(mine.coord().get("Cu-Cu")[bins - 1] > 10);
    }
}
