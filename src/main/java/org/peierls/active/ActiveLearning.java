package org.peierls.active;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.peierls.atoms.Element;
import org.peierls.atoms.Frame;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.defects.PointDefects;
import org.peierls.fit.Configuration;
import org.peierls.fit.Dataset;
import org.peierls.fit.FitContext;
import org.peierls.fit.FitJob;
import org.peierls.fit.FittedModel;
import org.peierls.fit.ModelKind;
import org.peierls.fit.ModelKinds;
import org.peierls.fit.ModelStore;
import org.peierls.fit.OptionValues;
import org.peierls.fit.Reference;
import org.peierls.fit.Role;
import org.peierls.fit.Weights;
import org.peierls.io.AtomicWrite;
import org.peierls.io.ExtendedXyz;
import org.peierls.io.Json;
import org.peierls.oracle.LabelCache;
import org.peierls.oracle.Labeller;
import org.peierls.oracle.Oracle;
import org.peierls.oracle.TeacherOracle;
import org.peierls.potential.Potential;
import org.peierls.uncertainty.GradedPotential;
import org.peierls.uncertainty.Uncertainty;
import org.peierls.util.Charts;
import org.peierls.util.InputException;
import org.peierls.util.Progress;

/**
 * On-the-fly active learning of a defect (Podryabinkin &amp; Shapeev 2017; the review's Fig. 4c):
 * run the task with the current model, graded inside its force path; when an atom's γ passes
 * γ_break stop, choose the structures worth labelling among those seen since γ passed γ_select
 * (D-optimal selection of their atoms' rows, {@link Uncertainty#select}), label them with the
 * oracle, refit with the same kind, options and weights, and start the task again from its last
 * safe state. The run ends when the task finishes with no atom above γ_select, or at the label
 * budget.
 *
 * <p>Everything is kept in the output folder as it happens: {@code labelled.extxyz} (every
 * labelled structure, rewritten atomically after each oracle call), the oracle's label cache
 * ({@code labels/}), the current model ({@code model/}) and {@code learn.json}; a killed run
 * starts from the labelled structures it had and repeats no oracle call.</p>
 */
public final class ActiveLearning {

    /**
     * What to learn and how.
     *
     * @param task        "vacancy-hop"
     * @param start       labelled data to start from (empty: the oracle labels a few rattled and strained bulk cells)
     * @param gammaSelect γ above which a structure becomes a candidate
     * @param gammaBreak  γ at which the task stops for labels
     * @param maxLabels   label budget (structures)
     * @param batch       structures labelled per oracle call
     * @param size        supercell size of the task (conventional cells per edge)
     * @param tolerance   eV: once γ no longer triggers, the oracle labels the model's initial state and saddle, and
     *                    the run ends when the model's barrier is within this of the oracle's energies of those two
     *                    (0: no verification)
     * @param weights     fit weights (energy per eV/atom, force per eV/Å, stress per GPa)
     */
    public record Settings(String task, String element, LatticeType lattice, double a0, String model, Map<String, String> options,
                           String reference, List<Path> start, double gammaSelect, double gammaBreak, int maxLabels, int batch,
                           int size, long seed, int jobs, double tolerance, Weights weights, Path out, double temperature, long mdSteps) {

        /** Settings of the tasks without MD (temperature and steps unused). */
        public Settings(String task, String element, LatticeType lattice, double a0, String model, Map<String, String> options,
                        String reference, List<Path> start, double gammaSelect, double gammaBreak, int maxLabels, int batch,
                        int size, long seed, int jobs, double tolerance, Weights weights, Path out) {
            this(task, element, lattice, a0, model, options, reference, start, gammaSelect, gammaBreak, maxLabels, batch, size, seed, jobs,
                    tolerance, weights, out, 1000, 2000);
        }

        public Settings {
            if (!"vacancy-hop".equals(task) && !"md".equals(task) && !"screw-glide".equals(task) && !task.startsWith("battery:")) {
                throw new InputException("--task " + task + ": vacancy-hop, md, screw-glide or battery:PROPERTY (e.g. battery:gsf)");
            }
            if ("md".equals(task) && (!(temperature > 0) || !Double.isFinite(temperature) || mdSteps < 1)) {
                throw new InputException("--task md needs --temp > 0 K and --steps ≥ 1, got " + temperature + " K and " + mdSteps);
            }
            if (!(gammaSelect >= 1) || !(gammaBreak >= gammaSelect)) {
                throw new InputException("--threshold LO,HI needs 1 ≤ LO ≤ HI, got " + gammaSelect + "," + gammaBreak);
            }
            if (maxLabels < 1 || batch < 1 || size < 2 || jobs < 1) {
                throw new InputException("--max-labels, --batch and --jobs must be ≥ 1 and --size ≥ 2");
            }
        }
    }

