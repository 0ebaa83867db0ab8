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
import org.peierls.util.InputException;
import org.peierls.util.Parallel;

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
        double[] ew = FitRunner.or(job.energyWeights(), base.energy());
        double[] fw = FitRunner.or(job.forceWeights(), base.force());
        double[] sw = FitRunner.or(job.stressWeights(), base.stress());
        if (ew.length > 1 || fw.length > 1 || sw.length > 1 || job.cvFolds() > 0) {
            throw new InputException("--model mtp: give one value per weight; cross-validation (--cv, several"
                    + " weights) is implemented for SNAP fits only");
        }
        Dataset finalData = data.withWeights(new Weights(ew[0], fw[0], sw[0]), groups);
        MtpSettings settings = job.mtp().settings(z, reference, job.fitBias());
        MtpFit fit = MtpFit.run(finalData, settings, log);
        FitRunner.Outcome o = FitRunner.Outcome.of(fit);
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("data", FitRunner.paths(job.data()));
        prov.put("test", FitRunner.paths(job.test()));
        prov.put("seed", job.seed());
        if (job.weightsFile() != null) {
            prov.put("weights_file", job.weightsFile().toAbsolutePath().toString());
        }
        String name = job.name() != null ? job.name() : FitRunner.symbols(z).replace(",", "") + "_mtp";
        write(job.out(), name, fit, prov, job.plots(), log);
        log.flush();
        return o;
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
