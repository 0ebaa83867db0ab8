package org.peierls.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peierls.fit.FitJob;
import org.peierls.fit.FitRunner;
import org.peierls.fit.SvdSolver;
import org.peierls.io.AtomicWrite;
import org.peierls.util.InputException;
import org.peierls.util.Parallel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls fit}: fits a (quadratic) SNAP potential. Options mirror {@link FitJob}; with
 * {@code --fitsnap-input} a FitSNAP input file defines everything instead.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a SNAP or quadratic SNAP potential to energies, forces and stresses.",
            "Writes DIR/model.json (use as --potential DIR), DIR/NAME.snap/.snapcoeff/.snapparam for LAMMPS",
            "(reference overlay included), DIR/metrics.json and parity plots.",
            "Several values of --twojmax, --rcutfac or the weights, or --cv K, select them by k-fold cross-validation."})
public final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", split = ",", paramLabel = "FILES", description = "Training files or folders (mlearn/FitSNAP JSON, extxyz with config_type groups, …).")
    List<Path> data;

    @Option(names = "--fitsnap-input", paramLabel = "FILE.in", description = "Take data and settings from a FitSNAP input file instead.")
    Path fitsnapInput;

    @Option(names = "--test", split = ",", paramLabel = "FILES", description = "Test files or folders (evaluated, not fitted).")
    List<Path> test;

    @Option(names = "--model", defaultValue = "snap", paramLabel = "KIND", description = "snap (linear) or qsnap (quadratic); default ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--twojmax", split = ",", defaultValue = "6", paramLabel = "J", description = "2J_max (several: cross-validated); default ${DEFAULT-VALUE}.")
    int[] twojmax;

    @Option(names = "--rcutfac", split = ",", defaultValue = "4.67637", paramLabel = "R", description = "Cutoff scale, Å (several: cross-validated); default ${DEFAULT-VALUE}.")
    double[] rcutfac;

    @Option(names = "--rfac0", defaultValue = "0.99363", paramLabel = "X", description = "θ0 scale; default ${DEFAULT-VALUE}.")
    double rfac0;

    @Option(names = "--rmin0", defaultValue = "0", paramLabel = "R", description = "Inner radius, Å; default ${DEFAULT-VALUE}.")
    double rmin0;

    @Option(names = "--no-switch", description = "No smooth cutoff function (switchflag 0).")
    boolean noSwitch;

    @Option(names = "--bzero", description = "Subtract the bispectrum of an isolated atom (bzeroflag 1).")
    boolean bzero;

    @Option(names = "--elements", split = ",", paramLabel = "EL", description = "Element types in order (default: all elements of the data by atomic number).")
    List<String> elements;

    @Option(names = "--radelem", split = ",", paramLabel = "R", description = "radelem per element (default 0.5).")
    double[] radelem;

    @Option(names = "--wj", split = ",", paramLabel = "W", description = "Neighbor weight per element (default 1).")
    double[] wj;

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

    @Option(names = "--no-bias", description = "Do not fit β0 (β0 = the element's reference energy).")
    boolean noBias;

    @Option(names = "--solver", defaultValue = "svd", paramLabel = "S", description = "svd, qr or ridge; default ${DEFAULT-VALUE}.")
    String solver;

    @Option(names = "--rcond", defaultValue = "1e-13", paramLabel = "C", description = "SVD cut-off relative to the largest singular value; default ${DEFAULT-VALUE}.")
    double rcond;

    @Option(names = "--ridge", split = ",", defaultValue = "0", paramLabel = "L", description = "Ridge penalty λ (with --solver ridge; several: cross-validated).")
    double[] ridge;

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

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores, or PEIERLS_THREADS).")
    Integer threads;

    @Override
    public Integer call() {
        if (threads != null) {
            Parallel.setThreads(threads);
        }
        PrintWriter log = spec.commandLine().getOut();
        if (fitsnapInput != null) {
            if (data != null) {
                throw new InputException("give either --fitsnap-input or --data, not both");
            }
            FitRunner.runFitSnap(fitsnapInput, out, seed, !noPlots, log);
            return 0;
        }
        if (data == null || data.isEmpty()) {
            throw new InputException("give --data FILES (or --fitsnap-input FILE.in)");
        }
        String kind = model.toLowerCase(Locale.ROOT);
        if (!kind.equals("snap") && !kind.equals("qsnap")) {
            throw new InputException("--model must be snap or qsnap, got '" + model + "'");
        }
        double[] obj = {1, 100, 0};
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
        FitJob job = new FitJob(data, test, kind.equals("qsnap"), twojmax, rcutfac, rfac0, rmin0, !noSwitch, bzero,
                elements, radelem, wj, weights, energyWeight, forceWeight, stressWeight,
                testFraction == null ? Double.NaN : testFraction, seed, reference, elementEnergy, !noBias, solver,
                rcond == 0 ? SvdSolver.FITSNAP_RCOND : rcond, ridge, cv, obj, groupAverage(), name, out, !noPlots);
        FitRunner.run(job, log);
        return 0;
    }

    private boolean groupAverage() {
        return switch (cvAverage.toLowerCase(Locale.ROOT)) {
            case "configs" -> false;
            case "groups" -> true;
            default -> throw new InputException("--cv-average must be configs or groups, got '" + cvAverage + "'");
        };
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
