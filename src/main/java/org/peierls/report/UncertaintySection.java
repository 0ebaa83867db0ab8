package org.peierls.report;

import static org.peierls.report.Html.esc;
import static org.peierls.report.Html.join;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.peierls.active.Family;
import org.peierls.io.AtomicWrite;
import org.peierls.study.RungUncertainty;
import org.peierls.study.Study;
import org.peierls.uncertainty.Calibration;
import org.peierls.util.Charts;

/**
 * "Where do the students extrapolate?" (Freitas &amp; Cao 2022, Fig. 4a,b): per student the 90th
 * percentile of the extrapolation grade γ of each defect family's held-out atoms along the
 * ladder (a family's γ drops once it joins the training set), a table of how well γ and the
 * outlier score rank the force errors of the families a rung never saw, and per (student, rung),
 * folded away, the score distribution per family, score against actual force error and the
 * calibration curve.
 */
final class UncertaintySection {

    private static final String HEAD = """
            <h2>Where the students extrapolate</h2>
            <p class=small>Extrapolation grade γ (D-optimality, MaxVol active set of the rung's training atoms; γ &gt; 1 = outside
            the training data) and outlier score d (robust Mahalanobis distance) of every held-out atom. Scores are calibrated on
            held-out atoms of the families a rung was trained on; ρ and AUC (|ΔF| &gt; 0.2 eV/Å) are measured on the families it never saw.</p>
            %s
            <table><tr><th class=l>model @ last family</th><th>ρ(γ, |ΔF|)</th><th>AUC γ</th><th>ρ(d, |ΔF|)</th><th>AUC d</th><th>atoms</th>
            <th class=l>families with γ p90 &gt; 1</th></tr>
            %s</table>
            %s
            """;
    private static final String ROW = "<tr><td class=l>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%d</td><td class=l>%s</td></tr>\n";
    private static final String DETAILS = "<details><summary>%s: per-rung score distributions, score vs error, calibration</summary>\n%s</details>\n";
    private static final String IMAGE = "<img src=\"%1$s\" alt=\"%1$s\" loading=lazy style=\"width:360px\">";

    private UncertaintySection() {
    }

    /** Writes the plots into {@code out/uncertainty/} and returns the section ("" when no row has scores). */
    static String html(StudySummary s, Path out) {
        if (s.result().rows().stream().allMatch(r -> r.uncertainty() == null)) {
            return "";
        }
        List<String> summaries = new ArrayList<>();
        StringBuilder rows = new StringBuilder(), details = new StringBuilder();
        for (String student : s.students()) {
            List<Study.Row> rs = s.rowsOf(student);
            summaries.add(save(out, "uncertainty/ladder_" + StudyPlots.safe(student) + ".png", ladder(student, rs, s.result().experiment().families())));
            StringBuilder imgs = new StringBuilder();
            for (Study.Row row : rs) {
                RungUncertainty u = row.uncertainty();
                if (u == null) {
                    continue;
                }
                double[] g = u.unseen().get("grade"), d = u.unseen().get("outlier");
                List<String> flagged = new ArrayList<>();
                u.families().forEach((f, sc) -> {
                    if (RungUncertainty.quantile(sc.grade(), 0.9) > 1) {
                        flagged.add(f.key() + (sc.seen() ? " (seen)" : ""));
                    }
                });
                rows.append(String.format(Locale.ROOT, ROW, esc(row.rung().id()), Html.fmt(g[0]), Html.fmt(g[1]), Html.fmt(d[0]),
                        Html.fmt(d[1]), (int) g[2], esc(String.join(", ", flagged))));
                String id = StudyPlots.safe(Study.safeId(row.rung().id()));
                for (String img : List.of(
                        save(out, "uncertainty/" + id + "_scores.png", distributions(row)),
                        save(out, "uncertainty/" + id + "_error.png", scatter(row)),
                        save(out, "uncertainty/" + id + "_calibration.png", calibration(row)))) {
                    imgs.append(String.format(Locale.ROOT, IMAGE, esc(img)));
                }
                imgs.append("<br>\n");
            }
            details.append(String.format(Locale.ROOT, DETAILS, esc(student), imgs));
        }
        String plots = join(summaries, img -> String.format(Locale.ROOT, "<img src=\"%1$s\" alt=\"%1$s\" style=\"max-width:560px\">\n", esc(img)));
        return String.format(Locale.ROOT, HEAD, plots, rows, details);
    }

    private static String save(Path out, String name, byte[] png) {
        AtomicWrite.bytes(out.resolve(name), png);
        return name;
    }

