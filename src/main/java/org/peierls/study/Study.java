package org.peierls.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.peierls.active.DefectCandidates;
import org.peierls.active.Family;
import org.peierls.atoms.Frame;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.defects.PointDefects;
import org.peierls.fit.Metrics;
import org.peierls.fit.ModelStore;
import org.peierls.io.AtomicWrite;
import org.peierls.io.ExtendedXyz;
import org.peierls.io.Json;
import org.peierls.neighbors.NeighborList;
import org.peierls.optim.Minimizer;
import org.peierls.oracle.LabelCache;
import org.peierls.oracle.Oracles;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.properties.BatteryResult;
import org.peierls.sim.min.Relaxation;
import org.peierls.util.Parallel;
import org.peierls.util.Progress;

/**
 * The teacher–student defect study behind {@code peierls run}: label defect configurations with a
 * teacher, fit every student on a ladder of training sets, run the defect battery for the teacher
 * and every (student, rung), and collect what a report needs.
 *
 * <p>Stages are cached in the output folder so an interrupted run resumes: the labelled data
 * ({@code data/<family>.extxyz}), each fitted model ({@code models/<student>@<family>/model.json})
 * and each battery result ({@code battery/<model>.json}). A cache entry is used only when the
 * experiment it came from ({@code experiment.json}) is the same.</p>
 */
public final class Study {

    /** Runs the defect battery of one potential (see {@link StudyBattery}); PNGs go to {@code plots}. */
    @FunctionalInterface
    public interface Battery {
        BatteryResult run(Potential potential, String modelId, Path plots);
    }

    private final Experiment experiment;
    private final Path out;
    private final Consumer<String> log;
    private final java.util.function.DoubleFunction<Battery> batteryFor;
    private Battery battery;
    private final ObjectMapper json = Json.mapper();
    private final Map<String, Double> timings = new LinkedHashMap<>();

    /** A study with the defect battery of {@link StudyBattery}. */
    public Study(Experiment experiment, Path out, Consumer<String> log) {
        this(experiment, out, a0 -> new StudyBattery(experiment, a0, log), log);
    }

    /**
     * A study with another battery.
     *
     * @param batteryFor the battery, given the teacher's lattice constant (Å)
     */
    public Study(Experiment experiment, Path out, java.util.function.DoubleFunction<Battery> batteryFor, Consumer<String> log) {
        this.experiment = experiment;
        this.out = out;
        this.batteryFor = batteryFor;
        this.log = log;
    }

    /** Everything the report shows. */
    public record Result(Experiment experiment, double a0, List<Frame> frames, boolean[] test,
                         BatteryResult teacher, List<Row> rows, Map<String, Double> timings) {
    }

    /**
     * One (student, rung).
     *
     * @param rung       the fit and its errors
     * @param cost       µs/atom-step of force evaluations (1 thread)
     * @param properties the battery's values
     * @param uncertainty extrapolation grade and outlier score of the held-out atoms per family (null when not computed)
     */
    public record Row(LadderFit.Rung rung, double cost, BatteryResult properties, RungUncertainty uncertainty) {

        /** A row without uncertainty scores. */
        public Row(LadderFit.Rung rung, double cost, BatteryResult properties) {
            this(rung, cost, properties, null);
        }
    }

    public Result run() {
        prepareOutput();
        Potential teacher = PotentialSpecs.parse(experiment.teacher());
        double a0 = timed("lattice constant", () -> experiment.a0() != null ? experiment.a0() : equilibriumLatticeConstant(teacher));
        log.accept(String.format("teacher %s: a0 = %.5f Å", experiment.teacher(), a0));
        battery = batteryFor.apply(a0);
        int nStudents = experiment.students().size(), nRungs = experiment.families().size();
        // the stages: teacher data, teacher battery, one fit per student, one battery per (student, rung)
        try (Progress stages = Progress.start("peierls run stages", 2 + nStudents * (1 + nRungs))) {
            return run(teacher, a0, stages);
        }
    }