    private final Settings s;
    private final Oracle oracle;
    private final Potential reference;
    private final LabelCache cache;
    private final Consumer<String> log;
    private final List<Frame> labelled = new ArrayList<>();
    private final List<Map<String, Object>> calls = new ArrayList<>();
    private final List<double[]> history = new ArrayList<>();   // {cumulative evaluation, max γ}
    private final List<double[]> checks = new ArrayList<>();    // {labels, model property, oracle's at the model's structures}
    private long evaluations;
    private long t0;

    /** A run whose reference barrier comes from the oracle's potential when it is a teacher. */
    public ActiveLearning(Settings settings, Oracle oracle, Consumer<String> log) {
        this(settings, oracle, oracle instanceof TeacherOracle t ? t.teacher() : null, log);
    }

    /**
     * @param reference the potential whose own NEB gives {@code reference_barrier_ev} (null: none, as for DFT)
     */
    public ActiveLearning(Settings settings, Oracle oracle, Potential reference, Consumer<String> log) {
        this.s = settings;
        this.oracle = oracle;
        this.reference = reference;
        this.cache = new LabelCache(settings.out().resolve("labels"));
        this.log = log;
    }

    /** Runs to the end; returns the {@code learn.json} document (also written). */
    public Map<String, Object> run() {
        t0 = System.nanoTime();
        Path labelsFile = s.out().resolve("labelled.extxyz");
        VacancyHop hop = new VacancyHop(s.lattice(), s.element(), s.a0(), s.size(), 5);
        if (Files.isRegularFile(labelsFile)) {
            labelled.addAll(ExtendedXyz.read(labelsFile));
            readCalls();
            log.accept("learn: resuming with " + labelled.size() + " labelled structures from " + labelsFile);
        } else if (!s.start().isEmpty()) {
            Dataset d = Dataset.read(s.start(), Role.TRAIN);
            for (int k = 0; k < d.size(); k++) {
                Configuration c = d.get(k);
                labelled.add(new Frame(c.structure(), c.labels(), c.group() == null ? "start" : c.group()));
            }
            ExtendedXyz.write(labelsFile, labelled);
        } else {
            List<Structure> bulk = bulkStart();
            labelled.addAll(label(bulk, "bulk"));
            ExtendedXyz.write(labelsFile, labelled);
            log.accept("learn: " + bulk.size() + " bulk cells labelled to start from");
        }
        int startLabels = labelled.size();
        if (s.task().equals("md")) {
            return runMd(startLabels, labelsFile);
        }
        if (!s.task().equals("vacancy-hop")) {
            return runBattery(startLabels, labelsFile);
        }
        String verdict;
        VacancyHop.Outcome last = null;
        Uncertainty u;
        while (true) {
            u = refit();
            GradedPotential graded = u.graded();
            Watcher watch = new Watcher(graded);
            List<Structure> candidates = watch.candidates;
            double[] maxSeen = watch.maxSeen;
            last = hop.run(graded, watch);
            if (last.finished() && !(maxSeen[0] > s.gammaSelect())) {
                String why = String.format(Locale.ROOT, "the hop finished with every atom's γ ≤ %.3g (max %.3g)", s.gammaSelect(), maxSeen[0]);
                if (verified(last, why)) {
                    verdict = "converged: " + why + (s.tolerance() > 0 ? ", barrier verified by the oracle" : "");
                    break;
                }
                if (labelled.size() - startLabels >= s.maxLabels()) {
                    verdict = "label budget of " + s.maxLabels() + " reached";
                    u = refit();
                    last = hop.run(u.graded(), (stage, it, st) -> true);
                    break;
                }
                continue;
            }
            if (!last.finished() && candidates.isEmpty()) {
                candidates.addAll(last.last());
            }
            List<Integer> chosen = u.select(candidates, s.gammaSelect(), Math.min(s.batch(), s.maxLabels() - (labelled.size() - startLabels)));
            if (chosen.isEmpty() && last.finished() && !verified(last, String.format(Locale.ROOT,
                    "γ passed %.3g (max %.3g) but no candidate adds to the active set", s.gammaSelect(), maxSeen[0]))) {
                if (labelled.size() - startLabels >= s.maxLabels()) {
                    verdict = "label budget of " + s.maxLabels() + " reached";
                    u = refit();
                    last = hop.run(u.graded(), (stage, it, st) -> true);
                    break;
                }
                continue;
            }
            if (chosen.isEmpty()) {
                verdict = last.finished()
                        ? String.format(Locale.ROOT, "converged: γ passed %.3g (max %.3g) but no candidate adds to the active set", s.gammaSelect(), maxSeen[0])
                        : "stopped: the " + last.stoppedAt() + " did not finish and nothing is left to select (the model fails inside its training data)";
                break;
            }
            List<Structure> pick = new ArrayList<>();
            for (int k : chosen) {
                pick.add(candidates.get(k));
            }
            String reason = last.finished() ? String.format(Locale.ROOT, "finished with γ %.3g > γ_select", maxSeen[0])
                    : String.format(Locale.ROOT, "%s stopped at γ %.3g", last.stoppedAt(), maxSeen[0]);
            long c0 = System.nanoTime();
            List<Frame> frames = label(pick, "learn");
            labelled.addAll(frames);
            ExtendedXyz.write(labelsFile, labelled);
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("call", calls.size() + 1);
            call.put("step", evaluations);
            call.put("stage", last.finished() ? "done" : last.stoppedAt());
            call.put("reason", reason);
            call.put("max_grade_before", maxSeen[0]);
            call.put("labels", frames.size());
            call.put("atoms", pick.stream().mapToInt(Structure::size).sum());
            call.put("total_labels", labelled.size());
            call.put("oracle_seconds", (System.nanoTime() - c0) * 1e-9);
            calls.add(call);
            log.accept(String.format(Locale.ROOT, "learn: call %d at step %d (%s): %d structures labelled, %d in all", calls.size(),
                    evaluations, reason, frames.size(), labelled.size()));
            write(null, Double.NaN, Double.NaN, hop, "running");
            if (labelled.size() - startLabels >= s.maxLabels()) {
                u = refit();
                last = hop.run(u.graded(), (stage, it, st) -> {
                    evaluations++;
                    return true;
                });
                verdict = "label budget of " + s.maxLabels() + " reached";
                break;
            }
        }
        double barrier = last != null && last.finished() ? last.barrier() : Double.NaN;
        double reference = Double.NaN;
        if (this.reference != null) {
            VacancyHop.Outcome ref = new VacancyHop(s.lattice(), s.element(), s.a0(), s.size(), 5).run(this.reference, (a, b, c) -> true);
            reference = ref.finished() ? ref.barrier() : Double.NaN;
        }
        log.accept("learn: " + verdict);
        log.accept(String.format(Locale.ROOT, "learn: barrier %.4f eV (model)%s; %d labelled structures (%d by the loop) in %d oracle calls",
                barrier, Double.isNaN(reference) ? "" : String.format(Locale.ROOT, " vs %.4f eV (oracle), difference %+.1f meV", reference,
                        1000 * (barrier - reference)), labelled.size(), labelled.size() - startLabels, calls.size()));
        Map<String, Object> doc = write(verdict, barrier, reference, hop, "done");
        plots(reference, barrier, "migration barrier (eV)");
        return doc;
    }

