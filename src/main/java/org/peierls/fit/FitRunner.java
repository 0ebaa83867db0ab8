package org.peierls.fit;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.Element;
import org.peierls.io.AtomicWrite;
import org.peierls.io.Json;
import org.peierls.util.InputException;
import org.peierls.util.Parallel;
import org.peierls.util.Progress;

/**
 * Runs a {@link FitJob} or a FitSNAP input end to end: reads the data, hands it to the job's
 * {@link ModelKind} (which cross-validates what is left open and fits), and writes the fit
 * folder — {@code model.json} (loadable as {@code --potential DIR}), the kind's LAMMPS files,
 * {@code metrics.json}, parity plots, and {@code cv.json} when cross-validation ran. Nothing here
 * depends on the kind.
 */
public final class FitRunner {

    private FitRunner() {
    }

    /** Runs a fit job and writes its output folder; returns the fitted model. */
    public static FittedModel run(FitJob job, PrintWriter log) {
        FitJob.Inputs in = job.inputs();
        Dataset data = Dataset.read(in.data(), Role.TRAIN);
        if (!in.test().isEmpty()) {
            data = data.plus(Dataset.read(in.test(), Role.TEST));
        }
        WeightsFile wf = in.weightsFile() == null ? null : WeightsFile.read(in.weightsFile());
        Weights base = wf == null ? Weights.DEFAULT : wf.defaults();
        Map<String, Weights> groups = wf == null ? Map.of() : wf.groups();
        data = data.withWeights(base, groups);
        double frac = !Double.isNaN(in.testFraction()) ? in.testFraction()
                : wf != null && !Double.isNaN(wf.testFraction()) ? wf.testFraction() : 0;
        if (frac > 0 || (wf != null && !wf.groupTest().isEmpty())) {
            data = data.split(wf == null ? Map.of() : wf.groupTest(), frac, in.seed());
        }
        int[] z = elements(in, data);
        Map<Integer, Double> e0 = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : job.elementEnergies().entrySet()) {
            if (!Element.isSymbol(e.getKey())) {
                throw new InputException("--element-energy: '" + e.getKey() + "' is not an element symbol");
            }
            e0.put(Element.number(e.getKey()), e.getValue());
        }
        Reference reference = Reference.parse(job.reference(), e0);
        log.printf(Locale.ROOT, "data: %d configurations (%d atoms), %d training, %d test, groups %s; elements %s; %s, reference %s%n",
                data.size(), data.atoms(), data.count(Role.TRAIN), data.count(Role.TEST), data.groups(), symbols(z),
                job.kind(), reference.describe());
        data.checkLabels();
        FitContext context = new FitContext(data, z, reference, job.fitBias(), job.weights().candidates(base), groups, job.cv(), log);
        ModelKind.FitOutcome outcome = job.model().fit(context);
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("data", paths(in.data()));
        prov.put("test", paths(in.test()));
        prov.put("seed", in.seed());
        prov.put("options", job.model().options());
        if (in.weightsFile() != null) {
            prov.put("weights_file", in.weightsFile().toAbsolutePath().toString());
        }
        String name = job.output().name() != null ? job.output().name() : symbols(z).replace(",", "") + "_" + job.kind();
        write(job.output().out(), name, outcome.model(), prov, job.output().plots(), log);
        if (outcome.crossValidation() != null) {
            Json.write(job.output().out().resolve("cv.json"), outcome.crossValidation());
        }
        log.flush();
        return outcome.model();
    }

    /** Fits a FitSNAP input and writes the output folder (also FitSNAP's error table under its metrics name). */
    public static SnapFit runFitSnap(Path input, Path out, long seed, boolean plots, PrintWriter log) {
        FitSnapInput in = FitSnapInput.read(input, seed);
        LammpsExport.checkExportable(in.settings().reference());
        Dataset data = in.data();
        log.printf(Locale.ROOT, "FitSNAP input %s: %d configurations (%d atoms) in %d groups, %d training, %d test%n", input,
                data.size(), data.atoms(), data.groups().size(), data.count(Role.TRAIN), data.count(Role.TEST));
        data.checkLabels();
        SnapFit fit;
        try (Progress p = Progress.start("descriptors", data.size())) {
            fit = SnapFit.run(data, in.settings(), p);
        }
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("fitsnap_input", input.toAbsolutePath().toString());
        write(out, in.potential(), fit, prov, plots, log);
        String md = FitSnapMetrics.markdown(FitSnapMetrics.of(fit.design(), fit.solution().coefficients(), LeastSquares.weightsOf(data)));
        AtomicWrite.text(out.resolve(in.metricsName()), w -> w.write(md));
        log.println("wrote " + out.resolve(in.metricsName()) + " (FitSNAP's error table: eV/atom, eV/Å, bar)");
        log.flush();
        return fit;
    }

    /**
     * Writes a fit folder: model.json (the kind's document, its LAMMPS files, and provenance
     * under "fit"), metrics.json and the parity plots; prints a summary.
     */
    public static void write(Path out, String name, FittedModel fit, Map<String, Object> provenance, boolean plots, PrintWriter log) {
        Dataset data = fit.data();
        String elements = symbols(fit.model().species());
        String comment = String.format(Locale.ROOT, "Peierls %s fit of %s, %s", fit.kind(), elements, Instant.now());
        Map<String, Object> model = new LinkedHashMap<>(fit.json());
        Map<String, Object> lammps = fit.writeLammps(out, name, comment);
        model.put("lammps", lammps);
        Map<String, Object> info = new LinkedHashMap<>(provenance);
        info.put("configurations_train", data.count(Role.TRAIN));
        info.put("configurations_test", data.count(Role.TEST));
        info.put("default_weights", data.defaultWeights().json());
        Map<String, Object> gw = new LinkedHashMap<>();
        for (String g : data.groups()) {
            gw.put(g.isEmpty() ? "(none)" : g, data.weights(g).json());
        }
        info.put("group_weights", gw);
        info.putAll(fit.fitInfo());
        info.put("threads", Parallel.threads());
        info.put("created", Instant.now().toString());
        model.put("fit", info);
        ModelStore.write(out.resolve(ModelStore.FILE), model);
        Json.write(out.resolve("metrics.json"), fit.metrics().toJson());
        if (plots) {
            ParityPlot.write(out, data, fit.predictions(), fit.kind() + " " + elements);
        }
        log.println(fit.summary());
        log.print(fit.metrics().table());
        List<String> files = new ArrayList<>();
        files.add(ModelStore.FILE);
        for (Object v : lammps.values()) {
            if (v instanceof String s && !s.contains(" ") && Files.isRegularFile(out.resolve(s))) {
                files.add(s);
            }
        }
        files.add("metrics.json");
        if (plots) {
            files.add("energy_parity.png");
            files.add("force_parity.png");
        }
        log.println("wrote " + out + ": " + String.join(", ", files));
    }

    private static int[] elements(FitJob.Inputs in, Dataset data) {
        if (in.elements() == null) {
            return data.elements();
        }
        int[] z = new int[in.elements().size()];
        for (int t = 0; t < z.length; t++) {
            String s = in.elements().get(t);
            if (!Element.isSymbol(s)) {
                throw new InputException("--elements: '" + s + "' is not an element symbol");
            }
            z[t] = Element.number(s);
        }
        return z;
    }

    /** "Mo,Nb". */
    public static String symbols(int[] z) {
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
}
