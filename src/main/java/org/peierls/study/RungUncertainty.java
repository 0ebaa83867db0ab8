package org.peierls.study;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.active.Family;
import org.peierls.atoms.Frame;
import org.peierls.fit.Configuration;
import org.peierls.fit.Dataset;
import org.peierls.fit.Prediction;
import org.peierls.fit.Role;
import org.peierls.uncertainty.AtomScores;
import org.peierls.uncertainty.Calibration;
import org.peierls.uncertainty.RankStats;
import org.peierls.uncertainty.Uncertainty;

/**
 * Where one (student, rung) extrapolates (Freitas &amp; Cao 2022, Fig. 4a,b): the extrapolation
 * grade γ and outlier score d of every held-out atom, per defect family, against its actual force
 * error; the scores are built from the rung's training configurations and calibrated on the
 * held-out configurations of the families it was trained on, so that the families it never saw
 * are a true test of whether the scores flag them.
 *
 * @param families    per family of held-out configurations: the atoms' scores and errors
 * @param calibration per method ("grade", "outlier"): the calibration on seen-family held-out atoms
 * @param unseen      per method: Spearman ρ and ROC-AUC (|ΔF| &gt; 0.2 eV/Å) on the atoms of unseen families
 *                    (all held-out atoms when every family was seen)
 */