    /**
     * The watch of the hop and MD tasks: counts evaluations, records γ, stops at γ_break (the
     * structures there are candidates) and keeps every fifth structure above γ_select (the last 40).
     */
    private final class Watcher implements VacancyHop.Watch {
        final List<Structure> candidates = new ArrayList<>();
        final double[] maxSeen = {Double.NaN};
        private final GradedPotential graded;
        private int since;
        /** Whether the last graded step had every atom at or below γ_select. */
        boolean calm = true;

        Watcher(GradedPotential graded) {
            this.graded = graded;
        }

        @Override
        public boolean check(String stage, int iteration, java.util.function.Supplier<List<Structure>> structures) {
            evaluations++;
            double g = graded.takeMax();
            if (Double.isNaN(g)) {
                return true;    // no force evaluation since the last step
            }
            history.add(new double[]{evaluations, g});
            maxSeen[0] = Double.isNaN(maxSeen[0]) ? g : Math.max(maxSeen[0], g);
            calm = g <= s.gammaSelect();
            if (g > s.gammaBreak()) {
                candidates.addAll(structures.get());
                return false;
            }
            if (g > s.gammaSelect() && ++since % 5 == 1) {
                candidates.addAll(structures.get());
                while (candidates.size() > 40) {
                    candidates.remove(0);
                }
            }
            return true;
        }
    }

    // ------------------------------------------------------------------ MD

