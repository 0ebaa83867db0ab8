package org.peierls.uncertainty;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.Descriptor;
import org.peierls.fit.Configuration;
import org.peierls.fit.Dataset;
import org.peierls.fit.ModelStore;
import org.peierls.fit.Role;
import org.peierls.io.Json;
import org.peierls.model.MlPotential;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.util.InputException;
import org.peierls.util.Progress;

/**
 * Where a fitted model extrapolates: per-atom scores of a structure against the model's training
 * set, for any model kind, from what its fit folder holds.
 *
 * <ul>
 *   <li>{@link Method#GRADE}: the D-optimality extrapolation grade γ of the per-atom features
 *       [1, B_i] against a MaxVol active set of training rows ({@link ActiveSet});</li>
 *   <li>{@link Method#OUTLIER}: the Mahalanobis distance of B_i from a robust (MCD) Gaussian of
 *       the training descriptors of the same element ({@link RobustGaussian}), and its signed
 *       distortion score;</li>
 *   <li>{@link Method#COMMITTEE}: the spread of the forces of K members fitted to k-fold subsets
 *       ({@code peierls fit --committee K}, folder {@code committee/}).</li>
 * </ul>
 *
 * Each score is mapped to an expected force error (eV/Å) by a {@link Calibration} on held-out
 * atoms; the best-ranking calibrated method gives {@code predicted_force_error_ev_per_a}. The
 * active sets, Gaussians and calibrations live in {@code FIT_DIR/uncertainty.json}.
 */
public final class Uncertainty {

    /** File in the fit folder. */
    public static final String FILE = "uncertainty.json";
    /** Folder of the committee members in the fit folder. */
    public static final String COMMITTEE_DIR = org.peierls.fit.FitRunner.COMMITTEE_DIR;

    /** A kind of score. */
    public enum Method {
        GRADE("grade"), OUTLIER("outlier"), COMMITTEE("committee");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The method of a label. */
        public static Method of(String s) {
            for (Method m : values()) {
                if (m.label.equalsIgnoreCase(s)) {
                    return m;
                }
            }
            throw new InputException("unknown uncertainty method '" + s + "' (grade, outlier, committee, all)");
        }
    }

    private final Path folder;
    private final MlPotential model;
    private final Potential potential;
    private final ActiveSet[] active;
    private final RobustGaussian[] outlier;
    private final List<Potential> committee;
    private final Map<Method, Calibration> calibration;

    private Uncertainty(Path folder, MlPotential model, Potential potential, ActiveSet[] active, RobustGaussian[] outlier,
                        List<Potential> committee, Map<Method, Calibration> calibration) {
        this.folder = folder;
        this.model = model;
        this.potential = potential;
        this.active = active;
        this.outlier = outlier;
        this.committee = List.copyOf(committee);
        this.calibration = new EnumMap<>(Method.class);
        this.calibration.putAll(calibration);
    }

    // ------------------------------------------------------------------ building

    /**
     * Builds the active sets and robust Gaussians from the training configurations of
     * {@code data} (one descriptor pass) for the model of {@code fitDir}; loads its committee
     * when there is one. Nothing is written (see {@link #write}).
     */
    public static Uncertainty build(Path fitDir, Dataset data, long seed, PrintWriter log) {
        return build(fitDir, data, seed, log, true);
    }

