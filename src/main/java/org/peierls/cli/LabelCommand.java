package org.peierls.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.io.AtomicWrite;
import org.peierls.io.Formats;
import org.peierls.oracle.Cp2kOracle;
import org.peierls.oracle.Cp2kSettings;
import org.peierls.oracle.LabelCache;
import org.peierls.oracle.Labeller;
import org.peierls.oracle.Oracle;
import org.peierls.oracle.Oracles;
import org.peierls.util.Charts;
import org.peierls.util.InputException;
import org.peierls.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls label}: energy, forces and stress of structures from an oracle (a teacher
 * potential, CP2K, LAMMPS or any code behind a script), written as extended XYZ ready for
 * {@code peierls fit --data}. Labels are cached one file each as they finish (a killed run resumes
 * without relabelling); a structure that fails is reported with its index and the others are still
 * labelled (exit 1). {@code --converge cutoff|kpoints} scans CP2K's plane-wave cutoff or k-point
 * spacing on the first structure and recommends settings.
 */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = {"Label structures with an oracle: teacher:SPEC (a Peierls potential), cp2k (DFT; --settings FILE.yaml),",
            "command:SCRIPT (SCRIPT in.extxyz out.extxyz), lammps:PAIRFILE[:EL,..] (LAMMPS with those pair commands).",
            "Writes extended XYZ with energy, forces, stress and config_type; labels are cached in OUT.labels/ as they finish.",
            "Exit codes: 0 all labelled, 1 some failed (reported by index, the others written), 2 bad input."})
