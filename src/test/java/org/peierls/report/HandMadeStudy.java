package org.peierls.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.active.Family;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.fit.Metrics;
import org.peierls.fit.Prediction;
import org.peierls.properties.BatteryResult;
import org.peierls.study.Experiment;
import org.peierls.study.LadderFit;
import org.peierls.study.Study;

/**
 * A study result written by hand, small enough to check the report against on paper: a two-rung
 * ladder (bulk, +point) of two students — one called {@code a<b}, to test escaping — on four
 * labelled frames, a teacher battery with a lattice constant, C11, a vacancy energy, two surfaces,
 * a GSF and a screw-core polarity, and student batteries whose values are the teacher's times
 * known factors (one rung fails its vacancy calculation).
 */
final class HandMadeStudy {

    static final String STUDENT = "a<b";
    static final String OTHER = "snap2";

    private HandMadeStudy() {
    }

    static Experiment experiment() {
        return new Experiment("Ta <study> & co", "Ta", "bcc", null, "zhou2004:Ta", 1L, 0.25, List.of("bulk", "point"),
                List.of(new Experiment.Student(STUDENT, "snap", null, Map.of()), new Experiment.Student(OTHER, "qsnap", null, Map.of())),
                null, null, true, null, null, null);
    }

    /** Frames: bulk (2 and 4 atoms), point (3 and 5 atoms); the second of each family is held out. */
    static List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(frame(2, -16.0, "bulk/strained"));
        f.add(frame(4, -32.4, "bulk/rattled"));
        f.add(frame(3, -23.0, "point/vacancy"));
        f.add(frame(5, -39.0, "point/interstitial"));
        return f;
    }

    static final boolean[] TEST = {false, true, false, true};

    private static Frame frame(int atoms, double energy, String group) {
        int[] z = new int[atoms];
        Arrays.fill(z, 73);
        double[] x = new double[3 * atoms];
        for (int i = 0; i < atoms; i++) {
            x[3 * i] = 1.5 * i;
        }
        return new Frame(new Structure(Cell.orthorhombic(10, 10, 10), z, x), new Labels(energy, null, null), group);
    }

    /** The teacher's battery; {@code gsf.110.intrinsic_mj_m2} is null (no stable fault) and must not become a column. */
    static BatteryResult teacher() {
        return battery(Map.of("lattice_constant_a", 3.30, "c11_gpa", 260.0, "vacancy_formation_ev", 2.90, "s100", 2.50, "s110", 2.30,
                "gsf", 700.0, "polarity", 0.0), Map.of(), Map.of("screw_core", "screw_core.png"));
    }

    /** A student battery: each teacher value times {@code factor} (the polarity plus {@code factor − 1}), optionally without its vacancy. */
    static BatteryResult student(double factor, boolean vacancyFails, boolean withPlot) {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("lattice_constant_a", 3.30 * factor);
        v.put("c11_gpa", 260.0 * factor);
        if (!vacancyFails) {
            v.put("vacancy_formation_ev", 2.90 * factor);
        }
        v.put("s100", 2.50 * factor);
        v.put("s110", 2.30 * factor);
        v.put("gsf", 700.0 * factor);
        v.put("polarity", factor - 1);
        return battery(v, vacancyFails ? Map.of("vacancy", "relaxation left E < 0 & diverged") : Map.of(),
                withPlot ? Map.of("screw_core", "screw_core.png") : Map.of());
    }

    private static BatteryResult battery(Map<String, Double> v, Map<String, String> errors, Map<String, String> plots) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("element", "Ta");
        m.put("lattice", "bcc");
        m.put("potential", "test");
        m.put("lattice_constant_a", v.get("lattice_constant_a"));
        m.put("c11_gpa", v.get("c11_gpa"));
        if (v.containsKey("vacancy_formation_ev")) {
            m.put("vacancy_formation_ev", v.get("vacancy_formation_ev"));
        }
        Map<String, Object> surfaces = new LinkedHashMap<>();
        surfaces.put("100", v.get("s100"));
        surfaces.put("110", v.get("s110"));
        m.put("surface_energy_j_m2", surfaces);
        Map<String, Object> gsf = new LinkedHashMap<>();
        gsf.put("unstable_mj_m2", v.get("gsf"));
        gsf.put("intrinsic_mj_m2", null);
        gsf.put("fractions", List.of(0.0, 0.5, 1.0));
        gsf.put("curve", List.of(0.0, v.get("gsf"), 0.0));
        m.put("gsf", Map.of("110", gsf));
        Map<String, Object> core = new LinkedHashMap<>();
        core.put("polarity", v.get("polarity"));
        core.put("compact", true);
        core.put("type", "compact/non-degenerate");
        m.put("screw_core", core);
        m.put("peierls_barrier_profile", Map.of("coordinate", List.of(0.0, 0.5, 1.0), "energy_ev_per_b", List.of(0.0, 0.03, 0.0)));
        m.put("errors", errors);
        m.put("timings_s", Map.of("lattice", 1.0));
        m.put("total_seconds", 3.5);
        m.put("plots", plots);
        return BatteryResult.fromJson(new ObjectMapper().valueToTree(m));
    }

    /** Errors per rung: train 1 meV/atom; test on bulk/point as given. */
    private static LadderFit.Rung rung(String student, int rung, double bulkMae, double pointMae, double factor) {
        List<Family> families = rung == 0 ? List.of(Family.BULK) : List.of(Family.BULK, Family.POINT);
        Map<Family, Metrics> test = new LinkedHashMap<>();
        test.put(Family.BULK, new Metrics(bulkMae, bulkMae, 0.1, 0.1, Double.NaN, 1));
        test.put(Family.POINT, new Metrics(pointMae, pointMae, 0.2, 0.2, Double.NaN, 1));
        Metrics all = new Metrics(0.5 * (bulkMae + pointMae), 0.5 * (bulkMae + pointMae), 0.15, 0.15, Double.NaN, 2);
        List<Prediction> predictions = new ArrayList<>();
        for (Frame f : frames()) {
            boolean used = rung == 1 || f.group().startsWith("bulk");
            predictions.add(used ? new Prediction(f.labels().energy() * factor, null, null) : null);
        }
        return new LadderFit.Rung(student, rung, families, null, predictions, Map.of(), new Metrics(1, 1, 0.05, 0.05, Double.NaN, 2),
                test, all, rung == 0 ? 1 : 2);
    }

    /**
     * The result. Rows, with cost (µs/atom-step) and property factor: a&lt;b@bulk 10, ×1.10 (no
     * vacancy); a&lt;b@point 10, ×1.01; snap2@bulk 40, ×1.05; snap2@point 40, ×1.001.
     */
    static Study.Result result() {
        List<Study.Row> rows = List.of(
                new Study.Row(rung(STUDENT, 0, 3.0, 30.0, 1.10), 10, student(1.10, true, false)),
                new Study.Row(rung(STUDENT, 1, 2.0, 4.0, 1.01), 10, student(1.01, false, true)),
                new Study.Row(rung(OTHER, 0, 1.5, 20.0, 1.05), 40, student(1.05, false, true)),
                new Study.Row(rung(OTHER, 1, 1.0, 2.0, 1.001), 40, student(1.001, false, true)));
        Map<String, Double> timings = new LinkedHashMap<>();
        timings.put("teacher data", 12.25);
        timings.put("fit <a>", 4.0);
        return new Study.Result(experiment(), 3.30, frames(), TEST, teacher(), rows, timings);
    }
}
