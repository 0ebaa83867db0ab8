package org.peierls.fit;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.io.AtomicWrite;
import org.peierls.model.MtpFile;
import org.peierls.util.Parallel;
import org.peierls.util.Progress;

/**
 * The MTP branch of {@link FitRunner#run}: fits with {@link MtpFit} and writes the output folder —
 * {@code model.json} (loadable as {@code --potential DIR}), {@code NAME.mtp} (MLIP-2's format,
 * also loadable as {@code mtp:NAME.mtp}), {@code NAME.mlip.ini} (for MLIP's LAMMPS interface
 * {@code pair_style mlip}), {@code metrics.json} and parity plots.
 */
final class MtpRunner {

    private MtpRunner() {
    }

    static FitRunner.Outcome run(FitJob job, Dataset data, int[] z, Reference reference, Weights base,
                                 Map<String, Weights> groups, PrintWriter log) {
        MtpSettings settings = job.mtp().settings(z, reference, job.fitBias());
        List<Weights> candidates = FitRunner.weightCandidates(job, base);
        Weights chosen = candidates.get(0);
        WeightChoice cv = null;
        if (candidates.size() > 1 || job.cvFolds() > 0) {
            cv = crossValidate(job, data, settings, candidates, groups, log);
            chosen = cv.chosen();
        }
        Dataset finalData = data.withWeights(chosen, groups);
        MtpFit fit = MtpFit.run(finalData, settings, log);
        FitRunner.Outcome o = FitRunner.Outcome.of(fit);
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("data", FitRunner.paths(job.data()));
        prov.put("test", FitRunner.paths(job.test()));
        prov.put("seed", job.seed());
        if (job.mtp().init() != null) {
            prov.put("init", job.mtp().init().toAbsolutePath().toString());
        }
        if (job.weightsFile() != null) {
            prov.put("weights_file", job.weightsFile().toAbsolutePath().toString());
        }
        String name = job.name() != null ? job.name() : FitRunner.symbols(z).replace(",", "") + "_mtp";
        write(job.out(), name, fit, prov, job.plots(), log);
        if (cv != null) {
            FitRunner.writeJson(job.out().resolve("cv.json"), cv.json());
        }
        log.flush();
        return o;
    }

    /**
     * Chooses the weights by k-fold cross-validation of the linear step at the starting radial
     * functions (those of {@code --init}, or the Chebyshev start): one design matrix, the weights
     * change only the rows' weights. The radial functions are then trained with the chosen weights.
     * With {@code --init} from a fit at a lower level this ranks weights for the functions the fit
     * starts from; from the Chebyshev start it is a cruder guide.
     *
     * @return the chosen weights and the cv.json content
     */
    static WeightChoice crossValidate(FitJob job, Dataset data, MtpSettings settings, List<Weights> candidates,
                                             Map<String, Weights> groups, PrintWriter log) {
        int k = job.cvFolds() > 0 ? job.cvFolds() : 5;
        double[] obj = job.objective();
        log.printf(Locale.ROOT, "cross-validation: %d-fold over %d weight combinations at the %s radial functions,"
                        + " score %g·E_mae + %g·F_mae + %g·S_mae %s%n", k, candidates.size(),
                settings.start() != null ? "--init" : "starting", obj[0], obj[1], obj[2],
                job.groupAverage() ? "(means over groups)" : "(pooled over configurations)");
        // only the training configurations are cross-validated (test ones have no rows here)
        Role[] roles = new Role[data.size()];
        for (int i = 0; i < roles.length; i++) {
            roles[i] = data.get(i).role() == Role.TRAIN ? Role.TRAIN : Role.UNUSED;
        }
        Dataset train = data.withRoles(roles);
        DesignMatrix dm;
        try (Progress p = Progress.start("MTP design matrix for cross-validation", 1)) {
            dm = MtpTrainer.startDesign(train, settings);
            p.step();
        }
        Solver solver = new ColumnScaledRidge(settings.ridge(), dm.columnInfo());
        List<Map<String, Object>> rows = new ArrayList<>();
        Weights best = candidates.get(0);
        double bestScore = Double.POSITIVE_INFINITY;
        for (Weights w : candidates) {
            MetricsReport r = CrossValidation.reports(dm.withData(train.withWeights(w, groups)), k, job.seed(),
                    List.of(solver)).get(0);
            Metrics m = job.groupAverage() ? r.trainGroupAverage() : r.train();
            double score = FitRunner.score(obj, m);
            log.printf(Locale.ROOT, "  weights(E=%g F=%g S=%g): E_mae %.3f meV/atom, F_mae %.4f eV/Å, S_mae %.3f GPa,"
                    + " score %.4f%n", w.energy(), w.force(), w.stress(), m.energyMae(), m.forceMae(), m.stressMae(), score);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("weights", FitRunner.weightsJson(w));
            row.put("metrics", m.toJson());
            row.put("score", score);
            rows.add(row);
            if (score < bestScore) {
                bestScore = score;
                best = w;
            }
        }
        log.printf(Locale.ROOT, "best: weights(E=%g F=%g S=%g)%n", best.energy(), best.force(), best.stress());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("folds", k);
        root.put("radial_functions", settings.start() != null ? "init" : "chebyshev start");
        root.put("objective", Map.of("energy_per_mev_per_atom", obj[0], "force_per_ev_per_a", obj[1],
                "stress_per_gpa", obj[2]));
        root.put("average", job.groupAverage() ? "groups" : "configs");
        root.put("candidates", rows);
        root.put("chosen_weights", FitRunner.weightsJson(best));
        return new WeightChoice(best, root);
    }

