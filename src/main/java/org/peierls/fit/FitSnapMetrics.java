package org.peierls.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Row errors in FitSNAP's form (its {@code *_metrics.md}): for every group and over all
 * ({@code *ALL}), unweighted and weighted, energy (eV/atom), force (eV/Å) and stress (bar) rows:
 * count, MAE, RMSE and R² of the reference-subtracted targets. Weighted rows are w·row with the
 * fit's weights (Peierls' stress weight per GPa times stress in GPa equals FitSNAP's vweight per bar
 * times stress in bar). Test configurations form groups "&lt;group&gt;_testing".
 */
public final class FitSnapMetrics {

    /**
     * One line of the table.
     *
     * @param group     group name, or "*ALL"
     * @param weighted  weighted rows
     * @param kind      row kind
     * @param count     rows (weighted: rows of non-zero weight)
     * @param mae       mean absolute error (eV/atom, eV/Å or bar; weighted: times the weight)
     * @param rmse      root mean square error
     * @param rsq       1 − Σres²/Σ(t − mean t)² of the targets t
     */
    public record Line(String group, boolean weighted, RowKind kind, long count, double mae, double rmse, double rsq) {
    }

    private FitSnapMetrics() {
    }

    /** The table of a fit over the rows of its training and test configurations. */
    public static List<Line> of(DesignMatrix dm, double[] x, LeastSquares.RowWeights weights) {
        Map<String, List<double[]>[]> rows = new TreeMap<>();
        List<double[]>[] all = lists();
        for (int k = 0; k < dm.configurations(); k++) {
            DesignMatrix.Block b = dm.block(k);
            if (b == null) {
                continue;
            }
            Configuration c = dm.data().get(k);
            String g = c.role() == Role.TEST ? c.group() + "_testing" : c.group();
            List<double[]>[] lg = rows.computeIfAbsent(g, q -> lists());
            double[] fitted = dm.fitted(k, x);
            for (int r = 0; r < b.rows(); r++) {
                RowKind kind = b.kind(r);
                double scale = kind == RowKind.STRESS ? 1e4 : 1.0;
                int comp = kind == RowKind.STRESS ? r - b.energy() - b.forces() : r;
                double w = weights.weight(c, kind, comp);
                double[] row = {b.target(r) * scale, fitted[r] * scale, w / scale};
                lg[kind.ordinal()].add(row);
                all[kind.ordinal()].add(row);
            }
        }
        List<Line> out = new ArrayList<>();
        add(out, "*ALL", all);
        for (Map.Entry<String, List<double[]>[]> e : rows.entrySet()) {
            add(out, e.getKey(), e.getValue());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<double[]>[] lists() {
        return new List[]{new ArrayList<double[]>(), new ArrayList<double[]>(), new ArrayList<double[]>()};
    }

    private static void add(List<Line> out, String group, List<double[]>[] rows) {
        for (boolean weighted : new boolean[]{false, true}) {
            for (RowKind kind : RowKind.values()) {
                List<double[]> r = rows[kind.ordinal()];
                if (r.isEmpty()) {
                    continue;
                }
                long n = 0;
                double sumT = 0;
                for (double[] v : r) {
                    double w = weighted ? v[2] : 1;
                    if (w != 0) {
                        n++;
                    }
                    sumT += w * v[0];
                }
                if (n == 0) {
                    continue;
                }
                double mean = sumT / n;
                double abs = 0, sq = 0, tot = 0;
                for (double[] v : r) {
                    double w = weighted ? v[2] : 1;
                    double t = w * v[0], p = w * v[1];
                    abs += Math.abs(t - p);
                    sq += (t - p) * (t - p);
                    tot += (t - mean) * (t - mean);
                }
                out.add(new Line(group, weighted, kind, n, abs / n, Math.sqrt(sq / n), 1 - sq / tot));
            }
        }
    }

    /** The table as FitSNAP's markdown ({@code | ('group', 'Unweighted', 'Energy') | ncount | mae | rmse | rsq |}). */
    public static String markdown(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        sb.append("| group, weighting, subsystem | ncount | mae | rmse | rsq |\n|:--|--:|--:|--:|--:|\n");
        Map<String, String> names = new LinkedHashMap<>();
        names.put("ENERGY", "Energy");
        names.put("FORCE", "Force");
        names.put("STRESS", "Stress");
        for (Line l : lines) {
            sb.append(String.format(Locale.ROOT, "| ('%s', '%s', '%s') | %d | %.6g | %.6g | %.6g |%n", l.group(),
                    l.weighted() ? "Weighted" : "Unweighted", names.get(l.kind().name()), l.count(), l.mae(), l.rmse(), l.rsq()));
        }
        return sb.toString();
    }
}
