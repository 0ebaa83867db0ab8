package org.peierls.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.peierls.optim.Fire;
import org.peierls.potential.Potential;
import org.peierls.sim.ForceField;
import org.peierls.sim.min.Relaxation;
import org.peierls.sim.neb.AtomisticNeb;
import org.peierls.sim.neb.NebOptions;
import org.peierls.sim.neb.NebPlot;
import org.peierls.sim.neb.NebResult;
import org.peierls.uncertainty.AtomScores;
import org.peierls.util.InputException;
import org.peierls.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls neb}: the minimum-energy path and barrier between two states with the nudged
 * elastic band (improved tangent, optional climbing image, FIRE on the whole band). JSON:
 * {@code barrier_ev}, {@code reverse_barrier_ev}, {@code reaction_energy_ev}, {@code saddle_image},
 * per-image {@code path_a} and {@code energy_ev} (relative to the initial state), convergence.
 * Checkpoints (all images) go to {@code OUT.band.extxyz}; {@code --resume} continues from there.
 */
@Command(name = "neb", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Nudged elastic band between two states of the same atoms (same order, same cell).",
            "Images are interpolated with minimum-image displacements; the end states are used as given unless --relax-ends.",
            "With a fit folder: --grade writes each atom's extrapolation grade γ, --gamma-stop G stops the run (exit code 3) when an atom's γ passes G."})
