package org.peierls.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peierls.fit.Configuration;
import org.peierls.fit.CvOptions;
import org.peierls.fit.Dataset;
import org.peierls.fit.FitJob;
import org.peierls.fit.FitRunner;
import org.peierls.fit.FittedModel;
import org.peierls.fit.ModelKind;
import org.peierls.fit.ModelKinds;
import org.peierls.fit.ModelOption;
import org.peierls.fit.OptionValues;
import org.peierls.fit.Role;
import org.peierls.uncertainty.Uncertainty;
import org.peierls.util.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code peierls fit}: fits a model of any {@link ModelKind} ({@code --model}). The options
 * common to every fit (data, weights, reference, cross-validation, output) are declared here;
 * each kind's own options ({@link ModelKind#options}) are added to the command when the command
 * line is built ({@link #addKindOptions}), so a new kind brings its options with it. With
 * {@code --fitsnap-input} a FitSNAP input file defines everything instead.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a machine-learning potential (--model snap, qsnap, mtp, …) to energies, forces",
            "and stresses. Writes DIR/model.json (use as --potential DIR), the model's LAMMPS files",
            "(SNAP: NAME.snap/.snapcoeff/.snapparam with the reference overlay; MTP: NAME.mtp and",
            "NAME.mlip.ini), DIR/metrics.json and parity plots.",
            "Several values of a listed option (2J_max, rcutfac, weights, ridge), or --cv K, are",
            "chosen by k-fold cross-validation (cv.json). MTP: species and moment coefficients by",
            "least squares, radial coefficients by BFGS; several weights are cross-validated on the",
            "linear step at the starting radial functions first.",
            "Options marked (kind, …) belong to those model kinds."})