    /** As {@link #build(Path, Dataset, long, PrintWriter)}, with or without a progress bar (a study builds many). */
    public static Uncertainty build(Path fitDir, Dataset data, long seed, PrintWriter log, boolean progress) {
        MlPotential model = ModelStore.loadModel(fitDir);
        Potential potential = ModelStore.load(fitDir);
        Descriptor d = model.descriptor();
        int nt = model.types(), m = d.size();
        List<double[]> rows = new ArrayList<>();
        int[] count = new int[nt];
        List<List<String>> sources = new ArrayList<>();
        List<List<double[]>> perType = new ArrayList<>();
        for (int t = 0; t < nt; t++) {
            sources.add(new ArrayList<>());
            perType.add(new ArrayList<>());
        }
        int[] train = data.indices(Role.TRAIN);
        try (Progress p = progress ? Progress.start("uncertainty: training descriptors", train.length) : Progress.silent()) {
            for (int k : train) {
                Configuration c = data.get(k);
                Structure s = c.structure();
                double[] b = d.compute(s, NeighborList.build(s, d.cutoff(), NeighborList.Kind.FULL));
                int[] types = d.types(s);
                for (int i = 0; i < s.size(); i++) {
                    double[] row = new double[m];
                    System.arraycopy(b, i * m, row, 0, m);
                    perType.get(types[i]).add(row);
                    sources.get(types[i]).add(c.name() + "#" + i);
                    count[types[i]]++;
                }
                p.step();
            }
        }
        ActiveSet[] active = new ActiveSet[nt];
        RobustGaussian[] outlier = new RobustGaussian[nt];
        for (int t = 0; t < nt; t++) {
            String el = Element.symbol(model.species()[t]);
            List<double[]> r = perType.get(t);
            int n = r.size();
            if (n == 0) {
                log.printf(Locale.ROOT, "uncertainty: no training atoms of %s: no grade or outlier score for it%n", el);
                continue;
            }
            double[] f = new double[n * (m + 1)];
            double[] x = new double[n * m];
            for (int i = 0; i < n; i++) {
                f[i * (m + 1)] = 1;
                System.arraycopy(r.get(i), 0, f, i * (m + 1) + 1, m);
                System.arraycopy(r.get(i), 0, x, i * m, m);
            }
            long t0 = System.nanoTime();
            active[t] = ActiveSet.select(f, n, m + 1, sources.get(t));
            double tGrade = (System.nanoTime() - t0) * 1e-9;
            t0 = System.nanoTime();
            try {
                outlier[t] = RobustGaussian.fit(x, n, m, seed + t);
            } catch (IllegalArgumentException e) {
                log.printf(Locale.ROOT, "uncertainty: no outlier score for %s: %s%n", el, e.getMessage());
            }
            double tOut = (System.nanoTime() - t0) * 1e-9;
            log.printf(Locale.ROOT, "uncertainty %s: %d training atoms; active set of %d rows (rank %d of %d features, %d swaps, %.2f s); "
                            + "robust Gaussian in %d dimensions (%.2f s)%n", el, n, active[t].rank(), active[t].rank(), m + 1,
                    active[t].swaps(), tGrade, m, tOut);
        }
        return new Uncertainty(fitDir, model, potential, active, outlier, Committee.load(fitDir), Map.of());
    }

    /**
     * The same with calibrations from the labelled configurations of {@code labelled} that have
     * forces (every role counts: pass held-out data). Methods without enough atoms stay uncalibrated.
     */
    public Uncertainty calibrated(Dataset labelled, PrintWriter log) {
        Map<Method, List<Double>> scores = new EnumMap<>(Method.class);
        List<Double> errors = new ArrayList<>();
        List<Integer> configs = new ArrayList<>();
        for (Method me : methods()) {
            scores.put(me, new ArrayList<>());
        }
        int used = 0;
        for (int k = 0; k < labelled.size(); k++) {
            Configuration c = labelled.get(k);
            if (c.labels().forces() == null) {
                continue;
            }
            AtomScores s = score(c.structure());
            double[] err = forceErrors(c.structure(), c.labels().forces());
            for (int i = 0; i < err.length; i++) {
                errors.add(err[i]);
                configs.add(used);
                for (Method me : scores.keySet()) {
                    scores.get(me).add(s.raw(me)[i]);
                }
            }
            used++;
        }
        Map<Method, Calibration> cal = new EnumMap<>(Method.class);
        double[] e = errors.stream().mapToDouble(Double::doubleValue).toArray();
        int[] cfg = configs.stream().mapToInt(Integer::intValue).toArray();
        for (Map.Entry<Method, List<Double>> en : scores.entrySet()) {
            if (e.length < 10) {
                break;
            }
            Calibration cb = Calibration.fit(en.getKey().label(), en.getValue().stream().mapToDouble(Double::doubleValue).toArray(), e, cfg);
            cal.put(en.getKey(), cb);
            log.printf(Locale.ROOT, "calibration %-9s on %d atoms of %d configurations: Spearman %.3f, ROC-AUC(|ΔF|>%.1f) %.3f, "
                            + "90%% bound ×%.2f, out-of-sample coverage %.1f%%%n", en.getKey().label(), e.length, used, cb.spearman(),
                    Calibration.LARGE_ERROR, cb.auc(), cb.bound90(), 100 * cb.coverage90());
        }
        if (e.length < 10) {
            log.printf(Locale.ROOT, "calibration: only %d labelled atoms; scores stay uncalibrated%n", e.length);
        }
        return new Uncertainty(folder, model, potential, active, outlier, committee, cal);
    }

