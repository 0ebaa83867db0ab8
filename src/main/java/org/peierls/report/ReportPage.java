package org.peierls.report;

import static org.peierls.report.Html.esc;
import static org.peierls.report.Html.fmt;
import static org.peierls.report.Html.join;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.peierls.properties.BatteryResult;
import org.peierls.study.Experiment;
import org.peierls.study.LadderFit;
import org.peierls.study.Study;

/**
 * {@code index.html}: the page skeleton is the {@code index.html} template beside this class;
 * this fills it — the training data, the Table-I-style matrix of defect properties (rows model ×
 * rung, each cell the value and its difference from the teacher, coloured by the relative
 * error), the plots, the battery's galleries and the timings. Every name that comes from the
 * experiment (students, families, the teacher, error messages) is escaped.
 */
final class ReportPage {

    private static final String DATA_ROW = "<tr><td class=l>%s</td><td>%d</td><td>%d</td><td>%d</td><td class=l>%s</td></tr>\n";
    private static final String ROW_START = "<tr><td class=l>%s</td><td>%d</td><td>%s</td><td>%s</td><td>%s</td>";
    private static final String VALUE = "<td style=\"background:%s\">%s<br><span class=small>%s%s</span></td>";
    private static final String MISSING = "<td style=\"background:#ddd\"%s>—</td>";
    private static final String IMAGE = "<img src=\"%1$s\" alt=\"%1$s\" style=\"max-width:%2$dpx\">\n";
    private static final String OVERLAYS = """
            <h2>Teacher vs students, rung by rung</h2>
            <p class=small>Black: the teacher. Each colour: the student fitted with the training set up to that family.</p>
            """;
    private static final String TIMING = "<tr><td class=l>%s</td><td>%.1f</td></tr>\n";

    private ReportPage() {
    }

    /**
     * The page.
     *
     * @param out the output folder, where the battery's plots are looked for
     */
    static String html(StudySummary s, StudyPlots.Written plots, Path out) {
        Study.Result r = s.result();
        Experiment e = r.experiment();
        Map<String, String> v = new TreeMap<>();
        v.put("title", esc(e.name()));
        v.put("teacher", esc(e.teacher()));
        v.put("lattice", esc(e.lattice()));
        v.put("element", esc(e.element()));
        v.put("a0", String.format(Locale.ROOT, "%.4f", r.a0()));
        v.put("quick", e.quick() ? " — <b>quick study</b> (small cells)" : "");
        v.put("data", data(s));
        v.put("columns", join(s.columns(), c -> "<th>" + esc(c.replace('.', ' ')) + "</th>"));
        v.put("teacher_values", join(s.columns(), c -> "<td><b>" + fmt(s.teacher().get(c)) + "</b></td>"));
        v.put("rows", join(r.rows(), row -> row(s, row) + "\n"));
        v.put("plots", join(plots.images(), img -> String.format(Locale.ROOT, IMAGE, esc(img), 660)));
        v.put("overlays", plots.overlays().isEmpty() ? ""
                : OVERLAYS + join(plots.overlays(), img -> String.format(Locale.ROOT, IMAGE, esc(img), 560)));
        v.put("galleries", BatteryGalleries.html(s, out));
        v.put("uncertainty", UncertaintySection.html(s, out));
        v.put("timings", join(r.timings().entrySet(), t -> String.format(Locale.ROOT, TIMING, esc(t.getKey()), t.getValue())));
        return Template.resource("index.html").fill(v);
    }

    private static String data(StudySummary s) {
        return join(s.data(), d -> String.format(Locale.ROOT, DATA_ROW, esc(d.family().key()), d.configs(), d.test(), d.atoms(),
                esc(d.family().description())));
    }

    /** One model's row of the property matrix. */
    private static String row(StudySummary s, Study.Row row) {
        LadderFit.Rung g = row.rung();
        Map<String, Double> vals = StudySummary.scalars(row.properties());
        StringBuilder h = new StringBuilder(String.format(Locale.ROOT, ROW_START, esc(g.id()), g.trainConfigs(), fmt(g.testAll().energyMae()),
                fmt(g.testAll().forceMae()), fmt(row.cost())));
        for (String c : s.columns()) {
            Double v = vals.get(c);
            if (v == null) {
                String why = failure(row.properties(), c);
                h.append(String.format(Locale.ROOT, MISSING, why == null ? "" : " title=\"" + esc(why) + "\""));
                continue;
            }
            double t = s.teacher().get(c);
            h.append(String.format(Locale.ROOT, VALUE, colour(v, t), fmt(v), v - t >= 0 ? "+" : "", fmt(v - t)));
        }
        return h.append("</tr>").toString();
    }

    /**
     * Green below 2 % relative error, yellow below 10 %, orange below 25 %, red above; for a
     * teacher value near zero (the polarity of a compact core) 0.05 of absolute difference counts as 10 %.
     */
    static String colour(double v, double t) {
        double rel = Math.abs(t) < StudySummary.ABSOLUTE_BELOW ? 0.1 * Math.abs(v - t) / 0.05 : Math.abs(v - t) / Math.abs(t);
        return rel < 0.02 ? "#c8f0c8" : rel < 0.10 ? "#f7f0a0" : rel < 0.25 ? "#f8c890" : "#f4a0a0";
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
}
