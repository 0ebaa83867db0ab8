package org.peierls.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.atoms.LammpsBox;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.cli.Peierls;
import org.peierls.testutil.SharedData;

/**
 * {@code peierls convert x.extxyz y.data}, then LAMMPS reads y.data: its atom count and box
 * (printed with %.17g) must equal ours, and the unwrapped positions it dumps (and the data file it
 * writes back, read by our reader with elements inferred from the masses) must equal the original
 * positions rotated into LAMMPS's frame. Tolerance 1e-10 Å: LAMMPS wraps atoms into the box on
 * read_data and unwraps them with image flags, which moves coordinates by a few ulp.
 */
class LammpsCrossCheckTest {

    @TempDir
    Path tmp;

    private static final String INPUT = """
            units metal
            atom_style atomic
            boundary p p p
            box tilt large
            read_data y.data
            print "PEIERLS natoms $(atoms) lx $(lx:%.17g) ly $(ly:%.17g) lz $(lz:%.17g) xy $(xy:%.17g) xz $(xz:%.17g) yz $(yz:%.17g) xlo $(xlo:%.17g) ylo $(ylo:%.17g) zlo $(zlo:%.17g)"
            write_dump all custom out.dump id type xu yu zu modify sort id format float %.17g
            write_data out.data
            """;

    private static String[] runLammps(Path dir) throws IOException, InterruptedException {
        Path lmp = SharedData.lmp();
        Files.writeString(dir.resolve("in.lmp"), INPUT);
        Process p = new ProcessBuilder(lmp.toString(), "-in", "in.lmp", "-log", "log.lammps", "-screen", "none")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "lmp timed out");
        String log = Files.exists(dir.resolve("log.lammps")) ? Files.readString(dir.resolve("log.lammps")) : "";
        assertEquals(0, p.exitValue(), "lmp failed: " + Files.readString(dir.resolve("stdout.txt")) + log);
        for (String line : log.split("\n")) {
            if (line.startsWith("PEIERLS ")) {
                return line.trim().split("\\s+");
            }
        }
        throw new AssertionError("no PEIERLS line in the LAMMPS log:\n" + log);
    }

    private void check(Structure original, String name) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Path xyz = dir.resolve("x.extxyz");
        ExtendedXyz.write(xyz, List.of(new Frame(original, Labels.NONE, "")));
        assertEquals(0, Peierls.execute("convert", xyz.toString(), dir.resolve("y.data").toString()));
        String[] t = runLammps(dir);
        LammpsFrame ours = LammpsFrame.of(original);
        LammpsBox box = ours.box();
        assertEquals(original.size(), Integer.parseInt(t[2]), "atoms");
        double[] want = {box.lx(), box.ly(), box.lz(), box.xy(), box.xz(), box.yz(), 0, 0, 0};
        for (int k = 0; k < 9; k++) {
            assertEquals(want[k], Double.parseDouble(t[4 + 2 * k]), 1e-12, name + " box " + t[3 + 2 * k]);
        }
        int[] species = original.species();
        List<String> types = new java.util.ArrayList<>();
        for (int z : species) {
            types.add(org.peierls.atoms.Element.symbol(z));
        }
        Structure dumped = LammpsDump.read(dir.resolve("out.dump"), types).get(0).structure();
        assertArrayEquals(original.numbers(), dumped.numbers(), name + " elements in the dump");
        FrameAssert.close(ours.positions(), dumped.positions(), 1e-10, name + " dumped positions");
        Structure written = LammpsData.read(dir.resolve("out.data"));
        assertArrayEquals(original.numbers(), written.numbers(), name + " elements of LAMMPS's write_data (from masses)");
        FrameAssert.close(ours.positions(), written.positions(), 1e-10, name + " write_data positions");
        FrameAssert.close(box.matrix(), written.cell().matrix(), 1e-12, name + " write_data box");
    }

    @Test
    void lammpsReadsWhatConvertWrites() throws Exception {
        Structure ref = ExtendedXyz.read(SharedData.data("lammps-reference/cuta_zhou_bcc128.extxyz")).get(0).structure();
        check(ref, "cuta");
        Random rnd = new Random(21);
        check(RandomFrames.structure(rnd, RandomFrames.generalCell(rnd, 10), 60, "Cu", "Ta", "Ni"), "general");
    }
}
