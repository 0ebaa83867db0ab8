package org.peierls.fit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics of a data set's predictions, overall and per group, for training and test
 * configurations: the content of {@code metrics.json},
 * {@code {"train": M, "test": M, "groups": {"<group>": {"train": M, "test": M}}}}.
 *
 * @param train  over all training configurations
 * @param test   over all test configurations
 * @param groups per group (order of first appearance): [train, test]
 */
public record MetricsReport(Metrics train, Metrics test, Map<String, Metrics[]> groups) {

    /** Metrics of predictions {@code [size()]} (null entries skipped) against the data's labels. */
    public static MetricsReport of(Dataset data, List<Prediction> predictions) {
        return of(data, predictions, ForceFrame.DATA);
    }

    /** As {@link #of(Dataset, List)} with force components in the given frame. */
    public static MetricsReport of(Dataset data, List<Prediction> predictions, ForceFrame frame) {
        Metrics.Accumulator train = new Metrics.Accumulator(frame), test = new Metrics.Accumulator(frame);
        Map<String, Metrics.Accumulator[]> byGroup = new LinkedHashMap<>();
        for (String g : data.groups()) {
            byGroup.put(g, new Metrics.Accumulator[]{new Metrics.Accumulator(frame), new Metrics.Accumulator(frame)});
        }
        for (int k = 0; k < data.size(); k++) {
            Configuration c = data.get(k);
            Prediction p = predictions.get(k);
            if (p == null || c.role() == Role.UNUSED) {
                continue;
            }
            int slot = c.role() == Role.TRAIN ? 0 : 1;
            (slot == 0 ? train : test).add(c, p);
            byGroup.get(c.group())[slot].add(c, p);
        }
        Map<String, Metrics[]> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Metrics.Accumulator[]> e : byGroup.entrySet()) {
            groups.put(e.getKey(), new Metrics[]{e.getValue()[0].metrics(), e.getValue()[1].metrics()});
        }
        return new MetricsReport(train.metrics(), test.metrics(), groups);
    }

    /**
     * The mean over groups of the groups' training metrics (each group counts once, however many
     * configurations it has; groups without training configurations are left out).
     */
    public Metrics trainGroupAverage() {
        double e = 0, er = 0, f = 0, fr = 0, s = 0;
        int ne = 0, nf = 0, ns = 0, configs = 0;
        for (Metrics[] m : groups.values()) {
            Metrics t = m[0];
            if (t.configs() == 0) {
                continue;
            }
            configs += t.configs();
            if (!Double.isNaN(t.energyMae())) {
                e += t.energyMae();
                er += t.energyRmse();
                ne++;
            }
            if (!Double.isNaN(t.forceMae())) {
                f += t.forceMae();
                fr += t.forceRmse();
                nf++;
            }
            if (!Double.isNaN(t.stressMae())) {
                s += t.stressMae();
                ns++;
            }
        }
        return new Metrics(ne == 0 ? Double.NaN : e / ne, ne == 0 ? Double.NaN : er / ne, nf == 0 ? Double.NaN : f / nf,
                nf == 0 ? Double.NaN : fr / nf, ns == 0 ? Double.NaN : s / ns, configs);
    }

    /** The JSON object of {@code metrics.json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("train", train.toJson());
        m.put("test", test.toJson());
        Map<String, Object> g = new LinkedHashMap<>();
        for (Map.Entry<String, Metrics[]> e : groups.entrySet()) {
            Map<String, Object> tt = new LinkedHashMap<>();
            tt.put("train", e.getValue()[0].toJson());
            tt.put("test", e.getValue()[1].toJson());
            g.put(e.getKey().isEmpty() ? "(none)" : e.getKey(), tt);
        }
        m.put("groups", g);
        return m;
    }

    /** A plain-text table (one line per group, train and test). */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "%-24s %5s %6s %10s %10s %9s %9s %9s%n", "group", "set", "n",
                "E_mae", "E_rmse", "F_mae", "F_rmse", "S_mae"));
        sb.append(String.format(java.util.Locale.ROOT, "%-24s %5s %6s %10s %10s %9s %9s %9s%n", "", "", "",
                "meV/at", "meV/at", "eV/Å", "eV/Å", "GPa"));
        line(sb, "all", "train", train);
        line(sb, "all", "test", test);
        for (Map.Entry<String, Metrics[]> e : groups.entrySet()) {
            line(sb, e.getKey().isEmpty() ? "(none)" : e.getKey(), "train", e.getValue()[0]);
            line(sb, e.getKey().isEmpty() ? "(none)" : e.getKey(), "test", e.getValue()[1]);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String g, String set, Metrics m) {
        if (m.configs() == 0) {
            return;
        }
        sb.append(String.format(java.util.Locale.ROOT, "%-24s %5s %6d %10.4f %10.4f %9.5f %9.5f %9.4f%n", g, set,
                m.configs(), m.energyMae(), m.energyRmse(), m.forceMae(), m.forceRmse(), m.stressMae()));
    }
}
