package org.peierls.fit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.Element;
import org.peierls.descriptor.BispectrumParameters;
import org.peierls.io.AtomicWrite;
import org.peierls.util.InputException;
import org.peierls.util.Parallel;
import org.peierls.util.Progress;

/**
 * Runs a {@link FitJob} or a FitSNAP input end to end: reads the data, cross-validates
 * hyper-parameters when asked, fits, and writes the output folder — {@code model.json} (loadable
 * as {@code --potential DIR}), {@code NAME.snapcoeff}, {@code NAME.snapparam}, {@code NAME.snap}
 * (with the reference overlay), {@code metrics.json}, parity plots, and {@code cv.json} when
 * cross-validation ran.
 */
public final class FitRunner {

    private FitRunner() {
    }

    /**
     * One cross-validated combination of hyper-parameters.
     *
     * @param twojmax 2J_max
     * @param rcutfac rcutfac, Å
     * @param weights the default weights tried
     * @param solver  the solver (ridge penalty)
     * @param metrics pooled held-out metrics
     * @param score   the objective (lower is better)
     */
    public record Candidate(int twojmax, double rcutfac, Weights weights, Solver solver, Metrics metrics, double score) {
    }

    /**
     * What a run produced.
     *
     * @param fit               the final SNAP fit (null for an MTP fit)
     * @param candidates        cross-validated combinations (empty without cross-validation)
     * @param descriptorSeconds wall time of the final design matrix (descriptors, their derivatives, reference)
     * @param solveSeconds      wall time of the final least-squares solve (MTP: of the whole training)
     * @param mtp               the MTP fit (null for a SNAP fit)
     */
    public record Outcome(SnapFit fit, List<Candidate> candidates, double descriptorSeconds, double solveSeconds,
                          MtpFit mtp) {

        /** A SNAP outcome. */
        public Outcome(SnapFit fit, List<Candidate> candidates, double descriptorSeconds, double solveSeconds) {
            this(fit, candidates, descriptorSeconds, solveSeconds, null);
        }

        /** An MTP outcome. */
        static Outcome of(MtpFit mtp) {
            return new Outcome(null, List.of(), Double.NaN, mtp.seconds(), mtp);
        }
    }

    /** Fits a FitSNAP input and writes the output folder (also FitSNAP's error table under its metrics name). */
    public static Outcome runFitSnap(Path input, Path out, long seed, boolean plots, PrintWriter log) {
        FitSnapInput in = FitSnapInput.read(input, seed);
        LammpsExport.checkExportable(in.settings().reference());
        Dataset data = in.data();
        log.printf(Locale.ROOT, "FitSNAP input %s: %d configurations (%d atoms) in %d groups, %d training, %d test%n", input,
                data.size(), data.atoms(), data.groups().size(), data.count(Role.TRAIN), data.count(Role.TEST));
        data.checkLabels();
        long t0 = System.nanoTime();
        DesignMatrix dm;
        try (Progress p = Progress.start("descriptors", data.size())) {
            dm = DesignMatrix.build(data, in.settings().basis(), in.settings().reference(), p);
        }
        long t1 = System.nanoTime();
        SnapFit fit = SnapFit.solve(dm, in.settings());
        long t2 = System.nanoTime();
        Outcome o = new Outcome(fit, List.of(), (t1 - t0) * 1e-9, (t2 - t1) * 1e-9);
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("fitsnap_input", input.toAbsolutePath().toString());
        String name = in.potential();
        write(out, name, o, prov, plots, log);
        String md = FitSnapMetrics.markdown(FitSnapMetrics.of(dm, fit.solution().coefficients(), LeastSquares.weightsOf(data)));
        AtomicWrite.text(out.resolve(in.metricsName()), w -> w.write(md));
        log.println("wrote " + out.resolve(in.metricsName()) + " (FitSNAP's error table: eV/atom, eV/Å, bar)");
        log.flush();
        return o;
    }

