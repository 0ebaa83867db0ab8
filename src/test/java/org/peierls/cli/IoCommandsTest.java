package org.peierls.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.io.ExtendedXyz;
import org.peierls.io.Formats;
import org.peierls.testutil.SharedData;

/** {@code peierls info} and {@code peierls convert} through {@link Peierls#execute}. */
class IoCommandsTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Peierls.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Neighbor counts by brute force over all images within ±2 cells (cutoff 3.5 Å, cell 12.8 Å). */
    private static int[] bruteForceCounts(Structure s, double rc) {
        int n = s.size();
        int[] c = new int[n];
        double[] x = s.positions();
        Cell cell = s.cell();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int a = -2; a <= 2; a++) {
                    for (int b = -2; b <= 2; b++) {
                        for (int d = -2; d <= 2; d++) {
                            if (i == j && a == 0 && b == 0 && d == 0) {
                                continue;
                            }
                            double r2 = 0;
                            for (int k = 0; k < 3; k++) {
                                double v = x[3 * j + k] - x[3 * i + k] + a * cell.get(0, k) + b * cell.get(1, k) + d * cell.get(2, k);
                                r2 += v * v;
                            }
                            c[i] += r2 < rc * rc ? 1 : 0;
                        }
                    }
                }
            }
        }
        return c;
    }

    /**
     * info on a reference file: atom count, formula, pbc, density (62 Cu + 66 Ta standard weights
     * over the volume, computed here) and neighbor min/mean/max equal to a brute-force image search.
     */
    @Test
    void infoDescribesOneFrame() {
        Path p = SharedData.data("lammps-reference/cuta_zhou_bcc128.extxyz");
        Run r = run("info", p.toString(), "--cutoff", "3.5");
        assertEquals(0, r.code(), r.err());
        Structure s = ExtendedXyz.read(p).get(0).structure();
        assertTrue(r.out().contains("atoms: 128\n"), r.out());
        assertTrue(r.out().contains("formula: Cu62Ta66"), r.out());
        assertTrue(r.out().contains("pbc: T T T"), r.out());
        double density = (62 * 63.546 + 66 * 180.94788) * 1.66053906660 / (12.8 * 12.8 * 12.8);
        assertTrue(r.out().contains(String.format(Locale.ROOT, "density: %.6f g/cm³", density)), r.out());
        int[] c = bruteForceCounts(s, 3.5);
        int min = Integer.MAX_VALUE, max = 0;
        double mean = 0;
        for (int v : c) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            mean += v / (double) c.length;
        }
        String want = String.format(Locale.ROOT, "neighbors within 3.500 Å: min %d, mean %.3f, max %d per atom", min, mean, max);
        assertTrue(r.out().contains(want), want + " in\n" + r.out());
        assertTrue(r.out().contains("labels: energy -748.29295694 eV"), r.out());
    }

    @Test
    void infoSummarizesDataSets() {
        Run r = run("info", SharedData.data("mlearn/Mo/test.json").toString(), "--list", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(mlearn), 23 frames"), r.out());
        assertTrue(r.out().contains("atoms: 1189 in all"), r.out());
        assertTrue(r.out().contains("groups: AIMD-NVT 12"), r.out());
        assertTrue(r.out().contains("(21 more frames)"), r.out());
    }

    /** convert: extxyz → data → extxyz keeps atoms and cell (the reference cell is in LAMMPS form). */
    @Test
    void convertRoundTripThroughLammpsData() {
        Path in = SharedData.data("lammps-reference/cuta_zhou_bcc128.extxyz");
        Path data = tmp.resolve("y.data");
        Run r = run("convert", in.toString(), data.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote 1 frame (128 atoms)"), r.out());
        Path back = tmp.resolve("z.extxyz");
        assertEquals(0, run("convert", data.toString(), back.toString()).code());
        Structure a = ExtendedXyz.read(in).get(0).structure(), b = ExtendedXyz.read(back).get(0).structure();
        assertArrayEquals(a.numbers(), b.numbers());
        assertArrayEquals(a.positions(), b.positions());
        assertArrayEquals(a.cell().matrix(), b.cell().matrix());
    }

    /** Several frames into a one-frame format need --frame; errors are one line with exit code 2. */
    @Test
    void convertFrameSelectionAndErrors() throws Exception {
        Path in = SharedData.data("ta-snap/JSON/Volume_BCC");
        Path poscar = tmp.resolve("POSCAR");
        Run r = run("convert", in.toString(), poscar.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("has 21 frames but poscar holds one: choose one with --frame K"), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        r = run("convert", in.toString(), poscar.toString(), "--frame", "-1");
        assertEquals(0, r.code(), r.err());
        List<Frame> all = Formats.read(in);
        Structure last = all.get(all.size() - 1).structure();
        Structure got = Formats.read(poscar).get(0).structure();
        assertArrayEquals(last.numbers(), got.numbers());
        org.junit.jupiter.api.Assertions.assertArrayEquals(last.positions(), got.positions(), 1e-12);

        r = run("convert", in.toString(), tmp.resolve("x.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is read-only"), r.err());
        r = run("convert", tmp.resolve("missing.extxyz").toString(), poscar.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no such file"), r.err());
        r = run("convert", in.toString(), poscar.toString(), "--frame", "99");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--frame 99 is out of range: the file has 21 frames"), r.err());
        Path bad = tmp.resolve("bad.extxyz");
        Files.writeString(bad, "2\nProperties=species:S:1:pos:R:3\nCu 0 0 0\nCu 1 1\n");
        r = run("info", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("line 4 of " + bad + ": expected 4 columns"), r.err());
        r = run("convert", in.toString(), tmp.resolve("out.weird").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cannot tell the format"), r.err());
    }

    /** A dump needs element names: --types maps types to elements when reading and orders them when writing. */
    @Test
    void convertUsesTypes() throws Exception {
        Path in = SharedData.data("lammps-reference/cuta_zhou_bcc128.data");
        Path dump = tmp.resolve("a.dump");
        assertEquals(0, run("convert", in.toString(), dump.toString(), "--types", "Cu,Ta").code());
        String text = Files.readString(dump);
        assertTrue(text.contains("ITEM: ATOMS id type element x y z"), text);
        Path xyz = tmp.resolve("a.extxyz");
        Run r = run("convert", dump.toString(), xyz.toString(), "--types", "Ta,Cu");
        assertEquals(0, r.code(), r.err());
        // types were written Cu=1, Ta=2; reading them as Ta,Cu swaps the elements
        Structure orig = Formats.read(in).get(0).structure();
        Structure swapped = ExtendedXyz.read(xyz).get(0).structure();
        List<Integer> diff = new ArrayList<>();
        for (int i = 0; i < orig.size(); i++) {
            diff.add(orig.number(i) == 29 ? swapped.number(i) - 73 : swapped.number(i) - 29);
        }
        assertTrue(diff.stream().allMatch(d -> d == 0), "types follow --types");
        r = run("convert", in.toString(), dump.toString(), "--types", "Cu,Xy");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown element 'Xy'"), r.err());
    }
}
