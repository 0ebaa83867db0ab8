package org.peierls.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Structure;
import org.peierls.io.Formats;
import org.peierls.testutil.SharedData;
import org.peierls.testutil.TestCrystals;

/** {@code peierls relax}, {@code md} and {@code neb} through {@link Peierls#execute}. */
class SimCommandsTest {

    @TempDir
    Path tmp;

    static String mishin() {
        return "eam/alloy:" + SharedData.lammpsPotential("Cu_mishin1.eam.alloy");
    }

    private Path write(String name, Structure s) {
        Path p = tmp.resolve(name);
        Formats.write(p, List.of(new Frame(s)));
        return p;
    }

    @Test
    void relaxWithCellGivesTheLatticeConstantAndWritesJson() throws Exception {
        Structure s = Lattice.fcc("Cu", 3.5).repeat(2, 2, 2);
        Path in = write("in.extxyz", TestCrystals.rattled(s, 0.05, 1));
        Path out = tmp.resolve("relaxed.extxyz");
        Path json = tmp.resolve("relax.json");
        IoCommandsTest.Run r = IoCommandsTest.run("relax", "--potential", mishin(), "--structure", in.toString(), "--cell",
                "--out", out.toString(), "--fmax", "1e-4", "--minimizer", "lbfgs", "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertTrue(j.get("converged").asBoolean());
        assertEquals("force_tolerance", j.get("termination").asText());
        // Mishin Cu: a0 = 3.615 Å (EamRelaxTest checks the E(a) minimum to 1e-4 Å).
        assertEquals(3.615, Math.cbrt(4 * j.get("volume_a3").asDouble() / 32), 1e-3);
        Frame f = Formats.read(out).get(0);
        assertEquals(j.get("energy").asDouble(), f.labels().energy(), 1e-9);
        assertEquals(Boolean.TRUE, f.structure().info().get("relax_converged"));
        assertFalse(Files.exists(tmp.resolve("relaxed.extxyz.checkpoint.extxyz")), "checkpoint removed after success");
    }

    @Test
    void nonConvergingRelaxationSaysSoAndKeepsTheLastStructure() {
        Path in = write("in.extxyz", TestCrystals.rattled(Lattice.fcc("Cu", 3.615).repeat(2, 2, 2), 0.2, 2));
        Path out = tmp.resolve("last.extxyz");
        IoCommandsTest.Run r = IoCommandsTest.run("relax", "--potential", mishin(), "--structure", in.toString(),
                "--out", out.toString(), "--max-steps", "3");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("did not converge") && r.err().contains("iteration limit") && r.err().contains(out.toString()), r.err());
        Frame f = Formats.read(out).get(0);
        assertEquals(Boolean.FALSE, f.structure().info().get("relax_converged"));
        // --resume continues from the last structure and converges.
        IoCommandsTest.Run again = IoCommandsTest.run("relax", "--potential", mishin(), "--structure", in.toString(),
                "--out", out.toString(), "--resume", "--max-steps", "2000");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("resuming from"), again.err());
        assertEquals(Boolean.TRUE, Formats.read(out).get(0).structure().info().get("relax_converged"));
    }

    @Test
    void mdWritesTrajectoryThermoAndResumesExactly() throws Exception {
        Path in = write("in.extxyz", Lattice.fcc("Cu", 3.615).repeat(2, 2, 2));
        String[] common = {"md", "--potential", mishin(), "--structure", in.toString(), "--ensemble", "nvt",
            "--thermostat", "langevin", "--temp", "300", "--dt", "0.002", "--thermo", "20", "--dump-every", "25",
            "--checkpoint-every", "50", "--seed", "7"};
        Path full = tmp.resolve("full.extxyz");
        IoCommandsTest.Run a = IoCommandsTest.run(concat(common, "--steps", "200", "--out", full.toString(),
                "--json", tmp.resolve("md.json").toString()));
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().contains("temp_K") && a.out().contains("press_GPa"), a.out());
        List<Frame> frames = Formats.read(full);
        assertEquals(9, frames.size());   // steps 0, 25, …, 200
        assertEquals(200L, ((Number) frames.get(8).structure().info().get("step")).longValue());
        JsonNode j = new ObjectMapper().readTree(tmp.resolve("md.json").toFile());
        assertEquals(200, j.get("steps").asInt());
        assertTrue(j.get("mean_temperature_k").asDouble() > 100);

        // Interrupted at step 100, resumed to 200: the same trajectory (Langevin noise is keyed by step).
        Path part = tmp.resolve("part.extxyz");
        assertEquals(0, IoCommandsTest.run(concat(common, "--steps", "100", "--out", part.toString())).code());
        IoCommandsTest.Run b = IoCommandsTest.run(concat(common, "--steps", "200", "--out", part.toString(), "--resume"));
        assertEquals(0, b.code(), b.err());
        assertTrue(b.err().contains("resuming from step 100"), b.err());
        List<Frame> resumed = Formats.read(part);
        assertEquals(9, resumed.size());
        double[] x1 = frames.get(8).structure().positions();
        double[] x2 = resumed.get(8).structure().positions();
        for (int k = 0; k < x1.length; k++) {
            assertEquals(x1[k], x2[k], 1e-8);   // only summation order (neighbor list rebuilt on resume)
        }
    }

    @Test
    void mdRejectsAResumeWithOtherSettings() {
        Path in = write("in.extxyz", Lattice.fcc("Cu", 3.615).repeat(2, 2, 2));
        Path traj = tmp.resolve("t.extxyz");
        assertEquals(0, IoCommandsTest.run("md", "--potential", mishin(), "--structure", in.toString(), "--ensemble", "nve",
                "--temp", "100", "--steps", "20", "--out", traj.toString(), "--checkpoint-every", "10").code());
        IoCommandsTest.Run r = IoCommandsTest.run("md", "--potential", mishin(), "--structure", in.toString(), "--ensemble", "nvt",
                "--temp", "100", "--steps", "40", "--out", traj.toString(), "--resume");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("checkpoint was written by"), r.err());
    }

    @Test
    void mdBadEnsembleIsOneLine() {
        Path in = write("in.extxyz", Lattice.fcc("Cu", 3.615));
        IoCommandsTest.Run r = IoCommandsTest.run("md", "--potential", mishin(), "--structure", in.toString(), "--ensemble", "nph",
                "--steps", "10", "--out", tmp.resolve("t.extxyz").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("peierls: --ensemble must be nve, nvt or npt"), r.err());
    }

    @Test
    void nebFindsTheVacancyBarrierAndPlotsIt() throws Exception {
        Structure[] ends = org.peierls.sim.neb.VacancyHopNebTestAccess.endStates();
        Path a = write("a.extxyz", ends[0]);
        Path b = write("b.extxyz", ends[1]);
        Path json = tmp.resolve("neb.json");
        Path png = tmp.resolve("neb.png");
        Path band = tmp.resolve("band.extxyz");
        IoCommandsTest.Run r = IoCommandsTest.run("neb", "--potential", mishin(), "--initial", a.toString(), "--final", b.toString(),
                "--images", "3", "--climb", "--relax-ends", "--fmax", "0.005", "--json", json.toString(), "--plot", png.toString(),
                "--out", band.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(json.toFile());
        assertTrue(j.get("converged").asBoolean());
        // Mishin et al., PRB 63, 224106 (2001), Table III: vacancy migration in Cu 0.69 eV with this
        // potential (VacancyHopNebTest checks the library NEB on the same hop against LAMMPS's neb);
        // 3 climbing images to fmax 5e-3 eV/Å resolve the saddle to ~0.01 eV
        assertEquals(0.69, j.get("barrier_ev").asDouble(), 0.02);
        assertEquals(5, j.get("energy_ev").size());
        assertEquals(5, Formats.read(band).size());
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, head);
    }

    @Test
    void nebResumesFromItsBandCheckpoint() throws Exception {
        Structure[] ends = org.peierls.sim.neb.VacancyHopNebTestAccess.endStates();
        Path a = write("a.extxyz", ends[0]);
        Path b = write("b.extxyz", ends[1]);
        Path json = tmp.resolve("neb.json");
        String[] args = {"neb", "--potential", mishin(), "--initial", a.toString(), "--final", b.toString(),
            "--images", "3", "--climb", "--fmax", "0.005", "--json", json.toString()};
        IoCommandsTest.Run first = IoCommandsTest.run(concat(args, "--max-steps", "4"));
        assertEquals(1, first.code());
        assertTrue(first.err().contains("did not converge"), first.err());
        assertTrue(Files.exists(tmp.resolve("neb.json.band.extxyz")));
        IoCommandsTest.Run second = IoCommandsTest.run(concat(args, "--resume"));
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("resuming from"), second.err());
        assertFalse(Files.exists(tmp.resolve("neb.json.band.extxyz")), "checkpoint removed after convergence");
    }

    @Test
    void nebWithMismatchedAtomCountsIsAClearError() {
        Path a = write("a.extxyz", Lattice.fcc("Cu", 3.615).repeat(2, 2, 2));
        Path b = write("b.extxyz", Lattice.fcc("Cu", 3.615).repeat(2, 2, 1));
        IoCommandsTest.Run r = IoCommandsTest.run("neb", "--potential", mishin(), "--initial", a.toString(), "--final", b.toString(),
                "--images", "3", "--json", tmp.resolve("n.json").toString());
        assertEquals(2, r.code());
        assertEquals("peierls: NEB end states differ in atom count: initial has 32 atoms, final has 16", r.err().trim());
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
