package org.peierls.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.fit.Configuration;
import org.peierls.fit.Dataset;
import org.peierls.fit.Role;
import org.peierls.io.AtomicWrite;
import org.peierls.io.Formats;
import org.peierls.io.IoOptions;
import org.peierls.io.Json;
import org.peierls.uncertainty.AtomScores;
import org.peierls.uncertainty.Calibration;
import org.peierls.uncertainty.RankStats;
import org.peierls.uncertainty.Uncertainty;
import org.peierls.uncertainty.Uncertainty.Method;
import org.peierls.util.Charts;
import org.peierls.util.InputException;
import org.peierls.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls uncertainty}: per-atom extrapolation grade, outlier/distortion score and
 * committee spread of every frame of a structure set against a fitted model's training set
 * (what {@code peierls fit} left in its folder), the calibrated expected force error, and —
 * when the frames carry reference forces — how well each score ranks the actual errors.
 */
@Command(name = "uncertainty", mixinStandardHelpOptions = true,
        description = {"Where does a fitted model extrapolate? Per-atom scores of structures against its training set:",
            "grade (D-optimality γ, > 1 = extrapolation), outlier (robust Mahalanobis distance, with the signed distortion score),",
            "committee (σ_F of the members of 'fit --committee K'), and the calibrated expected force error in eV/Å.",
            "With reference forces in the input, also Spearman ρ and ROC-AUC of each score against the actual |ΔF|."})
