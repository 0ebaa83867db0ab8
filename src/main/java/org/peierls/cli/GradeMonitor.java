package org.peierls.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.peierls.atoms.Structure;
import org.peierls.potential.Potential;
import org.peierls.uncertainty.GradedPotential;
import org.peierls.uncertainty.Uncertainty;
import org.peierls.util.InputException;
import picocli.CommandLine.Option;

/**
 * The extrapolation grade inside a simulation ({@code md}, {@code relax}, {@code neb}): each atom's
 * γ against the training set of a fitted model (its {@code uncertainty.json}), written as a
 * per-atom column, its running maximum reported, and the run stopped when it passes
 * {@code --gamma-stop} — what {@code fix pair ... gamma} and {@code halt} do for ACE in LAMMPS.
 * A stopped run exits with {@link #EXIT_EXTRAPOLATING}.
 */
final class GradeMonitor {

    /** Exit code of a run stopped because an atom's γ passed {@code --gamma-stop}. */
    static final int EXIT_EXTRAPOLATING = 3;

    /** γ above 1 by less than this is the round-off of an active-set row, not extrapolation. */
    static final double EXTRAPOLATION_TOL = 1e-6;

    /** The options, as a picocli mixin. */
    static final class Options {
        @Option(names = "--grade", description = "Write each atom's extrapolation grade γ (column extrapolation_grade) and report the largest "
                + "(needs a fit folder: --potential DIR or --uncertainty DIR).")
        boolean grade;

        @Option(names = "--uncertainty", paramLabel = "FIT_DIR",
                description = "Fit folder whose uncertainty.json grades the atoms (default: the --potential when it is a fit folder).")
        Path folder;

        @Option(names = "--gamma-stop", paramLabel = "G",
                description = "Stop when an atom's γ exceeds G (e.g. 2–10; γ > 1 is extrapolation); exit code 3. Implies --grade.")
        Double stop;

        @Option(names = "--grade-every", paramLabel = "N", description = "Grade every N steps (default: md the --thermo interval, relax/neb 10).")
        Long every;

        /** The monitor, or null when no grade is asked for. */
        GradeMonitor monitor(String potentialSpec, long defaultEvery) {
            if (!grade && stop == null && folder == null) {
                if (every != null) {
                    throw new InputException("--grade-every needs --grade or --gamma-stop");
                }
                return null;
            }
            if (stop != null && !(stop > 0 && Double.isFinite(stop))) {
                throw new InputException("--gamma-stop must be a positive number, got " + stop);
            }
            long n = every != null ? every : defaultEvery;
            if (n <= 0) {
                throw new InputException("--grade-every must be positive, got " + n);
            }
            Path dir = folder;
            if (dir == null) {
                Path p = Path.of(potentialSpec.trim());
                if (Files.isDirectory(p) || (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".json"))) {
                    dir = p;
                } else {
                    throw new InputException("--grade/--gamma-stop: the --potential '" + potentialSpec
                            + "' is not a fit folder; give the folder whose uncertainty.json grades it with --uncertainty DIR");
                }
            }
            Uncertainty u = Uncertainty.load(dir);
            // the potential is the graded folder's own: grade inside the force path (no second descriptor pass)
            boolean same = samePath(Path.of(potentialSpec.trim()), dir);
            return new GradeMonitor(u, stop, n, same ? u.graded() : null);
        }