public final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", split = ",", paramLabel = "FILES", description = "Training files or folders (mlearn/FitSNAP JSON, extxyz with config_type groups, …).")
    List<Path> data;

    @Option(names = "--fitsnap-input", paramLabel = "FILE.in", description = "Take data and settings from a FitSNAP input file instead.")
    Path fitsnapInput;

    @Option(names = "--test", split = ",", paramLabel = "FILES", description = "Test files or folders (evaluated, not fitted).")
    List<Path> test;

    @Option(names = "--model", defaultValue = "snap", paramLabel = "KIND", description = "The model kind; default ${DEFAULT-VALUE}. Kinds: ${COMPLETION-CANDIDATES}.",
            completionCandidates = KindNames.class)
    String model;

    @Option(names = "--elements", split = ",", paramLabel = "EL", description = "Element types in order (default: all elements of the data by atomic number).")
    List<String> elements;

    @Option(names = "--weights", paramLabel = "FILE.yaml", description = "Per-group weights and test fractions (YAML).")
    Path weights;

    @Option(names = "--energy-weight", split = ",", paramLabel = "W", description = "Default energy weight per eV/atom (several: cross-validated).")
    double[] energyWeight;

    @Option(names = "--force-weight", split = ",", paramLabel = "W", description = "Default force weight per eV/Å (several: cross-validated).")
    double[] forceWeight;

    @Option(names = "--stress-weight", split = ",", paramLabel = "W", description = "Default stress weight per GPa (several: cross-validated).")
    double[] stressWeight;

    @Option(names = "--test-fraction", paramLabel = "F", description = "Fraction of each group held out for testing (seeded).")
    Double testFraction;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the test split and folds; default ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--reference", paramLabel = "P", description = "Reference potential subtracted before fitting, e.g. zbl:4.0,4.8.")
    String reference;

    @Option(names = "--element-energy", split = ",", paramLabel = "EL=E", description = "Reference energies per element, eV (e.g. Mo=-10.85).")
    Map<String, Double> elementEnergy;

    @Option(names = "--no-bias", description = "Do not fit the per-element constants (β0, s_t = the element's reference energy).")
    boolean noBias;

    @Option(names = "--cv", defaultValue = "0", paramLabel = "K", description = "k-fold cross-validation (default 5 when there are several candidates).")
    int cv;

    @Option(names = "--cv-objective", split = ",", paramLabel = "KEY=W", description = "Score weights: energy (per meV/atom), force (per eV/Å), stress (per GPa); default energy=1,force=100.")
    Map<String, Double> objective;

    @Option(names = "--cv-average", defaultValue = "configs", paramLabel = "A",
            description = "Cross-validation errors pooled over configs, or the mean over groups (each group counts once); default ${DEFAULT-VALUE}.")
    String cvAverage;

    @Option(names = "--name", paramLabel = "NAME", description = "Base name of the LAMMPS files (default: elements_kind).")
    String name;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--no-plots", description = "Do not write parity plots.")
    boolean noPlots;

    @Option(names = "--committee", paramLabel = "K", defaultValue = "0",
            description = "Also fit K committee members, each leaving out one k-fold of the training configurations (DIR/committee/); "
                    + "their force spread is a per-atom uncertainty (peierls uncertainty).")
    int committee;

    @Option(names = "--no-uncertainty", description = "Do not write DIR/uncertainty.json (the extrapolation-grade active set and the "
            + "robust Gaussian of the training descriptors; calibrated on the test configurations when there are any).")
    boolean noUncertainty;

    @Mixin
    ThreadsOption threads;

    /** The names of the model kinds, for the help of --model. */
    static final class KindNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            List<String> n = new ArrayList<>();
            for (ModelKind<?> k : ModelKinds.all()) {
                n.add(k.name());
            }
            return n.iterator();
        }
    }

    /** Marks the options this command adds for the model kinds (the option's user object). */
    private record KindOption(ModelOption option) {
    }

    /**
     * Adds the options of every model kind to the {@code fit} command: {@code --kebab-name} with
     * the option's label and description, tagged with the kinds that take it, its default in the
     * text (the kind applies it). Options of the same name in several kinds are added once.
     */
    static void addKindOptions(CommandSpec fit) {
        Map<String, List<String>> owners = new LinkedHashMap<>();
        Map<String, ModelOption> first = new LinkedHashMap<>();
        for (ModelKind<?> k : ModelKinds.all()) {
            for (ModelOption o : k.options()) {
                owners.computeIfAbsent(o.name(), n -> new ArrayList<>()).add(k.name());
                first.putIfAbsent(o.name(), o);
            }
        }
        for (Map.Entry<String, ModelOption> e : first.entrySet()) {
            ModelOption o = e.getValue();
            if (fit.findOption(o.cliName()) != null) {
                throw new IllegalStateException("model option " + o.cliName() + " clashes with an option of peierls fit");
            }
            String text = "(" + String.join(", ", owners.get(e.getKey())) + ") " + capitalised(o.description())
                    + (o.type() == ModelOption.Type.FLAG || o.defaultValue() == null ? "." : "; default " + o.defaultValue() + ".");
            OptionSpec.Builder b = OptionSpec.builder(o.cliName()).description(text).userObject(new KindOption(o));
            if (o.type() == ModelOption.Type.FLAG) {
                b.type(boolean.class).arity("0");
            } else {
                b.type(String.class).arity("1").paramLabel(o.label() == null ? "X" : o.label());
            }
            fit.addOption(b.build());
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public Integer call() {
        threads.apply();
        PrintWriter log = spec.commandLine().getOut();
        Map<String, String> given = kindOptionsGiven();
        if (fitsnapInput != null) {
            if (data != null) {
                throw new InputException("give either --fitsnap-input or --data, not both");
            }
            if (!given.isEmpty()) {
                throw new InputException("--fitsnap-input takes its settings from the file; drop " + String.join(", ", given.keySet()));
            }
            if (committee != 0) {
                throw new InputException("--committee works with --data fits, not with --fitsnap-input");
            }
            FittedModel fitted = FitRunner.runFitSnap(fitsnapInput, out, seed, !noPlots, log);
            FitRunner.clearCommittee(out, log);
            uncertainty(fitted, log);
            return 0;
        }
        if (data == null || data.isEmpty()) {
            throw new InputException("give --data FILES (or --fitsnap-input FILE.in)");
        }
        ModelKind<?> kind = ModelKinds.named(model);
        checkOwnOptions(kind, given);
        FitJob.Choice<?> choice = FitJob.Choice.of(kind, OptionValues.ofCommandLine(kind, given));
        double[] obj = CvOptions.DEFAULT_OBJECTIVE.clone();
        if (objective != null) {
            obj = new double[3];
            for (Map.Entry<String, Double> e : objective.entrySet()) {
                switch (e.getKey()) {
                    case "energy" -> obj[0] = e.getValue();
                    case "force" -> obj[1] = e.getValue();
                    case "stress" -> obj[2] = e.getValue();
                    default -> throw new InputException("--cv-objective: unknown key '" + e.getKey() + "' (energy, force, stress)");
                }
            }
        }
        FitJob job = new FitJob(
                new FitJob.Inputs(data, test, elements, weights, testFraction == null ? Double.NaN : testFraction, seed),
                new FitJob.WeightGrid(energyWeight, forceWeight, stressWeight), reference, elementEnergy, !noBias,
                new CvOptions(cv, obj, groupAverage(), seed), choice, new FitJob.Output(out, name, !noPlots));
        if (committee < 0 || committee == 1) {
            throw new InputException("--committee must be 0 (none) or at least 2, got " + committee);
        }
        FittedModel fitted = FitRunner.run(job, log);
        if (committee > 0) {
            FitRunner.committee(job, fitted, committee, log);
        } else {
            FitRunner.clearCommittee(out, log);
        }
        uncertainty(fitted, log);
        return 0;
    }

    /** Writes DIR/uncertainty.json: active sets and robust Gaussians from the training set, calibrated on the test set. */
    private void uncertainty(FittedModel fitted, PrintWriter log) {
        if (noUncertainty) {
            // an earlier fit's scores would describe another model
            try {
                if (java.nio.file.Files.deleteIfExists(out.resolve(Uncertainty.FILE))) {
                    log.println("removed the " + Uncertainty.FILE + " of an earlier fit");
                }
            } catch (java.io.IOException e) {
                throw new InputException(out.resolve(Uncertainty.FILE) + ": cannot remove it (" + e.getMessage() + ")", e);
            }
            return;
        }
        Uncertainty u = Uncertainty.build(out, fitted.data(), seed, log);
        List<Configuration> held = new ArrayList<>();
        for (int k : fitted.data().indices(Role.TEST)) {
            held.add(fitted.data().get(k));
        }
        if (!held.isEmpty()) {
            u = u.calibrated(Dataset.of(held), log);
        } else {
            log.println("uncertainty: no test configurations, scores uncalibrated (calibrate with peierls uncertainty --calibrate --structure LABELLED)");
        }
        u.write();
        log.println("wrote " + out.resolve(Uncertainty.FILE));
        log.flush();
    }

    /** The model-kind options on the command line, "--name" → value ("true" for a flag). */
    private Map<String, String> kindOptionsGiven() {
        Map<String, String> given = new LinkedHashMap<>();
        ParseResult pr = spec.commandLine().getParseResult();
        for (OptionSpec o : spec.options()) {
            if (o.userObject() instanceof KindOption && pr.hasMatchedOption(o)) {
                Object v = o.getValue();
                given.put(o.longestName(), v instanceof Boolean b ? Boolean.toString(b) : String.valueOf(v));
            }
        }
        return given;
    }

    /** Refuses options of other kinds with a message that names the kinds they belong to. */
    private static void checkOwnOptions(ModelKind<?> kind, Map<String, String> given) {
        List<String> own = new ArrayList<>();
        for (ModelOption o : kind.options()) {
            own.add(o.cliName());
        }
        List<String> foreign = new ArrayList<>();
        for (String g : given.keySet()) {
            if (!own.contains(g)) {
                foreign.add(g);
            }
        }
        if (!foreign.isEmpty()) {
            List<String> owners = new ArrayList<>();
            for (ModelKind<?> k : ModelKinds.all()) {
                for (ModelOption o : k.options()) {
                    if (foreign.contains(o.cliName()) && !owners.contains(k.name())) {
                        owners.add(k.name());
                    }
                }
            }
            throw new InputException(String.join(", ", foreign) + (foreign.size() == 1 ? " is an option" : " are options")
                    + " of " + String.join(", ", owners) + " models, not of " + kind.name() + ": use "
                    + (foreign.size() == 1 ? "it" : "them") + " with --model " + owners.get(0));
        }
    }

    private boolean groupAverage() {
        return switch (cvAverage.toLowerCase(Locale.ROOT)) {
            case "configs" -> false;
            case "groups" -> true;
            default -> throw new InputException("--cv-average must be configs or groups, got '" + cvAverage + "'");
        };
    }
}
