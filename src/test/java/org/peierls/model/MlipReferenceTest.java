package org.peierls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;
import org.peierls.potential.Results;

/**
 * MTPs trained by MLIP-2 against the energies, forces and stresses MLIP-2's {@code mlp calc-efs}
 * computed with them (test resources {@code mlip/}, see their README): an independent check of
 * the {@code .mtp} reader (global scaling, species-pair blocks, MLIP's own basis programs) and of
 * the whole MTP evaluation, for one and three species and a triclinic cell.
 *
 * <p>Tolerances follow the printed precision of MLIP's cfg files: energies have 12 decimals (we
 * allow 10⁻¹¹ eV: half a unit plus round-off of sums of ~10³ terms; found 4·10⁻¹³), forces 6
 * decimals (6·10⁻⁷ eV/Å: half a unit plus round-off), virials ("PlusStress", eV) 5 decimals
 * (6·10⁻⁶ eV).</p>
 */
class MlipReferenceTest {

    @TempDir
    Path dir;

    /** One configuration of an MLIP cfg file: cell rows, types, positions, forces, energy, virial. */
    record Cfg(double[] cell, int[] types, double[] positions, double[] forces, double energy, double[] plusStress) {
    }

    static List<Cfg> readCfg(String text) {
        List<Cfg> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int k = 0; k < lines.length; k++) {
            if (!lines[k].strip().equals("BEGIN_CFG")) {
                continue;
            }
            int n = Integer.parseInt(lines[k + 2].strip());
            double[] cell = new double[9];
            for (int r = 0; r < 3; r++) {
                String[] t = lines[k + 4 + r].strip().split("\\s+");
                for (int c = 0; c < 3; c++) {
                    cell[3 * r + c] = Double.parseDouble(t[c]);
                }
            }
            int[] types = new int[n];
            double[] x = new double[3 * n], f = new double[3 * n];
            for (int i = 0; i < n; i++) {
                String[] t = lines[k + 8 + i].strip().split("\\s+");
                types[i] = Integer.parseInt(t[1]);
                for (int c = 0; c < 3; c++) {
                    x[3 * i + c] = Double.parseDouble(t[2 + c]);
                    f[3 * i + c] = Double.parseDouble(t[5 + c]);
                }
            }
            int e = k + 8 + n;
            assertEquals("Energy", lines[e].strip());
            double energy = Double.parseDouble(lines[e + 1].strip());
            String[] s = lines[e + 3].strip().split("\\s+");
            double[] ps = new double[6];
            for (int c = 0; c < 6; c++) {
                ps[c] = Double.parseDouble(s[c]);
            }
            out.add(new Cfg(cell, types, x, f, energy, ps));
        }
        return out;
    }

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = MlipReferenceTest.class.getResourceAsStream("mlip/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private void check(String mtp, String cfg, List<String> elements) throws IOException {
        MtpFile file = MtpFile.read(resource(mtp), elements);
        MlPotential pot = file.potential(mtp);
        List<Cfg> cfgs = readCfg(Files.readString(resource(cfg), StandardCharsets.UTF_8));
        assertTrue(cfgs.size() >= 2);
        int[] z = file.species();
        double worstE = 0, worstF = 0, worstS = 0;
        for (Cfg c : cfgs) {
            int[] numbers = new int[c.types().length];
            for (int i = 0; i < numbers.length; i++) {
                numbers[i] = z[c.types()[i]];
            }
            Structure s = new Structure(Cell.periodic(c.cell()), numbers, c.positions());
            Results r = pot.compute(s);
            worstE = Math.max(worstE, Math.abs(r.energy() - c.energy()));
            for (int q = 0; q < c.forces().length; q++) {
                worstF = Math.max(worstF, Math.abs(r.forces()[q] - c.forces()[q]));
            }
            // MLIP's PlusStress is the virial −∂E/∂ε (eV): LAMMPS's sign, our Results.virial()
            for (int v = 0; v < 6; v++) {
                worstS = Math.max(worstS, Math.abs(r.virial()[v] - c.plusStress()[v]));
            }
        }
        System.out.printf("%s vs MLIP-2: max |ΔE| = %.2e eV, max |ΔF| = %.2e eV/Å, max |ΔW| = %.2e eV%n", mtp, worstE,
                worstF, worstS);
        assertTrue(worstE < 1e-11, "energy off by " + worstE + " eV");
        assertTrue(worstF < 6e-7, "force off by " + worstF + " eV/Å");
        assertTrue(worstS < 6e-6, "virial off by " + worstS + " eV");
    }

    @Test
    void level6SingleSpeciesWithGlobalScaling() throws IOException {
        check("cubic_06.mtp", "cubic_06_out.cfg", List.of("Cu"));
    }

    @Test
    void level10ThreeSpeciesTriclinic() throws IOException {
        check("multi_10.mtp", "multi_10_out.cfg", List.of("Cu", "Ni", "Al"));
    }

    /** The files written back by Peierls give the same numbers (exact round trip of MLIP's files). */
    @Test
    void mlipFilesSurviveAWriteReadRoundTrip() throws IOException {
        MtpFile a = MtpFile.read(resource("multi_10.mtp"), List.of("Cu", "Ni", "Al"));
        Path p = dir.resolve("again.mtp");
        a.write(p);
        MtpFile b = MtpFile.read(p, List.of("Cu", "Ni", "Al"));
        assertEquals(a.parameters(), b.parameters());
        List<Cfg> cfgs = readCfg(Files.readString(resource("multi_10_out.cfg")));
        Cfg c = cfgs.get(1);
        int[] numbers = new int[c.types().length];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = a.species()[c.types()[i]];
        }
        Structure s = new Structure(Cell.periodic(c.cell()), numbers, c.positions());
        assertEquals(a.potential("a").compute(s).energy(), b.potential("b").compute(s).energy(), 0);
    }
}
