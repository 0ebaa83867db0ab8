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
import org.peierls.atoms.Structure;
import org.peierls.io.IoOptions;
import org.peierls.potential.Potential;
import org.peierls.sim.md.Integrator;
import org.peierls.sim.md.Kinetics;
import org.peierls.sim.md.MdCheckpoint;
import org.peierls.sim.md.MdRun;
import org.peierls.sim.md.MdSettings;
import org.peierls.sim.md.MdState;
import org.peierls.sim.md.MtkBarostat;
import org.peierls.sim.md.Thermo;
import org.peierls.sim.md.Trajectory;
import org.peierls.util.InputException;
import org.peierls.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls md}: molecular dynamics in metal units (Å, eV, ps, K). Thermo lines (step,
 * time, T, PE, KE, Etot, P, volume, conserved quantity) go to standard output every
 * {@code --thermo} steps, frames to the trajectory every {@code --dump-every} steps, and a
 * checkpoint ({@code TRAJ.checkpoint.json}) every {@code --checkpoint-every} steps;
 * {@code --resume} continues from it to {@code --steps}.
 */
@Command(name = "md", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Molecular dynamics: nve (velocity Verlet), nvt (Nosé–Hoover chain or Langevin), npt (MTK barostat).",
            "Units: Å, eV, ps, K; pressure GPa. Initial velocities: the structure's own, else Maxwell–Boltzmann at --temp.",
            "With a fit folder: --grade writes each atom's extrapolation grade γ, --gamma-stop G stops the run (exit code 3) when an atom's γ passes G."})
