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
import org.peierls.fit.MtpOptions;
import org.peierls.fit.SvdSolver;
import org.peierls.io.AtomicWrite;
import org.peierls.util.InputException;
import org.peierls.util.Parallel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls fit}: fits a (quadratic) SNAP or a moment tensor potential. Options mirror
 * {@link FitJob}; with {@code --fitsnap-input} a FitSNAP input file defines everything instead.
 */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a SNAP, quadratic SNAP or moment tensor potential (MTP) to energies, forces and stresses.",
            "Writes DIR/model.json (use as --potential DIR), DIR/NAME.snap/.snapcoeff/.snapparam for LAMMPS",
            "(reference overlay included) or, for --model mtp, DIR/NAME.mtp (MLIP-2 format) and NAME.mlip.ini,",
            "DIR/metrics.json and parity plots.",
            "SNAP: several values of --twojmax, --rcutfac or the weights, or --cv K, select them by k-fold cross-validation.",
            "MTP: species and moment coefficients by linear least squares, radial coefficients by BFGS (variable projection);",
            "several weights, or --cv K, are cross-validated on the linear step at the starting radial functions first."})
public final class FitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", split = ",", paramLabel = "FILES", description = "Training files or folders (mlearn/FitSNAP JSON, extxyz with config_type groups, …).")
    List<Path> data;

    @Option(names = "--fitsnap-input", paramLabel = "FILE.in", description = "Take data and settings from a FitSNAP input file instead.")
    Path fitsnapInput;

    @Option(names = "--test", split = ",", paramLabel = "FILES", description = "Test files or folders (evaluated, not fitted).")
    List<Path> test;

    @Option(names = "--model", defaultValue = "snap", paramLabel = "KIND", description = "snap (linear), qsnap (quadratic) or mtp; default ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--level", paramLabel = "L", description = "MTP: lev_max of the level-based basis, 2…28; default " + MtpOptions.DEFAULT_LEVEL + ".")
    Integer level;

    @Option(names = "--radial-basis-size", paramLabel = "R", description = "MTP: Chebyshev radial functions; default " + MtpOptions.DEFAULT_RADIAL_BASIS_SIZE + ".")
    Integer radialBasisSize;

    @Option(names = "--min-dist", paramLabel = "R", description = "MTP: inner radius of the radial basis, Å; default " + MtpOptions.DEFAULT_MIN_DIST + ".")
    Double minDist;

    @Option(names = "--max-dist", paramLabel = "R", description = "MTP: cutoff, Å; default " + MtpOptions.DEFAULT_MAX_DIST + ".")
    Double maxDist;

    @Option(names = "--max-iter", paramLabel = "N", description = "MTP: BFGS iterations over the radial coefficients (0: linear fit only); default " + MtpOptions.DEFAULT_MAX_ITERATIONS + ".")
    Integer maxIter;

    @Option(names = "--tolerance", paramLabel = "T", description = "MTP: stop when the loss fell by less than this fraction over 10 iterations; default " + MtpOptions.DEFAULT_TOLERANCE + ".")
    Double tolerance;

    @Option(names = "--init", paramLabel = "P", description = "MTP: start the radial functions from an MTP (FILE.mtp, or the folder of an MTP fit), e.g. a fit at a lower level or one to continue.")
    Path init;

    @Option(names = "--mtp-ridge", paramLabel = "L", description = "MTP: relative ridge penalty on the moment coefficients; default " + MtpOptions.DEFAULT_RIDGE + ".")
    Double mtpRidge;

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
        if (!kind.equals("snap") && !kind.equals("qsnap") && !kind.equals("mtp")) {
            throw new InputException("--model must be snap, qsnap or mtp, got '" + model + "'");
        }
        MtpOptions mtp = null;
        if (kind.equals("mtp")) {
            mtp = new MtpOptions(or(level, MtpOptions.DEFAULT_LEVEL), or(radialBasisSize, MtpOptions.DEFAULT_RADIAL_BASIS_SIZE),
                    or(minDist, MtpOptions.DEFAULT_MIN_DIST), or(maxDist, MtpOptions.DEFAULT_MAX_DIST),
                    or(maxIter, MtpOptions.DEFAULT_MAX_ITERATIONS), or(tolerance, MtpOptions.DEFAULT_TOLERANCE),
                    or(mtpRidge, MtpOptions.DEFAULT_RIDGE), init);
        } else if (level != null || radialBasisSize != null || minDist != null || maxDist != null || maxIter != null
                || tolerance != null || mtpRidge != null || init != null) {
            throw new InputException("--level, --radial-basis-size, --min-dist, --max-dist, --max-iter, --tolerance,"
                    + " --mtp-ridge and --init are MTP options: use them with --model mtp");
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
                rcond == 0 ? SvdSolver.FITSNAP_RCOND : rcond, ridge, cv, obj, groupAverage(), name, out, !noPlots, mtp);
        FitRunner.run(job, log);
        return 0;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
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