    /** |F_model − F_ref| per atom, eV/Å. */
    public double[] forceErrors(Structure s, double[] reference) {
        Results r = potential.compute(s);
        double[] f = r.forces();
        double[] e = new double[s.size()];
        for (int i = 0; i < e.length; i++) {
            double dx = f[3 * i] - reference[3 * i], dy = f[3 * i + 1] - reference[3 * i + 1], dz = f[3 * i + 2] - reference[3 * i + 2];
            e[i] = Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return e;
    }

    // ------------------------------------------------------------------ scoring

    /** The methods this model has (grade and outlier always, committee when members exist). */
    public List<Method> methods() {
        List<Method> l = new ArrayList<>(List.of(Method.GRADE, Method.OUTLIER));
        if (!committee.isEmpty()) {
            l.add(Method.COMMITTEE);
        }
        return l;
    }

    /** Committee size (0: none). */
    public int committeeSize() {
        return committee.size();
    }

    /** The calibration of a method, or null. */
    public Calibration calibration(Method m) {
        return calibration.get(m);
    }

    /** The calibrated method that ranks errors best (highest Spearman ρ), or null when none is calibrated. */
    public Method primary() {
        Method best = null;
        for (Map.Entry<Method, Calibration> e : calibration.entrySet()) {
            double rho = e.getValue().spearman();
            if (Double.isFinite(rho) && (best == null || rho > calibration.get(best).spearman())) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** The model's descriptor rows and types of a structure. */
    private double[] descriptors(Structure s) {
        Descriptor d = model.descriptor();
        return d.compute(s, NeighborList.build(s, d.cutoff(), NeighborList.Kind.FULL));
    }

    /** γ per atom only (the cheap path MD monitors use); NaN for atoms of an element without an active set. */
    public double[] grades(Structure s) {
        return grades(s, descriptors(s), model.descriptor().types(s));
    }

    private double[] grades(Structure s, double[] b, int[] types) {
        int m = model.descriptor().size();
        double[] g = new double[s.size()];
        for (int i = 0; i < g.length; i++) {
            ActiveSet a = active[types[i]];
            g[i] = a == null ? Double.NaN : a.gradeOfDescriptor(b, i * m);
        }
        return g;
    }

    /**
     * The fit folder's potential (reference included), grading its atoms as it computes them
     * ({@link GradedPotential#takeMax}): for MD and minimizers, where a second descriptor pass per
     * step would cost a third of the step.
     */
    public GradedPotential graded() {
        return new GradedPotential(ModelStore.load(folder), active);
    }

    /**
     * Which candidate structures to label: D-optimal selection ({@link DOptimalSelection}) of
     * their atoms' rows against the active set of each element, at most {@code maxStructures}
     * structures (those owning the chosen rows, in the order of their first chosen row).
     *
     * @param threshold γ_select (≥ 1)
     * @return indices into {@code candidates}
     */
    public List<Integer> select(List<Structure> candidates, double threshold, int maxStructures) {
        Descriptor d = model.descriptor();
        int m = d.size();
        List<Integer> chosen = new ArrayList<>();
        for (int t = 0; t < active.length && chosen.size() < maxStructures; t++) {
            if (active[t] == null) {
                continue;
            }
            List<double[]> rows = new ArrayList<>();
            List<Integer> owner = new ArrayList<>();
            for (int k = 0; k < candidates.size(); k++) {
                Structure s = candidates.get(k);
                double[] b = descriptors(s);
                int[] types = d.types(s);
                for (int i = 0; i < s.size(); i++) {
                    if (types[i] == t) {
                        double[] row = new double[m];
                        System.arraycopy(b, i * m, row, 0, m);
                        rows.add(row);
                        owner.add(k);
                    }
                }
            }
            double[] flat = new double[rows.size() * m];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i), 0, flat, i * m, m);
            }
            // more rows than structures are wanted: several chosen rows usually share a structure
            DOptimalSelection.Result r = DOptimalSelection.select(active[t], flat, rows.size(), m, threshold, 20 * maxStructures);
            for (int i : r.rows()) {
                int k = owner.get(i);
                if (!chosen.contains(k) && chosen.size() < maxStructures) {
                    chosen.add(k);
                }
            }
        }
        return chosen;
    }