    private Result run(Potential teacher, double a0, Progress stages) {
        List<Frame> frames = timed("teacher data", () -> teacherData(teacher, a0));
        boolean[] test = TrainTestSplit.testMask(frames, experiment.testFraction(), experiment.seed());
        stages.step();

        BatteryResult teacherProps = timed("battery teacher", () -> cachedBattery(teacher, "teacher"));
        stages.step();

        List<Row> rows = new ArrayList<>();
        for (Experiment.Student s : experiment.students()) {
            List<LadderFit.Rung> rungs = timed("fit " + s.name(),
                    () -> LadderFit.fit(s, experiment.element(), frames, test, experiment.families(), experiment.weights()));
            stages.step();
            // the cost depends on the architecture, not on the coefficients: measure it once per student
            double cost = timed("cost " + s.name(), () -> cost(rungs.get(rungs.size() - 1).potential(), a0));
            log.accept(String.format("%s: %.1f µs/atom-step (1 thread)", s.name(), cost));
            for (LadderFit.Rung r : rungs) {
                log.accept(String.format("%-14s %3d training configs: test E %.2f meV/atom, F %.3f eV/Å", r.id(),
                        r.trainConfigs(), r.testAll().energyMae(), r.testAll().forceMae()));
                writeModel(r);
                RungUncertainty u = timed("uncertainty " + s.name(), () -> uncertainty(r, frames, test));
                BatteryResult props = timed("battery " + r.id(), () -> cachedBattery(r.potential(), r.id()));
                rows.add(new Row(r, cost, props, u));
                stages.step();
            }
        }
        return new Result(experiment, a0, frames, test, teacherProps, rows, timings);
    }

    // ---------------------------------------------------------------- stages

    /** Cell relaxation of the conventional cell (4×4×4) at zero pressure. */
    static double equilibriumLatticeConstant(Potential teacher, LatticeType lattice, String element, double guess) {
        Structure s = PointDefects.supercell(lattice, element, guess, 4);
        Relaxation.Options o = Relaxation.Options.defaults().withFmax(1e-6).withMaxSteps(2000).withCellPressure(0).withMinimizer("lbfgs");
        Structure r = Relaxation.run(s, teacher, o, Minimizer.SILENT).structure();
        return Math.cbrt(r.cell().volume()) / 4;
    }

    private double equilibriumLatticeConstant(Potential teacher) {
        double guess = experiment.latticeType() == LatticeType.BCC ? 3.2 : 3.8;
        return equilibriumLatticeConstant(teacher, experiment.latticeType(), experiment.element(), guess);
    }

    private List<Frame> teacherData(Potential teacher, double a0) {
        DefectCandidates.Options options = new DefectCandidates.Options(experiment.element(), experiment.latticeType(), a0,
                experiment.quick(), experiment.seed(), experiment.quick() ? 300 : 600,
                experiment.supercell() == null ? 3 : experiment.supercell());
        TeacherData gen = experiment.oracle() == null ? new TeacherData(teacher, options)
                : new TeacherData(teacher, options, Oracles.parse(experiment.oracle(),
                        experiment.oracleSettings() == null ? null : Path.of(experiment.oracleSettings()), out.resolve("scratch")),
                        new LabelCache(out.resolve("labels")));
        List<Frame> all = new ArrayList<>();
        for (Family f : experiment.families()) {
            Path file = out.resolve("data").resolve(f.key() + ".extxyz");
            List<Frame> frames;
            if (Files.exists(file)) {
                frames = ExtendedXyz.read(file);
                log.accept(f.key() + ": " + frames.size() + " configurations (cached)");
            } else {
                frames = gen.generate(f, log);
                ExtendedXyz.write(file, frames);
            }
            all.addAll(frames);
        }
        return all;
    }