public final class NebCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.PotentialOption potential;

    @Mixin
    CommonOptions.FormatOptions formats;

    @Mixin
    CommonOptions.SkinOption skin;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--initial", required = true, paramLabel = "A", description = "Initial state (structure file).")
    Path initial;

    @Option(names = "--final", required = true, paramLabel = "B", description = "Final state (structure file).")
    Path fin;

    @Option(names = "--images", required = true, paramLabel = "N", description = "Number of images between the end states.")
    int images;

    @Option(names = "--climb", description = "Climbing image (after the band has relaxed to --climb-fmax).")
    boolean climb;

    @Mixin
    GradeMonitor.Options gradeOptions;

    @Option(names = "--json", required = true, paramLabel = "OUT", description = "Results as JSON ('-' for standard output).")
    Path json;

    @Option(names = "--plot", paramLabel = "PNG", description = "Energy profile plot.")
    Path plot;

    @Option(names = "--out", paramLabel = "FILE", description = "All images of the relaxed band (multi-frame, e.g. band.extxyz).")
    Path out;

    @Option(names = "--saddle", paramLabel = "FILE", description = "The highest image (the saddle with --climb).")
    Path saddle;

    @Option(names = "--fmax", paramLabel = "F", defaultValue = "0.01", description = "NEB force tolerance, eV/Å (default: ${DEFAULT-VALUE}).")
    double fmax;

    @Option(names = "--climb-fmax", paramLabel = "F", description = "Band force at which climbing starts, eV/Å (default: 5 × fmax).")
    Double climbFmax;

    @Option(names = "--spring", paramLabel = "K", defaultValue = "1.0", description = "Spring constant, eV/Å² (default: ${DEFAULT-VALUE}).")
    double spring;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "2000", description = "FIRE iteration limit (default: ${DEFAULT-VALUE}).")
    int maxSteps;

    @Option(names = "--max-step-length", paramLabel = "A", defaultValue = "0.1", description = "Largest atom move per FIRE step, Å (default: ${DEFAULT-VALUE}).")
    double maxStepLength;

    @Option(names = "--relax-ends", description = "Relax both end states first (FIRE to fmax/10, fixed cell).")
    boolean relaxEnds;

    @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "100", description = "Write OUT.band.extxyz every N steps (0: never; default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--resume", description = "Continue from the band checkpoint when it exists.")
    boolean resume;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        if (images < 1) {
            throw new InputException("--images must be at least 1, got " + images);
        }
        if (!(fmax > 0) || !(spring > 0) || maxSteps < 1 || !(maxStepLength > 0)) {
            throw new InputException("--fmax, --spring, --max-steps and --max-step-length must be positive");
        }
        PrintWriter pw = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GradeMonitor grade = gradeOptions.monitor(potential.spec, 10);
        Potential pot = grade != null ? grade.potential(potential.parse()) : potential.parse();
        IoOptions io = formats.io();
        double cf = climbFmax != null ? climbFmax : 5 * fmax;
        NebOptions options = new NebOptions(images, spring, climb, fmax, Math.max(cf, fmax), maxSteps,
                Fire.Parameters.defaults().withMaxStep(maxStepLength));
        ForceField ff = new ForceField(pot, skin.value());
        Path checkpoint = json.toString().equals("-") ? Path.of("neb.band.extxyz") : CliSupport.sibling(json, ".band.extxyz");

        List<Structure> band;
        if (resume && Files.exists(checkpoint)) {
            band = new ArrayList<>();
            for (Frame f : Formats.read(checkpoint, "extxyz")) {
                band.add(f.structure());
            }
            err.println("neb: resuming from " + checkpoint + " (" + band.size() + " structures)");
        } else {
            Structure a = formats.read(initial, -1);
            Structure b = formats.read(fin, -1);
            AtomisticNeb.checkCompatible(a, b);
            if (relaxEnds) {
                Relaxation.Options ro = Relaxation.Options.defaults().withFmax(fmax / 10).withMaxSteps(5000);
                a = relaxEnd(a, pot, ro, "initial", err);
                b = relaxEnd(b, pot, ro, "final", err);
            }
            band = AtomisticNeb.interpolate(a, b, images);
        }
        List<Structure> startBand = band;
        long t0 = System.nanoTime();
        AtomisticNeb.Result r;
        try (Progress progress = Progress.start("neb", maxSteps, 0)) {
            r = AtomisticNeb.run(band, ff, options, (it, value, f, x) -> {
                progress.extra(String.format(Locale.ROOT, "fmax %.3g eV/Å", f));
                progress.stepTo(it);
                if (checkpointEvery > 0 && it % checkpointEvery == 0) {
                    List<Frame> frames = new ArrayList<>();
                    for (Structure s : AtomisticNeb.imagesAt(startBand, x)) {
                        frames.add(new Frame(s));
                    }
                    Formats.write(checkpoint, frames, "extxyz");
                }
                if (grade != null) {
                    boolean halt = grade.inForcePath() ? grade.poll(it, () -> null) : grade.stopped();
                    if (!grade.inForcePath() && it % grade.every() == 0) {
                        for (Structure s : AtomisticNeb.imagesAt(startBand, x)) {
                            halt |= grade.check(s, it);
                        }
                    }
                    progress.extra(String.format(Locale.ROOT, "fmax %.3g eV/Å, max γ %.3g", f, grade.max()));
                    return !halt;
                }
                return true;
            });
        }
        double seconds = (System.nanoTime() - t0) * 1e-9;
        NebResult n = r.neb();
        double[] imageGrade = null;
        List<double[]> grades = new ArrayList<>();
        if (grade != null) {
            imageGrade = new double[r.images().size()];
            for (int i = 0; i < imageGrade.length; i++) {
                double[] g = grade.grades(r.images().get(i));
                grade.check(g, -1);
                grades.add(g);
                imageGrade[i] = AtomScores.max(g);
            }
        }
        if (out != null) {
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < r.images().size(); i++) {
                Structure s = grade != null ? GradeMonitor.annotate(r.images().get(i), grades.get(i)) : r.images().get(i);
                frames.add(new Frame(s, new Labels(n.energies()[i], null, null), "neb"));
            }
            Formats.write(out, frames, null, io);
        }
        if (saddle != null) {
            Formats.write(saddle, List.of(new Frame(r.saddle(), new Labels(n.energies()[n.saddleImage()], null, null), "neb")), null, io);
        }
        if (plot != null) {
            CliSupport.writeBytes(plot, NebPlot.png(n, String.format(Locale.ROOT, "NEB %s → %s", initial.getFileName(), fin.getFileName())));
        }
        if (!json.toString().equals("-")) {
            pw.print(n.table());
            pw.printf(Locale.ROOT, "neb: barrier %.6f eV (reverse %.6f eV, reaction %.6f eV), saddle image %d%s; %d steps, %.1f s%n",
                    n.barrier(), n.reverseBarrier(), n.reactionEnergy(), n.saddleImage(), n.climbed() ? " (climbing)" : "",
                    n.steps(), seconds);
            pw.flush();
        }
        Map<String, Object> rec = record(n, seconds);
        if (grade != null) {
            rec.putAll(grade.json());
            rec.put("image_max_extrapolation_grade", imageGrade);
            (grade.stopped() || json.toString().equals("-") ? err : pw).println("neb: " + grade.line("iteration"));
        }
        CliSupport.writeJson(json, rec, pw);
        if (grade != null && grade.stopped()) {
            err.println("peierls: neb stopped: an atom's extrapolation grade passed --gamma-stop; the last band is in " + checkpoint);
            List<Frame> frames = new ArrayList<>();
            for (Structure s : r.images()) {
                frames.add(new Frame(s));
            }
            Formats.write(checkpoint, frames, "extxyz");
            err.flush();
            return GradeMonitor.EXIT_EXTRAPOLATING;
        }
        if (n.converged()) {
            Files.deleteIfExists(checkpoint);
            return 0;
        }
        err.println("peierls: neb did not converge: " + n.minimization().termination().description() + " after " + n.steps()
                + " steps (max NEB force " + String.format(Locale.ROOT, "%.3g", n.minimization().forceNorm()) + " > fmax " + fmax
                + "); results are for the last band, which is in " + checkpoint);
        List<Frame> frames = new ArrayList<>();
        for (Structure s : r.images()) {
            frames.add(new Frame(s));
        }
        Formats.write(checkpoint, frames, "extxyz");
        return 1;
    }

    private static Structure relaxEnd(Structure s, Potential pot, Relaxation.Options ro, String which, PrintWriter err) {
        Relaxation.Result r = Relaxation.run(s, pot, ro, (i, v, f, x) -> true);
        if (!r.converged()) {
            throw new InputException("the " + which + " state did not relax: " + r.minimization().termination().description());
        }
        err.printf(Locale.ROOT, "neb: %s state relaxed in %d steps, energy %.6f eV%n", which, r.minimization().iterations(), r.results().energy());
        return r.structure();
    }

    private Map<String, Object> record(NebResult n, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("potential", potential.spec);
        m.put("images", images);
        m.put("climb", climb);
        m.put("converged", n.converged());
        m.put("termination", n.minimization().termination().name().toLowerCase(Locale.ROOT));
        m.put("steps", n.steps());
        m.put("max_force", n.minimization().forceNorm());
        m.put("barrier_ev", n.barrier());
        m.put("reverse_barrier_ev", n.reverseBarrier());
        m.put("reaction_energy_ev", n.reactionEnergy());
        m.put("saddle_image", n.saddleImage());
        m.put("initial_energy", n.energies()[0]);
        double[] rel = new double[n.energies().length];
        for (int i = 0; i < rel.length; i++) {
            rel[i] = n.energies()[i] - n.energies()[0];
        }
        m.put("energy_ev", rel);
        m.put("path_a", n.pathLength());
        m.put("tangent_force", n.tangentForces());
        m.put("wall_seconds", seconds);
        return m;
    }
}