public final class MdCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.SimulationInput input;

    @Option(names = "--ensemble", required = true, paramLabel = "E", description = "nve, nvt or npt.")
    String ensemble;

    @Option(names = "--temp", paramLabel = "K", defaultValue = "0", description = "Temperature, K (target for nvt/npt; initial velocities for nve).")
    double temp;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Number of steps (the last step when resuming).")
    long steps;

    @Option(names = "--dt", paramLabel = "PS", defaultValue = "0.001", description = "Time step, ps (default: ${DEFAULT-VALUE}).")
    double dt;

    @Option(names = "--out", required = true, paramLabel = "TRAJ", description = "Trajectory file (.extxyz, or a LAMMPS dump .lammpstrj/.dump).")
    Path out;

    @Option(names = "--thermo", paramLabel = "N", defaultValue = "100", description = "Thermo output every N steps (default: ${DEFAULT-VALUE}).")
    long thermo;

    @Option(names = "--dump-every", paramLabel = "M", defaultValue = "1000", description = "Trajectory frame every M steps (default: ${DEFAULT-VALUE}).")
    long dumpEvery;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (velocities, Langevin noise; default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--pressure", paramLabel = "GPA", defaultValue = "0", description = "npt target pressure, GPa (positive = compressive; default: ${DEFAULT-VALUE}).")
    double pressure;

    @Option(names = "--couple", paramLabel = "C", defaultValue = "iso", description = "npt cell coupling: iso, aniso or tri (default: ${DEFAULT-VALUE}).")
    String couple;

    @Option(names = "--thermostat", paramLabel = "T", defaultValue = "nose-hoover", description = "nvt thermostat: nose-hoover or langevin (default: ${DEFAULT-VALUE}).")
    String thermostat;

    @Option(names = "--tdamp", paramLabel = "PS", description = "Thermostat time, ps (default: 100 dt).")
    Double tdamp;

    @Option(names = "--pdamp", paramLabel = "PS", description = "Barostat period, ps (default: 1000 dt).")
    Double pdamp;

    @Option(names = "--init-velocities", description = "Draw Maxwell–Boltzmann velocities at --temp even when the structure has velocities.")
    boolean initVelocities;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "Checkpoint every N steps (0: never; default: 10 × --dump-every).")
    Long checkpointEvery;

    @Option(names = "--resume", description = "Continue from TRAJ.checkpoint.json when it exists.")
    boolean resume;

    @Option(names = "--json", paramLabel = "OUT", description = "Summary as JSON (means of T, P, volume; speed).")
    Path json;

    @Mixin
    GradeMonitor.Options gradeOptions;

    @Override
    public Integer call() {
        input.threads.apply();
        if (steps < 0 || thermo <= 0 || dumpEvery <= 0) {
            throw new InputException("--steps must be ≥ 0, --thermo and --dump-every positive");
        }
        MdSettings settings = settings();
        GradeMonitor grade = gradeOptions.monitor(input.potential.spec, thermo);
        Potential pot = grade != null ? grade.potential(input.potential.parse()) : input.potential.parse();
        Integrator integrator = settings.integrator(pot);
        IoOptions io = input.formats.io();
        Path checkpointPath = CliSupport.sibling(out, ".checkpoint.json");
        long checkpointInterval = checkpointEvery != null ? checkpointEvery : 10 * dumpEvery;
        PrintWriter pw = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();

        MdState state;
        Trajectory trajectory;
        if (resume && Files.exists(checkpointPath)) {
            MdCheckpoint cp = MdCheckpoint.read(checkpointPath);
            state = cp.resume(integrator);
            trajectory = new Trajectory(out, null, io, true, cp.trajectoryBytes());
            err.println("md: resuming from step " + state.step() + " (" + checkpointPath + ")");
        } else {
            Structure s = input.read();
            if (initVelocities || !s.hasVelocities()) {
                s = Kinetics.maxwellBoltzmann(s, temp, seed);
            }
            trajectory = new Trajectory(out, null, io, false, 0);
            state = integrator.init(s);
        }
        err.println("md: " + state.atoms() + " atoms, " + integrator.describe() + ", " + pot.describe());
        pw.println(Thermo.header());
        List<Thermo> samples = new ArrayList<>();
        long first = state.step();
        Trajectory traj = trajectory;
        long startNanos = System.nanoTime();
        MdState end;
        try (Progress progress = Progress.start("md", steps, first)) {
            List<MdRun.Every> observers = new ArrayList<>();
            observers.add(new MdRun.Every(thermo, st -> {
                Thermo t = Thermo.of(integrator, st);
                samples.add(t);
                pw.println(t.line());
                pw.flush();
                progress.extra(String.format(Locale.ROOT, "T %.1f K", t.temperature()));
            }));
            if (grade != null) {
                observers.add(new MdRun.Every(1, st -> {
                    grade.poll(st.step(), st::structure);
                    if (st.step() % thermo == 0) {
                        progress.extra(String.format(Locale.ROOT, "max γ %.3g", grade.max()));
                    }
                }));
            }
            observers.add(new MdRun.Every(dumpEvery, st -> {
                if (st.step() > first || first == 0) {
                    traj.append(frame(st, integrator, grade));
                }
            }));
            if (checkpointInterval > 0) {
                observers.add(new MdRun.Every(checkpointInterval, st -> {
                    if (st.step() > first) {
                        MdCheckpoint.of(st, integrator, traj.bytes()).write(checkpointPath);
                    }
                }));
            }
            observers.add(new MdRun.Every(1, st -> progress.stepTo(st.step())));
            end = MdRun.run(integrator, state, steps, observers, st -> grade != null && grade.stopped());
        }
        double seconds = (System.nanoTime() - startNanos) * 1e-9;
        if (end.step() % dumpEvery != 0) {
            trajectory.append(frame(end, integrator, grade));
        }
        if (end.step() % thermo != 0) {
            Thermo t = Thermo.of(integrator, end);
            samples.add(t);
            pw.println(t.line());
        }
        long done = end.step() - first;
        double rate = done / Math.max(seconds, 1e-9);
        pw.printf(Locale.ROOT, "md: %d steps in %.2f s (%.1f steps/s, %.3g ns/day)%n", done, seconds, rate, rate * settings.dt() * 86400e-3);
        pw.flush();
        Map<String, Object> summary = summary(settings, integrator, end, samples, done, seconds);
        if (grade != null) {
            (grade.stopped() || json != null && json.toString().equals("-") ? err : pw).println("md: " + grade.line("step"));
            summary.putAll(grade.json());
        }
        if (json != null) {
            CliSupport.writeJson(json, summary, pw);
        }
        if (grade != null && grade.stopped()) {
            err.println("peierls: md stopped at step " + end.step() + ": an atom's extrapolation grade passed --gamma-stop; the last "
                    + "frame (with its γ column) is in " + out);
            err.flush();
            return GradeMonitor.EXIT_EXTRAPOLATING;
        }
        return 0;
    }

    /** A trajectory frame, with the γ column when grading. */
    private static Frame frame(MdState st, Integrator integrator, GradeMonitor grade) {
        Frame f = Trajectory.frame(st, integrator);
        if (grade == null) {
            return f;
        }
        double[] g = grade.grades(st.structure());
        grade.check(g, st.step());
        return new Frame(GradeMonitor.annotate(f.structure(), g), f.labels(), f.group());
    }

    private MdSettings settings() {
        MdSettings.Ensemble e = switch (ensemble.trim().toLowerCase(Locale.ROOT)) {
            case "nve" -> MdSettings.Ensemble.NVE;
            case "nvt" -> MdSettings.Ensemble.NVT;
            case "npt" -> MdSettings.Ensemble.NPT;
            default -> throw new InputException("--ensemble must be nve, nvt or npt, got '" + ensemble + "'");
        };
        MdSettings.Thermostat t = switch (thermostat.trim().toLowerCase(Locale.ROOT)) {
            case "nose-hoover", "nh", "nhc" -> MdSettings.Thermostat.NOSE_HOOVER;
            case "langevin" -> MdSettings.Thermostat.LANGEVIN;
            default -> throw new InputException("--thermostat must be nose-hoover or langevin, got '" + thermostat + "'");
        };
        MtkBarostat.Coupling c = switch (couple.trim().toLowerCase(Locale.ROOT)) {
            case "iso" -> MtkBarostat.Coupling.ISO;
            case "aniso" -> MtkBarostat.Coupling.ANISO;
            case "tri" -> MtkBarostat.Coupling.TRI;
            default -> throw new InputException("--couple must be iso, aniso or tri, got '" + couple + "'");
        };
        if (!(dt > 0)) {
            throw new InputException("--dt must be positive (ps), got " + dt);
        }
        return new MdSettings(e, t, temp, dt, tdamp != null ? tdamp : 100 * dt, pdamp != null ? pdamp : 1000 * dt,
                pressure, c, 3, seed, input.skin.value());
    }

    private Map<String, Object> summary(MdSettings s, Integrator integrator, MdState end, List<Thermo> samples, long done, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("potential", input.potential.spec);
        m.put("natoms", end.atoms());
        m.put("ensemble", s.ensemble().name().toLowerCase(Locale.ROOT));
        m.put("integrator", integrator.describe());
        m.put("steps", end.step());
        m.put("time_ps", end.time());
        double t = 0, p = 0, v = 0, pe = 0;
        for (Thermo th : samples) {
            t += th.temperature();
            p += th.pressureGpa();
            v += th.volume();
            pe += th.potential();
        }
        int n = Math.max(1, samples.size());
        m.put("mean_temperature_k", t / n);
        m.put("mean_pressure_gpa", p / n);
        m.put("mean_volume_a3", v / n);
        m.put("mean_potential_energy", pe / n);
        m.put("final_potential_energy", end.potentialEnergy());
        m.put("final_temperature_k", integrator.temperature(end));
        if (!samples.isEmpty()) {
            m.put("conserved_drift_per_atom", (samples.get(samples.size() - 1).conserved() - samples.get(0).conserved()) / end.atoms());
        }
        m.put("steps_per_second", done / Math.max(seconds, 1e-9));
        m.put("trajectory", out.toString());
        return m;
    }
}