    /**
     * {@code md}: Langevin MD of a vacancy cell at {@code temperature}; at γ_break the run stops,
     * the structures seen since γ_select are selected from, labelled, the model refitted, and the
     * MD resumes from its last safe state. Converged when a segment reaches the last step with no
     * candidate (a run that finishes with candidates is labelled and checked again from step 0);
     * else the label budget ends it.
     */
    private Map<String, Object> runMd(int startLabels, Path labelsFile) {
        Structure perfect = PointDefects.supercell(s.lattice(), s.element(), s.a0(), s.size());
        MdTask md = new MdTask(PointDefects.vacancy(perfect).structure(), s.temperature(), s.mdSteps(), s.seed());
        String verdict;
        List<double[]> labelSteps = new ArrayList<>();
        while (true) {
            Uncertainty u = refit();
            GradedPotential graded = u.graded();
            Watcher watch = new Watcher(graded);
            List<Structure> candidates = watch.candidates;
            double[] maxSeen = watch.maxSeen;
            long from = md.safeStep();
            MdTask.Outcome o = md.run(graded, watch, () -> watch.calm);
            if (o.finished() && candidates.isEmpty()) {
                verdict = String.format(Locale.ROOT, "converged: %d MD steps at %.0f K, steps %d–%d with every atom's γ ≤ %.3g (max %.3g)",
                        md.steps(), s.temperature(), from + 1, md.steps(), s.gammaSelect(), maxSeen[0]);
                break;
            }
            int room = Math.min(s.batch(), s.maxLabels() - (labelled.size() - startLabels));
            List<Integer> chosen = room > 0 ? u.select(candidates, s.gammaSelect(), room) : List.of();
            if (chosen.isEmpty()) {
                verdict = room <= 0 ? "label budget of " + s.maxLabels() + " reached"
                        : String.format(Locale.ROOT, "%s: γ passed %.3g (max %.3g) but no candidate adds to the active set",
                        o.finished() ? "finished" : "stopped at step " + o.step(), s.gammaSelect(), maxSeen[0]);
                break;
            }
            List<Structure> pick = new ArrayList<>();
            for (int k : chosen) {
                pick.add(candidates.get(k));
            }
            long c0 = System.nanoTime();
            List<Frame> frames = label(pick, "learn");
            labelled.addAll(frames);
            ExtendedXyz.write(labelsFile, labelled);
            labelSteps.add(new double[]{o.step(), frames.size()});
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("call", calls.size() + 1);
            call.put("step", evaluations);
            call.put("md_step", o.step());
            call.put("stage", "md");
            call.put("reason", o.finished() ? String.format(Locale.ROOT, "finished with γ %.3g > γ_select", maxSeen[0])
                    : String.format(Locale.ROOT, "γ %.3g > γ_break at MD step %d", maxSeen[0], o.step()));
            call.put("max_grade_before", maxSeen[0]);
            call.put("labels", frames.size());
            call.put("atoms", pick.stream().mapToInt(Structure::size).sum());
            call.put("total_labels", labelled.size());
            call.put("oracle_seconds", (System.nanoTime() - c0) * 1e-9);
            calls.add(call);
            if (o.finished()) {
                md.rewind();   // the whole run again with the new model: it converges only on a run with no candidate
            }
            log.accept(String.format(Locale.ROOT, "learn: call %d at MD step %d (%s): %d structures labelled, %d in all; resuming from step %d",
                    calls.size(), o.step(), call.get("reason"), frames.size(), labelled.size(), md.safeStep()));
            write(null, Double.NaN, Double.NaN, null, "running");
            if (labelled.size() - startLabels >= s.maxLabels()) {
                verdict = "label budget of " + s.maxLabels() + " reached";
                refit();
                break;
            }
        }
        log.accept("learn: " + verdict);
        Map<String, Object> doc = write(null, Double.NaN, Double.NaN, null, "done");
        doc.put("verdict", verdict);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("md_steps", md.steps());
        result.put("temperature_k", s.temperature());
        long firstQuarter = labelSteps.stream().filter(x -> x[0] <= 0.25 * md.steps()).mapToLong(x -> (long) x[1]).sum();
        result.put("labels_in_first_quarter", firstQuarter);
        result.put("label_md_steps", labelSteps.stream().map(x -> (long) x[0]).toList());
        doc.put("result", result);
        Json.write(s.out().resolve("learn.json"), doc);
        plots(Double.NaN, Double.NaN, "");
        return doc;
    }

    // ------------------------------------------------------------------ battery tasks