    /** The rung's uncertainty scores of the held-out atoms (null, logged, when they cannot be computed). */
    private RungUncertainty uncertainty(LadderFit.Rung r, List<Frame> frames, boolean[] test) {
        try {
            return RungUncertainty.compute(out.resolve("models").resolve(r.id()), r, frames, test, experiment.seed());
        } catch (RuntimeException e) {
            log.accept("uncertainty " + r.id() + ": not computed (" + e.getMessage() + ")");
            return null;
        }
    }

    private void writeModel(LadderFit.Rung r) {
        Path file = out.resolve("models").resolve(r.id()).resolve("model.json");
        ModelStore.write(file, r.model());
    }

    /**
     * µs per atom and force evaluation on one thread, 6×6×6 conventional cells, measured as the
     * thread's CPU time (a busy machine stretches wall time, not the work done), the best of
     * rounds repeated until two successive rounds agree within 5 % (at most 10): the first rounds
     * are the JIT's warm-up (the Vector API paths need several hundred evaluations).
     */
    private double cost(Potential p, double a0) {
        Structure s = PointDefects.supercell(experiment.latticeType(), experiment.element(), a0, 6);
        int before = Parallel.threads();
        Parallel.setThreads(1);
        try {
            NeighborList list = NeighborList.build(s, p.cutoff(), p.preferredList());
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            int evaluations = experiment.quick() ? 5 : 10;
            double best = Double.POSITIVE_INFINITY, previous = Double.NaN;
            for (int round = 0; round < 10; round++) {
                long c0 = mx.getCurrentThreadCpuTime(), t0 = System.nanoTime();
                for (int k = 0; k < evaluations; k++) {
                    p.compute(s, list, Potential.Output.TOTALS);
                }
                long c1 = mx.getCurrentThreadCpuTime();
                long elapsed = c0 < 0 || c1 < 0 ? System.nanoTime() - t0 : c1 - c0;
                double us = elapsed * 1e-3 / evaluations / s.size();
                best = Math.min(best, us);
                if (Math.abs(us - previous) < 0.05 * us) {
                    break;
                }
                previous = us;
            }
            return best;
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** The battery of one model, from battery/ID.json when an earlier run left it there. PNGs go to plots/ID/. */
    private BatteryResult cachedBattery(Potential p, String id) {
        String safe = safeId(id);
        Path file = out.resolve("battery").resolve(safe + ".json");
        if (Files.exists(file)) {
            try {
                BatteryResult r = BatteryResult.read(file);
                log.accept("battery " + id + " (cached)");
                return r;
            } catch (RuntimeException e) {
                log.accept("battery cache " + file + " unreadable, recomputing: " + e.getMessage());
            }
        }
        log.accept("battery " + id + " …");
        BatteryResult r = battery.run(p, id, out.resolve("plots").resolve(safe));
        r.write(file);
        return r;
    }

    /** A model id as a file name ("snap@gsf" → "snap_gsf"). */
    public static String safeId(String id) {
        return id.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /**
     * Keeps the caches only when they were made by the same experiment; otherwise starts afresh
     * (the old caches are removed, the rest of the folder is left alone).
     */
    private void prepareOutput() {
        try {
            Files.createDirectories(out);
            Path stamp = out.resolve("experiment.json");
            String now = json.writeValueAsString(experiment);
            if (Files.exists(stamp) && !Files.readString(stamp).equals(now)) {
                log.accept("experiment changed since the last run in " + out + ": recomputing every stage");
                for (String dir : List.of("data", "models", "battery", "plots")) {
                    deleteTree(out.resolve(dir));
                }
            }
            AtomicWrite.text(stamp, w -> w.write(now));
        } catch (IOException e) {
            throw new UncheckedIOException("preparing " + out + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private <T> T timed(String stage, java.util.function.Supplier<T> body) {
        long t0 = System.nanoTime();
        T v = body.get();
        timings.merge(stage, (System.nanoTime() - t0) * 1e-9, Double::sum);
        return v;
    }

    /** Mean of the test errors of a row over all families (meV/atom, eV/Å). */
    public static double[] testErrors(Row r) {
        Metrics m = r.rung().testAll();
        return new double[]{m.energyMae(), m.forceMae()};
    }
}
