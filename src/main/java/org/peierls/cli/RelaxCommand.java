package org.peierls.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.io.Formats;
import org.peierls.io.IoOptions;
import org.peierls.optim.Minimizers;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.sim.min.Relaxation;
import org.peierls.util.InputException;
import org.peierls.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls relax}: minimizes the energy of a structure (FIRE, CG or L-BFGS), optionally the
 * cell too toward a target stress. Writes the last structure (with its energy, forces and stress)
 * whether or not the run converged; a run that does not converge says so on standard error and
 * exits with code 1. Checkpoints (the current structure) go to {@code OUT.checkpoint.extxyz}, which
 * also holds the last structure of a run that did not converge; {@code --resume} starts from there.
 */
@Command(name = "relax", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Relax a structure: positions (atoms frozen by a move_mask array stay put), and with --cell the cell",
            "toward a target stress. Exit code 1 when it does not converge (the last structure is still written).",
            "With a fit folder: --grade writes each atom's extrapolation grade γ, --gamma-stop G stops the run (exit code 3) when an atom's γ passes G."})
public final class RelaxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.SimulationInput input;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Relaxed structure (format from the name, e.g. .extxyz).")
    Path out;

    @Option(names = "--cell", description = "Relax the cell too (to zero stress unless --pressure/--stress).")
    boolean cell;

    @Option(names = "--pressure", paramLabel = "GPA", description = "Hydrostatic target pressure with --cell, GPa (positive = compressive).")
    Double pressure;

    @Option(names = "--stress", paramLabel = "XX,YY,ZZ,YZ,XZ,XY", description = "Target stress with --cell, GPa, positive = tensile.")
    String stress;

    @Option(names = "--cell-free", paramLabel = "COMPONENTS", defaultValue = "all",
            description = "Cell strain components that relax, e.g. zz or xx,yy (default: ${DEFAULT-VALUE}).")
    String cellFree;

    @Option(names = "--minimizer", paramLabel = "M", defaultValue = "fire", description = "fire, cg or lbfgs (default: ${DEFAULT-VALUE}).")
    String minimizer;

    @Option(names = "--fmax", paramLabel = "F", defaultValue = "0.01", description = "Force tolerance, eV/Å (default: ${DEFAULT-VALUE}).")
    double fmax;

    @Option(names = "--etol", paramLabel = "E", defaultValue = "0", description = "Also stop when the energy changes by less than E eV per step (default: off).")
    double etol;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "1000", description = "Iteration limit (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--json", paramLabel = "OUT", description = "Results as JSON ('-' for standard output).")
    Path json;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "100", description = "Write OUT.checkpoint.extxyz every N steps (0: never; default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--resume", description = "Start from OUT.checkpoint.extxyz when it exists.")
    boolean resume;

    @Mixin
    GradeMonitor.Options gradeOptions;

    @Override
    public Integer call() throws Exception {
        input.threads.apply();
        if (!(fmax > 0)) {
            throw new InputException("--fmax must be positive, got " + fmax);
        }
        if (maxSteps < 0) {
            throw new InputException("--max-steps must be ≥ 0, got " + maxSteps);
        }
        if (!cell && (pressure != null || stress != null)) {
            throw new InputException("--pressure and --stress need --cell");
        }
        if (pressure != null && stress != null) {
            throw new InputException("give either --pressure or --stress, not both");
        }
        Minimizers.named(minimizer);
        if (!Formats.forPath(out).canWrite()) {
            throw new InputException("--out " + out + ": format " + Formats.forPath(out).name() + " cannot be written");
        }
        GradeMonitor grade = gradeOptions.monitor(input.potential.spec, 10);
        Potential pot = grade != null ? grade.potential(input.potential.parse()) : input.potential.parse();
        IoOptions io = input.formats.io();
        Path checkpoint = CliSupport.sibling(out, ".checkpoint.extxyz");
        Structure start;
        PrintWriter pw = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (resume && Files.exists(checkpoint)) {
            start = CliSupport.readStructure(checkpoint, "extxyz", IoOptions.DEFAULT, -1);
            err.println("relax: resuming from " + checkpoint);
        } else {
            start = input.read();
        }
        if (!(etol >= 0)) {
            throw new InputException("--etol must be ≥ 0 eV, got " + etol);
        }
        Relaxation.Options options = Relaxation.Options.defaults().withMinimizer(minimizer).withFmax(fmax)
                .withMaxSteps(maxSteps).withEnergyTolerance(etol);
        options = new Relaxation.Options(options.minimizer(), fmax, maxSteps, etol, false, options.cellMask(), options.targetStressGpa(), input.skin.value());
        if (cell) {
            double[] target = new double[6];
            if (pressure != null) {
                target = new double[]{-pressure, -pressure, -pressure, 0, 0, 0};
            } else if (stress != null) {
                target = CliSupport.voigt(stress, "--stress");
            }
            options = options.withCell(CliSupport.voigtMask(cellFree, "--cell-free"), target);
        }
        Relaxation.Options opts = options;
        Structure from = start;
        Relaxation.Result r;
        try (Progress progress = Progress.start("relax", maxSteps, 0)) {
            r = Relaxation.run(start, pot, opts, (it, value, f, x) -> {
                progress.extra(String.format(Locale.ROOT, "E %.6f eV, fmax %.3g", value, f));
                progress.stepTo(it);
                if (checkpointEvery > 0 && it % checkpointEvery == 0) {
                    Formats.write(checkpoint, List.of(new Frame(Relaxation.structureAt(from, pot, opts, x))), "extxyz");
                }
                if (grade != null) {
                    boolean halt = grade.poll(it, () -> Relaxation.structureAt(from, pot, opts, x));
                    progress.extra(String.format(Locale.ROOT, "E %.6f eV, fmax %.3g, max γ %.3g", value, f, grade.max()));
                    return !halt;
                }
                return true;
            });
        }
        Results res = r.results();
        double[] stressVoigt = res.volume() > 0 ? res.stress() : null;
        Structure relaxed = grade != null ? grade.annotate(r.structure()) : r.structure();
        Structure outStructure = relaxed.withInfo("potential", input.potential.spec)
                .withInfo("relax_converged", r.converged()).withInfo("relax_termination", r.minimization().termination().name().toLowerCase(Locale.ROOT));
        Formats.write(out, List.of(new Frame(outStructure, new Labels(res.energy(), res.forces(), stressVoigt), "")), null, io);
        if (r.converged()) {
            Files.deleteIfExists(checkpoint);
        } else {
            Formats.write(checkpoint, List.of(new Frame(r.structure())), "extxyz");
        }

        String summary = String.format(Locale.ROOT, "%s after %d steps (%d evaluations): energy %.10f eV (%.10f eV/atom), max |F| %.3g eV/Å%s",
                r.minimization().termination().description(), r.minimization().iterations(), r.minimization().evaluations(),
                res.energy(), res.energy() / Math.max(1, start.size()), res.maxForce(),
                res.volume() > 0 ? String.format(Locale.ROOT, ", pressure %.6f GPa, volume %.6f Å³", res.pressureGpa(), res.volume()) : "");
        if (json == null || !json.toString().equals("-")) {
            pw.println("relax: " + summary);
            pw.flush();
        }
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("potential", input.potential.spec);
            m.put("natoms", start.size());
            m.put("converged", r.converged());
            m.put("termination", r.minimization().termination().name().toLowerCase(Locale.ROOT));
            m.put("minimizer", minimizer);
            m.put("iterations", r.minimization().iterations());
            m.put("evaluations", r.minimization().evaluations());
            m.put("energy", res.energy());
            m.put("energy_per_atom", res.energy() / Math.max(1, start.size()));
            m.put("max_force", res.maxForce());
            m.put("force_measure", r.minimization().forceNorm());
            m.put("stress_gpa", res.volume() > 0 ? res.stressGpa() : null);
            m.put("pressure_gpa", res.volume() > 0 ? res.pressureGpa() : null);
            m.put("volume_a3", res.volume());
            m.put("cell", CliSupport.rows(r.structure().cell().matrix()));
            m.put("out", out.toString());
            if (grade != null) {
                m.putAll(grade.json());
            }
            CliSupport.writeJson(json, m, pw);
        }
        if (grade != null) {
            (grade.stopped() || json != null && json.toString().equals("-") ? err : pw).println("relax: " + grade.line("iteration"));
            if (grade.stopped()) {
                err.println("peierls: relax stopped: an atom's extrapolation grade passed --gamma-stop; the last structure "
                        + "(with its γ column) was written to " + out);
                err.flush();
                return GradeMonitor.EXIT_EXTRAPOLATING;
            }
        }
        if (!r.converged()) {
            err.println("peierls: relax did not converge: " + r.minimization().termination().description() + " after "
                    + r.minimization().iterations() + " steps (force measure " + String.format(Locale.ROOT, "%.3g", r.minimization().forceNorm())
                    + " > fmax " + fmax + "); the last structure was written to " + out + " (--resume continues from it)");
            err.flush();
            return 1;
        }
        return 0;
    }
}