    /** {@code screw-glide} and {@code battery:ID}: large cells, labelled through carved subregions. */
    private Map<String, Object> runBattery(int startLabels, Path labelsFile) {
        String id = s.task().equals("screw-glide") ? "peierls" : s.task().substring("battery:".length());
        BatteryTask task = new BatteryTask(id, s.element(), s.lattice(), s.a0(), true);
        String verdict;
        List<Integer> cellSizes = new ArrayList<>();
        while (true) {
            Uncertainty u = refit();
            GradedPotential graded = u.graded();
            BatteryTask.Outcome o = task.run(graded, graded, s.gammaSelect(), s.gammaBreak());
            evaluations += o.steps();
            history.add(new double[]{evaluations, o.maxGrade()});
            if (o.finished() && o.seen().isEmpty()) {
                String why = String.format(Locale.ROOT, "%s finished with every atom's γ ≤ %.3g (max %.3g)", id, s.gammaSelect(), o.maxGrade());
                if (pathVerified(o, why)) {
                    verdict = "converged: " + why + (s.tolerance() > 0 && o.saddle() >= 0 ? ", barrier verified by the oracle" : "");
                    break;
                }
                if (labelled.size() - startLabels >= s.maxLabels()) {
                    verdict = "label budget of " + s.maxLabels() + " reached";
                    break;
                }
                continue;
            }
            if (!o.finished() && o.halted() == null) {
                // the model is inside its data and still wrong (e.g. a glide path on which the NEB does
                // not converge): the oracle labels the band's end states and highest image
                if (o.saddle() < 0 || labelled.size() - startLabels >= s.maxLabels()) {
                    verdict = id + " failed without extrapolating: " + o.error();
                    break;
                }
                log.accept("learn: " + id + " failed without extrapolating (" + o.error() + "); the oracle labels its path");
                labelPath(o, "failed without extrapolating: " + o.error(), Double.NaN, Double.NaN);
                continue;
            }
            List<Structure> big = new ArrayList<>();
            if (o.halted() != null) {
                big.add(o.halted());
            }
            for (int k = o.seen().size() - 1; k >= 0 && big.size() < 3; k--) {
                big.add(o.seen().get(k));
            }
            int room = Math.min(s.batch(), s.maxLabels() - (labelled.size() - startLabels));
            List<Structure> cells = new ArrayList<>();
            for (Structure st : big) {
                if (cells.size() >= room) {
                    break;
                }
                List<Integer> atoms = u.selectAtoms(st, s.gammaSelect(), room - cells.size());
                for (int[] group : groups(st, atoms, u.cutoff())) {
                    if (cells.size() < room) {
                        cells.add(Carving.carve(st, group, u.cutoff(), 1.0).structure());
                    }
                }
            }
            if (cells.isEmpty()) {
                verdict = String.format(Locale.ROOT, "converged: γ passed %.3g (max %.3g) but no atom adds to the active set", s.gammaSelect(), o.maxGrade());
                break;
            }
            long c0 = System.nanoTime();
            List<Frame> frames = label(cells, "carved");
            labelled.addAll(frames);
            ExtendedXyz.write(labelsFile, labelled);
            cells.forEach(c -> cellSizes.add(c.size()));
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("call", calls.size() + 1);
            call.put("step", evaluations);
            call.put("stage", id);
            call.put("reason", o.halted() != null ? String.format(Locale.ROOT, "γ %.3g > γ_break", o.maxGrade())
                    : String.format(Locale.ROOT, "finished with γ %.3g > γ_select", o.maxGrade()));
            call.put("max_grade_before", o.maxGrade());
            call.put("labels", frames.size());
            call.put("carved_cell_atoms", cells.stream().map(Structure::size).toList());
            call.put("source_cell_atoms", big.get(0).size());
            call.put("total_labels", labelled.size());
            call.put("oracle_seconds", (System.nanoTime() - c0) * 1e-9);
            calls.add(call);
            log.accept(String.format(Locale.ROOT, "learn: call %d (%s): %d carved cells of %s atoms from a %d-atom cell, %d labelled in all",
                    calls.size(), call.get("reason"), cells.size(), cells.stream().map(c -> Integer.toString(c.size())).toList(),
                    big.get(0).size(), labelled.size()));
            write(null, Double.NaN, Double.NaN, null, "running");
            if (labelled.size() - startLabels >= s.maxLabels()) {
                verdict = "label budget of " + s.maxLabels() + " reached";
                break;
            }
        }
        Uncertainty u = refit();
        BatteryTask.Outcome fin = task.run(u.graded(), null, s.gammaSelect(), Double.POSITIVE_INFINITY);
        Map<String, Double> ref = reference == null ? Map.of() : task.run(reference, null, 1, Double.POSITIVE_INFINITY).values();
        log.accept("learn: " + verdict);
        for (Map.Entry<String, Double> e : fin.values().entrySet()) {
            Double t = ref.get(e.getKey());
            log.accept(String.format(Locale.ROOT, "learn: %s = %.6g (model)%s", e.getKey(), e.getValue(),
                    t == null ? "" : String.format(Locale.ROOT, " vs %.6g (oracle)", t)));
        }
        Map<String, Object> doc = write(null, Double.NaN, Double.NaN, null, "done");
        doc.put("verdict", verdict);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("property", id);
        result.put("values", fin.values());
        result.put("reference_values", ref);
        result.put("carved_cells", cellSizes.size());
        result.put("carved_cell_atoms", cellSizes);
        doc.put("result", result);
        Json.write(s.out().resolve("learn.json"), doc);
        String key = fin.values().keySet().stream().findFirst().orElse(null);
        plots(key == null || ref.get(key) == null ? Double.NaN : ref.get(key), key == null ? Double.NaN : fin.values().get(key),
                "peierls_barrier_ev_per_b".equals(key) ? "Peierls barrier (eV/b)" : key == null ? id : key);
        return doc;
    }

