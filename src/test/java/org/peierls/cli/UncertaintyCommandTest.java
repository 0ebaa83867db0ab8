package org.peierls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.TestStructures;
import org.peierls.io.Formats;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.Results;
import org.peierls.uncertainty.AtomScores;
import org.peierls.uncertainty.Uncertainty;

/**
 * {@code peierls fit --committee K} and {@code peierls uncertainty} on a SNAP fitted to distorted
 * bcc cells labelled by a Lennard-Jones teacher: the grade of training structures, invariances of
 * every score, reproducible committee members and the command's JSON, extxyz and PNG.
 */
class UncertaintyCommandTest {

    @TempDir
    static Path tmp;

    static Path fit, train, test;
    static Structure[] trainStructures;

    private static final Potential TEACHER = PotentialSpecs.parse("lj:0.2,2.4,5.0");

    private static Path data(String name, int count, long seed, double strain, List<Structure> keep) {
        Random rnd = new Random(seed);
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Structure s = TestStructures.distortedBcc(42, 0, 3.2 * (1 + strain + 0.02 * rnd.nextGaussian()), 2, 0.15, seed * 100 + k);
            Results r = TEACHER.compute(s);
            frames.add(new Frame(s, new Labels(r.energy() - 2 * s.size(), r.forces(), r.stress()), k % 3 == 0 ? "hot" : "bulk"));
            if (keep != null) {
                keep.add(s);
            }
        }
        Path p = tmp.resolve(name);
        Formats.write(p, frames);
        return p;
    }

    private static IoCommandsTest.Run fit(Path out) {
        return IoCommandsTest.run("fit", "--data", train.toString(), "--test", test.toString(), "--twojmax", "4", "--rcutfac", "4.4",
                "--committee", "3", "--no-plots", "--out", out.toString());
    }

    @BeforeAll
    static void fitOnce() {
        List<Structure> keep = new ArrayList<>();
        train = data("train.extxyz", 14, 1, 0, keep);
        test = data("test.extxyz", 5, 2, 0, null);
        trainStructures = keep.toArray(new Structure[0]);
        fit = tmp.resolve("fit");
        IoCommandsTest.Run r = fit(fit);
        assertEquals(0, r.code(), r.err());
    }

    private static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }

    @Test
    void fitWritesActiveSetCalibrationAndCommittee() throws IOException {
        JsonNode u = json(fit.resolve("uncertainty.json"));
        assertEquals("Mo", u.get("types").get(0).get("element").asText());
        assertTrue(u.get("types").get(0).get("active_set").get("rank").asInt() > 1);
        assertEquals(3, u.get("committee_members").asInt());
        for (String m : List.of("grade", "outlier", "committee")) {
            assertTrue(u.get("calibration").has(m), m);
        }
        for (int q = 1; q <= 3; q++) {
            assertTrue(Files.isRegularFile(fit.resolve("committee/member-" + q + ".json")));
        }
    }

    /** Every training atom entered the MaxVol selection, so no training structure extrapolates. */
    @Test
    void trainingStructuresHaveGradeAtMostOne() {
        Uncertainty u = Uncertainty.load(fit);
        for (Structure s : trainStructures) {
            double g = AtomScores.max(u.grades(s));
            // MaxVol stops at 1 + 1e-9 (ActiveSet), the SVD rank cut adds round-off
            assertTrue(g <= 1 + 1e-6, "training structure grade " + g);
        }
        // a cell compressed by 12 % is outside the training data
        Structure squeezed = TestStructures.distortedBcc(42, 0, 3.2 * 0.88, 2, 0.15, 77);
        assertTrue(AtomScores.max(u.grades(squeezed)) > 1, "squeezed grade " + AtomScores.max(u.grades(squeezed)));
    }

    /** γ, d and σ_F are functions of the local environment: a rigid rotation + translation and a permutation leave them unchanged. */
    @Test
    void scoresAreInvariantUnderRotationAndPermutation() {
        Uncertainty u = Uncertainty.load(fit);
        Structure s = TestStructures.distortedBcc(42, 0, 3.25, 2, 0.2, 5);
        AtomScores a = u.score(s);
        Structure rot = TestStructures.rotated(s, TestStructures.rotation(3), new double[]{0.3, -1.1, 2.0});
        int n = s.size();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = (7 * i + 3) % n; // 7 is coprime to 16
        }
        double[] x = rot.positions(), y = new double[3 * n];
        int[] z = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 3 * perm[i], y, 3 * i, 3);
            z[i] = rot.numbers()[perm[i]];
        }
        AtomScores b = u.score(new Structure(rot.cell(), z, y));
        for (int i = 0; i < n; i++) {
            int j = perm[i];
            // bispectrum components are rotation invariant to ~1e-12 relative; γ and d are smooth in them
            assertEquals(a.grade()[j], b.grade()[i], 1e-8 * Math.max(1, a.grade()[j]), "grade " + i);
            assertEquals(a.outlier()[j], b.outlier()[i], 1e-7 * Math.max(1, a.outlier()[j]), "outlier " + i);
            assertEquals(a.committeeForceStd()[j], b.committeeForceStd()[i], 1e-9, "committee " + i);
            assertEquals(a.predicted()[j], b.predicted()[i], 1e-9, "predicted " + i);
        }
        assertEquals(a.committeeEnergyStd(), b.committeeEnergyStd(), 1e-9);
    }

    @Test
    void committeeMembersAreReproducibleAndDistinct() throws IOException {
        Path again = tmp.resolve("fit-again");
        IoCommandsTest.Run r = fit(again);
        assertEquals(0, r.code(), r.err());
        for (int q = 1; q <= 3; q++) {
            JsonNode a = json(fit.resolve("committee/member-" + q + ".json")).get("coefficients");
            JsonNode b = json(again.resolve("committee/member-" + q + ".json")).get("coefficients");
            assertEquals(a, b, "member " + q);
        }
        assertNotEquals(json(fit.resolve("committee/member-1.json")).get("coefficients"),
                json(fit.resolve("committee/member-2.json")).get("coefficients"));
        // a refit without --committee removes the stale members
        r = IoCommandsTest.run("fit", "--data", train.toString(), "--twojmax", "4", "--rcutfac", "4.4", "--no-plots", "--out", again.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(!Files.exists(again.resolve("committee")));
    }

    @Test
    void commandWritesPerAtomScoresJsonExtxyzAndPng() throws IOException {
        Path hot = data("strained.extxyz", 2, 9, -0.1, null);
        Path j = tmp.resolve("u.json"), x = tmp.resolve("u.extxyz"), png = tmp.resolve("u.png");
        IoCommandsTest.Run r = IoCommandsTest.run("uncertainty", "--potential", fit.toString(), "--structure", test.toString(),
                hot.toString(), "--json", j.toString(), "--out", x.toString(), "--png", png.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode d = json(j);
        assertEquals(7, d.get("frames").size());
        JsonNode f = d.get("frames").get(0);
        for (String k : List.of("extrapolation_grade", "outlier_score", "distortion_score", "committee_force_std_ev_per_a",
                "predicted_force_error_ev_per_a", "force_error_ev_per_a", "max_extrapolation_grade", "max_outlier_score",
                "max_committee_force_std_ev_per_a", "max_predicted_force_error_ev_per_a")) {
            assertTrue(f.has(k), k);
        }
        assertEquals(16, f.get("extrapolation_grade").size());
        // the 10 %-compressed frames extrapolate, and the output says so
        assertTrue(d.get("frames").get(5).get("max_extrapolation_grade").asDouble() > 1);
        assertTrue(r.out().contains("extrapolating"), r.out());
        assertTrue(d.get("evaluation").get("committee").get("spearman").isNumber());
        List<Frame> back = Formats.read(x);
        assertEquals(7, back.size());
        double[] g = (double[]) back.get(0).structure().arrays().get("extrapolation_grade");
        assertEquals(f.get("extrapolation_grade").get(3).asDouble(), g[3], 1e-8 * Math.max(1, g[3]));
        assertTrue(Files.size(png) > 1000);
        assertTrue(Files.size(tmp.resolve("u-error.png")) > 1000);

        r = IoCommandsTest.run("uncertainty", "--potential", fit.toString(), "--structure", test.toString(), "--method", "gradient");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("unknown uncertainty method 'gradient'"), r.err());
        // recalibration on other labelled data rewrites the calibration and keeps the active set
        Path more = data("more.extxyz", 4, 13, 0, null);
        String before = Files.readString(fit.resolve("uncertainty.json"));
        r = IoCommandsTest.run("uncertainty", "--potential", fit.toString(), "--structure", more.toString(), "--calibrate");
        assertEquals(0, r.code(), r.err());
        JsonNode b = new ObjectMapper().readTree(before), a = json(fit.resolve("uncertainty.json"));
        assertEquals(b.get("types"), a.get("types"));
        assertEquals(64, a.get("calibration").get("grade").get("atoms").asInt());
        r = IoCommandsTest.run("uncertainty", "--potential", tmp.toString(), "--structure", test.toString());
        assertTrue(r.code() != 0 && r.err().contains("uncertainty.json"), r.err());
    }

    /** The grade taken inside the force path is the separately computed one, and the forces are untouched. */
    @Test
    void gradedPotentialGradesInsideTheForcePathWithoutChangingForces() {
        Uncertainty u = Uncertainty.load(fit);
        org.peierls.uncertainty.GradedPotential g = u.graded();
        Potential plain = PotentialSpecs.parse(fit.toString());
        Structure s = TestStructures.distortedBcc(42, 0, 3.2 * 0.93, 2, 0.2, 21);
        Results a = plain.compute(s), b = g.compute(s);
        assertEquals(a.energy(), b.energy(), 0.0);
        for (int i = 0; i < a.forces().length; i++) {
            assertEquals(a.forces()[i], b.forces()[i], 0.0);
        }
        double separate = AtomScores.max(u.grades(s));
        assertEquals(separate, g.takeMax(), 1e-12 * separate);
        assertTrue(Double.isNaN(g.takeMax()), "takeMax resets");
    }

    /** md stops with exit code 3 once γ passes --gamma-stop; relax and neb write the γ column. */
    @Test
    void simulationsGradeAtomsAndStopWhenExtrapolating() throws IOException {
        Structure start = TestStructures.distortedBcc(42, 0, 3.2, 2, 0.05, 31);
        Path in = tmp.resolve("start.extxyz");
        Formats.write(in, List.of(new Frame(start)));
        Path traj = tmp.resolve("hot.extxyz"), mj = tmp.resolve("md.json");
        // 8000 K in a 16-atom cell leaves the 2 %-strained, 0.15 Å-rattled training cells within a few hundred steps
        IoCommandsTest.Run r = IoCommandsTest.run("md", "--potential", fit.toString(), "--structure", in.toString(), "--ensemble", "nvt",
                "--temp", "8000", "--steps", "3000", "--thermo", "50", "--dump-every", "100", "--gamma-stop", "1.5", "--out", traj.toString(),
                "--json", mj.toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--gamma-stop"), r.err());
        JsonNode m = json(mj);
        assertTrue(m.get("stopped_extrapolating").asBoolean());
        assertTrue(m.get("max_extrapolation_grade").asDouble() > 1.5);
        assertTrue(m.get("steps").asLong() < 3000);
        List<Frame> frames = Formats.read(traj);
        double[] last = (double[]) frames.get(frames.size() - 1).structure().arrays().get("extrapolation_grade");
        assertEquals(16, last.length);

        Path relaxed = tmp.resolve("relaxed.extxyz"), rj = tmp.resolve("relax.json");
        r = IoCommandsTest.run("relax", "--potential", fit.toString(), "--structure", in.toString(), "--grade", "--out", relaxed.toString(),
                "--json", rj.toString());
        assertEquals(0, r.code(), r.err());
        double[] g = (double[]) Formats.read(relaxed).get(0).structure().arrays().get("extrapolation_grade");
        assertEquals(json(rj).get("final_max_extrapolation_grade").asDouble(), AtomScores.max(g), 1e-9);
        assertTrue(json(rj).get("max_extrapolation_grade").asDouble() >= AtomScores.max(g) - 1e-9);
        assertTrue(r.out().contains("max extrapolation grade"), r.out());

        // --grade with a potential that is not a fit folder and no --uncertainty: one clear line
        r = IoCommandsTest.run("relax", "--potential", "lj:0.2,2.4,5.0", "--structure", in.toString(), "--grade", "--out", relaxed.toString());
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("--uncertainty DIR"), r.err());
    }

    /** The battery reports the largest γ of every property's structures (taken in the force path). */
    @Test
    void defectBatteryReportsMaxGradePerProperty() throws IOException {
        Path j = tmp.resolve("defects.json");
        IoCommandsTest.Run r = IoCommandsTest.run("defects", "--potential", fit.toString(), "--element", "Mo", "--lattice", "bcc", "--a0",
                "3.2", "--tiny", "--only", "lattice,vacancy", "--grade", "--json", j.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode g = json(j).get("max_extrapolation_grade");
        assertEquals(List.of("lattice", "vacancy"), List.copyOf(iterable(g)));
        for (String k : List.of("lattice", "vacancy")) {
            assertTrue(g.get(k).asDouble() > 0, k + " " + g.get(k));
        }
        assertTrue(r.out().contains("max γ"), r.out());
    }

    private static List<String> iterable(JsonNode n) {
        List<String> l = new ArrayList<>();
        n.fieldNames().forEachRemaining(l::add);
        return l;
    }
}