public final class UncertaintyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--potential", required = true, paramLabel = "FIT_DIR",
            description = "A fit folder (or its model.json) written by 'peierls fit'; it holds uncertainty.json.")
    Path potential;

    @Option(names = "--structure", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Structures: anything 'fit --data' reads (multi-frame files, mlearn/FitSNAP JSON, group folders).")
    List<Path> structures;

    @Option(names = "--method", paramLabel = "M", defaultValue = "all",
            description = "grade, outlier, committee or all (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--json", paramLabel = "OUT", description = "Write {\"frames\": [...]} (per-atom lists and per-frame maxima) to OUT ('-': standard output).")
    Path json;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the frames with the per-atom scores as arrays (e.g. FILE.extxyz, for OVITO).")
    Path out;

    @Option(names = "--png", paramLabel = "FILE",
            description = "Plot the score distribution of each group (and, with reference forces, score against |ΔF| in FILE-error.png).")
    Path png;

    @Option(names = "--threshold", paramLabel = "G", defaultValue = "1.0",
            description = "γ above which an atom counts as extrapolating (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--calibrate", description = "Calibrate the scores on the --structure frames (they need reference forces; "
            + "use data the model was not fitted to) and rewrite FIT_DIR/uncertainty.json before scoring.")
    boolean calibrate;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() {
        threads.apply();
        if (!(threshold > 0) || !Double.isFinite(threshold)) {
            throw new InputException("--threshold must be a positive number, got " + threshold);
        }
        Uncertainty u = Uncertainty.load(potential);
        List<Method> methods = selected(u);
        Dataset data = Dataset.read(structures, Role.TRAIN);
        PrintWriter pw = spec.commandLine().getOut();
        if (calibrate) {
            PrintWriter log = spec.commandLine().getErr();
            u = u.calibrated(data, log);
            if (u.primary() == null) {
                throw new InputException("--calibrate: the --structure frames have fewer than 10 atoms with reference forces");
            }
            u.write();
            log.println("wrote " + u.file());
        }
        boolean toStdout = json != null && json.toString().equals("-");
        List<Object> records = new ArrayList<>();
        List<Frame> frames = new ArrayList<>();
        Map<String, Group> groups = new LinkedHashMap<>();
        boolean grade = methods.contains(Method.GRADE), outlier = methods.contains(Method.OUTLIER),
                committee = methods.contains(Method.COMMITTEE);
        int extrapolating = 0;
        try (Progress p = Progress.start("uncertainty", data.size())) {
            for (int k = 0; k < data.size(); k++) {
                Configuration c = data.get(k);
                Structure s = c.structure();
                AtomScores sc = u.score(s);
                double[] err = c.labels().forces() != null ? u.forceErrors(s, c.labels().forces()) : null;
                Map<String, Object> rec = new LinkedHashMap<>();
                rec.put("frame", k);
                rec.put("name", c.name());
                rec.put("group", c.group());
                rec.putAll(sc.json(grade, outlier, committee));
                if (err != null) {
                    rec.put("max_force_error_ev_per_a", AtomScores.max(err));
                    rec.put("force_error_ev_per_a", err);
                }
                records.add(rec);
                Group g = groups.computeIfAbsent(c.group() == null ? "(none)" : c.group(), x -> new Group());
                g.add(methods, sc, err);
                boolean extra = AtomScores.max(sc.grade()) > threshold * (1 + GradeMonitor.EXTRAPOLATION_TOL);
                extrapolating += extra ? 1 : 0;
                if (!toStdout) {
                    pw.println(line(c, sc, err, methods, extra));
                }
                if (out != null) {
                    frames.add(new Frame(withArrays(s, sc, err, methods), c.labels(), c.group()));
                }
                p.step();
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("potential", potential.toString());
        doc.put("methods", methods.stream().map(Method::label).toList());
        doc.put("threshold", threshold);
        doc.put("frames_extrapolating", extrapolating);
        Map<String, Object> calib = new LinkedHashMap<>();
        for (Method m : methods) {
            Calibration cb = u.calibration(m);
            if (cb != null) {
                calib.put(m.label(), Map.of("atoms", cb.atoms(), "spearman", cb.spearman(), "roc_auc", cb.auc(),
                        "bound90_factor", cb.bound90(), "coverage90", cb.coverage90()));
            }
        }
        doc.put("calibration", calib);
        Map<String, Object> gs = new LinkedHashMap<>();
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            gs.put(e.getKey(), e.getValue().summary(methods));
        }
        doc.put("groups", gs);
        Group all = new Group();
        groups.values().forEach(all::merge);
        if (all.errors.size() > 0) {
            Map<String, Object> ev = all.evaluation(methods);
            doc.put("evaluation", ev);
            if (!toStdout) {
                pw.println(all.evaluationLine(methods));
            }
        }
        if (!toStdout) {
            for (Map.Entry<String, Group> e : groups.entrySet()) {
                pw.println(e.getValue().summaryLine(e.getKey(), methods));
            }
            pw.printf(Locale.ROOT, "%d of %d frames have an atom with γ > %.3g (extrapolating)%n", extrapolating, data.size(), threshold);
        }
        doc.put("frames", records);
        if (json != null) {
            if (toStdout) {
                pw.println(Json.text(doc));
            } else {
                Json.write(json, doc);
            }
        }
        if (out != null) {
            Formats.write(out, frames, null, IoOptions.DEFAULT);
        }
        if (png != null) {
            plots(groups, methods, u);
        }
        pw.flush();
        return 0;
    }

    private List<Method> selected(Uncertainty u) {
        List<Method> have = u.methods();
        if (method.equalsIgnoreCase("all")) {
            return have;
        }
        List<Method> out = new ArrayList<>();
        for (String s : method.split(",")) {
            Method m = Method.of(s.trim());
            if (!have.contains(m)) {
                throw new InputException("--method " + m.label() + ": " + potential + " has no committee; fit it with 'peierls fit --committee K'");
            }
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    private static String line(Configuration c, AtomScores sc, double[] err, List<Method> methods, boolean extra) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s%s: %d atoms", c.name(), c.group() == null ? "" : " (" + c.group() + ")", c.atoms()));
        if (methods.contains(Method.GRADE)) {
            b.append(String.format(Locale.ROOT, ", max γ %.3g", AtomScores.max(sc.grade())));
        }
        if (methods.contains(Method.OUTLIER)) {
            b.append(String.format(Locale.ROOT, ", max d %.3g", AtomScores.max(sc.outlier())));
        }
        if (methods.contains(Method.COMMITTEE) && sc.committeeForceStd() != null) {
            b.append(String.format(Locale.ROOT, ", max σ_F %.3g eV/Å", AtomScores.max(sc.committeeForceStd())));
        }
        if (sc.predicted() != null) {
            b.append(String.format(Locale.ROOT, ", expected max |ΔF| %.3g eV/Å", AtomScores.max(sc.predicted())));
        }
        if (err != null) {
            b.append(String.format(Locale.ROOT, " (actual %.3g)", AtomScores.max(err)));
        }
        if (extra) {
            b.append(" — extrapolating");
        }
        return b.toString();
    }

    private static Structure withArrays(Structure s, AtomScores sc, double[] err, List<Method> methods) {
        Structure o = s;
        if (methods.contains(Method.GRADE)) {
            o = o.withArray("extrapolation_grade", sc.grade());
        }
        if (methods.contains(Method.OUTLIER)) {
            o = o.withArray("outlier_score", sc.outlier()).withArray("distortion_score", sc.distortion());
        }
        if (methods.contains(Method.COMMITTEE) && sc.committeeForceStd() != null) {
            o = o.withArray("committee_force_std", sc.committeeForceStd());
        }
        if (sc.predicted() != null) {
            o = o.withArray("predicted_force_error", sc.predicted());
        }
        if (err != null) {
            o = o.withArray("force_error", err);
        }
        return o;
    }

    // ------------------------------------------------------------------ plots

    private void plots(Map<String, Group> groups, List<Method> methods, Uncertainty u) {
        Method shown = methods.contains(Method.GRADE) ? Method.GRADE : methods.get(0);
        String axis = axis(shown);
        List<Charts.Series> cdf = new ArrayList<>();
        List<Charts.Series> vsError = new ArrayList<>();
        for (Map.Entry<String, Group> e : groups.entrySet()) {
            double[] v = e.getValue().finite(shown);
            if (v.length == 0) {
                continue;
            }
            double[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            double[] frac = new double[sorted.length];
            for (int i = 0; i < frac.length; i++) {
                frac[i] = (i + 1.0) / frac.length;
            }
            cdf.add(new Charts.Series(e.getKey() + " (" + v.length + ")", positive(sorted), frac, false));
            if (!e.getValue().errors.isEmpty()) {
                double[][] xy = e.getValue().pairs(shown);
                vsError.add(new Charts.Series(e.getKey(), positive(xy[0]), positive(xy[1]), false));
            }
        }
        AtomicWrite.bytes(png, logXLines("Distribution of " + axis + " per group", axis, cdf));
        if (!vsError.isEmpty()) {
            String name = png.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Path f = png.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-error.png");
            Calibration cb = u.calibration(shown);
            String title = axis + " against actual force error"
                    + (cb == null ? "" : String.format(Locale.ROOT, " (calibration ρ = %.2f)", cb.spearman()));
            AtomicWrite.bytes(f, Charts.scatter(title, axis, "|F_model − F_ref| (eV/Å)", vsError, null, true, true));
        }
    }

    /** CDF lines on a log score axis (γ and d span decades). */
    private static byte[] logXLines(String title, String axis, List<Charts.Series> series) {
        org.knowm.xchart.XYChart chart = Charts.xy(title, axis, "fraction of atoms with score ≤ x", 800, 520);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Line);
        for (Charts.Series s : series) {
            chart.addSeries(s.name(), s.x(), s.y()).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        return Charts.png(chart);
    }

    /** Scores and errors floored for log axes. */
    private static double[] positive(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = Math.max(v[i], 1e-6);
        }
        return o;
    }

    private static String axis(Method m) {
        return switch (m) {
            case GRADE -> "extrapolation grade γ";
            case OUTLIER -> "outlier score d (robust Mahalanobis)";
            case COMMITTEE -> "committee σ_F (eV/Å)";
        };
    }

    // ------------------------------------------------------------------ per-group statistics

    /** Per-atom scores and errors of the frames of one group. */
    private static final class Group {
        final Map<Method, List<Double>> scores = new LinkedHashMap<>();
        final List<Double> errors = new ArrayList<>();
        final Map<Method, List<Double>> labelledScores = new LinkedHashMap<>();
        int frames;

        void add(List<Method> methods, AtomScores sc, double[] err) {
            frames++;
            for (Method m : methods) {
                double[] r = sc.raw(m);
                if (r == null) {
                    continue;
                }
                List<Double> l = scores.computeIfAbsent(m, x -> new ArrayList<>());
                for (double v : r) {
                    l.add(v);
                }
                if (err != null) {
                    List<Double> ll = labelledScores.computeIfAbsent(m, x -> new ArrayList<>());
                    for (double v : r) {
                        ll.add(v);
                    }
                }
            }
            if (err != null) {
                for (double v : err) {
                    errors.add(v);
                }
            }
        }

        void merge(Group g) {
            frames += g.frames;
            g.scores.forEach((m, l) -> scores.computeIfAbsent(m, x -> new ArrayList<>()).addAll(l));
            g.labelledScores.forEach((m, l) -> labelledScores.computeIfAbsent(m, x -> new ArrayList<>()).addAll(l));
            errors.addAll(g.errors);
        }

        double[] finite(Method m) {
            return scores.getOrDefault(m, List.of()).stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
        }

        /** (score, error) of the labelled atoms with a finite score. */
        double[][] pairs(Method m) {
            List<Double> s = labelledScores.getOrDefault(m, List.of());
            int n = 0;
            for (int i = 0; i < s.size(); i++) {
                n += Double.isFinite(s.get(i)) ? 1 : 0;
            }
            double[] x = new double[n], y = new double[n];
            int k = 0;
            for (int i = 0; i < s.size(); i++) {
                if (Double.isFinite(s.get(i))) {
                    x[k] = s.get(i);
                    y[k++] = errors.get(i);
                }
            }
            return new double[][]{x, y};
        }

        Map<String, Object> summary(List<Method> methods) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("frames", frames);
            for (Method me : methods) {
                double[] v = finite(me);
                if (v.length == 0) {
                    continue;
                }
                java.util.Arrays.sort(v);
                m.put(me.label(), Map.of("atoms", v.length, "median", quantile(v, 0.5), "p90", quantile(v, 0.9), "max", v[v.length - 1]));
            }
            if (!errors.isEmpty()) {
                double[] e = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                m.put("force_error_ev_per_a", Map.of("median", quantile(e, 0.5), "p90", quantile(e, 0.9), "max", e[e.length - 1]));
            }
            return m;
        }

        String summaryLine(String name, List<Method> methods) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "group %-22s %4d frames", name, frames));
            for (Method me : methods) {
                double[] v = finite(me);
                if (v.length > 0) {
                    java.util.Arrays.sort(v);
                    b.append(String.format(Locale.ROOT, "  %s median %.3g p90 %.3g", me.label(), quantile(v, 0.5), quantile(v, 0.9)));
                }
            }
            if (!errors.isEmpty()) {
                double[] e = errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                b.append(String.format(Locale.ROOT, "  |ΔF| median %.3g eV/Å", quantile(e, 0.5)));
            }
            return b.toString();
        }

        Map<String, Object> evaluation(List<Method> methods) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Method me : methods) {
                double[][] xy = pairs(me);
                if (xy[0].length < 2) {
                    continue;
                }
                boolean[] large = new boolean[xy[1].length];
                int nl = 0;
                for (int i = 0; i < large.length; i++) {
                    large[i] = xy[1][i] > Calibration.LARGE_ERROR;
                    nl += large[i] ? 1 : 0;
                }
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("atoms", xy[0].length);
                r.put("spearman", RankStats.spearman(xy[0], xy[1]));
                r.put("roc_auc", RankStats.auc(xy[0], large));
                r.put("large_error_threshold_ev_per_a", Calibration.LARGE_ERROR);
                r.put("large_error_atoms", nl);
                out.put(me.label(), r);
            }
            return out;
        }

        String evaluationLine(List<Method> methods) {
            StringBuilder b = new StringBuilder("score against actual |ΔF| (all labelled atoms):");
            for (Method me : methods) {
                double[][] xy = pairs(me);
                if (xy[0].length < 2) {
                    continue;
                }
                boolean[] large = new boolean[xy[1].length];
                for (int i = 0; i < large.length; i++) {
                    large[i] = xy[1][i] > Calibration.LARGE_ERROR;
                }
                b.append(String.format(Locale.ROOT, "  %s ρ %.3f AUC %.3f", me.label(), RankStats.spearman(xy[0], xy[1]),
                        RankStats.auc(xy[0], large)));
            }
            return b.toString();
        }

        private static double quantile(double[] sorted, double q) {
            return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
        }
    }
}
