package org.peierls.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.export.LammpsPotential;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.testutil.SharedData;
import org.peierls.testutil.TestCells;
import org.peierls.util.InputException;

/**
 * The external oracles: LAMMPS running the exported pair file equals the in-process teacher on a
 * strained triclinic cell that LAMMPS must see rotated (energy, forces and stress to 1e-9: both
 * evaluate the same EAM tables; the rotation back is exact to round-off); the ASE script of
 * {@code docs/examples/ase_oracle.py} labels through the command protocol with forces that equal
 * central differences of its own energies (EMT, analytic forces; 1e-4 eV/Å covers the O(h²) error at
 * h = 1e-3 Å and ASE's 8 printed decimals).
 */
class ExternalOraclesTest {

    @Test
    void lammpsOracleEqualsTheInProcessTeacher(@TempDir Path dir) {
        SharedData.lmp();
        Potential p = PotentialSpecs.parse("eam/alloy:" + SharedData.lammpsPotential("Cu_mishin1.eam.alloy"));
        Structure s = TestCells.rattled(new int[]{29}, 3.615, true, 3, 2, 3, 0.04, 0.1, 5, false);
        LammpsPotential.write(p, new int[]{29}, dir, "Cu");
        Oracle lmp = Oracles.parse("lammps:" + dir.resolve("pair.lmp") + ":Cu", null, dir.resolve("scratch"));
        Frame a = lmp.label(s, "x");
        Frame b = new TeacherOracle(p).label(s, "x");
        assertEquals(b.labels().energy(), a.labels().energy(), 1e-9 * Math.abs(b.labels().energy()));
        for (int q = 0; q < a.labels().forces().length; q++) {
            assertEquals(b.labels().forces()[q], a.labels().forces()[q], 1e-9, "force " + q);
        }
        double big = 0;
        for (double v : b.labels().stress()) {
            big = Math.max(big, Math.abs(v));
        }
        for (int v = 0; v < 6; v++) {
            assertEquals(b.labels().stress()[v], a.labels().stress()[v], 1e-9 * big, "stress " + v);
        }
        assertTrue(lmp.describe().startsWith("lammps "));
    }

    @Test
    void aseScriptLabelsThroughTheCommandProtocol(@TempDir Path dir) {
        SharedData.requireAse();
        Path script = Path.of("docs/examples/ase_oracle.py").toAbsolutePath();
        assertTrue(Files.isExecutable(script), script.toString());
        Oracle o = Oracles.parse("command:" + script, null, dir);
        Structure s = TestCells.rattled(new int[]{29}, 3.61, true, 2, 2, 2, 0.02, 0.08, 3, false);
        Frame f = o.label(s, "cu");
        assertEquals(s.size(), f.structure().size());
        assertTrue(f.labels().hasStress());
        double h = 1e-3;
        for (int c = 0; c < 3; c++) {
            double[] xp = s.positions(), xm = s.positions();
            xp[c] += h;
            xm[c] -= h;
            double fd = -(o.label(s.withPositions(xp), "fd").labels().energy() - o.label(s.withPositions(xm), "fd").labels().energy()) / (2 * h);
            assertEquals(fd, f.labels().forces()[c], 1e-4, "force component " + c);
        }
    }

    @Test
    void badSpecsAreOneLine(@TempDir Path dir) throws Exception {
        Path notExec = Files.writeString(dir.resolve("x.sh"), "echo");
        String[][] cases = {{"", "empty"}, {"vasp", "unknown oracle"}, {"dft:x", "unknown oracle kind"},
            {"command:" + dir.resolve("missing.sh"), "is not a file"}, {"command:" + notExec, "not executable"},
            {"lammps:" + dir.resolve("none.lmp"), "is not a file"}, {"teacher:nope:1", "unknown potential kind"}};
        for (String[] c : cases) {
            InputException e = assertThrows(InputException.class, () -> Oracles.parse(c[0], null, dir), c[0]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
        InputException e = assertThrows(InputException.class, () -> Oracles.parse("teacher:lj:1,2,3", dir.resolve("s.yaml"), dir));
        assertTrue(e.getMessage().contains("--settings is for the cp2k oracle"), e.getMessage());
    }
}