public record RungUncertainty(Map<Family, FamilyScores> families, Map<String, Calibration> calibration,
                              Map<String, double[]> unseen) {

    /**
     * The held-out atoms of one family.
     *
     * @param seen    whether the family is in the rung's training set
     * @param grade   γ per atom
     * @param outlier d per atom
     * @param error   |F_model − F_teacher| per atom, eV/Å
     */
    public record FamilyScores(boolean seen, double[] grade, double[] outlier, double[] error) {
    }

    /**
     * Builds (or, when the model folder has one from an earlier run of the same experiment,
     * loads) the rung's {@code uncertainty.json} and scores the held-out atoms.
     *
     * @param modelDir the rung's model folder (its model.json written)
     * @param test     held-out mask per frame
     */
    static RungUncertainty compute(Path modelDir, LadderFit.Rung rung, List<Frame> frames, boolean[] test, long seed) {
        List<Configuration> configs = new ArrayList<>();
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            Family fam = Family.ofGroup(f.group());
            Role role = test[k] ? Role.TEST : rung.families().contains(fam) ? Role.TRAIN : Role.UNUSED;
            configs.add(new Configuration(f.group() + "#" + k, f.structure(), f.labels(), f.group(), role, Configuration.ALL_STRESS));
        }
        Dataset data = Dataset.of(configs);
        Uncertainty u;
        PrintWriter quiet = new PrintWriter(new StringWriter());
        if (Files.isRegularFile(modelDir.resolve(Uncertainty.FILE))) {
            u = Uncertainty.load(modelDir);
        } else {
            u = Uncertainty.build(modelDir, data, seed, quiet, false);
            List<Configuration> seenHeldOut = new ArrayList<>();
            for (Configuration c : configs) {
                if (c.role() == Role.TEST && rung.families().contains(Family.ofGroup(c.group()))) {
                    seenHeldOut.add(c);
                }
            }
            u = u.calibrated(Dataset.of(seenHeldOut), quiet);
            u.write();
        }
        Map<Family, List<double[]>> g = new EnumMap<>(Family.class), o = new EnumMap<>(Family.class), e = new EnumMap<>(Family.class);
        for (int k = 0; k < configs.size(); k++) {
            Configuration c = configs.get(k);
            Prediction p = rung.predictions().get(k);
            if (c.role() != Role.TEST || p == null || p.forces() == null || c.labels().forces() == null) {
                continue;
            }
            Family fam = Family.ofGroup(c.group());
            AtomScores s = u.score(c.structure());
            g.computeIfAbsent(fam, x -> new ArrayList<>()).add(s.grade());
            o.computeIfAbsent(fam, x -> new ArrayList<>()).add(s.outlier());
            double[] ref = c.labels().forces(), fp = p.forces();
            double[] err = new double[c.atoms()];
            for (int i = 0; i < err.length; i++) {
                double dx = fp[3 * i] - ref[3 * i], dy = fp[3 * i + 1] - ref[3 * i + 1], dz = fp[3 * i + 2] - ref[3 * i + 2];
                err[i] = Math.sqrt(dx * dx + dy * dy + dz * dz);
            }
            e.computeIfAbsent(fam, x -> new ArrayList<>()).add(err);
        }
        Map<Family, FamilyScores> fams = new EnumMap<>(Family.class);
        for (Family f : g.keySet()) {
            fams.put(f, new FamilyScores(rung.families().contains(f), concat(g.get(f)), concat(o.get(f)), concat(e.get(f))));
        }
        Map<String, Calibration> cal = new LinkedHashMap<>();
        for (Uncertainty.Method m : List.of(Uncertainty.Method.GRADE, Uncertainty.Method.OUTLIER)) {
            if (u.calibration(m) != null) {
                cal.put(m.label(), u.calibration(m));
            }
        }
        boolean anyUnseen = fams.values().stream().anyMatch(x -> !x.seen());
        Map<String, double[]> unseen = new LinkedHashMap<>();
        unseen.put("grade", rank(fams, anyUnseen, true));
        unseen.put("outlier", rank(fams, anyUnseen, false));
        return new RungUncertainty(fams, cal, unseen);
    }

    /** {Spearman ρ, ROC-AUC, atoms} of a score against the error on the unseen (or all) held-out atoms. */
    private static double[] rank(Map<Family, FamilyScores> fams, boolean onlyUnseen, boolean grade) {
        List<double[]> s = new ArrayList<>(), e = new ArrayList<>();
        for (FamilyScores f : fams.values()) {
            if (!onlyUnseen || !f.seen()) {
                s.add(grade ? f.grade() : f.outlier());
                e.add(f.error());
            }
        }
        double[] x = concat(s), y = concat(e);
        boolean[] large = new boolean[y.length];
        for (int i = 0; i < y.length; i++) {
            large[i] = y[i] > Calibration.LARGE_ERROR;
        }
        return new double[]{RankStats.spearman(x, y), RankStats.auc(x, large), x.length};
    }

    private static double[] concat(List<double[]> parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Median of the finite values; NaN when none. */
    public static double median(double[] v) {
        return quantile(v, 0.5);
    }

    /** The q-quantile (nearest rank) of the finite values; NaN when none. */
    public static double quantile(double[] v, double q) {
        double[] f = java.util.Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        return f.length == 0 ? Double.NaN : f[(int) Math.min(f.length - 1, Math.floor(q * f.length))];
    }

    /** The summary.json entry: per family medians and 90th percentiles, the calibrations and the unseen-family ranking. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> fam = new LinkedHashMap<>();
        families.forEach((f, s) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("seen", s.seen());
            x.put("atoms", s.grade().length);
            x.put("grade_median", median(s.grade()));
            x.put("grade_p90", quantile(s.grade(), 0.9));
            x.put("extrapolating_fraction", fraction(s.grade()));
            x.put("outlier_median", median(s.outlier()));
            x.put("force_error_median_ev_per_a", median(s.error()));
            fam.put(f.key(), x);
        });
        m.put("families", fam);
        Map<String, Object> cal = new LinkedHashMap<>();
        calibration.forEach((k, c) -> cal.put(k, Map.of("atoms", c.atoms(), "spearman", c.spearman(), "roc_auc", c.auc(),
                "coverage90", c.coverage90())));
        m.put("calibration_on_seen_families", cal);
        Map<String, Object> un = new LinkedHashMap<>();
        unseen.forEach((k, v) -> un.put(k, Map.of("spearman", v[0], "roc_auc", v[1], "atoms", (int) v[2])));
        m.put("ranking_on_unseen_families", un);
        return m;
    }

    /** Fraction of atoms with γ &gt; 1. */
    public static double fraction(double[] grade) {
        int n = 0, k = 0;
        for (double v : grade) {
            if (Double.isFinite(v)) {
                n++;
                k += v > 1 + 1e-6 ? 1 : 0;
            }
        }
        return n == 0 ? Double.NaN : k / (double) n;
    }
}
