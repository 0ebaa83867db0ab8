package org.peierls.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.LammpsBox;
import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

class LammpsDumpTest {

    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /**
     * Several frames (triclinic and orthogonal LAMMPS-form cells, one with a non-periodic z) with
     * velocities and forces: atomic numbers, positions, velocities, forces, pbc and the timestep
     * are identical; the triclinic cell passes through LAMMPS's bounding box (xhi_bound − max tilt),
     * which may change lx, ly by an ulp: 1e-13 Å.
     */
    @Test
    void roundTrip() {
        Random rnd = new Random(4);
        List<Frame> frames = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            Cell cell = f == 1 ? Cell.orthorhombic(7.5, 8.25, 9.125) : RandomFrames.lammpsCell(rnd, 9);
            if (f == 2) {
                cell = cell.withPbc(new boolean[]{true, true, false});
            }
            Structure s = RandomFrames.structure(rnd, cell, 20, "Cu", "Ta");
            s = s.withVelocities(RandomFrames.randomArray(rnd, 3 * s.size(), 5)).withInfo("timestep", 100 * f);
            frames.add(new Frame(s, new Labels(Double.NaN, RandomFrames.randomArray(rnd, 3 * s.size(), 1), null), ""));
        }
        Path p = tmp.resolve("rt.dump");
        Formats.write(p, frames);
        List<Frame> back = Formats.read(p);
        assertEquals(3, back.size());
        for (int f = 0; f < 3; f++) {
            Structure e = frames.get(f).structure(), a = back.get(f).structure();
            assertArrayEquals(e.numbers(), a.numbers());
            assertArrayEquals(e.positions(), a.positions());
            assertArrayEquals(e.velocities(), a.velocities());
            assertArrayEquals(frames.get(f).labels().forces(), back.get(f).labels().forces());
            assertArrayEquals(e.cell().pbc(), a.cell().pbc());
            FrameAssert.close(e.cell().matrix(), a.cell().matrix(), 1e-13, "cell");
            assertEquals(100 * f, a.info().get("timestep"));
        }
    }

    /** Scaled coordinates, ids out of order, a type column mapped by the user, an extra c_pe column. */
    @Test
    void readsScaledTriclinicWithTypesAndExtraColumns() throws IOException {
        LammpsBox box = new LammpsBox(-1, -2, -3, 10, 8, 6, 1.5, -0.5, 0.75);
        double[] b = box.bounds();
        Path p = file("s.lammpstrj", "ITEM: TIMESTEP\n7\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS xy xz yz pp pp pp\n"
                + b[0] + " " + b[1] + " 1.5\n" + b[2] + " " + b[3] + " -0.5\n-3 3 0.75\n"
                + "ITEM: ATOMS id type xs ys zs c_pe\n2 2 0.5 0.5 0.5 -4.5\n1 1 0.0 0.0 0.0 -3.25\n");
        InputException e = assertThrows(InputException.class, () -> LammpsDump.read(p));
        assertTrue(e.getMessage().startsWith("line 9 of " + p) && e.getMessage().contains("--types"), e.getMessage());
        Frame f = LammpsDump.read(p, List.of("Cu", "Ta")).get(0);
        Structure s = f.structure();
        assertArrayEquals(new int[]{29, 73}, s.numbers());
        assertArrayEquals(new double[]{10, 0, 0, 1.5, 8, 0, -0.5, 0.75, 6}, s.cell().matrix(), 1e-14);
        // s = (0.5, 0.5, 0.5): 0.5·(a + b + c)
        assertArrayEquals(new double[]{0, 0, 0, 5.5, 4.375, 3}, s.positions(), 1e-14);
        assertArrayEquals(new double[]{-3.25, -4.5}, (double[]) s.arrays().get("c_pe"));
        assertEquals(7, s.info().get("timestep"));
    }

    /** Wrapped x with image flags, orthogonal box with an origin, element column. */
    @Test
    void unwrapsWithImageFlags() throws IOException {
        Path p = file("w.dump", "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n1\nITEM: BOX BOUNDS pp pp ff\n1 5\n1 5\n1 5\n"
                + "ITEM: ATOMS id element x y z ix iy iz fx fy fz\n1 Fe 2 3 4 1 -1 0 0.5 0.25 -1\n");
        Frame f = Formats.read(p).get(0);
        assertArrayEquals(new double[]{5, -2, 3}, f.structure().positions());
        assertArrayEquals(new boolean[]{true, true, false}, f.structure().cell().pbc());
        assertArrayEquals(new double[]{0.5, 0.25, -1}, f.labels().forces());
    }

    private void assertBad(String text, int line, String fragment) throws IOException {
        Path p = file("bad.dump", text);
        InputException e = assertThrows(InputException.class, () -> LammpsDump.read(p));
        assertTrue(e.getMessage().startsWith("line " + line + " of " + p), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void malformedInputNamesFileAndLine() throws IOException {
        String head = "ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 5\n0 5\n0 5\nITEM: ATOMS id element x y z\n";
        assertBad(head + "1 Cu 0 0 0\n", 11, "expected atom line 2 of 2, found the end of the file");
        assertBad(head + "1 Cu 0 0 0\n2 Cu 1 1\n", 11, "expected 5 columns (id element x y z), found 4");
        assertBad(head + "1 Cu 0 0 0\n2 Cu 1 1 y\n", 11, "expected a coordinate, found 'y'");
        assertBad(head + "1 Cu 0 0 0\n2 Qq 1 1 1\n", 11, "expected an element symbol H..Pu, found 'Qq'");
        assertBad("ITEM: TIMESTEP\n0\nITEM: NUMBER OF ATOMS\n2\nITEM: BOX BOUNDS pp pp pp\n0 5\n0 5\n", 8, "expected box bounds line 3 of 3");
        assertBad("hello\n", 1, "expected an 'ITEM:' line");
    }
}
