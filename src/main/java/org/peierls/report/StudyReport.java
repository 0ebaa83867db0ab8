package org.peierls.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.peierls.active.Family;
import org.peierls.atoms.Frame;
import org.peierls.fit.Metrics;
import org.peierls.fit.Prediction;
import org.peierls.io.AtomicWrite;
import org.peierls.properties.BatteryResult;
import org.peierls.study.LadderFit;
import org.peierls.study.Study;

/**
 * Writes {@code summary.json} and a static {@code index.html} (PNGs beside it, opens from disk) for
 * a finished study: the Table-I-style matrix of defect properties (rows model × rung, each cell the
 * value and its error against the teacher, coloured), the ablation curves, parity plots, the
 * battery's own plots, cost vs error with the Pareto front, and timings.
 */
public final class StudyReport {

    private StudyReport() {
    }

    /** The battery's finite scalars under their dotted names (failed or undefined values left out). */
    public static Map<String, Double> scalars(BatteryResult battery) {
        Map<String, Double> out = new LinkedHashMap<>();
        battery.scalars().forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Writes summary.json, index.html and the plots into {@code out}. */
    public static void write(Study.Result result, Path out) {
        Map<String, Double> teacher = scalars(result.teacher());
        List<String> columns = new ArrayList<>(teacher.keySet());
        Map<String, Object> summary = summary(result, teacher, columns);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicWrite.text(out.resolve("summary.json"), w -> w.write(json.writeValueAsString(summary)));

        List<String> images = new ArrayList<>();
        images.addAll(ladderPlots(result, out));
        images.add(paretoPlot(result, out));
        images.addAll(parityPlots(result, out));
        List<String> overlays = overlayPlots(result, out);
        html(result, out, teacher, columns, images, overlays);
    }

    // ---------------------------------------------------------------- summary.json

    private static Map<String, Object> summary(Study.Result r, Map<String, Double> teacher, List<String> columns) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", r.experiment().name());
        s.put("element", r.experiment().element());
        s.put("lattice", r.experiment().lattice());
        s.put("teacher", r.experiment().teacher());
        s.put("lattice_constant_a", r.a0());
        s.put("quick", r.experiment().quick());
        Map<String, Object> data = new LinkedHashMap<>();
        for (Family f : r.experiment().families()) {
            int n = 0, atoms = 0, test = 0;
            for (int k = 0; k < r.frames().size(); k++) {
                Frame fr = r.frames().get(k);
                if (Family.ofGroup(fr.group()) == f) {
                    n++;
                    atoms += fr.structure().size();
                    test += r.test()[k] ? 1 : 0;
                }
            }
            data.put(f.key(), Map.of("configs", n, "atoms", atoms, "test_configs", test));
        }
        s.put("data", data);
        s.put("properties", columns);
        s.put("teacher_properties", scalars(r.teacher()));
        s.put("teacher_battery", r.teacher().toJson());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Study.Row row : r.rows()) {
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
            rows.add(m);
        }
        s.put("rows", rows);
        s.put("pareto_front", paretoFront(r).stream().map(k -> r.rows().get(k).rung().id()).toList());
        s.put("timings_s", r.timings());
        return s;
    }

    /** Teacher values smaller than this are compared by absolute difference, not relative error. */
    static final double ABSOLUTE_BELOW = 1e-3;

    /** Mean over properties of |model − teacher| / |teacher| (properties the model failed to give count as 1). */
    public static double meanRelativeError(Map<String, Double> model, Map<String, Double> teacher, List<String> columns) {
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

    /** Rows on the Pareto front of (cost, mean relative property error): no row is both cheaper and better. */
    static List<Integer> paretoFront(Study.Result r) {
        Map<String, Double> teacher = scalars(r.teacher());
        List<String> cols = new ArrayList<>(teacher.keySet());
        int n = r.rows().size();
        double[] cost = new double[n], err = new double[n];
        for (int k = 0; k < n; k++) {
            cost[k] = r.rows().get(k).cost();
            err[k] = meanRelativeError(scalars(r.rows().get(k).properties()), teacher, cols);
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

    // ---------------------------------------------------------------- plots

    private static List<String> ladderPlots(Study.Result r, Path out) {
        List<String> names = new ArrayList<>();
        List<Family> ladder = r.experiment().families();
        Map<String, Double> teacher = scalars(r.teacher());
        List<String> cols = new ArrayList<>(teacher.keySet());
        for (String student : students(r)) {
            List<Study.Row> rows = r.rows().stream().filter(x -> x.rung().student().equals(student)).toList();
            double[] x = new double[rows.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = k + 1;
            }
            List<Charts.Series> series = new ArrayList<>();
            for (Family f : ladder) {
                double[] y = new double[rows.size()];
                for (int k = 0; k < y.length; k++) {
                    Metrics m = rows.get(k).rung().test().get(f);
                    y[k] = m == null ? Double.NaN : Math.max(1e-3, m.energyMae());
                }
                series.add(new Charts.Series("test on " + f.key(), x, y, false));
            }
            String name = "ladder_" + safe(student) + "_energy.png";
            Charts.lines(out.resolve(name), student + ": test energy error per family vs training rung (1 = " + ladder.get(0).key()
                    + " … " + ladder.size() + " = +" + ladder.get(ladder.size() - 1).key() + ")", "rung", "energy MAE (meV/atom)", series, true);
            names.add(name);
            // property errors vs rung
            List<Map<String, Double>> values = rows.stream().map(row -> scalars(row.properties())).toList();
            List<Charts.Series> ps = new ArrayList<>();
            Set<String> groups = new LinkedHashSet<>();
            for (String c : cols) {
                double t = teacher.get(c);
                // one curve per battery property (its first value: c11, the (100) surface, …), readable
                if (Math.abs(t) < ABSOLUTE_BELOW || c.startsWith("peierls_barrier_humps") || c.startsWith("screw_core.compact")
                        || !groups.add(String.valueOf(BatteryResult.propertyOf(c)))) {
                    continue;
                }
                double[] y = new double[rows.size()];
                for (int k = 0; k < y.length; k++) {
                    Double v = values.get(k).get(c);
                    y[k] = v == null ? Double.NaN : Math.max(1e-4, 100 * Math.abs(v - t) / Math.abs(t));
                }
                ps.add(new Charts.Series(c, x, y, false));
            }
            String pname = "ladder_" + safe(student) + "_properties.png";
            Charts.lines(out.resolve(pname), student + ": property error vs teacher per training rung", "rung",
                    "|error| (% of teacher)", ps, true);
            names.add(pname);
        }
        return names;
    }

    private static String paretoPlot(Study.Result r, Path out) {
        Map<String, Double> teacher = scalars(r.teacher());
        List<String> cols = new ArrayList<>(teacher.keySet());
        List<Charts.Series> pts = new ArrayList<>();
        for (Study.Row row : r.rows()) {
            double e = 100 * meanRelativeError(scalars(row.properties()), teacher, cols);
            pts.add(new Charts.Series(row.rung().id(), new double[]{row.cost()}, new double[]{Math.max(1e-3, e)}, false));
        }
        List<Integer> front = paretoFront(r);
        double[] fx = new double[front.size()], fy = new double[front.size()];
        for (int k = 0; k < front.size(); k++) {
            Study.Row row = r.rows().get(front.get(k));
            fx[k] = row.cost();
            fy[k] = Math.max(1e-3, 100 * meanRelativeError(scalars(row.properties()), teacher, cols));
        }
        String name = "pareto.png";
        Charts.scatter(out.resolve(name), "Cost vs defect-property error (Pareto front dashed)", "cost (µs/atom-step, 1 thread)",
                "mean |property error| (% of teacher)", pts, new Charts.Series("Pareto front", fx, fy, true), true, true);
        return name;
    }

    /**
     * The teacher's curves against every rung of each student: GSF lines, the vacancy hop and the
     * Peierls barrier (the seed's point: γ-surfaces and cores in the training set fix the barrier).
     */
    private static List<String> overlayPlots(Study.Result r, Path out) {
        List<String> names = new ArrayList<>();
        BatteryResult t = r.teacher();
        for (String student : students(r)) {
            List<Study.Row> rows = r.rows().stream().filter(x -> x.rung().student().equals(student)).toList();
            for (Map.Entry<String, BatteryResult.Curve> g : t.gsfCurves().entrySet()) {
                List<Charts.Series> series = new ArrayList<>();
                series.add(new Charts.Series("teacher", g.getValue().x(), g.getValue().y(), true));
                for (Study.Row row : rows) {
                    BatteryResult.Curve c = row.properties().gsfCurves().get(g.getKey());
                    if (c != null) {
                        series.add(new Charts.Series("+" + lastFamily(row), c.x(), c.y(), false));
                    }
                }
                String name = "overlay_gsf_" + safe(g.getKey()) + "_" + safe(student) + ".png";
                Charts.lines(out.resolve(name), student + ": GSF {" + g.getKey() + "} per training rung vs teacher",
                        "shift (fraction of the period)", "γ (mJ/m²)", series);
                names.add(name);
            }
            names.addAll(curveOverlay(out, student, rows, t.peierlsProfile(), row -> row.properties().peierlsProfile(),
                    "overlay_peierls_" + safe(student) + ".png", student + ": Peierls barrier per training rung vs teacher",
                    "reaction coordinate", "energy (eV/b)"));
            names.addAll(curveOverlay(out, student, rows, t.vacancyMigrationProfile(), row -> row.properties().vacancyMigrationProfile(),
                    "overlay_vacancy_hop_" + safe(student) + ".png", student + ": vacancy hop per training rung vs teacher",
                    "path length (Å)", "energy (eV)"));
        }
        return names;
    }

    private static List<String> curveOverlay(Path out, String student, List<Study.Row> rows, BatteryResult.Curve teacher,
                                             java.util.function.Function<Study.Row, BatteryResult.Curve> of, String name, String title,
                                             String xLabel, String yLabel) {
        if (teacher == null) {
            return List.of();
        }
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series("teacher", teacher.x(), teacher.y(), true));
        for (Study.Row row : rows) {
            BatteryResult.Curve c = of.apply(row);
            if (c != null) {
                series.add(new Charts.Series("+" + lastFamily(row), c.x(), c.y(), false));
            }
        }
        Charts.lines(out.resolve(name), title, xLabel, yLabel, series);
        return List.of(name);
    }

    private static String lastFamily(Study.Row row) {
        List<Family> f = row.rung().families();
        return f.get(f.size() - 1).key();
    }

    private static List<String> parityPlots(Study.Result r, Path out) {
        List<String> names = new ArrayList<>();
        for (String student : students(r)) {
            Study.Row last = null;
            for (Study.Row row : r.rows()) {
                if (row.rung().student().equals(student)) {
                    last = row;
                }
            }
            if (last == null) {
                continue;
            }
            List<Prediction> pred = last.rung().predictions();
            List<Double> tx = new ArrayList<>(), ty = new ArrayList<>(), sx = new ArrayList<>(), sy = new ArrayList<>();
            for (int k = 0; k < r.frames().size(); k++) {
                Prediction p = pred.get(k);
                if (p == null) {
                    continue;
                }
                Frame f = r.frames().get(k);
                double n = f.structure().size();
                (r.test()[k] ? sx : tx).add(f.labels().energy() / n);
                (r.test()[k] ? sy : ty).add(p.energy() / n);
            }
            String name = "parity_" + safe(student) + ".png";
            Charts.parity(out.resolve(name), student + " (all families): energy per atom", "eV/atom",
                    List.of(new Charts.Series("train", toArray(tx), toArray(ty), false),
                            new Charts.Series("test", toArray(sx), toArray(sy), false)));
            names.add(name);
        }
        return names;
    }

    // ---------------------------------------------------------------- html

    private static void html(Study.Result r, Path out, Map<String, Double> teacher, List<String> columns, List<String> images,
                             List<String> overlays) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(r.experiment().name()))
         .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1400px}table{border-collapse:collapse;font-size:13px}"
                 + "td,th{border:1px solid #ccc;padding:3px 6px;text-align:right}th{background:#f0f0f0}td.l,th.l{text-align:left}"
                 + "img{max-width:100%;border:1px solid #eee;margin:4px}.small{color:#666;font-size:12px}</style></head><body>\n");
        h.append("<h1>").append(esc(r.experiment().name())).append("</h1>\n");
        h.append("<p>Teacher <b>").append(esc(r.experiment().teacher())).append("</b>, ").append(esc(r.experiment().lattice()))
         .append(" ").append(esc(r.experiment().element())).append(String.format(Locale.ROOT, ", a<sub>0</sub> = %.4f Å", r.a0()))
         .append(r.experiment().quick() ? " — <b>quick study</b> (small cells)" : "").append(". Students are fitted on a ladder of training sets; ")
         .append("each rung adds one family of configurations. Every model then goes through the same defect battery as the teacher.</p>\n");

        h.append("<h2>Training data</h2>\n<table><tr><th class=l>family</th><th>configurations</th><th>held out</th><th>atoms</th><th class=l>what</th></tr>\n");
        for (Family f : r.experiment().families()) {
            int n = 0, atoms = 0, test = 0;
            for (int k = 0; k < r.frames().size(); k++) {
                if (Family.ofGroup(r.frames().get(k).group()) == f) {
                    n++;
                    atoms += r.frames().get(k).structure().size();
                    test += r.test()[k] ? 1 : 0;
                }
            }
            h.append("<tr><td class=l>").append(f.key()).append("</td><td>").append(n).append("</td><td>").append(test)
             .append("</td><td>").append(atoms).append("</td><td class=l>").append(esc(f.description())).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Defect properties: model × training rung vs teacher</h2>\n<p class=small>Each cell: the model's value and, below it, "
                 + "the difference from the teacher. Colour: green &lt; 2 %, yellow &lt; 10 %, orange &lt; 25 %, red ≥ 25 % relative error; grey: not obtained.</p>\n");
        h.append("<div style=\"overflow-x:auto\"><table><tr><th class=l>model @ last family</th><th>train configs</th><th>test E MAE<br>meV/atom</th><th>test F MAE<br>eV/Å</th><th>cost<br>µs/atom-step</th>");
        for (String c : columns) {
            h.append("<th>").append(esc(c.replace('.', ' '))).append("</th>");
        }
        h.append("</tr>\n<tr><td class=l><b>teacher</b></td><td></td><td></td><td></td><td></td>");
        for (String c : columns) {
            h.append("<td><b>").append(fmt(teacher.get(c))).append("</b></td>");
        }
        h.append("</tr>\n");
        for (Study.Row row : r.rows()) {
            LadderFit.Rung g = row.rung();
            Map<String, Double> vals = scalars(row.properties());
            h.append("<tr><td class=l>").append(esc(g.id())).append("</td><td>").append(g.trainConfigs()).append("</td><td>")
             .append(fmt(g.testAll().energyMae())).append("</td><td>").append(fmt(g.testAll().forceMae())).append("</td><td>")
             .append(fmt(row.cost())).append("</td>");
            for (String c : columns) {
                Double v = vals.get(c);
                double t = teacher.get(c);
                if (v == null) {
                    String why = failure(row.properties(), c);
                    h.append("<td style=\"background:#ddd\"").append(why == null ? "" : " title=\"" + esc(why) + "\"").append(">—</td>");
                    continue;
                }
                // relative error, or for values near zero (core polarity) the absolute difference
                double rel = Math.abs(t) < ABSOLUTE_BELOW ? 0.1 * Math.abs(v - t) / 0.05 : Math.abs(v - t) / Math.abs(t);
                String col = rel < 0.02 ? "#c8f0c8" : rel < 0.10 ? "#f7f0a0" : rel < 0.25 ? "#f8c890" : "#f4a0a0";
                h.append("<td style=\"background:").append(col).append("\">").append(fmt(v)).append("<br><span class=small>")
                 .append(v - t >= 0 ? "+" : "").append(fmt(v - t)).append("</span></td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");

        h.append("<h2>Plots</h2>\n");
        for (String img : images) {
            h.append("<img src=\"").append(esc(img)).append("\" alt=\"").append(esc(img)).append("\" style=\"max-width:660px\">\n");
        }
        if (!overlays.isEmpty()) {
            h.append("<h2>Teacher vs students, rung by rung</h2>\n<p class=small>Black: the teacher. Each colour: the student fitted "
                     + "with the training set up to that family.</p>\n");
            for (String img : overlays) {
                h.append("<img src=\"").append(esc(img)).append("\" alt=\"").append(esc(img)).append("\" style=\"max-width:560px\">\n");
            }
        }
        h.append(galleries(r, out));
        h.append("<h2>Timings</h2>\n<table><tr><th class=l>stage</th><th>s</th></tr>\n");
        r.timings().forEach((k, v) -> h.append("<tr><td class=l>").append(esc(k)).append("</td><td>").append(String.format(Locale.ROOT, "%.1f", v)).append("</td></tr>\n"));
        h.append("</table>\n<p class=small>Written by Peierls. Raw numbers: <a href=\"summary.json\">summary.json</a>.</p>\n</body></html>\n");
        AtomicWrite.text(out.resolve("index.html"), w -> w.write(h.toString()));
    }

    /**
     * The battery's own plots side by side: one table per plot kind (screw-core DD map, γ-surface,
     * GSF, …), rows the students, columns the rungs, the teacher's first.
     */
    private static String galleries(Study.Result r, Path out) {
        StringBuilder h = new StringBuilder();
        Map<String, String> teacherPlots = r.teacher().plots();
        if (teacherPlots.isEmpty()) {
            return "";
        }
        h.append("<h2>Defect battery plots</h2>\n");
        List<Family> ladder = r.experiment().families();
        for (Map.Entry<String, String> kind : teacherPlots.entrySet()) {
            String teacherImg = "plots/teacher/" + kind.getValue();
            if (!Files.isRegularFile(out.resolve(teacherImg))) {
                continue;
            }
            h.append("<h3>").append(esc(kind.getKey().replace('_', ' '))).append("</h3>\n<div style=\"overflow-x:auto\"><table><tr><th class=l>teacher</th>");
            for (Family f : ladder) {
                h.append("<th>+").append(esc(f.key())).append("</th>");
            }
            h.append("</tr>\n<tr><td><img src=\"").append(esc(teacherImg)).append("\" alt=\"teacher\" style=\"width:260px\"></td>");
            h.append("<td colspan=").append(ladder.size()).append(" class=l>").append(esc(r.experiment().teacher())).append("</td></tr>\n");
            for (String student : students(r)) {
                h.append("<tr><td class=l><b>").append(esc(student)).append("</b></td>");
                for (Study.Row row : r.rows()) {
                    if (!row.rung().student().equals(student)) {
                        continue;
                    }
                    String f = row.properties().plots().get(kind.getKey());
                    String img = f == null ? null : "plots/" + Study.safeId(row.rung().id()) + "/" + f;
                    if (img != null && Files.isRegularFile(out.resolve(img))) {
                        h.append("<td><img src=\"").append(esc(img)).append("\" alt=\"").append(esc(row.rung().id()))
                         .append("\" style=\"width:260px\"></td>");
                    } else {
                        String why = row.properties().errors().get(kind.getKey());
                        h.append("<td style=\"background:#ddd\">").append(esc(why == null ? "no plot" : why)).append("</td>");
                    }
                }
                h.append("</tr>\n");
            }
            h.append("</table></div>\n");
        }
        return h.toString();
    }

    /** Why a property column has no value for a model: the battery's error of the property it belongs to. */
    static String failure(BatteryResult b, String column) {
        Map<String, String> errors = b.errors();
        String property = BatteryResult.propertyOf(column);
        if (property != null && errors.containsKey(property)) {
            return property + ": " + errors.get(property);
        }
        return errors.isEmpty() ? null : "not obtained";
    }

    private static List<String> students(Study.Result r) {
        Set<String> s = new LinkedHashSet<>();
        for (Study.Row row : r.rows()) {
            s.add(row.rung().student());
        }
        return new ArrayList<>(s);
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    static String fmt(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return "—";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.3f" : "%.4f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
