package org.peierls.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;
import org.peierls.testutil.SharedData;
import org.peierls.util.InputException;

class LammpsDataTest {

    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /**
     * Every reference data file against the extxyz of the same structure: both print the same
     * digits, the box origin is 0, so cell and positions must be bit-identical; elements come from
     * the masses alone (Cu 63.546 and 63.55, Ta 180.88 and 180.95, Mo, Fe).
     */
    @Test
    void everyReferenceDataFileEqualsItsExtxyz() throws IOException {
        Path dir = SharedData.data("lammps-reference");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".data")).sorted().toList();
        }
        assertEquals(9, files.size());
        for (Path p : files) {
            Structure d = Formats.read(p).get(0).structure();
            Structure x = ExtendedXyz.read(Path.of(p.toString().replace(".data", ".extxyz"))).get(0).structure();
            String name = p.getFileName().toString();
            assertArrayEquals(x.numbers(), d.numbers(), name);
            assertArrayEquals(x.cell().matrix(), d.cell().matrix(), name + " cell");
            assertArrayEquals(x.positions(), d.positions(), name + " positions");
        }
    }

    /**
     * A cell already in LAMMPS form round-trips exactly: positions, cell, per-type masses
     * (non-standard), velocities, charges (atom_style charge) and atomic numbers.
     */
    @Test
    void roundTripIsExactForLammpsFormCells() {
        Random rnd = new Random(3);
        Structure s = RandomFrames.structure(rnd, RandomFrames.lammpsCell(rnd, 10), 40, "Cu", "Ta", "Ni");
        double[] m = s.masses();
        for (int i = 0; i < m.length; i++) {
            if (s.number(i) == 73) {
                m[i] = 180.88;
            }
        }
        s = new Structure(s.cell(), s.numbers(), s.positions(), m, RandomFrames.randomArray(rnd, 3 * s.size(), 20))
                .withArray("charge", RandomFrames.randomArray(rnd, s.size(), 1));
        Path p = tmp.resolve("rt.data");
        LammpsData.write(p, s);
        Structure b = LammpsData.read(p);
        FrameAssert.sameStructure(s, b, true, 0);
    }

    /**
     * A general cell is rotated into lower-triangular form: the read-back cell equals H·Q (Q the
     * rotation, checked orthogonal with det +1 to 1e-14) and positions equal r·Q, to 1e-12 Å;
     * fractional coordinates are unchanged to 1e-13.
     */
    @Test
    void generalCellIsRotatedIntoLammpsForm() {
        Random rnd = new Random(8);
        Structure s = RandomFrames.structure(rnd, RandomFrames.generalCell(rnd, 8), 25, "Cu", "Ta");
        Path p = tmp.resolve("rot.data");
        LammpsData.write(p, s);
        Structure b = LammpsData.read(p);
        double[] q = s.cell().rotationToLammps();
        FrameAssert.close(Mat3.identity(), Mat3.mul(q, Mat3.transpose(q)), 1e-14, "Q·Qᵀ");
        assertEquals(1.0, Mat3.det(q), 1e-14);
        assertTrue(b.cell().isLammpsForm());
        FrameAssert.close(Mat3.mul(s.cell().matrix(), q), b.cell().matrix(), 1e-12, "cell");
        FrameAssert.close(LammpsFrame.rotate(s.positions(), q), b.positions(), 1e-12, "positions");
        FrameAssert.close(s.cell().toFractional(s.positions()), b.cell().toFractional(b.positions()), 1e-13, "fractional");
        assertArrayEquals(s.numbers(), b.numbers());
    }

    /** Origin shift, image flags, ids out of order, comment-named types, Velocities, charge style. */
    @Test
    void readsChargeStyleImagesOriginAndVelocities() throws IOException {
        Path p = file("c.data", """
                title line

                3 atoms
                2 atom types
                -1.0 3.0 xlo xhi
                2.0 6.0 ylo yhi
                0.5 4.5 zlo zhi
                1.0 0.0 0.0 xy xz yz

                Masses

                1 26.0 # Al
                2 16.0 # O

                Atoms # charge

                3 2 -2.0 0.0 3.0 1.5 0 0 0
                1 1 1.5 -1.0 2.0 0.5 1 0 -1
                2 1 1.5 1.0 2.0 0.5 0 1 0

                Velocities

                2 0.1 0.2 0.3
                1 1.0 2.0 3.0
                3 -1 -2 -3
                """);
        Structure s = LammpsData.read(p);
        assertArrayEquals(new int[]{13, 13, 8}, s.numbers());
        assertArrayEquals(new double[]{26, 26, 16}, s.masses());
        assertArrayEquals(new double[]{1.5, 1.5, -2.0}, (double[]) s.arrays().get("charge"));
        // atom 1: (-1, 2, 0.5) + a − c, a = (4,0,0), c = (0,0,4), minus origin (-1, 2, 0.5)
        // atom 2: (1, 2, 0.5) + b, b = (1,4,0), minus origin
        assertArrayEquals(new double[]{4, 0, -4, 3, 4, 0, 1, 1, 1}, s.positions(), 1e-15);
        assertArrayEquals(new double[]{4, 0, 0, 1, 4, 0, 0, 0, 4}, s.cell().matrix());
        assertArrayEquals(new double[]{1, 2, 3, 0.1, 0.2, 0.3, -1, -2, -3}, s.velocities());
    }

    @Test
    void typeMappingFromUserMassesOrError() throws IOException {
        String head = "t\n\n1 atoms\n1 atom types\n0 2 xlo xhi\n0 2 ylo yhi\n0 2 zlo zhi\n\nMasses\n\n";
        String atoms = "\nAtoms\n\n1 1 0 0 0\n";
        Path known = file("k.data", head + "1 55.85\n" + atoms);
        assertEquals(26, LammpsData.read(known).number(0));
        assertEquals(27, LammpsData.read(known, List.of("Co")).number(0), "the user's symbols win");
        Path ambiguous = file("a.data", head + "1 40.0\n" + atoms);
        InputException e = assertThrows(InputException.class, () -> LammpsData.read(ambiguous));
        assertTrue(e.getMessage().contains("ambiguous: Ar or Ca") && e.getMessage().contains("--types"), e.getMessage());
        Path unknown = file("u.data", head + "1 12.5\n" + atoms);
        e = assertThrows(InputException.class, () -> LammpsData.read(unknown));
        assertTrue(e.getMessage().contains("no element within 0.1 amu"), e.getMessage());
        Path noMasses = file("n.data", "t\n\n1 atoms\n1 atom types\n0 2 xlo xhi\n0 2 ylo yhi\n0 2 zlo zhi\n" + atoms);
        e = assertThrows(InputException.class, () -> LammpsData.read(noMasses));
        assertTrue(e.getMessage().contains("cannot tell the element of atom type 1"), e.getMessage());
        Structure w = LammpsData.read(noMasses, List.of("W"));
        assertEquals(183.84, w.mass(0));
    }

    /** Types follow the given order (also types absent from the structure); Masses carry element comments. */
    @Test
    void writesTypesInTheGivenOrder() throws IOException {
        Structure s = RandomFrames.structure(new Random(2), RandomFrames.lammpsCell(new Random(2), 6), 6, "Ta");
        Path p = tmp.resolve("t.data");
        Formats.write(p, List.of(new Frame(s)), null, IoOptions.withTypes("Cu,Ta"));
        String text = Files.readString(p);
        assertTrue(text.contains("2 atom types"), text);
        assertTrue(text.contains("1 63.546 # Cu\n2 180.94788 # Ta\n"), text);
        assertTrue(text.contains("\n1 2 "), text);
        assertArrayEquals(s.numbers(), LammpsData.read(p).numbers());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Formats.write(p, List.of(new Frame(s)), null, IoOptions.withTypes("Cu,Ni")));
        assertTrue(e.getMessage().contains("Ta is not among"), e.getMessage());
        double[] m = s.masses();
        m[0] = 181;
        Structure mixed = new Structure(s.cell(), s.numbers(), s.positions(), m, null);
        e = assertThrows(IllegalArgumentException.class, () -> LammpsData.write(p, mixed));
        assertTrue(e.getMessage().contains("different masses"), e.getMessage());
        assertNull(LammpsData.read(p).velocities());
    }

    private void assertBad(String text, int line, String fragment) throws IOException {
        Path p = file("bad.data", text);
        InputException e = assertThrows(InputException.class, () -> LammpsData.read(p));
        assertTrue(e.getMessage().startsWith("line " + line + " of " + p), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void malformedInputNamesFileAndLine() throws IOException {
        String head = "t\n\n2 atoms\n1 atom types\n0 2 xlo xhi\n0 2 ylo yhi\n0 2 zlo zhi\n\nMasses\n\n1 63.546\n\nAtoms\n\n";
        assertBad(head + "1 1 0 0 0\n", 16, "expected line 2 of 2 of the Atoms section, found the end of the file");
        assertBad(head + "1 1 0 0 0\n2 1 1 abc 1\n", 16, "expected a coordinate, found 'abc'");
        assertBad(head + "1 1 0 0 0\n2 1 1 1 1 0 0\n", 16, "expected 5 or 8 columns for atom_style atomic, found 7");
        assertBad(head + "1 1 0 0 0\n2 3 1 1 1\n", 16, "expected an atom type 1..1, found 3");
        assertBad(head + "1 1 0 0 0\n1 1 1 1 1\n", 13, "atom id 1 appears twice");
        assertBad("t\n\n2 atoms\n1 atom types\n0 x xlo xhi\n", 5, "expected xhi, found 'x'");
        assertBad(head.replace("Atoms\n", "Atoms # full\n") + "1 1 1 0 0 0 0\n", 13, "atom_style full is not supported");
        assertBad(head.replace("Atoms\n", "Bogus Section\n"), 13, "expected a section name");
    }
}
