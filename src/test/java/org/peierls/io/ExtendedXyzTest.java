package org.peierls.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.testutil.SharedData;
import org.peierls.util.InputException;

class ExtendedXyzTest {

    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /**
     * Every LAMMPS reference file: atom count and energy as index.json lists them (energy printed
     * with 12 decimals in the extxyz, 1e-9 eV allowed), the stress equal to −virial/V from the same
     * comment line (both printed with 13 significant digits: 1e-10 relative to the largest
     * component), and to −(pressure tensor)/1.602e6 from index.json (bar; the constants differ at
     * 1e-7 relative, so 1e-6 relative).
     */
    @Test
    void readsEveryLammpsReferenceFile() throws IOException {
        Path dir = SharedData.data("lammps-reference");
        JsonNode index = new ObjectMapper().readTree(dir.resolve("index.json").toFile());
        assertTrue(index.size() >= 9);
        for (JsonNode c : index) {
            String name = c.get("name").asText();
            List<Frame> frames = ExtendedXyz.read(dir.resolve(name + ".extxyz"));
            assertEquals(1, frames.size(), name);
            Frame f = frames.get(0);
            Structure s = f.structure();
            assertEquals(c.get("natoms").asInt(), s.size(), name + " atoms");
            assertTrue(s.cell().fullyPeriodic(), name);
            assertEquals(c.get("energy_eV").asDouble(), f.labels().energy(), 1e-9, name + " energy");
            assertEquals(3 * s.size(), f.labels().forces().length);
            double[] stress = f.labels().stress();
            double[] virial = Mat3.toVoigt((double[]) s.info().get("virial"));
            double max = 0;
            for (double x : stress) {
                max = Math.max(max, Math.abs(x));
            }
            for (int k = 0; k < 6; k++) {
                assertEquals(stress[k], -virial[k] / s.cell().volume(), 1e-10 * max, name + " stress = -virial/V, component " + k);
                double fromIndex = -c.get("pressure_bar").get(k).asDouble() / Units.EV_PER_A3_TO_BAR;
                assertEquals(fromIndex, stress[k], 1e-6 * max, name + " stress vs index.json, component " + k);
            }
            assertTrue(s.info().get("potential") instanceof String, name + " potential kept in info");
        }
    }

    /** ASE's own output for a two-atom cell with a single-point calculator attached. */
    @Test
    void readsAseOutput() throws IOException {
        Path p = file("ase.extxyz", """
                2
                Lattice="3.61 0.0 0.0 0.0 3.61 0.0 0.0 0.0 3.61" Properties=species:S:1:pos:R:3:forces:R:3 energy=-7.0 stress="-0.01 0.0 0.0 0.0 -0.02 0.0 0.0 0.0 -0.03" free_energy=-7.05 pbc="T T T"
                Cu       0.00000000       0.00000000       0.00000000       0.10000000       0.00000000       0.00000000
                Cu       1.80500000       1.80500000       0.00000000      -0.10000000       0.00000000       0.00000000
                """);
        Frame f = ExtendedXyz.read(p).get(0);
        assertEquals(-7.0, f.labels().energy());
        assertArrayEquals(new double[]{-0.01, -0.02, -0.03, 0, 0, 0}, f.labels().stress());
        assertArrayEquals(new double[]{0.1, 0, 0, -0.1, 0, 0}, f.labels().forces());
        assertEquals(-7.05, f.structure().info().get("free_energy"));
        assertEquals(3.61 * 3.61 * 3.61, f.structure().cell().volume(), 1e-12);
        assertEquals("Cu2", f.structure().formula());
    }

