package org.peierls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Units;
import org.peierls.io.Formats;
import org.peierls.testutil.ReferenceXyz;
import org.peierls.testutil.SharedData;

/** {@code peierls eval} and {@code peierls bench} through {@link Peierls#execute}. */
class PotentialCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void evalWritesJsonAndExtxyzEqualToLammps() throws Exception {
        Path ref = SharedData.data("lammps-reference/cu_mishin1_fcc108.extxyz");
        Path json = tmp.resolve("out/e.json");
        Path xyz = tmp.resolve("e.extxyz");
        String spec = "eam/alloy:" + SharedData.lammpsPotential("Cu_mishin1.eam.alloy");
        IoCommandsTest.Run r = IoCommandsTest.run("eval", "--potential", spec, "--structure", ref.toString(),
                "--json", json.toString(), "--out", xyz.toString(), "--per-atom");
        assertEquals(0, r.code(), r.err());
        ReferenceXyz lammps = ReferenceXyz.read(ref);
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertEquals(108, j.get("natoms").asInt());
        // the stored LAMMPS results (1e-9 relative energy, 1e-7 eV/Å forces; see LammpsReferenceTest)
        assertEquals(lammps.energy(), j.get("energy").asDouble(), 1e-9 * Math.abs(lammps.energy()));
        assertEquals(lammps.energy() / 108, j.get("energy_per_atom").asDouble(), 1e-11);
        for (int i = 0; i < 108; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(lammps.forces()[3 * i + c], j.get("forces").get(i).get(c).asDouble(), 1e-7);
            }
        }
        double trace = 0;
        for (int v = 0; v < 6; v++) {
            // the reference stress went through CODATA-2018 bar; 1e-6 relative covers the constants
            double expected = lammps.stressVoigt()[v] * Units.EV_PER_A3_TO_GPA;
            assertEquals(expected, j.get("stress_gpa").get(v).asDouble(), 1e-6 * Math.abs(expected) + 1e-9);
            trace += j.get("stress_gpa").get(v).asDouble() * (v < 3 ? 1 : 0);
        }
        assertEquals(-trace / 3, j.get("pressure_gpa").asDouble(), 1e-12);
        double sum = 0;
        for (JsonNode e : j.get("energies")) {
            sum += e.asDouble();
        }
        assertEquals(j.get("energy").asDouble(), sum, 1e-9);
        List<Frame> back = Formats.read(xyz);
        assertEquals(1, back.size());
        assertEquals(j.get("energy").asDouble(), back.get(0).labels().energy(), 1e-9);
        assertEquals(spec, back.get(0).structure().info().get("potential"));
        assertTrue(!back.get(0).structure().info().containsKey("virial"), "stale virial of the input dropped");
    }

    @Test
    void evalGivesOneRecordPerFrame() throws Exception {
        Path two = tmp.resolve("two.extxyz");
        Frame a = Formats.read(SharedData.data("lammps-reference/cu_u3_fcc108.extxyz")).get(0);
        Frame b = Formats.read(SharedData.data("lammps-reference/cu_mishin1_fcc108.extxyz")).get(0);
        Formats.write(two, List.of(a, b));
        Path json = tmp.resolve("two.json");
        IoCommandsTest.Run r = IoCommandsTest.run("eval", "--potential", "eam:" + SharedData.lammpsPotential("Cu_u3.eam"),
                "--structure", two.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertTrue(j.isArray() && j.size() == 2);
        assertEquals(1, j.get(1).get("frame").asInt());
        assertEquals(ReferenceXyz.read(SharedData.data("lammps-reference/cu_u3_fcc108.extxyz")).energy(),
                j.get(0).get("energy").asDouble(), 1e-9 * 400);
    }

    @Test
    void badInputIsOneLineAndExitCode2() {
        Path ref = SharedData.data("lammps-reference/fe_mm_bcc128.extxyz");
        IoCommandsTest.Run r = IoCommandsTest.run("eval", "--potential", "zhou2004:Cu,Ta", "--structure", ref.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("Fe"), r.err());
        IoCommandsTest.Run s = IoCommandsTest.run("eval", "--potential", "nope:1", "--structure", ref.toString());
        assertEquals(2, s.code());
        assertTrue(s.err().contains("unknown potential kind 'nope'"), s.err());
    }

    @Test
    void benchPrintsJsonWithTimings() throws Exception {
        Path ref = SharedData.data("lammps-reference/cu_u3_fcc108.extxyz");
        IoCommandsTest.Run r = IoCommandsTest.run("bench", "--potential", "eam:" + SharedData.lammpsPotential("Cu_u3.eam"),
                "--structure", ref.toString(), "--steps", "5", "--warmup", "2", "--threads", "1", "--repeat", "2x1x1");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(216, j.get("natoms").asInt());
        assertEquals(1, j.get("threads").asInt());
        assertEquals(5, j.get("steps").asInt());
        assertTrue(j.get("us_per_atom_step").asDouble() > 0);
        assertEquals(2 * ReferenceXyz.read(ref).energy(), j.get("energy").asDouble(), 1e-8 * 800);
    }
}
