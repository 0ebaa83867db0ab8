package org.peierls.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.io.Json;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.ForceBenchmark;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.uncertainty.Uncertainty;
import org.peierls.util.InputException;
import org.peierls.util.Parallel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls bench}: times repeated energy/force evaluations of one structure with the neighbor
 * list built once, after a warm-up, and prints JSON: {@code us_per_atom_step} (mean µs per atom per
 * evaluation), {@code best_us_per_atom_step}, {@code cpu_us_per_atom_step} (process CPU time, all
 * threads) and {@code cores_used} (their ratio: on a shared machine, how many cores the run got),
 * {@code natoms}, {@code threads}, {@code steps}, …
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time repeated force evaluations (neighbor list reused) and print JSON with us_per_atom_step.",
                "With --neighbors R, time neighbor-list builds at cutoff R instead (no potential needed)."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.StructureOption structure;

    @Mixin
    CommonOptions.FormatOptions formats;

    @Option(names = "--potential", paramLabel = "P", description = "Potential spec (see 'peierls eval --help').")
    String potential;

    @Option(names = "--neighbors", paramLabel = "R", description = "Time neighbor-list builds with cutoff R (Å) instead of force evaluations.")
    Double neighborCutoff;

    @Option(names = "--half", description = "With --neighbors: build half lists (each pair once) instead of full lists.")
    boolean half;

    @Option(names = "--repeat", paramLabel = "NxMxK", description = "Use the N×M×K supercell of the structure (e.g. 20x20x20).")
    String repeat;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "100", description = "Timed evaluations (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "30", description = "Untimed evaluations first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores, or PEIERLS_THREADS).")
    Integer threads;

    @Option(names = "--skin", paramLabel = "S", defaultValue = "0", description = "Neighbor-list skin beyond the cutoff, Å (default: ${DEFAULT-VALUE}).")
    double skin;

    @Option(names = "--grade", paramLabel = "MODE",
            description = "With a fit folder as --potential, also grade every atom (γ): inline (inside the force path, "
                    + "as md/relax/neb do) or separate (a second descriptor pass).")
    String grade;

    @Override
    public Integer call() throws Exception {
        if (neighborCutoff == null && potential == null) {
            throw new InputException("bench needs --potential P (force evaluations) or --neighbors R (neighbor-list builds)");
        }
        List<Frame> frames = formats.readAll(structure.path);
        Structure s = frames.get(0).structure();
        if (repeat != null) {
            int[] n = parseRepeat(repeat);
            s = s.repeat(n[0], n[1], n[2]);
        }
        int t = threads != null ? threads : org.peierls.util.Parallel.threads();
        if (neighborCutoff != null) {
            return neighborBench(s, t);
        }
        Potential pot = PotentialSpecs.parse(potential);
        if (grade != null) {
            Uncertainty u = Uncertainty.load(Path.of(potential));
            pot = switch (grade.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "inline" -> u.graded();
                case "separate" -> separatelyGraded(pot, u);
                default -> throw new InputException("--grade must be inline or separate, got '" + grade + "'");
            };
        }
        ForceBenchmark.Result r = ForceBenchmark.run(pot, s, new ForceBenchmark.Options(steps, warmup, t, skin));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("potential", potential);
        m.put("grade", grade);
        m.put("natoms", r.natoms());
        m.put("threads", r.threads());
        m.put("steps", r.steps());
        m.put("warmup", warmup);
        m.put("skin", skin);
        m.put("neighbors_per_atom", r.neighborsPerAtom());
        m.put("us_per_atom_step", r.usPerAtomStep());
        m.put("best_us_per_atom_step", r.bestUsPerAtomStep());
        m.put("cpu_us_per_atom_step", r.cpuUsPerAtomStep());
        m.put("cores_used", r.coresUsed());
        m.put("energy", r.energy());
        PrintWriter pw = spec.commandLine().getOut();
        pw.println(Json.text(m));
        pw.flush();
        return 0;
    }

    /** The potential followed by a separate grading pass (descriptors and neighbor list again), as a timing reference. */
    private static Potential separatelyGraded(Potential pot, Uncertainty u) {
        return new Potential() {
            @Override
            public double cutoff() {
                return pot.cutoff();
            }

            @Override
            public int[] species() {
                return pot.species();
            }

            @Override
            public String describe() {
                return pot.describe() + " + separate grade pass";
            }

            @Override
            public NeighborList.Kind preferredList() {
                return pot.preferredList();
            }

            @Override
            public org.peierls.potential.Results compute(Structure structure, NeighborList neighbors, Output perAtom) {
                org.peierls.potential.Results r = pot.compute(structure, neighbors, perAtom);
                u.grades(structure);
                return r;
            }
        };
    }

    /** Times {@code steps} list builds after {@code warmup} untimed ones; reports ms per build and bytes per atom. */
    private int neighborBench(Structure s, int t) throws Exception {
        if (!(neighborCutoff > 0)) {
            throw new InputException("--neighbors must be a positive cutoff in Å, got " + neighborCutoff);
        }
        NeighborList.Kind kind = half ? NeighborList.Kind.HALF : NeighborList.Kind.FULL;
        int before = Parallel.threads();
        Parallel.setThreads(t);
        try {
            NeighborList nl = null;
            for (int i = 0; i < warmup; i++) {
                nl = NeighborList.build(s, neighborCutoff, kind);
            }
            double best = Double.MAX_VALUE, total = 0;
            for (int i = 0; i < steps; i++) {
                long t0 = System.nanoTime();
                nl = NeighborList.build(s, neighborCutoff, kind);
                double ms = (System.nanoTime() - t0) * 1e-6;
                best = Math.min(best, ms);
                total += ms;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("natoms", s.size());
            m.put("cutoff", neighborCutoff);
            m.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
            m.put("threads", t);
            m.put("steps", steps);
            m.put("neighbors_per_atom", (double) nl.size() / s.size());
            m.put("ms_per_build", total / steps);
            m.put("best_ms_per_build", best);
            m.put("ns_per_atom_build", best * 1e6 / s.size());
            m.put("index_bytes_per_atom", (double) nl.bytes() / s.size());
            nl.vectors();
            m.put("bytes_per_atom_with_vectors", (double) nl.bytes() / s.size());
            PrintWriter pw = spec.commandLine().getOut();
            pw.println(Json.text(m));
            pw.flush();
            return 0;
        } finally {
            Parallel.setThreads(before);
        }
    }

    static int[] parseRepeat(String text) {
        String[] t = text.trim().toLowerCase(java.util.Locale.ROOT).split("[x,]");
        if (t.length != 3) {
            throw new InputException("--repeat " + text + ": expected three whole numbers such as 20x20x20");
        }
        int[] n = new int[3];
        for (int i = 0; i < 3; i++) {
            try {
                n[i] = Integer.parseInt(t[i].trim());
            } catch (NumberFormatException e) {
                throw new InputException("--repeat " + text + ": '" + t[i] + "' is not a whole number");
            }
            if (n[i] < 1) {
                throw new InputException("--repeat " + text + ": multiples must be at least 1");
            }
        }
        return n;
    }
}