    /**
     * Quoted keys and values, bare keys, a Voigt (6-number) stress, mixed pbc, config_type, a Z
     * column, masses and ASE momenta (v = p/m in Å per ASE time unit; ASE's unit is 10.1805 fs,
     * so 1 Å/unit = 98.2269 Å/ps — literal to 6 digits, 1e-6 relative).
     */
    @Test
    void readsHandWrittenAseStyleFrames() throws IOException {
        Path p = file("hand.xyz", """
                2
                Lattice="4.0 0.0 0.0 1.0 4.0 0.0 0.0 0.0 10.0" Properties=Z:I:1:pos:R:3:masses:R:1:momenta:R:3:tags:I:1 "my key"="a value with spaces" is_relaxed stress="1 2 3 4 5 6" pbc="T T F" config_type=slab kpts=[4, 4, 1] cutoff=5 smearing=0.1 label=bcc flag=F
                73 0.0 0.0 0.0 180.0 1.0 0.0 0.0 7
                29 2.5 2.0 5.0 63.5 0.0 -2.0 0.0 8
                0
                comment=empty_frame
                """);
        List<Frame> frames = ExtendedXyz.read(p);
        assertEquals(2, frames.size());
        Frame f = frames.get(0);
        Structure s = f.structure();
        assertArrayEquals(new int[]{73, 29}, s.numbers());
        assertArrayEquals(new boolean[]{true, true, false}, s.cell().pbc());
        assertArrayEquals(new double[]{4, 0, 0, 1, 4, 0, 0, 0, 10}, s.cell().matrix());
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6}, f.labels().stress(), "Voigt xx yy zz yz xz xy kept in order");
        assertTrue(Double.isNaN(f.labels().energy()));
        assertNull(f.labels().forces());
        assertEquals("slab", f.group());
        assertEquals("a value with spaces", s.info().get("my key"));
        assertEquals(Boolean.TRUE, s.info().get("is_relaxed"));
        assertEquals(Boolean.FALSE, s.info().get("flag"));
        assertArrayEquals(new int[]{4, 4, 1}, (int[]) s.info().get("kpts"));
        assertEquals(5, s.info().get("cutoff"));
        assertEquals(0.1, s.info().get("smearing"));
        assertEquals("bcc", s.info().get("label"));
        assertArrayEquals(new double[]{180.0, 63.5}, s.masses());
        assertArrayEquals(new int[]{7, 8}, (int[]) s.arrays().get("tags"));
        double unit = 1000.0 / 10.1805057;   // Å/ps per Å/(ASE time)
        double[] v = s.velocities();
        assertEquals(1.0 / 180.0 * unit, v[0], 1e-6 * v[0]);
        assertEquals(-2.0 / 63.5 * unit, v[4], 1e-6 * Math.abs(v[4]));
        Frame empty = frames.get(1);
        assertEquals(0, empty.structure().size());
        assertFalse(empty.structure().cell().periodic(0), "no Lattice: not periodic");
        assertEquals("empty_frame", empty.structure().info().get("comment"));
    }

    /** A virial without a stress becomes the stress −virial/V (exact arithmetic check). */
    @Test
    void virialAloneBecomesStress() throws IOException {
        Path p = file("v.extxyz", """
                1
                Lattice="2 0 0 0 2 0 0 0 2" Properties=species:S:1:pos:R:3 virial="8 0 0 0 -16 0 0 0 4" energy=-1
                Ta 0 0 0
                """);
        Frame f = ExtendedXyz.read(p).get(0);
        assertArrayEquals(new double[]{-1, 2, -0.5, 0, 0, 0}, f.labels().stress(), 0.0);
        assertFalse(f.structure().info().containsKey("virial"));
    }

    /** Plain XYZ (free-text comment, no Lattice): species and positions, not periodic. */
    @Test
    void readsPlainXyz() throws IOException {
        Path p = file("plain.xyz", "3\nwater molecule, from \"somewhere\n O 0 0 0\nH 0.96 0 0\nH -0.24 0.93 0\n");
        Structure s = ExtendedXyz.read(p).get(0).structure();
        assertEquals("H2O", s.formula());
        assertFalse(s.cell().periodic(0));
        assertEquals("water molecule, from \"somewhere", s.info().get("comment"));
    }

    /**
     * Write then read gives the identical frames: cell, pbc, numbers, positions, masses, info,
     * per-atom arrays, energy, forces, stress and group bit for bit; velocities pass through the
     * momentum conversion p = m·t·v and back, so within 2 ulp.
     */
    @Test
    void roundTripIsExact() {
        List<Frame> frames = RandomFrames.rich(new Random(11), 4);
        Path p = tmp.resolve("rt.extxyz");
        ExtendedXyz.write(p, frames);
        List<Frame> back = ExtendedXyz.read(p);
        assertEquals(frames.size(), back.size());
        for (int i = 0; i < frames.size(); i++) {
            FrameAssert.sameFrame(frames.get(i), back.get(i), 2);
        }
        // and once more: the second write is byte-identical to the first
        Path q = tmp.resolve("rt2.extxyz");
        ExtendedXyz.write(q, back);
        List<Frame> again = ExtendedXyz.read(q);
        for (int i = 0; i < frames.size(); i++) {
            FrameAssert.sameFrame(back.get(i), again.get(i), 2);
        }
    }

    @Test
    void writeRefusesReservedInfoKeys() {
        Structure s = RandomFrames.structure(new Random(1), RandomFrames.lammpsCell(new Random(2), 5), 3, "Cu").withInfo("energy", 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExtendedXyz.write(tmp.resolve("x.extxyz"), List.of(new Frame(s, Labels.NONE, ""))));
        assertTrue(e.getMessage().contains("energy"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("x.extxyz")), "nothing written on failure");
    }

    private void assertBad(String text, int line, String fragment) throws IOException {
        Path p = file("bad.extxyz", text);
        InputException e = assertThrows(InputException.class, () -> ExtendedXyz.read(p));
        assertTrue(e.getMessage().startsWith("line " + line + " of " + p), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    /** Malformed input names the file and the line. */
    @Test
    void malformedInputNamesFileAndLine() throws IOException {
        String head = "2\nLattice=\"3 0 0 0 3 0 0 0 3\" Properties=species:S:1:pos:R:3:forces:R:3 energy=-1.0\n";
        assertBad(head + "Cu 0 0 0 0 0 0\n", 4, "expected atom line 2 of 2, found the end of the file");
        assertBad(head + "Cu 0 0 0 0 0 0\nCu 1 1 abc 0 0 0\n", 4, "expected a real number for 'pos', found 'abc'");
        assertBad(head + "Cu 0 0 0 0 0 0\nCu 1 1 1 0 0\n", 4, "expected 7 columns (species:S:1 pos:R:3 forces:R:3), found 6");
        assertBad(head + "Cu 0 0 0 0 0 0\nXx 1 1 1 0 0 0\n", 4, "expected an element symbol H..Pu, found 'Xx'");
        assertBad("two\n\n", 1, "expected the number of atoms, found 'two'");
        assertBad("1\nLattice=\"3 0 0 0 3 0 0 0 Properties=species:S:1:pos:R:3\nCu 0 0 0\n", 2, "closing '\"'");
        assertBad("1\nLattice=\"3 0 0 0 3 0 0 0\" Properties=species:S:1:pos:R:3\nCu 0 0 0\n", 2, "expected Lattice with 9 numbers");
        assertBad("1\nLattice=\"3 0 0 0 3 0 0 0 3\" Properties=species:S:1:pos:R:3 energy=abc\nCu 0 0 0\n", 2, "expected a number for energy");
        assertBad("1\nProperties=species:S:1:pos:Q:3\nCu 0 0 0\n", 2, "expected a property type S, R, I or L");
        assertBad("1\n", 2, "expected the comment line");
        assertBad("1\n\n", 3, "expected atom line 1 of 1, found the end of the file");
    }
}