    /** The outcome of {@link #crossValidate}: the weights to train with, and what cv.json records. */
    record WeightChoice(Weights chosen, Map<String, Object> json) {
    }

    /** Writes model.json, NAME.mtp, NAME.mlip.ini, metrics.json and plots; prints a summary. */
    static void write(Path out, String name, MtpFit fit, Map<String, Object> provenance, boolean plots, PrintWriter log) {
        Dataset data = fit.data();
        MtpSettings s = fit.settings();
        MtpFile file = fit.mtpFile();
        String mtpName = name + ".mtp";
        file.write(out.resolve(mtpName));
        String ini = name + ".mlip.ini";
        AtomicWrite.text(out.resolve(ini), w -> w.write("mtp-filename " + mtpName + "\nselect FALSE\n"));
        Map<String, Object> model = FittedModel.json(fit);
        Map<String, Object> lammps = new LinkedHashMap<>();
        lammps.put("mtp", mtpName);
        lammps.put("mlip_ini", ini);
        lammps.put("pair_style", "mlip " + ini);
        if (s.reference().potential() != null) {
            lammps.put("note", "the .mtp file holds the MTP alone; add the reference " + s.reference().spec()
                    + " (e.g. with pair_style hybrid/overlay)");
        }
        model.put("lammps", lammps);
        Map<String, Object> info = new LinkedHashMap<>(provenance);
        info.put("configurations_train", data.count(Role.TRAIN));
        info.put("configurations_test", data.count(Role.TEST));
        info.put("default_weights", FitRunner.weightsJson(data.defaultWeights()));
        Map<String, Object> gw = new LinkedHashMap<>();
        for (String g : data.groups()) {
            gw.put(g.isEmpty() ? "(none)" : g, FitRunner.weightsJson(data.weights(g)));
        }
        info.put("group_weights", gw);
        info.put("method", "variable projection: exact weighted least squares for species/moment coefficients,"
                + " BFGS on the radial coefficients");
        info.put("level", s.level());
        info.put("basis_functions", fit.parameters().basis().size());
        info.put("radial_coefficients", fit.parameters().radialCoefficientCount());
        info.put("ridge", s.ridge());
        info.put("max_iterations", s.maxIterations());
        info.put("tolerance", s.tolerance());
        info.put("iterations", fit.history().size() - 1);
        info.put("loss_evaluations", fit.evaluations());
        info.put("converged", fit.converged());
        info.put("stop", fit.stopReason());
        info.put("threads", Parallel.threads());
        info.put("training_seconds", fit.seconds());
        List<Map<String, Object>> hist = new ArrayList<>();
        for (MtpFit.Step st : fit.history()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("iteration", st.iteration());
            m.put("loss", st.loss());
            m.put("energy_rmse_mev_per_atom", Double.isNaN(st.energyRmse()) ? null : st.energyRmse());
            m.put("force_rmse_ev_per_a", Double.isNaN(st.forceRmse()) ? null : st.forceRmse());
            m.put("seconds", st.seconds());
            hist.add(m);
        }
        info.put("history", hist);
        info.put("created", Instant.now().toString());
        model.put("fit", info);
        FittedModel.write(out.resolve(FittedModel.FILE), model);
        FitRunner.writeJson(out.resolve("metrics.json"), fit.metrics().toJson());
        if (plots) {
            ParityPlot.write(out, data, fit.predictions(), "MTP level " + s.level() + " " + FitRunner.symbols(s.species()));
        }
        log.printf(Locale.ROOT, "fit: MTP level %d, %d basis functions + %d species coefficients, %d radial coefficients;"
                        + " %d iterations, %d loss evaluations, %.1f s (%d threads)%n",
                s.level(), fit.parameters().basis().size(), s.species().length,
                fit.parameters().radialCoefficientCount(), fit.history().size() - 1, fit.evaluations(), fit.seconds(),
                Parallel.threads());
        log.print(fit.metrics().table());
        log.println("wrote " + out + ": " + FittedModel.FILE + ", " + mtpName + ", " + ini + ", metrics.json"
                + (plots ? ", energy_parity.png, force_parity.png" : ""));
    }
}
