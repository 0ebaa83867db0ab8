package org.peierls.fit;

import java.io.IOException;
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

    /** The reference potential and element energies of a job. */
    static Reference reference(FitJob job) {
        Map<Integer, Double> e0 = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : job.elementEnergies().entrySet()) {
            if (!Element.isSymbol(e.getKey())) {
                throw new InputException("--element-energy: '" + e.getKey() + "' is not an element symbol");
            }
            e0.put(Element.number(e.getKey()), e.getValue());
        }
        return Reference.parse(job.reference(), e0);
    }

    /**
     * Fits a committee of {@code members} models to k-fold subsets of the training configurations
     * of {@code fit} (member q leaves out fold q; folds drawn with the job's seed), with the fit's
     * kind, options and weights, and writes them to {@code out/committee/member-q.json} (model
     * documents, loadable as potentials). The members' force spread is the committee uncertainty of
     * {@code org.peierls.uncertainty}. A kind's session keeps what the members share (SNAP: one
     * design matrix, K solves).
     *
     * @throws InputException for fewer than 2 members or training configurations, or when the
     *                        fit's hyper-parameters were chosen by cross-validation among several
     */
    public static List<FittedModel> committee(FitJob job, FittedModel fit, int members, PrintWriter log) {
        if (members < 2) {
            throw new InputException("--committee needs at least 2 members, got " + members);
        }
        Dataset data = fit.data();
        int[] train = data.indices(Role.TRAIN);
        if (train.length < members) {
            throw new InputException("--committee " + members + " needs at least " + members + " training configurations, there are " + train.length);
        }
        Path dir = job.output().out().resolve(COMMITTEE_DIR);
        clearCommittee(job.output().out(), log);
        FitContext c = new FitContext(data, fit.model().species(), reference(job), job.fitBias(), List.of(data.defaultWeights()),
                data.groupWeights(), CvOptions.defaults(0), log);
        ModelKind.Session session = job.model().session(c);
        int[] order = Dataset.shuffled(train.length, job.inputs().seed() ^ 0x5DEECE66DL);
        Object descriptor = Json.mapper().valueToTree(fit.json().get("descriptor"));
        List<FittedModel> out = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InputException(dir + ": cannot create the committee folder (" + e.getMessage() + ")", e);
        }
        try (Progress p = Progress.start("committee", members)) {
            for (int q = 0; q < members; q++) {
                Role[] roles = new Role[data.size()];
                for (int k = 0; k < roles.length; k++) {
                    roles[k] = data.get(k).role();
                }
                List<String> left = new ArrayList<>();
                for (int pos = 0; pos < train.length; pos++) {
                    if (pos % members == q) {
                        roles[train[order[pos]]] = Role.UNUSED;
                        left.add(data.get(train[order[pos]]).name());
                    }
                }
                FittedModel m = session.fit(data.withRoles(roles));
                if (!Json.mapper().valueToTree(m.json().get("descriptor")).equals(descriptor)) {
                    throw new InputException("--committee: the members would not share the fitted model's descriptor, which "
                            + "cross-validation chose among several values; give the chosen values (cv.json) alone");
                }
                Map<String, Object> doc = new LinkedHashMap<>(m.json());
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("member", q + 1);
                info.put("members", members);
                info.put("left_out", left);
                info.put("seed", job.inputs().seed());
                info.putAll(m.fitInfo());
                doc.put("fit", info);
                ModelStore.write(dir.resolve("member-" + (q + 1) + ".json"), doc);
                out.add(m);
                p.step();
            }
        }
        log.printf(Locale.ROOT, "committee: %d %s members, each leaving out 1/%d of the %d training configurations: %s%n", members,
                fit.kind(), members, train.length, dir);
        return out;
    }

    /** Folder of committee members inside a fit folder. */
    public static final String COMMITTEE_DIR = "committee";

    /** Removes the committee members of an earlier fit in {@code out} (they would not belong to the new model). */
    public static void clearCommittee(Path out, PrintWriter log) {
        Path dir = out.resolve(COMMITTEE_DIR);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            List<Path> old = s.filter(f -> f.getFileName().toString().matches("member-\\d+\\.json")).toList();
            for (Path f : old) {
                Files.delete(f);
            }
            if (!old.isEmpty()) {
                log.printf(Locale.ROOT, "removed %d committee members of an earlier fit from %s%n", old.size(), dir);
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot clear the old committee (" + e.getMessage() + ")", e);
        }
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot clear the old committee (" + e.getMessage() + ")", e);
        }
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
        Reference reference = reference(job);
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