    /** 90th percentile of γ per family along the ladder, x labelled by the family each rung added. */
    private static byte[] ladder(String student, List<Study.Row> rows, List<Family> families) {
        XYChart c = Charts.xy(student + ": γ (90th percentile) of each family's held-out atoms, per training rung",
                "rung: training set up to " + families.get(0).key() + " … " + families.get(families.size() - 1).key(),
                "γ p90 (log; > 1 = extrapolation)", 720, 480);
        c.getStyler().setYAxisLogarithmic(true);
        double[] x = new double[rows.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = k + 1;
        }
        Map<Double, Object> labels = new java.util.HashMap<>();
        for (int k = 0; k < rows.size(); k++) {
            List<Family> f = rows.get(k).rung().families();
            labels.put(x[k], "+" + f.get(f.size() - 1).key());
        }
        c.setCustomXAxisTickLabelsFormatter(v -> String.valueOf(labels.getOrDefault(v, "")));
        for (Family f : families) {
            double[] y = new double[rows.size()];
            boolean any = false;
            for (int k = 0; k < y.length; k++) {
                RungUncertainty u = rows.get(k).uncertainty();
                RungUncertainty.FamilyScores sc = u == null ? null : u.families().get(f);
                y[k] = sc == null ? Double.NaN : Math.max(1e-3, RungUncertainty.quantile(sc.grade(), 0.9));
                any |= !Double.isNaN(y[k]);
            }
            if (any) {
                c.addSeries(f.key(), x, finite(y)).setMarker(SeriesMarkers.CIRCLE);
            }
        }
        XYSeries one = c.addSeries("γ = 1", new double[]{x[0], x[x.length - 1]}, new double[]{1, 1});
        one.setLineColor(java.awt.Color.GRAY);
        one.setMarker(SeriesMarkers.NONE);
        return Charts.png(c);
    }

    /** NaN points as gaps are not drawn by XChart's log axis: replace them by the nearest finite value's floor. */
    private static double[] finite(double[] y) {
        double[] o = y.clone();
        for (int i = 0; i < o.length; i++) {
            if (Double.isNaN(o[i])) {
                o[i] = 1e-3;
            }
        }
        return o;
    }

    /** Cumulative distribution of γ of each family's held-out atoms (Fig. 4a-style). */
    private static byte[] distributions(Study.Row row) {
        XYChart c = Charts.xy(row.rung().id() + ": γ of held-out atoms per family", "extrapolation grade γ (log)",
                "fraction of atoms with γ ≤ x", 520, 380);
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        row.uncertainty().families().forEach((f, sc) -> {
            double[] v = Arrays.stream(sc.grade()).filter(Double::isFinite).map(g -> Math.max(g, 1e-3)).sorted().toArray();
            if (v.length == 0) {
                return;
            }
            double[] p = new double[v.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = (i + 1.0) / p.length;
            }
            c.addSeries(f.key() + (sc.seen() ? " (seen)" : " (unseen)"), v, p).setMarker(SeriesMarkers.NONE);
        });
        return Charts.png(c);
    }

    /** γ against the actual per-atom force error, per family (Fig. 4b-style). */
    private static byte[] scatter(Study.Row row) {
        List<Charts.Series> pts = new ArrayList<>();
        row.uncertainty().families().forEach((f, sc) -> {
            double[] x = new double[sc.grade().length], y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.max(1e-3, sc.grade()[i]);
                y[i] = Math.max(1e-4, sc.error()[i]);
            }
            pts.add(new Charts.Series(f.key(), x, y, false));
        });
        double[] g = row.uncertainty().unseen().get("grade");
        return Charts.scatter(String.format(Locale.ROOT, "%s: γ vs force error (unseen: ρ %.2f, AUC %.2f)", row.rung().id(), g[0], g[1]),
                "extrapolation grade γ", "|F_student − F_teacher| (eV/Å)", pts, null, true, true);
    }

    /** The grade's calibration: expected |ΔF| and its 90 % bound against γ, with the binned actual errors of every held-out atom. */
    private static byte[] calibration(Study.Row row) {
        XYChart c = Charts.xy(row.rung().id() + ": calibration of γ", "extrapolation grade γ", "force error (eV/Å)", 640, 380);
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setYAxisLogarithmic(true);
        Calibration cb = row.uncertainty().calibration().get("grade");
        List<double[]> all = new ArrayList<>();
        row.uncertainty().families().forEach((f, sc) -> {
            for (int i = 0; i < sc.grade().length; i++) {
                if (Double.isFinite(sc.grade()[i])) {
                    all.add(new double[]{Math.max(1e-3, sc.grade()[i]), Math.max(1e-4, sc.error()[i])});
                }
            }
        });
        all.sort((a, b) -> Double.compare(a[0], b[0]));
        int bins = Math.min(12, Math.max(1, all.size() / 20));
        double[] bx = new double[bins], by = new double[bins];
        for (int b = 0; b < bins; b++) {
            int lo = b * all.size() / bins, hi = (b + 1) * all.size() / bins;
            double sx = 0, sy = 0;
            for (int i = lo; i < hi; i++) {
                sx += all.get(i)[0];
                sy += all.get(i)[1];
            }
            bx[b] = sx / Math.max(1, hi - lo);
            by[b] = Math.max(1e-4, sy / Math.max(1, hi - lo));
        }
        if (bins > 0 && !all.isEmpty()) {
            c.addSeries("mean actual |ΔF| (bins of held-out atoms)", bx, by).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        }
        if (cb != null && !all.isEmpty()) {
            double lo = all.get(0)[0], hi = all.get(all.size() - 1)[0];
            int n = 60;
            double[] x = new double[n], e = new double[n], u = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = lo * Math.pow(hi / lo, i / (n - 1.0));
                e[i] = Math.max(1e-4, cb.expected(x[i]));
                u[i] = Math.max(1e-4, cb.upper90(x[i]));
            }
            c.addSeries("calibrated expected |ΔF|", x, e).setMarker(SeriesMarkers.NONE);
            c.addSeries(String.format(Locale.ROOT, "90 %% bound (seen-family coverage %.0f %%)", 100 * cb.coverage90()), x, u)
                    .setMarker(SeriesMarkers.NONE);
        }
        return Charts.png(c);
    }
}
