package org.peierls.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peierls.fit.Dataset;
import org.peierls.fit.Evaluation;
import org.peierls.fit.ForceFrame;
import org.peierls.fit.Metrics;
import org.peierls.fit.MetricsReport;
import org.peierls.fit.Role;
import org.peierls.potential.Potential;
import org.peierls.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls test}: errors of a potential on labelled data, in the units and keys of
 * {@code metrics.json}: {@code {"potential": P, "data": [...], "test": M, "groups": {"<group>": {"test": M}}}}
 * with M = {energy_mae_mev_per_atom, energy_rmse_mev_per_atom, force_mae_ev_per_a,
 * force_rmse_ev_per_a, stress_mae_gpa, n_configs}.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Errors of a potential on labelled data (energy per atom, force components, stress), overall and per group.",
            "Potentials: any --potential spec (eam:…, snap:X.snapcoeff, snap:X.snap, a folder written by 'peierls fit', …)."})
public final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.PotentialOption potential;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--data", required = true, split = ",", paramLabel = "FILES",
            description = "Labelled files or folders (mlearn JSON, FitSNAP JSON folders, extxyz, …).")
    List<Path> data;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the metrics as JSON (atomically).")
    Path json;

    @Option(names = "--force-frame", defaultValue = "data", paramLabel = "F",
            description = "Frame of force components: data (the file's) or lammps (each cell rotated as LAMMPS does, a along x); default ${DEFAULT-VALUE}.")
    String forceFrame;

    @Override
    public Integer call() {
        threads.apply();
        PrintWriter out = spec.commandLine().getOut();
        ForceFrame frame = switch (forceFrame.toLowerCase(java.util.Locale.ROOT)) {
            case "data" -> ForceFrame.DATA;
            case "lammps" -> ForceFrame.LAMMPS;
            default -> throw new org.peierls.util.InputException("--force-frame must be data or lammps, got '" + forceFrame + "'");
        };
        Potential pot = potential.parse();
        Dataset d = Dataset.read(data, Role.TEST);
        MetricsReport r;
        try (Progress p = Progress.start("evaluating", d.size())) {
            r = Evaluation.test(pot, d, frame, p);
        }
        out.printf(Locale.ROOT, "%s on %d configurations (%d atoms)%n", pot.describe(), d.size(), d.atoms());
        out.print(r.table().replace(" test ", "      "));
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("potential", potential.spec);
            m.put("force_frame", frame.name().toLowerCase(Locale.ROOT));
            List<String> files = new ArrayList<>();
            for (Path p : data) {
                files.add(p.toString());
            }
            m.put("data", files);
            m.put("test", r.test().toJson());
            Map<String, Object> g = new LinkedHashMap<>();
            for (Map.Entry<String, Metrics[]> e : r.groups().entrySet()) {
                g.put(e.getKey().isEmpty() ? "(none)" : e.getKey(), Map.of("test", e.getValue()[1].toJson()));
            }
            m.put("groups", g);
            org.peierls.io.Json.write(json, m);
            out.println("wrote " + json);
        }
        out.flush();
        return 0;
    }
}
