package org.peierls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.TestStructures;
import org.peierls.io.Formats;
import org.peierls.model.SnapFiles;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.Results;
import org.peierls.testutil.SharedData;

/** {@code peierls fit} and {@code peierls test} through {@link Peierls#execute}. */
class FitCommandsTest {

    @TempDir
    Path tmp;

    private static final List<String> METRIC_KEYS = List.of("energy_mae_mev_per_atom", "energy_rmse_mev_per_atom",
            "force_mae_ev_per_a", "force_rmse_ev_per_a", "stress_mae_gpa", "n_configs");

    /** Distorted bcc Mo cells labelled by a Lennard-Jones teacher, config_type "bulk" or "hot". */
    private Path data(String name, int count, long seed, boolean nanForce) {
        Potential teacher = PotentialSpecs.parse("lj:0.2,2.4,5.0");
        Random rnd = new Random(seed);
        List<Frame> frames = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            Structure s = TestStructures.distortedBcc(42, 0, 3.2 * (1 + 0.02 * rnd.nextGaussian()), 2, 0.15, seed * 100 + k);
            Results r = teacher.compute(s);
            double[] f = r.forces();
            if (nanForce && k == 1) {
                f[4] = Double.NaN;
            }
            frames.add(new Frame(s, new Labels(r.energy() - 2 * s.size(), f, r.stress()), k % 3 == 0 ? "hot" : "bulk"));
        }
        Path p = tmp.resolve(name);
        Formats.write(p, frames);
        return p;
    }

    private static JsonNode json(Path p) throws IOException {
        return new ObjectMapper().readTree(p.toFile());
    }

    private static void assertMetricKeys(JsonNode m) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        assertEquals(METRIC_KEYS, keys);
    }

    @Test
    void fitWritesModelLammpsFilesMetricsAndPlotsThatTestReproduces() throws IOException {
        Path train = data("train.extxyz", 9, 1, false), test = data("test.extxyz", 4, 2, false);
        Path out = tmp.resolve("fit");
        IoCommandsTest.Run r = IoCommandsTest.run("fit", "--data", train.toString(), "--test", test.toString(), "--model",
                "qsnap", "--twojmax", "4", "--rcutfac", "4.4", "--reference", "zbl:2.0,3.0", "--stress-weight", "0.5",
                "--name", "Mo_test", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("model.json", "Mo_test.snap", "Mo_test.snapcoeff", "Mo_test.snapparam", "metrics.json",
                "energy_parity.png", "force_parity.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode m = json(out.resolve("metrics.json"));
        assertEquals(List.of("train", "test", "groups"), fieldNames(m));
        assertMetricKeys(m.get("train"));
        assertMetricKeys(m.get("test"));
        assertEquals(9, m.get("train").get("n_configs").asInt());
        assertEquals(4, m.get("test").get("n_configs").asInt());
        assertEquals(List.of("hot", "bulk"), fieldNames(m.get("groups")));
        assertMetricKeys(m.get("groups").get("hot").get("test"));
        assertTrue(Files.readString(out.resolve("Mo_test.snap")).contains("pair_style hybrid/overlay zbl 2.0 3.0 snap"));

        // peierls test on the folder, on model.json and on the LAMMPS include file: the same test metrics
        // as the fit computed from its design rows (1e-9 relative: two independent evaluation paths)
        for (String spec : List.of(out.toString(), out.resolve("model.json").toString(), "snap:" + out.resolve("Mo_test.snap"))) {
            Path j = tmp.resolve("test-" + Math.abs(spec.hashCode()) + ".json");
            IoCommandsTest.Run t = IoCommandsTest.run("test", "--potential", spec, "--data", test.toString(), "--json", j.toString());
            assertEquals(0, t.code(), t.err());
            JsonNode tm = json(j);
            assertMetricKeys(tm.get("test"));
            for (String k : METRIC_KEYS) {
                double a = m.get("test").get(k).asDouble(), b = tm.get("test").get(k).asDouble();
                assertEquals(a, b, 1e-9 * Math.abs(a), spec + " " + k);
            }
        }
    }

    @Test
    void crossValidationWritesCandidates() throws IOException {
        Path train = data("train.extxyz", 8, 3, false);
        Path out = tmp.resolve("cv");
        IoCommandsTest.Run r = IoCommandsTest.run("fit", "--data", train.toString(), "--twojmax", "2,4", "--rcutfac",
                "4.4", "--energy-weight", "10,100", "--cv", "3", "--no-plots", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode cv = json(out.resolve("cv.json"));
        assertEquals(4, cv.get("candidates").size());
        assertTrue(r.out().contains("best: 2J="), r.out());
        assertEquals(0, json(out.resolve("metrics.json")).get("test").get("n_configs").asInt());
    }

    @Test
    void badInputIsOneClearLine() throws IOException {
        Path train = data("train.extxyz", 4, 4, false);
        Path weights = tmp.resolve("w.yaml");
        Files.writeString(weights, "groups:\n  Vacancy: {energy: 10}\n");
        IoCommandsTest.Run r = IoCommandsTest.run("fit", "--data", train.toString(), "--weights", weights.toString(), "--out",
                tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("group 'Vacancy' has weights but no configurations"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());

        Files.writeString(weights, "stress_unit: psi\ndefault: {stress: 1}\n");
        r = IoCommandsTest.run("fit", "--data", train.toString(), "--weights", weights.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("incompatible units"), r.err());

        Path nan = data("nan.extxyz", 3, 5, true);
        r = IoCommandsTest.run("fit", "--data", nan.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nan.extxyz#1") && r.err().contains("not finite"), r.err());

        r = IoCommandsTest.run("fit", "--data", train.toString(), "--reference", "lj:0.1,2,4", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cannot be written into the LAMMPS .snap file"), r.err());

        r = IoCommandsTest.run("test", "--potential", tmp.toString(), "--data", train.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("not a potential Peierls can load"), r.err());
    }

    /**
     * {@code fit --model mtp}: the same outputs as a SNAP fit with NAME.mtp and NAME.mlip.ini
     * instead of the SNAP files; {@code test} on the folder, model.json and {@code mtp:NAME.mtp}
     * reproduces the fit's test metrics (1e-9 relative: the .mtp numbers are written in round-trip
     * form); {@code --init} continues a fit where it stopped.
     */
    @Test
    void mtpFitWritesModelMtpFileMetricsAndPlotsThatTestReproduces() throws IOException {
        Path train = data("train.extxyz", 8, 11, false), test = data("test.extxyz", 3, 12, false);
        Path out = tmp.resolve("mtp");
        IoCommandsTest.Run r = IoCommandsTest.run("fit", "--data", train.toString(), "--test", test.toString(), "--model",
                "mtp", "--level", "8", "--radial-basis-size", "6", "--min-dist", "1.8", "--max-dist", "4.6", "--max-iter", "3",
                "--mtp-ridge", "0", "--stress-weight", "0.5", "--name", "Mo_mtp", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("model.json", "Mo_mtp.mtp", "Mo_mtp.mlip.ini", "metrics.json", "energy_parity.png",
                "force_parity.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(!Files.exists(out.resolve("Mo_mtp.snapcoeff")));
        assertTrue(r.out().contains("iteration    0: loss"), r.out());
        JsonNode m = json(out.resolve("metrics.json"));
        assertMetricKeys(m.get("train"));
        assertMetricKeys(m.get("test"));
        assertEquals(3, m.get("test").get("n_configs").asInt());
        JsonNode model = json(out.resolve("model.json"));
        assertEquals("mtp", model.get("kind").asText());
        assertEquals(8, model.get("descriptor").get("level").asInt());
        assertEquals("mlip Mo_mtp.mlip.ini", model.get("lammps").get("pair_style").asText());
        for (String spec : List.of(out.toString(), out.resolve("model.json").toString(), "mtp:" + out.resolve("Mo_mtp.mtp"))) {
            Path j = tmp.resolve("test-" + Math.abs(spec.hashCode()) + ".json");
            IoCommandsTest.Run t = IoCommandsTest.run("test", "--potential", spec, "--data", test.toString(), "--json", j.toString());
            assertEquals(0, t.code(), t.err());
            JsonNode tm = json(j);
            for (String k : METRIC_KEYS) {
                double a = m.get("test").get(k).asDouble(), b = tm.get("test").get(k).asDouble();
                assertEquals(a, b, 1e-9 * Math.abs(a), spec + " " + k);
            }
        }
        // continuing from the written .mtp starts where the first fit ended (no ridge, which would be
        // re-scaled at the new start; 1e-9 relative: the same least-squares problem solved twice)
        Path more = tmp.resolve("mtp2");
        r = IoCommandsTest.run("fit", "--data", train.toString(), "--model", "mtp", "--level", "8", "--radial-basis-size", "6",
                "--min-dist", "1.8", "--max-dist", "4.6", "--max-iter", "0", "--mtp-ridge", "0", "--stress-weight", "0.5",
                "--init", out.resolve("Mo_mtp.mtp").toString(), "--no-plots", "--out", more.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode h1 = model.get("fit").get("history"), h2 = json(more.resolve("model.json")).get("fit").get("history");
        double end = h1.get(h1.size() - 1).get("loss").asDouble(), start = h2.get(0).get("loss").asDouble();
        assertEquals(end, start, 1e-9 * end);
        assertTrue(end < h1.get(0).get("loss").asDouble());

        r = IoCommandsTest.run("fit", "--data", train.toString(), "--level", "8", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--level is an option of mtp models") && r.err().contains("use it with --model mtp"), r.err());
        // several weights: chosen by cross-validation of the linear step at the --init radial functions
        Path cvOut = tmp.resolve("mtp-cv");
        r = IoCommandsTest.run("fit", "--data", train.toString(), "--test", test.toString(), "--model", "mtp", "--level", "8",
                "--radial-basis-size", "6", "--min-dist", "1.8", "--max-dist", "4.6", "--max-iter", "0", "--energy-weight", "10,100,1000", "--cv", "3",
                "--init", out.resolve("Mo_mtp.mtp").toString(), "--no-plots", "--out", cvOut.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("cross-validation: 3-fold over 3 weight combinations"), r.out());
        JsonNode cv = json(cvOut.resolve("cv.json"));
        assertEquals(3, cv.get("candidates").size());
        double bestScore = Double.POSITIVE_INFINITY, bestWeight = Double.NaN;
        for (JsonNode c : cv.get("candidates")) {
            if (c.get("score").asDouble() < bestScore) {
                bestScore = c.get("score").asDouble();
                bestWeight = c.get("weights").get("energy_per_ev_per_atom").asDouble();
            }
        }
        assertEquals(bestWeight, cv.get("chosen_weights").get("energy_per_ev_per_atom").asDouble());
        assertEquals(bestWeight, json(cvOut.resolve("model.json")).get("fit").get("default_weights")
                .get("energy_per_ev_per_atom").asDouble());
        r = IoCommandsTest.run("fit", "--data", train.toString(), "--model", "mtp", "--energy-weight", "10,100", "--cv", "1",
                "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--cv needs at least 2 folds"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        r = IoCommandsTest.run("fit", "--data", train.toString(), "--model", "mtp", "--init", out.resolve("Mo_mtp.mtp").toString(),
                "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("radial basis"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    /** The FitSNAP route end to end: the written coefficient file equals FitSNAP's to 1e-6 relative. */
    @Test
    void fitsnapInputReproducesTaCoefficients() throws IOException {
        Path in = SharedData.data("ta-snap/Ta-example.in");
        Path out = tmp.resolve("ta");
        IoCommandsTest.Run r = IoCommandsTest.run("fit", "--fitsnap-input", in.toString(), "--no-plots", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        double[] ref = SnapFiles.readCoefficients(SharedData.data("ta-snap/reference/Ta_pot.snapcoeff")).coefficients()[0];
        double[] got = SnapFiles.readCoefficients(out.resolve("Ta_pot.snapcoeff")).coefficients()[0];
        for (int k = 0; k < ref.length; k++) {
            assertEquals(ref[k], got[k], 1e-6 * Math.abs(ref[k]), "coefficient " + k);
        }
        assertTrue(Files.readString(out.resolve("Ta_pot.snap")).contains("pair_coeff 1 1 zbl 73 73"));
        assertTrue(Files.readString(out.resolve("Ta_metrics.md")).contains("('GSF_110', 'Unweighted', 'Energy')"));
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