    /** Runs a fit job and writes its output folder. */
    public static Outcome run(FitJob job, PrintWriter log) {
        Dataset data = Dataset.read(job.data(), Role.TRAIN);
        if (!job.test().isEmpty()) {
            data = data.plus(Dataset.read(job.test(), Role.TEST));
        }
        WeightsFile wf = job.weightsFile() == null ? null : WeightsFile.read(job.weightsFile());
        Weights base = wf == null ? Weights.DEFAULT : wf.defaults();
        Map<String, Weights> groups = wf == null ? Map.of() : wf.groups();
        data = data.withWeights(base, groups);
        double frac = !Double.isNaN(job.testFraction()) ? job.testFraction()
                : wf != null && !Double.isNaN(wf.testFraction()) ? wf.testFraction() : 0;
        if (frac > 0 || (wf != null && !wf.groupTest().isEmpty())) {
            data = data.split(wf == null ? Map.of() : wf.groupTest(), frac, job.seed());
        }
        int[] z = elements(job, data);
        Map<Integer, Double> e0 = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : job.elementEnergies().entrySet()) {
            if (!Element.isSymbol(e.getKey())) {
                throw new InputException("--element-energy: '" + e.getKey() + "' is not an element symbol");
            }
            e0.put(Element.number(e.getKey()), e.getValue());
        }
        Reference reference = Reference.parse(job.reference(), e0);
        if (job.mtp() == null) {
            LammpsExport.checkExportable(reference);
        }
        List<Solver> solvers = new ArrayList<>();
        if (job.solver().equalsIgnoreCase("ridge")) {
            for (double l : job.ridge()) {
                solvers.add(new RidgeSolver(l));
            }
        } else {
            solvers.add(Solver.named(job.solver(), job.rcond(), 0));
        }
        log.printf(Locale.ROOT, "data: %d configurations (%d atoms), %d training, %d test, groups %s; elements %s; %s, reference %s%n",
                data.size(), data.atoms(), data.count(Role.TRAIN), data.count(Role.TEST), data.groups(), symbols(z),
                job.kind(), reference.describe());
        data.checkLabels();
        if (job.mtp() != null) {
            return MtpRunner.run(job, data, z, reference, base, groups, log);
        }

