package org.peierls.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peierls.active.Family;
import org.peierls.atoms.Frame;
import org.peierls.properties.BatteryResult;
import org.peierls.study.LadderFit;
import org.peierls.study.Study;

/**
 * The numbers of a finished study as the report shows them: the teacher's finite battery scalars
 * (the property columns), each row's values and errors against them, the mean relative property
 * error, the Pareto front of cost against that error, the training data per family — and
 * {@code summary.json}, which holds them all. The plots and the page read their numbers here, so
 * that they cannot disagree with the JSON.
 */
final class StudySummary {

    /** Teacher values smaller than this are compared by absolute difference, not relative error. */
    static final double ABSOLUTE_BELOW = 1e-3;

    /** The configurations of one family: how many, how many held out for testing, their atoms. */
    record FamilyData(Family family, int configs, int test, int atoms) {
    }

    private final Study.Result result;
    private final Map<String, Double> teacher;
    private final List<String> columns;

    StudySummary(Study.Result result) {
        this.result = result;
        this.teacher = scalars(result.teacher());
        this.columns = List.copyOf(teacher.keySet());
    }

    Study.Result result() {
        return result;
    }

    /** The teacher's finite scalars, by dotted name. */
    Map<String, Double> teacher() {
        return teacher;
    }

    /** The property columns: every scalar the teacher has, in the battery's order. */
    List<String> columns() {
        return columns;
    }

    /** The battery's finite scalars under their dotted names (failed or undefined values left out). */
    static Map<String, Double> scalars(BatteryResult battery) {
        Map<String, Double> out = new LinkedHashMap<>();
        battery.scalars().forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Mean over properties of |model − teacher| / |teacher| (properties the model failed to give count as 1). */
    static double meanRelativeError(Map<String, Double> model, Map<String, Double> teacher, List<String> columns) {
        double sum = 0;
        int n = 0;
        for (String c : columns) {
            double t = teacher.get(c);
            if (Math.abs(t) < ABSOLUTE_BELOW) {
                continue;   // a relative error of a value near zero (the core polarity of a compact core) means nothing
            }
            Double v = model.get(c);
            sum += v == null ? 1.0 : Math.min(1.0, Math.abs(v - t) / Math.abs(t));
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** The row's mean relative property error against the teacher. */
    double meanRelativeError(Study.Row row) {
        return meanRelativeError(scalars(row.properties()), teacher, columns);
    }

    /** Rows on the Pareto front of (cost, mean relative property error), cheapest first: no row is both cheaper and better. */
    List<Integer> paretoFront() {
        int n = result.rows().size();
        double[] cost = new double[n], err = new double[n];
        for (int k = 0; k < n; k++) {
            cost[k] = result.rows().get(k).cost();
            err[k] = meanRelativeError(result.rows().get(k));
        }
        List<Integer> front = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            boolean dominated = false;
            for (int q = 0; q < n && !dominated; q++) {
                dominated = q != k && cost[q] <= cost[k] && err[q] <= err[k] && (cost[q] < cost[k] || err[q] < err[k]);
            }
            if (!dominated && Double.isFinite(err[k])) {
                front.add(k);
            }
        }
        front.sort((a, b) -> Double.compare(cost[a], cost[b]));
        return front;
    }

    /** The students in the order of their first row. */
    List<String> students() {
        Set<String> s = new LinkedHashSet<>();
        for (Study.Row row : result.rows()) {
            s.add(row.rung().student());
        }
        return new ArrayList<>(s);
    }

    /** One student's rows, rung by rung. */
    List<Study.Row> rowsOf(String student) {
        return result.rows().stream().filter(x -> x.rung().student().equals(student)).toList();
    }

    /** The training data of every family of the ladder, in ladder order. */
    List<FamilyData> data() {
        List<FamilyData> out = new ArrayList<>();
        for (Family f : result.experiment().families()) {
            int n = 0, atoms = 0, test = 0;
            for (int k = 0; k < result.frames().size(); k++) {
                Frame fr = result.frames().get(k);
                if (Family.ofGroup(fr.group()) == f) {
                    n++;
                    atoms += fr.structure().size();
                    test += result.test()[k] ? 1 : 0;
                }
            }
            out.add(new FamilyData(f, n, test, atoms));
        }
        return out;
    }

    /** The content of {@code summary.json}. */
    Map<String, Object> toJson() {
        Study.Result r = result;
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", r.experiment().name());
        s.put("element", r.experiment().element());
        s.put("lattice", r.experiment().lattice());
        s.put("teacher", r.experiment().teacher());
        s.put("lattice_constant_a", r.a0());
        s.put("quick", r.experiment().quick());
        Map<String, Object> data = new LinkedHashMap<>();
        for (FamilyData d : data()) {
            data.put(d.family().key(), Map.of("configs", d.configs(), "atoms", d.atoms(), "test_configs", d.test()));
        }
        s.put("data", data);
        s.put("properties", columns);
        s.put("teacher_properties", teacher);
        s.put("teacher_battery", r.teacher().toJson());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Study.Row row : r.rows()) {
            rows.add(row(row));
        }
        s.put("rows", rows);
        s.put("pareto_front", paretoFront().stream().map(k -> r.rows().get(k).rung().id()).toList());
        s.put("timings_s", r.timings());
        return s;
    }

    private Map<String, Object> row(Study.Row row) {
        LadderFit.Rung g = row.rung();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", g.student());
        m.put("rung", g.families().get(g.families().size() - 1).key());
        m.put("id", g.id());
        m.put("training_families", g.families().stream().map(Family::key).toList());
        m.put("train_configs", g.trainConfigs());
        m.put("cost_us_per_atom_step", row.cost());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("train", g.train().toJson());
        metrics.put("test", g.testAll().toJson());
        Map<String, Object> fam = new LinkedHashMap<>();
        g.test().forEach((f, mm) -> fam.put(f.key(), mm.toJson()));
        metrics.put("test_by_family", fam);
        m.put("metrics", metrics);
        Map<String, Double> vals = scalars(row.properties());
        Map<String, Object> props = new LinkedHashMap<>();
        Map<String, Object> errors = new LinkedHashMap<>();
        for (String c : columns) {
            Double v = vals.get(c);
            props.put(c, v);
            errors.put(c, v == null ? null : v - teacher.get(c));
        }
        m.put("properties", props);
        m.put("errors_vs_teacher", errors);
        m.put("mean_relative_property_error", meanRelativeError(vals, teacher, columns));
        m.put("battery_errors", row.properties().errors());
        m.put("battery_seconds", row.properties().totalSeconds());
        if (row.uncertainty() != null) {
            m.put("uncertainty", row.uncertainty().toJson());
        }
        return m;
    }
}