public final class LabelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--oracle", required = true, paramLabel = "SPEC", description = "teacher:SPEC, cp2k, command:SCRIPT or lammps:PAIRFILE[:EL,..].")
    String oracle;

    @Option(names = "--structures", required = true, arity = "1..*", paramLabel = "FILE", description = "Structure files (every frame is labelled).")
    List<Path> structures;

    @Option(names = "--out", paramLabel = "FILE", description = "Labelled frames (e.g. data.extxyz); written atomically.")
    Path out;

    @Option(names = "--settings", paramLabel = "FILE", description = "CP2K settings (YAML; see docs/label.md).")
    Path settings;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "Labels computed at once (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--cache", paramLabel = "DIR", description = "Label cache folder (default: OUT.labels).")
    Path cache;

    @Option(names = "--group", paramLabel = "NAME", description = "config_type of every frame (default: the frame's own, else the file name).")
    String group;

    @Option(names = "--converge", paramLabel = "WHAT", description = "CP2K convergence scan on the first structure: cutoff or kpoints (prints, and writes OUT as a PNG plot when given).")
    String converge;

    @Mixin
    CommonOptions.FormatOptions formats;

    @Override
    public Integer call() {
        if (jobs < 1 || jobs > 256) {
            throw new InputException("--jobs must be 1…256, got " + jobs);
        }
        if (converge == null && out == null) {
            throw new InputException("--out is required (the labelled frames, e.g. data.extxyz)");
        }
        if (out != null && converge == null && !Formats.forPath(out).canWrite()) {
            throw new InputException("--out " + out + ": format " + Formats.forPath(out).name() + " cannot be written");
        }
        Oracle o = Oracles.parse(oracle, settings, null);
        List<Structure> all = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (Path p : structures) {
            List<Frame> frames = formats.readAll(p);
            String stem = p.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            for (int k = 0; k < frames.size(); k++) {
                all.add(frames.get(k).structure());
                groups.add(group != null ? group : !frames.get(k).group().isEmpty() ? frames.get(k).group() : stem);
                where.add(p + " frame " + k);
            }
        }
        PrintWriter pw = spec.commandLine().getOut();
        if (converge != null) {
            return converge(o, all.get(0), pw);
        }
        LabelCache c = new LabelCache(cache != null ? cache : out.resolveSibling(out.getFileName() + ".labels"));
        pw.println("labelling " + all.size() + " structures with " + o.describe() + " (" + jobs + " at a time; cache " + c.dir() + ")");
        pw.flush();
        List<Labeller.Outcome> outcomes;
        try (Progress progress = Progress.start("label", all.size())) {
            outcomes = Labeller.label(o, all, groups, c, jobs, progress);
        }
        List<Frame> done = new ArrayList<>();
        int failed = 0, cached = 0;
        for (Labeller.Outcome r : outcomes) {
            if (r.frame() == null) {
                failed++;
                spec.commandLine().getErr().println("structure " + r.index() + " (" + where.get(r.index()) + "): " + r.error());
            } else {
                done.add(r.frame());
                cached += r.cached() ? 1 : 0;
            }
        }
        if (!done.isEmpty()) {
            Formats.write(out, done, null, formats.io());
        }
        pw.printf(Locale.ROOT, "labelled %d of %d (%d from the cache, %d failed)%s%n", done.size(), all.size(), cached, failed,
                done.isEmpty() ? "" : "; wrote " + out);
        pw.flush();
        spec.commandLine().getErr().flush();
        return failed == 0 ? 0 : 1;
    }

    /** Scans cutoff or k-point spacing with CP2K on one structure. */
    private int converge(Oracle o, Structure s, PrintWriter pw) {
        if (!(o instanceof Cp2kOracle cp)) {
            throw new InputException("--converge needs --oracle cp2k");
        }
        Cp2kSettings base = cp.settings();
        boolean cut = converge.equals("cutoff");
        if (!cut && !converge.equals("kpoints")) {
            throw new InputException("--converge must be cutoff or kpoints, got '" + converge + "'");
        }
        double[] values = cut ? new double[]{50, 80, 120, 200, 300, 400} : new double[]{0.6, 0.45, 0.35, 0.25, 0.2, 0.15};
        double[] e = new double[values.length];
        double[][] f = new double[values.length][];
        try (Progress progress = Progress.start("converge " + converge, values.length)) {
            for (int k = 0; k < values.length; k++) {
                Cp2kSettings st = cut ? base.with(values[k], base.kpointSpacing()) : base.with(base.cutoffRy(), values[k]);
                Frame fr = new Cp2kOracle(st, null).label(s, "converge");
                e[k] = fr.labels().energy() / s.size();
                f[k] = fr.labels().forces();
                progress.step();
            }
        }
        int last = values.length - 1;
        double[] de = new double[values.length];
        double[] dfs = new double[values.length];
        pw.printf(Locale.ROOT, "%-12s %16s %16s %16s%n", cut ? "cutoff_Ry" : "kspacing_1/A", "E/atom (eV)", "dE/atom (meV)", "max dF (eV/A)");
        for (int k = 0; k < values.length; k++) {
            double df = 0;
            for (int q = 0; q < f[k].length; q++) {
                df = Math.max(df, Math.abs(f[k][q] - f[last][q]));
            }
            de[k] = 1000 * Math.abs(e[k] - e[last]);
            dfs[k] = df;
            pw.printf(Locale.ROOT, "%-12s %16.6f %16.3f %16.4f%n", Double.toString(values[k]), e[k], de[k], df);
        }
        // the cheapest setting from which on every finer one stays within the tolerances (no lucky dips)
        int recommended = last;
        while (recommended > 0 && de[recommended - 1] <= 1.0 && dfs[recommended - 1] <= 0.01) {
            recommended--;
        }
        if (recommended == last) {
            pw.printf(Locale.ROOT, "not converged within the scan: %s %s differs from %s by more than 1 meV/atom or 0.01 eV/Å;"
                    + " scan finer settings%n", cut ? "cutoff_ry" : "kpoint_spacing", Double.toString(values[last - 1]), Double.toString(values[last]));
        } else {
            pw.printf(Locale.ROOT, "recommended %s: %s (it and every finer setting within 1 meV/atom and 0.01 eV/Å of the finest)%n",
                    cut ? "cutoff_ry" : "kpoint_spacing", Double.toString(values[recommended]));
        }
        if (out != null) {
            byte[] png = Charts.lines("CP2K convergence on " + s.formula(), cut ? "cutoff (Ry)" : "k-point spacing (1/Å)",
                    "|E - E_finest| (meV/atom)", List.of(new Charts.Series("energy", values, de, false)));
            AtomicWrite.bytes(out, png);
            pw.println("wrote " + out);
        }
        pw.flush();
        return 0;
    }
}