        private static boolean samePath(Path a, Path b) {
            try {
                Path fa = Files.isDirectory(a) ? a : a.toAbsolutePath().getParent();
                Path fb = Files.isDirectory(b) ? b : b.toAbsolutePath().getParent();
                return Files.exists(a) && Files.isSameFile(fa, fb);
            } catch (java.io.IOException e) {
                return false;
            }
        }
    }

    private final Uncertainty uncertainty;
    private final Double stop;
    private final long every;
    private double max = Double.NaN;
    private long maxAt = -1;
    private int maxAtom = -1;
    private boolean stopped;
    private double last = Double.NaN;

    private final GradedPotential graded;

    private GradeMonitor(Uncertainty uncertainty, Double stop, long every, GradedPotential graded) {
        this.uncertainty = uncertainty;
        this.stop = stop;
        this.every = every;
        this.graded = graded;
    }

    /**
     * The potential the simulation should use: the graded one when the simulated potential is the
     * graded fit folder's (then every force evaluation is graded at no extra descriptor cost),
     * else the one given.
     */
    Potential potential(Potential given) {
        return graded != null ? graded : given;
    }

    /**
     * Called every step/iteration: with the graded potential, takes the largest γ of the force
     * evaluations since the last call; otherwise grades {@code structure} every {@link #every}
     * steps. Returns whether the run must stop.
     */
    boolean poll(long step, Supplier<Structure> structure) {
        if (graded != null) {
            double m = graded.takeMax();
            if (m > max || Double.isNaN(max) && !Double.isNaN(m)) {
                max = m;
                maxAt = step;
                maxAtom = -1;
            }
            if (stop != null && max > stop) {
                stopped = true;
            }
            return stopped;
        }
        return step % every == 0 ? check(structure.get(), step) : stopped;
    }

    /** Whether the grading happens inside the force path. */
    boolean inForcePath() {
        return graded != null;
    }

    /** Grading interval (steps or iterations). */
    long every() {
        return every;
    }

    /** γ per atom of a structure. */
    double[] grades(Structure s) {
        return uncertainty.grades(s);
    }

    /**
     * Grades a structure at step {@code step}, keeps the running maximum, and says whether the
     * run must stop (γ above {@code --gamma-stop}).
     */
    boolean check(Structure s, long step) {
        return check(grades(s), step);
    }

    /** As {@link #check(Structure, long)} with the grades already computed. */
    boolean check(double[] g, long step) {
        for (int i = 0; i < g.length; i++) {
            if (g[i] > max || Double.isNaN(max) && !Double.isNaN(g[i])) {
                max = g[i];
                maxAt = step;
                maxAtom = i;
            } else if (maxAtom < 0 && Math.abs(g[i] - max) <= 1e-9 * Math.abs(max)) {
                // the force path found the maximum without its atom: this is it
                maxAtom = i;
            }
        }
        if (stop != null && max > stop) {
            stopped = true;
        }
        return stopped;
    }

    /** The structure with its γ column (and the running maximum as an info key). */
    Structure annotate(Structure s) {
        double[] g = grades(s);
        check(g, -1);
        last = org.peierls.uncertainty.AtomScores.max(g);
        return s.withArray("extrapolation_grade", g);
    }

    /** The structure with a given γ column. */
    static Structure annotate(Structure s, double[] g) {
        return s.withArray("extrapolation_grade", g);
    }

    boolean stopped() {
        return stopped;
    }

    double max() {
        return max;
    }

    /** One line for the log: the largest γ, where, and whether it extrapolates. */
    String line(String what) {
        String atom = maxAtom >= 0 ? "atom " + maxAtom : "";
        String where = maxAt >= 0 ? String.format(Locale.ROOT, " (%s%s%s %d)", atom, atom.isEmpty() ? "" : ", ", what, maxAt)
                : atom.isEmpty() ? "" : " (" + atom + ")";
        String verdict = stopped ? String.format(Locale.ROOT, " > --gamma-stop %.3g: stopped, the model extrapolates", stop)
                : max > 1 + EXTRAPOLATION_TOL ? " — extrapolating" : " — interpolating";
        return String.format(Locale.ROOT, "max extrapolation grade γ %.3g%s%s", max, where, verdict);
    }

    /**
     * JSON fields: the largest γ of every graded evaluation of the run (line-search trial points
     * included), where, the final structure's largest γ, the threshold and whether the run stopped.
     */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_extrapolation_grade", max);
        if (!Double.isNaN(last)) {
            m.put("final_max_extrapolation_grade", last);
        }
        m.put("max_extrapolation_grade_atom", maxAtom);
        m.put("max_extrapolation_grade_step", maxAt);
        m.put("gamma_stop", stop);
        m.put("stopped_extrapolating", stopped);
        return m;
    }
}