    /** The cutoff of the model's descriptor, Å (what a carved cell must keep exact). */
    public double cutoff() {
        return model.descriptor().cutoff();
    }

    /**
     * Which atoms of one (large) structure to label: D-optimal selection of its rows against
     * the active sets, at most {@code max} atoms, in the order chosen.
     */
    public List<Integer> selectAtoms(Structure s, double threshold, int max) {
        Descriptor d = model.descriptor();
        int m = d.size();
        double[] b = descriptors(s);
        int[] types = d.types(s);
        List<Integer> chosen = new ArrayList<>();
        for (int t = 0; t < active.length; t++) {
            if (active[t] == null) {
                continue;
            }
            List<Integer> atoms = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                if (types[i] == t) {
                    atoms.add(i);
                }
            }
            double[] rows = new double[atoms.size() * m];
            for (int q = 0; q < atoms.size(); q++) {
                System.arraycopy(b, atoms.get(q) * m, rows, q * m, m);
            }
            for (int q : DOptimalSelection.select(active[t], rows, atoms.size(), m, threshold, max - chosen.size()).rows()) {
                chosen.add(atoms.get(q));
            }
        }
        return chosen;
    }

    /** Every score of every atom of a structure. */
    public AtomScores score(Structure s) {
        double[] b = descriptors(s);
        int[] types = model.descriptor().types(s);
        int n = s.size(), m = model.descriptor().size();
        double[] grade = grades(s, b, types);
        double[] dist = new double[n];
        double[] distortion = new double[n];
        for (int i = 0; i < n; i++) {
            RobustGaussian g = outlier[types[i]];
            dist[i] = g == null ? Double.NaN : g.distance(b, i * m);
            distortion[i] = g == null ? Double.NaN : g.distortion(dist[i]);
        }
        double[] std = null;
        double eStd = Double.NaN;
        if (!committee.isEmpty()) {
            int k = committee.size();
            double[][] f = new double[k][];
            double[] e = new double[k];
            for (int q = 0; q < k; q++) {
                Results r = committee.get(q).compute(s);
                f[q] = r.forces();
                e[q] = r.energy();
            }
            std = new double[n];
            for (int i = 0; i < n; i++) {
                double s2 = 0;
                for (int c = 0; c < 3; c++) {
                    double mean = 0;
                    for (int q = 0; q < k; q++) {
                        mean += f[q][3 * i + c];
                    }
                    mean /= k;
                    for (int q = 0; q < k; q++) {
                        double dv = f[q][3 * i + c] - mean;
                        s2 += dv * dv;
                    }
                }
                std[i] = Math.sqrt(s2 / Math.max(1, k - 1));
            }
            double mean = 0;
            for (double v : e) {
                mean += v;
            }
            mean /= k;
            double s2 = 0;
            for (double v : e) {
                s2 += (v - mean) * (v - mean);
            }
            eStd = Math.sqrt(s2 / Math.max(1, k - 1));
        }
        Method primary = primary();
        double[] predicted = null;
        if (primary != null) {
            double[] raw = switch (primary) {
                case GRADE -> grade;
                case OUTLIER -> dist;
                case COMMITTEE -> std;
            };
            predicted = new double[n];
            Calibration cb = calibration.get(primary);
            for (int i = 0; i < n; i++) {
                predicted[i] = cb.expected(raw[i]);
            }
        }
        return new AtomScores(grade, dist, distortion, std, eStd, predicted, primary);
    }

    // ------------------------------------------------------------------ files

    /** {@code FIT_DIR/uncertainty.json}. */
    public Path file() {
        return folder.resolve(FILE);
    }

    /** Writes {@code FIT_DIR/uncertainty.json} (atomically). */
    public void write() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "peierls-uncertainty");
        doc.put("version", 1);
        doc.put("features", "[1, B_i] of the model's descriptor (" + model.descriptor().describe() + ")");
        List<Object> types = new ArrayList<>();
        for (int t = 0; t < active.length; t++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("element", Element.symbol(model.species()[t]));
            e.put("active_set", active[t] == null ? null : active[t].json());
            e.put("outlier", outlier[t] == null ? null : outlier[t].json());
            types.add(e);
        }
        doc.put("types", types);
        Map<String, Object> cal = new LinkedHashMap<>();
        for (Map.Entry<Method, Calibration> e : calibration.entrySet()) {
            cal.put(e.getKey().label(), e.getValue().json());
        }
        doc.put("calibration", cal);
        doc.put("committee_members", committee.size());
        Json.write(folder.resolve(FILE), doc);
    }

    /**
     * The uncertainty model of a fit folder.
     *
     * @throws InputException when the folder has no uncertainty.json or it is malformed
     */
    public static Uncertainty load(Path fitDir) {
        Path dir = Files.isDirectory(fitDir) ? fitDir : fitDir.toAbsolutePath().getParent();
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new InputException(dir + " has no " + FILE + ": fit it again with peierls fit (which writes the active set "
                    + "and the robust Gaussian of the training descriptors next to model.json)");
        }
        MlPotential model = ModelStore.loadModel(dir);
        Potential potential = ModelStore.load(dir);
        JsonNode root = Json.read(file);
        java.util.function.Function<String, RuntimeException> err = msg -> new InputException(file + ": " + msg);
        JsonNode types = root.path("types");
        if (!types.isArray() || types.size() != model.types()) {
            throw err.apply("\"types\" must list the model's " + model.types() + " element types");
        }
        int m = model.descriptor().size();
        ActiveSet[] active = new ActiveSet[model.types()];
        RobustGaussian[] outlier = new RobustGaussian[model.types()];
        for (int t = 0; t < active.length; t++) {
            JsonNode e = types.get(t);
            String el = Element.symbol(model.species()[t]);
            if (!el.equals(e.path("element").asText())) {
                throw err.apply("type " + t + " is " + e.path("element").asText() + ", the model's is " + el);
            }
            if (e.hasNonNull("active_set")) {
                active[t] = ActiveSet.fromJson(e.get("active_set"), err);
                if (active[t].features() != m + 1) {
                    throw err.apply("active set of " + el + " has " + active[t].features() + " features, the descriptor gives " + (m + 1));
                }
            }
            if (e.hasNonNull("outlier")) {
                outlier[t] = RobustGaussian.fromJson(e.get("outlier"), err);
                if (outlier[t].dimension() != m) {
                    throw err.apply("outlier model of " + el + " has dimension " + outlier[t].dimension() + ", the descriptor " + m);
                }
            }
        }
        Map<Method, Calibration> cal = new EnumMap<>(Method.class);
        root.path("calibration").fields().forEachRemaining(en -> cal.put(Method.of(en.getKey()), Calibration.fromJson(en.getValue(), err)));
        return new Uncertainty(dir, model, potential, active, outlier, Committee.load(dir), cal);
    }

    /** The committee members of a fit folder, in member order. */
    static final class Committee {
        private Committee() {
        }

        static List<Potential> load(Path fitDir) {
            Path dir = fitDir.resolve(COMMITTEE_DIR);
            if (!Files.isDirectory(dir)) {
                return List.of();
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().matches("member-\\d+\\.json")).sorted((a, b) ->
                        Integer.compare(number(a), number(b))).toList();
            } catch (IOException e) {
                throw new InputException(dir + ": cannot list the committee (" + e.getMessage() + ")", e);
            }
            List<Potential> out = new ArrayList<>();
            for (Path f : files) {
                out.add(ModelStore.load(f));
            }
            return out;
        }

        private static int number(Path p) {
            String n = p.getFileName().toString();
            return Integer.parseInt(n.substring("member-".length(), n.length() - ".json".length()));
        }
    }
}
