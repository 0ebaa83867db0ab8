package org.peierls.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.peierls.active.Family;
import org.peierls.atoms.Frame;
import org.peierls.fit.Metrics;
import org.peierls.fit.Prediction;
import org.peierls.io.AtomicWrite;
import org.peierls.properties.BatteryResult;
import org.peierls.study.Study;
import org.peierls.util.Charts;

/**
 * The study's own PNGs, written beside the page: per student the ablation curves (test energy
 * error per family and property errors along the ladder) and a parity plot of its last rung,
 * cost against error with the Pareto front, and the teacher's curves (GSF lines, Peierls barrier,
 * vacancy hop) overlaid on every rung of each student. File names are the student's name made
 * safe for a file system.
 */
final class StudyPlots {

    /**
     * The file names written, relative to the output folder.
     *
     * @param images   ladder, Pareto and parity plots
     * @param overlays teacher-against-rungs overlays
     */
    record Written(List<String> images, List<String> overlays) {
    }

    private final StudySummary summary;
    private final Path out;

    private StudyPlots(StudySummary summary, Path out) {
        this.summary = summary;
        this.out = out;
    }

    /** Writes every plot into {@code out}. */
    static Written write(StudySummary summary, Path out) {
        StudyPlots p = new StudyPlots(summary, out);
        List<String> images = new ArrayList<>();
        for (String student : summary.students()) {
            images.addAll(p.ladder(student));
        }
        images.add(p.pareto());
        for (String student : summary.students()) {
            images.add(p.parity(student));
        }
        List<String> overlays = new ArrayList<>();
        for (String student : summary.students()) {
            overlays.addAll(p.overlays(student));
        }
        return new Written(images, overlays);
    }

    /** A student's name as it appears in file names. */
    static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private String save(String name, byte[] png) {
        AtomicWrite.bytes(out.resolve(name), png);
        return name;
    }

    private List<String> ladder(String student) {
        List<Family> ladder = summary.result().experiment().families();
        List<Study.Row> rows = summary.rowsOf(student);
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
        String energyTitle = student + ": test energy error per family vs training rung (1 = " + ladder.get(0).key() + " … "
                + ladder.size() + " = +" + ladder.get(ladder.size() - 1).key() + ")";
        String energy = save("ladder_" + safe(student) + "_energy.png",
                Charts.lines(energyTitle, "rung", "energy MAE (meV/atom)", series, true));
        String properties = save("ladder_" + safe(student) + "_properties.png",
                Charts.lines(student + ": property error vs teacher per training rung", "rung", "|error| (% of teacher)",
                        propertyErrors(rows, x), true));
        return List.of(energy, properties);
    }

    /** One curve per battery property (its first value: c11, the (100) surface, …), so that the chart stays readable. */
    private List<Charts.Series> propertyErrors(List<Study.Row> rows, double[] x) {
        Map<String, Double> teacher = summary.teacher();
        List<Map<String, Double>> values = rows.stream().map(row -> StudySummary.scalars(row.properties())).toList();
        List<Charts.Series> ps = new ArrayList<>();
        Set<String> groups = new LinkedHashSet<>();
        for (String c : summary.columns()) {
            double t = teacher.get(c);
            if (Math.abs(t) < StudySummary.ABSOLUTE_BELOW || c.startsWith("peierls_barrier_humps") || c.startsWith("screw_core.compact")
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
        return ps;
    }

    private String pareto() {
        Study.Result r = summary.result();
        List<Charts.Series> pts = new ArrayList<>();
        for (Study.Row row : r.rows()) {
            pts.add(new Charts.Series(row.rung().id(), new double[]{row.cost()}, new double[]{percent(row)}, false));
        }
        List<Integer> front = summary.paretoFront();
        double[] fx = new double[front.size()], fy = new double[front.size()];
        for (int k = 0; k < front.size(); k++) {
            Study.Row row = r.rows().get(front.get(k));
            fx[k] = row.cost();
            fy[k] = percent(row);
        }
        return save("pareto.png", Charts.scatter("Cost vs defect-property error (Pareto front dashed)", "cost (µs/atom-step, 1 thread)",
                "mean |property error| (% of teacher)", pts, new Charts.Series("Pareto front", fx, fy, true), true, true));
    }

    /** The row's mean relative property error in %, floored so that a log axis can show it. */
    private double percent(Study.Row row) {
        return Math.max(1e-3, 100 * summary.meanRelativeError(row));
    }

    /** Energy per atom of the student's last rung against the labels, train and test configurations apart. */
    private String parity(String student) {
        Study.Result r = summary.result();
        List<Study.Row> rows = summary.rowsOf(student);
        List<Prediction> pred = rows.get(rows.size() - 1).rung().predictions();
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
        return save("parity_" + safe(student) + ".png", Charts.parity(student + " (all families): energy per atom", "eV/atom",
                List.of(new Charts.Series("train", toArray(tx), toArray(ty), false),
                        new Charts.Series("test", toArray(sx), toArray(sy), false))));
    }

    /**
     * The teacher's curves against every rung of the student: GSF lines, the vacancy hop and the
     * Peierls barrier (the seed's point: γ-surfaces and cores in the training set fix the barrier).
     */
    private List<String> overlays(String student) {
        List<String> names = new ArrayList<>();
        BatteryResult t = summary.result().teacher();
        List<Study.Row> rows = summary.rowsOf(student);
        for (Map.Entry<String, BatteryResult.Curve> g : t.gsfCurves().entrySet()) {
            List<Charts.Series> gsf = overlay(rows, g.getValue(), row -> row.properties().gsfCurves().get(g.getKey()));
            names.add(save("overlay_gsf_" + safe(g.getKey()) + "_" + safe(student) + ".png", Charts.lines(student + ": GSF {" + g.getKey()
                    + "} per training rung vs teacher", "shift (fraction of the period)", "γ (mJ/m²)", gsf)));
        }
        if (t.peierlsProfile() != null) {
            List<Charts.Series> peierls = overlay(rows, t.peierlsProfile(), row -> row.properties().peierlsProfile());
            names.add(save("overlay_peierls_" + safe(student) + ".png", Charts.lines(student + ": Peierls barrier per training rung vs teacher",
                    "reaction coordinate", "energy (eV/b)", peierls)));
        }
        if (t.vacancyMigrationProfile() != null) {
            List<Charts.Series> hop = overlay(rows, t.vacancyMigrationProfile(), row -> row.properties().vacancyMigrationProfile());
            names.add(save("overlay_vacancy_hop_" + safe(student) + ".png", Charts.lines(student + ": vacancy hop per training rung vs teacher",
                    "path length (Å)", "energy (eV)", hop)));
        }
        return names;
    }

    /** The teacher's curve (black) and each rung's, named by the family the rung added. */
    private static List<Charts.Series> overlay(List<Study.Row> rows, BatteryResult.Curve teacher, Function<Study.Row, BatteryResult.Curve> of) {
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series("teacher", teacher.x(), teacher.y(), true));
        for (Study.Row row : rows) {
            BatteryResult.Curve c = of.apply(row);
            if (c != null) {
                List<Family> f = row.rung().families();
                series.add(new Charts.Series("+" + f.get(f.size() - 1).key(), c.x(), c.y(), false));
            }
        }
        return series;
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }
}