        List<Weights> weightCandidates = weightCandidates(job, base);
        int combos = job.twojmax().length * job.rcutfac().length * weightCandidates.size() * solvers.size();
        List<Candidate> candidates = new ArrayList<>();
        int bestJ = job.twojmax()[0];
        double bestR = job.rcutfac()[0];
        Weights bestW = weightCandidates.get(0);
        Solver bestS = solvers.get(0);
        DesignMatrix kept = null;
        if (combos > 1 || job.cvFolds() > 0) {
            int k = job.cvFolds() > 0 ? job.cvFolds() : 5;
            log.printf(Locale.ROOT, "cross-validation: %d-fold over %d combinations, score %g·E_mae + %g·F_mae + %g·S_mae %s%n",
                    k, combos, job.objective()[0], job.objective()[1], job.objective()[2],
                    job.groupAverage() ? "(means over groups)" : "(pooled over configurations)");
            double best = Double.POSITIVE_INFINITY;
            for (int j : job.twojmax()) {
                for (double rc : job.rcutfac()) {
                    SnapSettings s = settings(job, z, j, rc, reference, bestS);
                    DesignMatrix dm;
                    try (Progress p = Progress.start("descriptors 2J=" + j + " rcutfac=" + rc, data.size())) {
                        dm = DesignMatrix.build(data, s.basis(), reference, p);
                    }
                    for (Weights w : weightCandidates) {
                        Dataset dw = data.withWeights(w, groups);
                        List<MetricsReport> ms = CrossValidation.reports(dm.withData(dw), k, job.seed(), solvers);
                        for (int q = 0; q < solvers.size(); q++) {
                            Metrics m = job.groupAverage() ? ms.get(q).trainGroupAverage() : ms.get(q).train();
                            double score = score(job.objective(), m);
                            candidates.add(new Candidate(j, rc, w, solvers.get(q), m, score));
                            log.printf(Locale.ROOT, "  2J=%d rcutfac=%.4f weights(E=%g F=%g S=%g) %s: E_mae %.3f meV/atom, F_mae %.4f eV/Å, S_mae %.3f GPa, score %.4f%n",
                                    j, rc, w.energy(), w.force(), w.stress(), solvers.get(q).describe(), m.energyMae(),
                                    m.forceMae(), m.stressMae(), score);
                            if (score < best) {
                                best = score;
                                bestJ = j;
                                bestR = rc;
                                bestW = w;
                                bestS = solvers.get(q);
                                kept = dm;
                            }
                        }
                    }
                }
            }
            log.printf(Locale.ROOT, "best: 2J=%d rcutfac=%.4f weights(E=%g F=%g S=%g) %s%n", bestJ, bestR, bestW.energy(),
                    bestW.force(), bestW.stress(), bestS.describe());
        }
        Dataset finalData = data.withWeights(bestW, groups);
        SnapSettings s = settings(job, z, bestJ, bestR, reference, bestS);
        long t0 = System.nanoTime();
        DesignMatrix dm;
        if (kept != null) {
            dm = kept.withData(finalData);
        } else {
            try (Progress p = Progress.start("descriptors", data.size())) {
                dm = DesignMatrix.build(finalData, s.basis(), reference, p);
            }
        }
        long t1 = System.nanoTime();
        SnapFit fit = SnapFit.solve(dm, s);
        long t2 = System.nanoTime();
        Outcome o = new Outcome(fit, candidates, kept != null ? Double.NaN : (t1 - t0) * 1e-9, (t2 - t1) * 1e-9);
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("data", paths(job.data()));
        prov.put("test", paths(job.test()));
        prov.put("seed", job.seed());
        if (job.weightsFile() != null) {
            prov.put("weights_file", job.weightsFile().toAbsolutePath().toString());
        }
        String name = job.name() != null ? job.name() : symbols(z).replace(",", "") + "_" + job.kind();
        write(job.out(), name, o, prov, job.plots(), log);
        if (!candidates.isEmpty()) {
            List<Map<String, Object>> cv = new ArrayList<>();
            for (Candidate c : candidates) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("twojmax", c.twojmax());
                m.put("rcutfac", c.rcutfac());
                m.put("weights", weightsJson(c.weights()));
                m.put("solver", c.solver().describe());
                m.put("metrics", c.metrics().toJson());
                m.put("score", c.score());
                cv.add(m);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("folds", job.cvFolds() > 0 ? job.cvFolds() : 5);
            root.put("objective", Map.of("energy_per_mev_per_atom", job.objective()[0], "force_per_ev_per_a",
                    job.objective()[1], "stress_per_gpa", job.objective()[2]));
            root.put("average", job.groupAverage() ? "groups" : "configs");
            root.put("candidates", cv);
            writeJson(job.out().resolve("cv.json"), root);
        }
        log.flush();
        return o;
    }

    /** Every combination of the job's energy, force and stress weights (each defaulting to base's), energy outermost. */
    static List<Weights> weightCandidates(FitJob job, Weights base) {
        List<Weights> out = new ArrayList<>();
        for (double ew : or(job.energyWeights(), base.energy())) {
            for (double fw : or(job.forceWeights(), base.force())) {
                for (double sw : or(job.stressWeights(), base.stress())) {
                    out.add(new Weights(ew, fw, sw));
                }
            }
        }
        return out;
    }

    static double score(double[] objective, Metrics m) {
        double s = 0;
        double[] v = {m.energyMae(), m.forceMae(), m.stressMae()};
        for (int k = 0; k < 3; k++) {
            if (objective[k] != 0) {
                s += objective[k] * (Double.isNaN(v[k]) ? 0 : v[k]);
            }
        }
        return s;
    }

    static double[] or(double[] list, double value) {
        return list == null || list.length == 0 ? new double[]{value} : list;
    }

    static SnapSettings settings(FitJob job, int[] z, int twojmax, double rcutfac, Reference reference, Solver solver) {
        double[] rad = job.radelem() != null ? job.radelem() : filled(z.length, 0.5);
        double[] wj = job.wj() != null ? job.wj() : filled(z.length, 1.0);
        if (rad.length != z.length || wj.length != z.length) {
            throw new InputException("--radelem and --wj need one value per element (" + symbols(z) + ")");
        }
        BispectrumParameters p;
        try {
            p = new BispectrumParameters(rcutfac, twojmax, job.rfac0(), job.rmin0(), job.switchFlag(), job.bzeroFlag(),
                    false, z, rad, wj);
        } catch (IllegalArgumentException e) {
            throw new InputException("bispectrum: " + e.getMessage());
        }
        return new SnapSettings(p, job.quadratic(), job.fitBias(), reference, solver);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static int[] elements(FitJob job, Dataset data) {
        if (job.elements() == null || job.elements().isEmpty()) {
            return data.elements();
        }
        int[] z = new int[job.elements().size()];
        for (int t = 0; t < z.length; t++) {
            String s = job.elements().get(t);
            if (!Element.isSymbol(s)) {
                throw new InputException("--elements: '" + s + "' is not an element symbol");
            }
            z[t] = Element.number(s);
        }
        return z;
    }

    static String symbols(int[] z) {
        StringBuilder sb = new StringBuilder();
        for (int v : z) {
            sb.append(sb.length() == 0 ? "" : ",").append(Element.symbol(v));
        }
        return sb.toString();
    }

    static List<String> paths(List<Path> p) {
        List<String> out = new ArrayList<>();
        for (Path q : p) {
            out.add(q.toAbsolutePath().toString());
        }
        return out;
    }

    static Map<String, Object> weightsJson(Weights w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energy_per_ev_per_atom", w.energy());
        m.put("force_per_ev_per_a", w.force());
        m.put("stress_per_gpa", w.stress());
        return m;
    }

    /** Writes model.json, the LAMMPS files, metrics.json and plots; prints a summary. */
    static void write(Path out, String name, Outcome o, Map<String, Object> provenance, boolean plots, PrintWriter log) {
        SnapFit fit = o.fit();
        Dataset data = fit.design().data();
        BispectrumParameters p = fit.design().basis().parameters();
        String comment = String.format(Locale.ROOT, "Peierls %s fit, 2J=%d rcutfac=%s, reference %s, %s, %s",
                fit.settings().kind(), p.twojmax(), p.rcutfac(), fit.settings().reference().describe(),
                fit.solution().solver(), Instant.now());
        LammpsExport.write(out, name, fit, comment);
        Map<String, Object> model = FittedModel.json(fit);
        Map<String, Object> lammps = new LinkedHashMap<>();
        lammps.put("include", name + ".snap");
        lammps.put("snapcoeff", name + ".snapcoeff");
        lammps.put("snapparam", name + ".snapparam");
        model.put("lammps", lammps);
        Map<String, Object> info = new LinkedHashMap<>(provenance);
        info.put("configurations_train", data.count(Role.TRAIN));
        info.put("configurations_test", data.count(Role.TEST));
        info.put("default_weights", weightsJson(data.defaultWeights()));
        Map<String, Object> gw = new LinkedHashMap<>();
        for (String g : data.groups()) {
            gw.put(g.isEmpty() ? "(none)" : g, weightsJson(data.weights(g)));
        }
        info.put("group_weights", gw);
        info.put("solver", fit.solution().solver());
        info.put("columns", fit.design().columns());
        info.put("rank", fit.solution().rank());
        info.put("condition_number", Double.isNaN(fit.solution().condition()) ? null : fit.solution().condition());
        info.put("weighted_residual", fit.solution().residual());
        info.put("threads", Parallel.threads());
        info.put("descriptor_seconds", Double.isNaN(o.descriptorSeconds()) ? null : o.descriptorSeconds());
        info.put("solve_seconds", o.solveSeconds());
        info.put("created", Instant.now().toString());
        model.put("fit", info);
        FittedModel.write(out.resolve(FittedModel.FILE), model);
        writeJson(out.resolve("metrics.json"), fit.metrics().toJson());
        if (plots) {
            ParityPlot.write(out, data, fit.predictions(), fit.settings().kind() + " " + symbols(p.elements()));
        }
        log.printf(Locale.ROOT, "fit: %d columns, rank %d, condition %.3g; descriptors %s s, solve %.2f s (%d threads)%n",
                fit.design().columns(), fit.solution().rank(), fit.solution().condition(),
                Double.isNaN(o.descriptorSeconds()) ? "(from cross-validation)" : String.format(Locale.ROOT, "%.2f", o.descriptorSeconds()),
                o.solveSeconds(), Parallel.threads());
        if (fit.solution().rank() < fit.design().columns()) {
            TriangularSystem sys = LeastSquares.reduce(fit.design(), LeastSquares.roleMask(data, Role.TRAIN),
                    LeastSquares.weightsOf(data));
            log.println("warning: the weighted design matrix has rank " + fit.solution().rank() + " of "
                    + fit.design().columns() + " columns; columns depending on others: "
                    + String.join(", ", QrSolver.dependentColumns(sys, fit.solution().rank()))
                    + " (the SVD solver gives the minimum-norm solution)");
        }
        log.print(fit.metrics().table());
        log.println("wrote " + out + ": " + FittedModel.FILE + ", " + name + ".snap/.snapcoeff/.snapparam, metrics.json"
                + (plots ? ", energy_parity.png, force_parity.png" : ""));
    }

    static void writeJson(Path file, Object value) {
        try {
            String text = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
            AtomicWrite.text(file, w -> w.write(text + "\n"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
