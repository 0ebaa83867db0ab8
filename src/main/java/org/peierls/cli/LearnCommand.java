package org.peierls.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peierls.active.ActiveLearning;
import org.peierls.atoms.LatticeType;
import org.peierls.oracle.Oracle;
import org.peierls.oracle.Oracles;
import org.peierls.properties.ElementCrystals;
import org.peierls.util.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls learn}: on-the-fly active learning of a defect task with an oracle
 * ({@link ActiveLearning}).
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = {"On-the-fly active learning: run a defect task with the current model, stop when an atom's extrapolation",
            "grade passes the upper threshold, label the D-optimally selected structures with the oracle, refit, go on.",
            "Writes OUT/model/ (the final fit), OUT/labelled.extxyz, OUT/learn.json and plots; a killed run resumes."})
public final class LearnCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--oracle", required = true, paramLabel = "SPEC", description = "teacher:SPEC, cp2k, command:SCRIPT or lammps:PAIRFILE (see 'peierls label').")
    String oracle;

    @Option(names = "--settings", paramLabel = "FILE", description = "Oracle settings (CP2K YAML).")
    Path settings;

    @Option(names = "--task", required = true, paramLabel = "T", description = "vacancy-hop, md (a vacancy cell at --temp for --steps), screw-glide or battery:PROPERTY.")
    String task;

    @Option(names = "--element", required = true, paramLabel = "E", description = "Element symbol.")
    String element;

    @Option(names = "--lattice", paramLabel = "L", description = "bcc, fcc or hcp (default: the element's ground state).")
    String lattice;

    @Option(names = "--a0", paramLabel = "A", description = "Lattice constant, Å (default: the tabulated experimental one).")
    Double a0;

    @Option(names = "--model", paramLabel = "KIND", defaultValue = "qsnap", description = "Model kind (default: ${DEFAULT-VALUE}, with the kind's study defaults: 2J=6, rcutfac 5 Å).")
    String model;

    @Option(names = "--option", paramLabel = "KEY=VALUE", split = ",", description = "Model options, e.g. twojmax=6,rcutfac=5.0 (default: the kind's study defaults).")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--reference", paramLabel = "P", description = "Reference potential under the model (default: a ZBL wall at 0.63–0.8 of the nearest-neighbour distance).")
    String reference;

    @Option(names = "--start", arity = "1..*", paramLabel = "DATA", description = "Labelled data to start from (default: the oracle labels six rattled/strained bulk cells).")
    List<Path> start = List.of();

    @Option(names = "--threshold", paramLabel = "LO,HI", defaultValue = "1.5,3", description = "γ_select, γ_break (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--max-labels", paramLabel = "N", defaultValue = "50", description = "Label budget, structures (default: ${DEFAULT-VALUE}).")
    int maxLabels;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "3", description = "Structures labelled per oracle call (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--size", paramLabel = "N", defaultValue = "3", description = "Supercell of the task, conventional cells per edge (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "Labels computed at once (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--tolerance", paramLabel = "EV", defaultValue = "0.01",
            description = "When γ no longer triggers, the oracle checks the model's barrier on its own initial and saddle images; "
                    + "labels them and goes on unless within EV (0: no check; default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--weights", paramLabel = "E,F,S", defaultValue = "1000,1,0.01",
            description = "Fit weights: energy per eV/atom, force per eV/Å, stress per GPa (default: ${DEFAULT-VALUE}).")
    String weights;

    @Option(names = "--temp", paramLabel = "K", defaultValue = "1000", description = "md: temperature, K (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "2000", description = "md: MD steps of 2 fs (default: ${DEFAULT-VALUE}).")
    long mdSteps;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        LatticeType type = DefectsCommand.lattice(element, lattice);
        double a = a0 != null ? a0 : tabulated(element);
        if (!(a > 0 && a < 100)) {
            throw new InputException("--a0 must be a lattice constant in Å, got " + a);
        }
        String[] t = threshold.split(",");
        if (t.length != 2) {
            throw new InputException("--threshold must be LO,HI (γ_select, γ_break), got '" + threshold + "'");
        }
        double lo, hi;
        try {
            lo = Double.parseDouble(t[0].trim());
            hi = Double.parseDouble(t[1].trim());
        } catch (NumberFormatException e) {
            throw new InputException("--threshold must be two numbers LO,HI, got '" + threshold + "'");
        }
        String ref = reference != null ? reference : zblWall(type, a);
        Files.createDirectories(out);
        ActiveLearning.Settings s = new ActiveLearning.Settings(task.trim().toLowerCase(java.util.Locale.ROOT), element, type, a, model,
                options, ref, start, lo, hi, maxLabels, batch, size, seed, jobs, tolerance, weights(weights), out, temperature, mdSteps);
        Oracle o = Oracles.parse(oracle, settings, out.resolve("scratch"));
        java.io.PrintWriter err = spec.commandLine().getErr();
        new ActiveLearning(s, o, line -> {
            err.println(line);
            err.flush();
        }).run();
        spec.commandLine().getOut().println("learn: wrote " + out.resolve("learn.json") + ", " + out.resolve("model") + ", "
                + out.resolve("labelled.extxyz"));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static org.peierls.fit.Weights weights(String text) {
        String[] p = text.split(",");
        if (p.length != 3) {
            throw new InputException("--weights must be E,F,S (three numbers), got '" + text + "'");
        }
        double[] w = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                w[i] = Double.parseDouble(p[i].trim());
            } catch (NumberFormatException e) {
                throw new InputException("--weights: '" + p[i] + "' is not a number");
            }
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new InputException("--weights must be finite and ≥ 0, got '" + text + "'");
            }
        }
        return new org.peierls.fit.Weights(w[0], w[1], w[2]);
    }

    private static double tabulated(String element) {
        ElementCrystals.Entry e = ElementCrystals.of(element);
        if (e == null) {
            throw new InputException("no tabulated lattice constant for " + element + ": give --a0");
        }
        return e.a();
    }

    /** A ZBL wall switched off between 0.63 and 0.8 of the nearest-neighbour distance (1.8–2.3 Å in Ta). */
    static String zblWall(LatticeType type, double a) {
        double nn = switch (type) {
            case BCC -> a * Math.sqrt(3) / 2;
            default -> a / Math.sqrt(2);
        };
        return String.format(java.util.Locale.ROOT, "zbl:%.3f,%.3f", 0.63 * nn, 0.80 * nn);
    }
}
