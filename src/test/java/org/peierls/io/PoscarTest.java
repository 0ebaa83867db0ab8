package org.peierls.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

class PoscarTest {

    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /**
     * Write (VASP 5, Direct) then read: atomic numbers and their order (species runs), the cell
     * (scale 1.0: bit for bit) and the selective-dynamics flags are identical; positions pass
     * through fractional coordinates, so they agree to 1e-12 Å (a few ulp of a 10 Å cell).
     */
    @Test
    void roundTrip() {
        Random rnd = new Random(5);
        Structure s = RandomFrames.structure(rnd, RandomFrames.generalCell(rnd, 9), 30, "Cu", "Ta", "Ni");
        boolean[] sd = new boolean[3 * s.size()];
        for (int i = 0; i < sd.length; i++) {
            sd[i] = rnd.nextBoolean();
        }
        s = s.withArray(Poscar.SELECTIVE_DYNAMICS, sd);
        Path p = tmp.resolve("POSCAR");
        Poscar.write(p, s);
        Structure b = Poscar.read(p);
        assertArrayEquals(s.numbers(), b.numbers());
        assertArrayEquals(s.cell().matrix(), b.cell().matrix());
        FrameAssert.close(s.positions(), b.positions(), 1e-12, "positions");
        assertArrayEquals(sd, (boolean[]) b.arrays().get(Poscar.SELECTIVE_DYNAMICS));
        // a second write of what was read gives the same text: the format is a fixed point
        Path q = tmp.resolve("POSCAR2");
        Poscar.write(q, b);
        Structure c = Poscar.read(q);
        FrameAssert.close(b.positions(), c.positions(), 1e-12, "positions after a second round trip");
    }

    /** VASP 5 with POTCAR labels, a negative scale (= volume), Cartesian coordinates and selective dynamics. */
    @Test
    void readsVolumeScaleCartesianAndSelectiveDynamics() throws IOException {
        Path p = file("CONTCAR", """
                bcc Ta-W
                -64.0
                  2.0 0.0 0.0
                  0.0 2.0 0.0
                  0.0 0.0 2.0
                Ta_pv W_sv/abc123
                1 1
                Selective dynamics
                Cartesian
                  0.0 0.0 0.0 T T F
                  1.0 1.0 1.0 F F T
                """);
        Structure s = Formats.read(p).get(0).structure();
        // raw volume 8, target 64: every length doubles, Cartesian coordinates too
        assertEquals(64.0, s.cell().volume(), 1e-12);
        assertArrayEquals(new double[]{4, 0, 0, 0, 4, 0, 0, 0, 4}, s.cell().matrix(), 1e-14);
        assertArrayEquals(new double[]{0, 0, 0, 2, 2, 2}, s.positions(), 1e-14);
        assertArrayEquals(new int[]{73, 74}, s.numbers());
        assertArrayEquals(new boolean[]{true, true, false, false, false, true}, (boolean[]) s.arrays().get("selective_dynamics"));
    }

    /** VASP 4: species from the comment line, from the given types, or a clear error. */
    @Test
    void readsVasp4() throws IOException {
        String body = """
                1.5
                  2.0 0.0 0.0
                  0.0 2.0 0.0
                  0.0 0.0 2.0
                2 1
                Direct
                  0.0 0.0 0.0
                  0.5 0.5 0.5
                  0.25 0.25 0.25
                """;
        Structure s = Poscar.read(file("a.vasp", "Cu Ta structure\n" + body));
        assertArrayEquals(new int[]{29, 29, 73}, s.numbers());
        assertArrayEquals(new double[]{3, 0, 0, 0, 3, 0, 0, 0, 3}, s.cell().matrix());
        assertArrayEquals(new double[]{0, 0, 0, 1.5, 1.5, 1.5, 0.75, 0.75, 0.75}, s.positions(), 1e-15);
        Path noSpecies = file("b.vasp", "some structure\n" + body);
        InputException e = assertThrows(InputException.class, () -> Poscar.read(noSpecies));
        assertTrue(e.getMessage().startsWith("line 6 of " + noSpecies) && e.getMessage().contains("--types"), e.getMessage());
        List<Frame> f = Formats.read(noSpecies, "poscar", new IoOptions(List.of("Ni", "Al")));
        assertArrayEquals(new int[]{28, 28, 13}, f.get(0).structure().numbers());
    }

    @Test
    void writeNeedsOneFrameAndARealCell() {
        Structure mol = Structure.builder(new Cell(new double[9], new boolean[3])).add("H", 0, 0, 0).build();
        assertThrows(IllegalArgumentException.class, () -> Poscar.write(tmp.resolve("P"), mol));
        Structure s = RandomFrames.structure(new Random(1), RandomFrames.lammpsCell(new Random(1), 5), 2, "Cu");
        InputException e = assertThrows(InputException.class,
                () -> Formats.write(tmp.resolve("POSCAR"), List.of(new Frame(s), new Frame(s))));
        assertTrue(e.getMessage().contains("holds one frame"), e.getMessage());
    }

    private void assertBad(String text, int line, String fragment) throws IOException {
        Path p = file("POSCAR_bad", text);
        InputException e = assertThrows(InputException.class, () -> Poscar.read(p));
        assertTrue(e.getMessage().startsWith("line " + line + " of " + p), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void malformedInputNamesFileAndLine() throws IOException {
        String head = "x\n1.0\n3 0 0\n0 3 0\n0 0 3\n";
        assertBad(head + "Cu\n2\nDirect\n0 0 0\n", 10, "expected the coordinates of atom 2 of 2, found the end of the file");
        assertBad(head + "Cu\n2\nDirect\n0 0 0\n0.5 x 0.5\n", 10, "expected a coordinate, found 'x'");
        assertBad(head + "Cu\n2\nDirect\n0 0 0\n0.5 0.5\n", 10, "expected 3 columns");
        assertBad(head + "Xx\n2\nDirect\n0 0 0\n0.5 0.5 0.5\n", 6, "expected an element symbol H..Pu, found 'Xx'");
        assertBad(head + "Cu Ta\n2\nDirect\n0 0 0\n0.5 0.5 0.5\n", 7, "expected 2 counts");
        assertBad("x\n1.0\n3 0 0\n0 3\n", 4, "expected 3 numbers for lattice vector b");
        assertBad(head + "Cu\n1\nSelective dynamics\nDirect\n0 0 0 T T X\n", 10, "expected a selective-dynamics flag T or F, found 'X'");
        assertBad(head + "Cu\n1\nFractional\n0 0 0\n", 8, "expected the coordinate mode");
    }
}
