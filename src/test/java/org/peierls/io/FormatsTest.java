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
import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

/**
 * Every writable format through the registry on random triclinic multi-species structures with
 * labels: what the format carries comes back. Exact (bit for bit) where no arithmetic intervenes;
 * POSCAR positions pass through fractional coordinates (1e-12 Å); dumps pass the box through
 * LAMMPS's bounding-box form (cell 1e-13 Å).
 */
class FormatsTest {

    @TempDir
    Path tmp;

    private static List<Frame> frames(Random rnd, int count) {
        List<Frame> out = new ArrayList<>();
        for (int f = 0; f < count; f++) {
            Cell cell = RandomFrames.lammpsCell(rnd, 8 + f);
            Structure s = RandomFrames.structure(rnd, cell, 12 + 3 * f, "Cu", "Ta", "W");
            out.add(new Frame(s, RandomFrames.labels(rnd, s), "g" + f));
        }
        return out;
    }

    @Test
    void everyWritableFormatRoundTrips() {
        Random rnd = new Random(99);
        for (String name : Formats.names(true)) {
            FileFormat f = Formats.byName(name);
            List<Frame> in = frames(rnd, f.multiFrame() ? 3 : 1);
            Path p = tmp.resolve("rt." + name);
            Formats.write(p, in, name);
            List<Frame> out = Formats.read(p, name);
            assertEquals(in.size(), out.size(), name);
            for (int i = 0; i < in.size(); i++) {
                Structure e = in.get(i).structure(), a = out.get(i).structure();
                assertArrayEquals(e.numbers(), a.numbers(), name);
                switch (name) {
                    case "extxyz" -> FrameAssert.sameFrame(in.get(i), out.get(i), 0);
                    case "lammps-data" -> FrameAssert.sameStructure(e, a, true, 0);
                    case "poscar" -> {
                        assertArrayEquals(e.cell().matrix(), a.cell().matrix(), name);
                        FrameAssert.close(e.positions(), a.positions(), 1e-12, name);
                    }
                    case "lammps-dump" -> {
                        assertArrayEquals(e.positions(), a.positions(), name);
                        FrameAssert.close(e.cell().matrix(), a.cell().matrix(), 1e-13, name);
                        assertArrayEquals(in.get(i).labels().forces(), out.get(i).labels().forces(), name);
                    }
                    default -> throw new AssertionError("no round-trip check for format " + name);
                }
            }
        }
    }

    @Test
    void formatByNameAndContent() throws IOException {
        assertEquals("extxyz", Formats.forPath(Path.of("a/b.XYZ")).name());
        assertEquals("poscar", Formats.forPath(Path.of("CONTCAR_relaxed")).name());
        assertEquals("poscar", Formats.forPath(Path.of("x.vasp")).name());
        assertEquals("lammps-data", Formats.forPath(Path.of("x.data")).name());
        assertEquals("lammps-dump", Formats.forPath(Path.of("x.lammpstrj")).name());
        Path ml = tmp.resolve("m.json");
        Files.writeString(ml, "  [ ]");
        assertEquals("mlearn", Formats.forPath(ml).name());
        Path fs = tmp.resolve("f.json");
        Files.writeString(fs, "# c\n{}");
        assertEquals("fitsnap", Formats.forPath(fs).name());
        assertEquals("fitsnap", Formats.forPath(tmp).name());
        InputException e = assertThrows(InputException.class, () -> Formats.forPath(Path.of("x.cif")));
        assertTrue(e.getMessage().contains("give it explicitly"), e.getMessage());
        e = assertThrows(InputException.class, () -> Formats.byName("cif"));
        assertTrue(e.getMessage().contains("known: extxyz, poscar, lammps-data, lammps-dump, mlearn, fitsnap"), e.getMessage());
        e = assertThrows(InputException.class, () -> Formats.write(ml, List.of(), "mlearn"));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }

    /** A failed write leaves the previous file untouched and no temporary file behind. */
    @Test
    void failedWriteLeavesTheOldFile() throws IOException {
        Path p = tmp.resolve("keep.extxyz");
        Files.writeString(p, "old");
        Structure s = RandomFrames.structure(new Random(1), RandomFrames.lammpsCell(new Random(1), 5), 2, "Cu")
                .withInfo("bad", new Object());
        assertThrows(IllegalArgumentException.class, () -> Formats.write(p, List.of(new Frame(s, Labels.NONE, ""))));
        assertEquals("old", Files.readString(p));
        try (var files = Files.list(tmp)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }
}
