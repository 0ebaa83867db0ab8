package org.peierls.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.io.Formats;
import org.peierls.io.IoOptions;
import org.peierls.potential.ForceBenchmark;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.util.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls bench}: times repeated energy/force evaluations of one structure with the neighbor
 * list built once, after a warm-up, and prints JSON: {@code us_per_atom_step} (mean µs per atom per
 * evaluation), {@code best_us_per_atom_step}, {@code natoms}, {@code threads}, {@code steps}, …
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time repeated force evaluations (neighbor list reused) and print JSON with us_per_atom_step.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--potential", required = true, paramLabel = "P", description = "Potential spec (see 'peierls eval --help').")
    String potential;

    @Option(names = "--structure", required = true, paramLabel = "FILE", description = "Structure file (its first frame is used).")
    Path structure;

    @Option(names = "--format", paramLabel = "F", description = "Format of the structure file (default: from the name).")
    String format;

    @Option(names = "--types", paramLabel = "A,B", description = "Element symbols of LAMMPS atom types 1, 2, ….")
    String types;

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

    @Override
    public Integer call() throws Exception {
        Potential pot = PotentialSpecs.parse(potential);
        List<Frame> frames = Formats.read(structure, format, IoOptions.withTypes(types));
        if (frames.isEmpty()) {
            throw new InputException(structure + " holds no frames");
        }
        Structure s = frames.get(0).structure();
        if (repeat != null) {
            int[] n = parseRepeat(repeat);
            s = s.repeat(n[0], n[1], n[2]);
        }
        int t = threads != null ? threads : org.peierls.util.Parallel.threads();
        ForceBenchmark.Result r = ForceBenchmark.run(pot, s, new ForceBenchmark.Options(steps, warmup, t, skin));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("potential", potential);
        m.put("natoms", r.natoms());
        m.put("threads", r.threads());
        m.put("steps", r.steps());
        m.put("warmup", warmup);
        m.put("skin", skin);
        m.put("neighbors_per_atom", r.neighborsPerAtom());
        m.put("us_per_atom_step", r.usPerAtomStep());
        m.put("best_us_per_atom_step", r.bestUsPerAtomStep());
        m.put("energy", r.energy());
        PrintWriter pw = spec.commandLine().getOut();
        pw.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
        pw.flush();
        return 0;
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