    /** Selected atoms grouped: each group is the atoms within one cutoff of its first atom (minimum image). */
    private static List<int[]> groups(Structure st, List<Integer> atoms, double cutoff) {
        List<int[]> out = new ArrayList<>();
        boolean[] used = new boolean[atoms.size()];
        double[] x = st.positions();
        for (int a = 0; a < atoms.size(); a++) {
            if (used[a]) {
                continue;
            }
            List<Integer> g = new ArrayList<>();
            int i = atoms.get(a);
            for (int b = a; b < atoms.size(); b++) {
                int j = atoms.get(b);
                double[] d = {x[3 * j] - x[3 * i], x[3 * j + 1] - x[3 * i + 1], x[3 * j + 2] - x[3 * i + 2]};
                st.cell().minimumImage(d);
                if (!used[b] && d[0] * d[0] + d[1] * d[1] + d[2] * d[2] <= cutoff * cutoff) {
                    used[b] = true;
                    g.add(j);
                }
            }
            out.add(g.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    // ------------------------------------------------------------------ stages

    /** Largest oracle force, eV/Å, at a structure the model calls stationary for it to count as stationary for the oracle. */
    static final double STATIONARY_FORCE = 0.05;

    /** Group of the structures a battery task's oracle check labels. */
    static final String CHECK_GROUP = "learn-check";

    private static double maxForce(Frame f) {
        double[] F = f.labels().forces();
        double m = 0;
        for (int i = 0; i < F.length / 3; i++) {
            m = Math.max(m, Math.sqrt(F[3 * i] * F[3 * i] + F[3 * i + 1] * F[3 * i + 1] + F[3 * i + 2] * F[3 * i + 2]));
        }
        return m;
    }

    /**
     * Once γ no longer asks for labels: the oracle labels the model's initial state and saddle
     * image; true when the model's barrier is within the tolerance of the oracle's energy
     * difference of the same two structures. Otherwise they join the training set (one call).
     */
    private boolean verified(VacancyHop.Outcome o, String why) {
        if (s.tolerance() <= 0) {
            return true;
        }
        long c0 = System.nanoTime();
        List<Structure> pick = List.of(o.last().get(0), o.last().get(o.saddle()));
        List<Frame> frames = label(pick, "learn");
        double oracleBarrier = frames.get(1).labels().energy() - frames.get(0).labels().energy();
        double diff = o.barrier() - oracleBarrier;
        // the model's stationary points must be the oracle's too: a saddle in the wrong place has the
        // right energy difference of the wrong structures (the oracle's forces there are not zero)
        double fi = maxForce(frames.get(0)), fs = maxForce(frames.get(1));
        boolean ok = Math.abs(diff) <= s.tolerance() && fi <= STATIONARY_FORCE && fs <= STATIONARY_FORCE;
        checks.add(new double[]{labelled.size(), o.barrier(), oracleBarrier});
        log.accept(String.format(Locale.ROOT, "learn: %s; model barrier %.4f eV, the oracle's energies of its initial state and saddle "
                + "give %.4f eV (%+.1f meV), oracle max |F| there %.3f and %.3f eV/Å%s", why, o.barrier(), oracleBarrier, 1000 * diff, fi, fs,
                ok ? " — within tolerance" : " — labelling them"));
        if (!ok) {
            labelled.addAll(frames);
            ExtendedXyz.write(s.out().resolve("labelled.extxyz"), labelled);
            Map<String, Object> call = new LinkedHashMap<>();
            call.put("call", calls.size() + 1);
            call.put("step", evaluations);
            call.put("stage", "verification");
            call.put("reason", String.format(Locale.ROOT, "barrier off by %+.1f meV", 1000 * diff));
            call.put("max_grade_before", Double.NaN);
            call.put("labels", frames.size());
            call.put("atoms", pick.stream().mapToInt(Structure::size).sum());
            call.put("total_labels", labelled.size());
            call.put("oracle_seconds", (System.nanoTime() - c0) * 1e-9);
            call.put("model_barrier_ev", o.barrier());
            call.put("oracle_barrier_at_model_images_ev", oracleBarrier);
            calls.add(call);
        }
        return ok;
    }

    /**
     * The battery tasks' check (the Peierls barrier): once γ no longer asks for labels, the oracle
     * labels the model's initial state, highest image and final state of the glide path; true when
     * the model's barrier is within the tolerance (eV/b) of the oracle's energies of the same three
     * structures (E_s − E_0 − ξ_s (E_N − E_0), per b: the cell is one b thick) and the oracle's
     * largest force on the free atoms of the initial state is below {@link #STATIONARY_FORCE}.
     * Otherwise the three join the training set (one call). Properties without a path pass.
     */
    private boolean pathVerified(BatteryTask.Outcome o, String why) {
        int sad = o.saddle();
        if (s.tolerance() <= 0 || sad < 0) {
            return true;
        }
        List<Structure> path = o.path();
        List<Structure> pick = List.of(path.get(0), path.get(sad), path.get(path.size() - 1));
        long c0 = System.nanoTime();
        List<Frame> frames = label(pick, CHECK_GROUP);
        double e0 = frames.get(0).labels().energy(), es = frames.get(1).labels().energy(), en = frames.get(2).labels().energy();
        double oracleBarrier = es - e0 - o.coordinate()[sad] * (en - e0);
        double model = o.profile()[sad];
        double diff = model - oracleBarrier;
        double fi = maxFreeForce(frames.get(0), pick.get(0));
        boolean ok = Math.abs(diff) <= s.tolerance() && fi <= STATIONARY_FORCE;
        checks.add(new double[]{labelled.size(), model, oracleBarrier});
        log.accept(String.format(Locale.ROOT, "learn: %s; model barrier %.4f eV/b, the oracle's energies of its path give %.4f eV/b "
                + "(%+.1f meV/b), oracle max |F| on the free atoms of its initial state %.3f eV/Å%s", why, model, oracleBarrier, 1000 * diff,
                fi, ok ? " — within tolerance" : " — labelling them"));
        if (!ok) {
            record(frames, pick, c0, String.format(Locale.ROOT, "barrier off by %+.1f meV/b", 1000 * diff), o.maxGrade(), model, oracleBarrier);
        }
        return ok;
    }

    /** The path's initial state, highest image and final state labelled and added (one call). */
    private void labelPath(BatteryTask.Outcome o, String reason, double model, double oracleBarrier) {
        List<Structure> path = o.path();
        List<Structure> pick = List.of(path.get(0), path.get(o.saddle()), path.get(path.size() - 1));
        long c0 = System.nanoTime();
        record(label(pick, CHECK_GROUP), pick, c0, reason, o.maxGrade(), model, oracleBarrier);
    }

    /** Adds labelled path structures to the training set and the call to learn.json. */
    private void record(List<Frame> frames, List<Structure> pick, long c0, String reason, double grade, double model, double oracleBarrier) {
        labelled.addAll(frames);
        ExtendedXyz.write(s.out().resolve("labelled.extxyz"), labelled);
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("call", calls.size() + 1);
        call.put("step", evaluations);
        call.put("stage", "verification");
        call.put("reason", reason);
        call.put("max_grade_before", grade);
        call.put("labels", frames.size());
        call.put("atoms", pick.stream().mapToInt(Structure::size).sum());
        call.put("total_labels", labelled.size());
        call.put("oracle_seconds", (System.nanoTime() - c0) * 1e-9);
        call.put("model_barrier_ev_per_b", model);
        call.put("oracle_barrier_at_model_images_ev_per_b", oracleBarrier);
        calls.add(call);
    }

    /** Largest oracle force on the atoms the structure's move mask leaves free (all atoms without one), eV/Å. */
    private static double maxFreeForce(Frame f, Structure labelledStructure) {
        double[] F = f.labels().forces();
        Object mask = labelledStructure.arrays().get(org.peierls.atoms.MoveMask.ARRAY);
        double m = 0;
        for (int i = 0; i < F.length / 3; i++) {
            if (mask instanceof boolean[] b && (b.length == F.length / 3 ? !b[i] : !(b[3 * i] || b[3 * i + 1] || b[3 * i + 2]))) {
                continue;
            }
            m = Math.max(m, Math.sqrt(F[3 * i] * F[3 * i] + F[3 * i + 1] * F[3 * i + 1] + F[3 * i + 2] * F[3 * i + 2]));
        }
        return m;
    }

    /** Rattled and strained bulk cells (2×2×2 conventional), seeded. */
    private List<Structure> bulkStart() {
        Random r = new Random(s.seed());
        List<Structure> out = new ArrayList<>();
        double[] strains = {-0.02, 0.0, 0.02};
        double[] rattles = {0.03, 0.1};
        for (double e : strains) {
            for (double a : rattles) {
                Structure p = PointDefects.supercell(s.lattice(), s.element(), s.a0() * (1 + e), 2);
                double[] x = p.positions();
                for (int i = 0; i < x.length; i++) {
                    x[i] += a * r.nextGaussian();
                }
                out.add(p.withPositions(x));
            }
        }
        return out;
    }

    private List<Frame> label(List<Structure> structures, String group) {
        List<String> groups = new ArrayList<>();
        for (int k = 0; k < structures.size(); k++) {
            groups.add(group);
        }
        List<Frame> out = new ArrayList<>();
        for (Labeller.Outcome o : Labeller.label(oracle, structures, groups, cache, s.jobs(), Progress.silent())) {
            if (o.frame() == null) {
                throw new InputException("the oracle failed on a selected structure: " + o.error());
            }
            out.add(o.frame());
        }
        return out;
    }

    /** Fits the labelled structures, writes model/ and its uncertainty.json. */
    private Uncertainty refit() {
        List<Configuration> configs = new ArrayList<>();
        for (int k = 0; k < labelled.size(); k++) {
            Frame f = labelled.get(k);
            configs.add(new Configuration(f.group() + "#" + k, f.structure(), f.labels(), f.group(), Role.TRAIN, Configuration.ALL_STRESS));
        }
        Dataset data = Dataset.of(configs);
        ModelKind<?> kind = ModelKinds.named(s.model());
        Map<String, String> values = new LinkedHashMap<>(kind.studyDefaults());
        values.putAll(s.options());
        FitJob.Choice<?> choice = FitJob.Choice.of(kind, OptionValues.ofFile(kind, values, "learn"));
        // the check's cells carry a property that is a difference of total energies (meV per b of a
        // 168-atom cylinder): their energy rows weigh per eV of the cell, not per eV/atom
        Map<String, Weights> groups = new LinkedHashMap<>();
        labelled.stream().filter(f -> CHECK_GROUP.equals(f.group())).findFirst().ifPresent(f ->
                groups.put(CHECK_GROUP, s.weights().withEnergy(s.weights().energy() * f.structure().size())));
        Weights w = s.weights();
        FitContext ctx = new FitContext(data.withWeights(w, groups), new int[]{Element.number(s.element())},
                Reference.parse(s.reference(), Map.of()), true, List.of(w), groups, org.peierls.fit.CvOptions.defaults(0), null);
        FittedModel fit = Progress.quietly(() -> choice.session(ctx).fit(ctx.data()));
        Path dir = s.out().resolve("model");
        ModelStore.write(dir.resolve("model.json"), fit.json());
        PrintWriter quiet = new PrintWriter(new StringWriter());
        Uncertainty u = Uncertainty.build(dir, ctx.data(), s.seed(), quiet, false);
        u.write();
        return u;
    }

    // ------------------------------------------------------------------ output

    private void readCalls() {
        Path f = s.out().resolve("learn.json");
        if (!Files.isRegularFile(f)) {
            return;
        }
        JsonNode root = Json.read(f);
        for (JsonNode c : root.path("calls")) {
            calls.add(Json.mapper().convertValue(c, LinkedHashMap.class));
        }
        evaluations = root.path("steps").asLong(0);
    }

    private Map<String, Object> write(String verdict, double barrier, double reference, VacancyHop hop, String state) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("task", s.task());
        doc.put("state", state);
        doc.put("oracle", oracle.describe());
        doc.put("model", s.model());
        doc.put("thresholds", List.of(s.gammaSelect(), s.gammaBreak()));
        doc.put("calls", calls);
        doc.put("labels", labelled.size());
        doc.put("oracle_calls", calls.size());
        doc.put("steps", evaluations);
        doc.put("wall_seconds", (System.nanoTime() - t0) * 1e-9);
        if (verdict != null) {
            doc.put("verdict", verdict);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("barrier_ev", barrier);
            result.put("reference_barrier_ev", reference);
            if (hop != null) {
                result.put("hop_length_a", hop.hopLength());
                result.put("supercell_atoms", hop.vacancy().size());
            }
            doc.put("result", result);
        }
        Json.write(s.out().resolve("learn.json"), doc);
        return doc;
    }

    /** Oracle calls against simulation time and the grade along the run. */
    private void plots(double reference, double finalValue, String what) {
        if (history.isEmpty()) {
            return;
        }
        double[] x = new double[history.size()], y = new double[history.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = history.get(i)[0];
            y[i] = Double.isFinite(history.get(i)[1]) ? Math.max(1e-3, history.get(i)[1]) : 1e-3;
        }
        List<Charts.Series> g = new ArrayList<>();
        g.add(new Charts.Series("max γ of each force evaluation", x, y, false));
        g.add(new Charts.Series("γ_break", new double[]{x[0], x[x.length - 1]}, new double[]{s.gammaBreak(), s.gammaBreak()}, true));
        AtomicWrite.bytes(s.out().resolve("grade.png"), Charts.lines("Extrapolation grade along the run (" + s.task() + ")",
                "minimizer/NEB step (cumulative over refits)", "max γ (log)", g, true));
        double[] cx = new double[calls.size() + 1], cy = new double[calls.size() + 1];
        int total = 0;
        for (int i = 0; i < calls.size(); i++) {
            cx[i + 1] = ((Number) calls.get(i).get("step")).doubleValue();
            total += ((Number) calls.get(i).get("labels")).intValue();
            cy[i + 1] = total;
        }
        AtomicWrite.bytes(s.out().resolve("calls.png"), Charts.lines("Labels requested along the run (Fig. 4c left)",
                "minimizer/NEB step (cumulative)", "structures labelled by the loop", List.of(new Charts.Series("labels", cx, cy, false)), false));
        if (checks.isEmpty() && !Double.isFinite(finalValue)) {
            return;
        }
        // the property against the labels (Fig. 4c right): the model's value at each oracle check and at the end
        int m = checks.size() + (Double.isFinite(finalValue) ? 1 : 0);
        double[] lx = new double[m], ly = new double[m];
        for (int i = 0; i < checks.size(); i++) {
            lx[i] = checks.get(i)[0];
            ly[i] = checks.get(i)[1];
        }
        if (Double.isFinite(finalValue)) {
            lx[m - 1] = labelled.size();
            ly[m - 1] = finalValue;
        }
        List<Charts.Series> p = new ArrayList<>();
        p.add(new Charts.Series("model", lx, ly, false));
        if (!checks.isEmpty()) {
            double[] ox = new double[checks.size()], oy = new double[checks.size()];
            for (int i = 0; i < ox.length; i++) {
                ox[i] = checks.get(i)[0];
                oy[i] = checks.get(i)[2];
            }
            p.add(new Charts.Series("oracle, on the model's structures", ox, oy, false));
        }
        if (Double.isFinite(reference)) {
            double lo = Math.min(lx[0], labelled.size()), hi = Math.max(lx[m - 1], labelled.size());
            p.add(new Charts.Series("oracle's own calculation", new double[]{lo, hi}, new double[]{reference, reference}, true));
        }
        AtomicWrite.bytes(s.out().resolve("property.png"), Charts.lines(what + " against the labels (Fig. 4c right)",
                "labelled structures (start included)", what, p, false));
    }
}
