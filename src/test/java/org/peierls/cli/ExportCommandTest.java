package org.peierls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.MtpTesting;
import org.peierls.descriptor.TestStructures;
import org.peierls.export.LammpsRunner;
import org.peierls.io.Formats;
import org.peierls.io.LammpsData;
import org.peierls.model.MtpFile;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.Results;
import org.peierls.testutil.SharedData;

/**
 * {@code peierls export} through {@link Peierls#execute}: fitted SNAP and qSNAP (ZBL reference)
 * verified in the SNAP-enabled LAMMPS; an MTP written as an MLIP-2 file that reads back to the same
 * energies (and --verify refused with the reason); the three large-scale jobs run for a few steps
 * in LAMMPS; bad input as one line with exit 2.
 */
class ExportCommandTest {

    @TempDir
    Path tmp;

    private Path teacherData(String name, int count, long seed) {
        Potential teacher = PotentialSpecs.parse("lj:0.2,2.4,5.0");
        Random rnd = new Random(seed);
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Structure s = TestStructures.distortedBcc(42, 0, 3.2 * (1 + 0.02 * rnd.nextGaussian()), 2, 0.15, seed * 100 + k);
            Results r = teacher.compute(s);
            frames.add(new Frame(s, new Labels(r.energy() - 2 * s.size(), r.forces(), r.stress()), "bulk"));
        }
        Path p = tmp.resolve(name);
        Formats.write(p, frames);
        return p;
    }

    private static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }

    @Test
    void fittedSnapAndQuadraticSnapWithZblEqualLammps() throws IOException {
        Path lmp = SharedData.snapLmp();
        Path train = teacherData("train.extxyz", 8, 5);
        for (String model : List.of("snap", "qsnap")) {
            Path fit = tmp.resolve("fit-" + model);
            IoCommandsTest.Run f = IoCommandsTest.run("fit", "--data", train.toString(), "--model", model, "--twojmax", "4",
                    "--rcutfac", "4.4", "--reference", "zbl:2.0,3.0", "--no-plots", "--out", fit.toString());
            assertEquals(0, f.code(), f.err());
            Path dir = tmp.resolve("lammps-" + model);
            Path j = tmp.resolve("export-" + model + ".json");
            IoCommandsTest.Run r = IoCommandsTest.run("export", "--potential", fit.toString(), "--lammps", dir.toString(),
                    "--structure", train.toString(), "--frame", "3", "--verify", "--lmp", lmp.toString(), "--json", j.toString());
            assertEquals(0, r.code(), r.out() + r.err());
            JsonNode m = json(j);
            assertEquals("hybrid/overlay", m.get("pair_styles").get(0).asText());
            assertTrue(m.get("verify").get("passes").asBoolean(), m.toString());
            assertTrue(m.get("verify").get("max_force_ev_per_a").asDouble() < 1e-8, m.toString());
            assertTrue(Files.readString(dir.resolve("pair.lmp")).contains("pair_coeff 1 1 zbl 42 42"));
            assertTrue(r.out().contains("verify: "), r.out());
        }
    }

    @Test
    void mtpIsWrittenForMlipAndReadsBackToTheSameEnergies() throws IOException {
        int[] z = {42, 41};
        var p = MtpTesting.random(10, z, 1.7, 4.9, 7, 0.03, 11);
        MtpFile file = new MtpFile(MtpFile.defaultName(z, 10), z, p, MtpTesting.weights(2, 3.0, 12),
                MtpTesting.weights(p.basis().size(), 0.02, 13));
        Path mtp = tmp.resolve("in.mtp");
        file.write(mtp);
        Structure s = TestStructures.distortedBcc(42, 41, 3.2, 2, 0.1, 3);
        Path xyz = tmp.resolve("s.extxyz");
        Formats.write(xyz, List.of(new Frame(s)));
        Path dir = tmp.resolve("mtp");
        IoCommandsTest.Run r = IoCommandsTest.run("export", "--potential", "mtp:" + mtp, "--lammps", dir.toString(),
                "--structure", xyz.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("MLIP-2 interface"), r.out());
        assertTrue(Files.readString(dir.resolve("pair.lmp")).contains("pair_style mlip mlip.ini"));
        assertTrue(Files.readString(dir.resolve("mlip.ini")).contains("mtp-filename    MoNb.mtp"));
        Results a = PotentialSpecs.parse("mtp:" + mtp).compute(s);
        Results b = PotentialSpecs.parse("mtp:" + dir.resolve("MoNb.mtp")).compute(s);
        assertEquals(a.energy(), b.energy(), 0, "the exported .mtp is the same potential");
        IoCommandsTest.Run v = IoCommandsTest.run("export", "--potential", "mtp:" + mtp, "--lammps", dir.toString(),
                "--structure", xyz.toString(), "--verify", "--lmp", SharedData.lmp().toString());
        assertEquals(2, v.code());
        assertTrue(v.err().contains("not part of LAMMPS"), v.err());
    }

    @Test
    void jobsRunInLammps() throws IOException {
        Path lmp = SharedData.lmp();
        record Job(String kind, String potential, int size) {
        }
        for (Job job : List.of(new Job("screw-glide", "zhou2004:Ta", 2), new Job("vacancy-diffusion", "zhou2004:Ta", 4),
                new Job("nanocrystal", "zhou2004:Cu", 6))) {
            Path dir = tmp.resolve(job.kind());
            IoCommandsTest.Run r = IoCommandsTest.run("export", "--potential", job.potential(), "--lammps", dir.toString(),
                    "--job", job.kind(), "--size", Integer.toString(job.size()), "--temperature", "500");
            assertEquals(0, r.code(), r.err());
            Structure s = LammpsData.read(dir.resolve("data." + job.kind()), List.of(job.potential().substring(9)));
            switch (job.kind()) {
                case "screw-glide" -> assertEquals(6 * 2 * 3 * 4, s.size(), "quadrupole 2 × round(2√3) × 4 periods");
                case "vacancy-diffusion" -> assertEquals(2 * 64 - 1, s.size(), "one vacancy in 4³ bcc cells");
                default -> {
                    // fcc Cu, a ≈ 3.615: the density of a crystal within 15 %, no pair closer than 0.7 nn
                    double perfect = 4 / Math.pow(3.615, 3);
                    assertEquals(perfect, s.size() / s.cell().volume(), 0.15 * perfect);
                    NeighborList list = NeighborList.build(s, 0.7 * 3.615 / Math.sqrt(2), NeighborList.Kind.HALF);
                    for (int q = 0; q < list.size(); q++) {
                        assertTrue(list.distance(q) >= 0.7 * 2.5, "close pair at " + list.distance(q) + " Å");
                    }
                }
            }
            String screen = LammpsRunner.run(lmp, dir, "in." + job.kind(), 1, 600, List.of("-var", "nequil", "10", "-var", "nrun", "20"));
            assertTrue(screen.contains("Total wall time"), screen);
        }
        IoCommandsTest.Run bad = IoCommandsTest.run("export", "--potential", "zhou2004:Cu", "--lammps", tmp.resolve("x").toString(),
                "--job", "screw-glide");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("bcc"), bad.err());
    }

    @Test
    void badInputIsOneLine() throws IOException {
        Structure w = TestStructures.distortedBcc(74, 0, 3.16, 2, 0.05, 1);
        Path xyz = tmp.resolve("w.extxyz");
        Formats.write(xyz, List.of(new Frame(w)));
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        String[][] cases = {
            {"--potential", "zhou2004:Cu", "--lammps", tmp.resolve("a").toString(), "--job", "melt"},
            {"--potential", "zhou2004:Cu", "--lammps", tmp.resolve("b").toString(), "--structure", xyz.toString()},
            {"--potential", "zhou2004:Cu", "--lammps", file.toString()},
            {"--potential", "lj:0.01,3.4,8", "--lammps", tmp.resolve("c").toString()},
            {"--potential", "zhou2004:Cu", "--lammps", tmp.resolve("d").toString(), "--name", "a/b"},
        };
        String[] expect = {"unknown kind 'melt'", "holds W", "is not a folder", "takes any element", "plain file name"};
        for (int k = 0; k < cases.length; k++) {
            String[] args = new String[cases[k].length + 1];
            args[0] = "export";
            System.arraycopy(cases[k], 0, args, 1, cases[k].length);
            IoCommandsTest.Run r = IoCommandsTest.run(args);
            assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.err());
            assertTrue(r.err().contains(expect[k]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }
}
