package org.peierls.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.peierls.analysis.Analysis;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.io.Formats;
import org.peierls.util.InputException;
import org.peierls.util.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code peierls analyze}: per-atom structure analysis ({@link Analysis}) of one frame or every
 * frame of a structure file — the structure with one column per analysis ({@code --out}, extended
 * XYZ or LAMMPS dump by the name) and a JSON of the columns and the counts of each structure type.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Per-atom structure analysis: common neighbor analysis (cna with --cutoff, adaptive acna),",
            "centro-symmetry (csp), coordination (coord, --cutoff), Steinhardt q4/q6. Equal to LAMMPS's cna/atom,",
            "centro/atom, coord/atom and orientorder/atom. Labels: fcc, hcp, bcc, ico, other."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions.StructureOption structure;

    @Mixin
    CommonOptions.FormatOptions formats;

    @Option(names = "--frame", paramLabel = "K|all", defaultValue = "0",
            description = "Frame of a multi-frame file (negative: from the end), or all (default: ${DEFAULT-VALUE}).")
    String frame;

    @Option(names = "--compute", required = true, paramLabel = "LIST",
            description = "Analyses, comma-separated: cna, acna, csp, coord, q4, q6, or all (those that need no --cutoff without it).")
    String compute;

    @Option(names = "--cutoff", paramLabel = "R", description = "Cutoff of cna and coord, Å (cna: 0.854·a for fcc, 1.207·a for bcc).")
    Double cutoff;

    @Option(names = "--csp-neighbors", paramLabel = "N",
            description = "Neighbors of the centro-symmetry parameter: 12 (fcc), 8 (bcc); default: 8 when most atoms are bcc by a-CNA, else 12.")
    Integer cspNeighbors;

    @Option(names = "--q-neighbors", paramLabel = "N", defaultValue = "12", description = "Nearest neighbors of q4/q6 (default: ${DEFAULT-VALUE}, as LAMMPS).")
    int qNeighbors;

    @Option(names = "--out", paramLabel = "FILE", description = "The structure(s) with the per-atom columns (.extxyz, .dump, …).")
    Path out;

    @Option(names = "--json", paramLabel = "FILE", description = "Per-atom columns and counts as JSON ('-' for standard output).")
    Path json;

    @Mixin
    ThreadsOption threads;

    @Override
    public Integer call() {
        threads.apply();
        Analysis.Settings settings = new Analysis.Settings(cutoff == null ? Double.NaN : cutoff, cspNeighbors == null ? 0 : cspNeighbors,
                qNeighbors);
        List<String> names = Analysis.parse(compute, settings);
        if (out != null && !Formats.forPath(out).canWrite()) {
            throw new InputException("--out " + out + ": format " + Formats.forPath(out).name() + " cannot be written");
        }
        List<Frame> frames = formats.readAll(structure.path);
        List<Integer> chosen = new ArrayList<>();
        if (frame.trim().equalsIgnoreCase("all")) {
            for (int k = 0; k < frames.size(); k++) {
                chosen.add(k);
            }
        } else {
            int k;
            try {
                k = Integer.parseInt(frame.trim());
            } catch (NumberFormatException e) {
                throw new InputException("--frame must be a whole number or all, got '" + frame + "'");
            }
            chosen.add(ConvertCommand.frameIndex(k, frames.size()));
        }
        PrintWriter pw = spec.commandLine().getOut();
        // with the JSON on standard output, the human summary goes to standard error
        PrintWriter log = json != null && json.toString().equals("-") ? spec.commandLine().getErr() : pw;
        List<Frame> analysed = new ArrayList<>();
        List<Map<String, Object>> records = new ArrayList<>();
        try (Progress progress = Progress.start("analyze", chosen.size())) {
            for (int k : chosen) {
                Frame f = frames.get(k);
                Structure s = f.structure();
                Map<String, Object> columns;
                try {
                    columns = Analysis.run(s, names, settings);
                } catch (InputException e) {
                    throw new InputException(structure.path + " frame " + k + ": " + e.getMessage());
                }
                for (Map.Entry<String, Object> c : columns.entrySet()) {
                    s = s.withArray(c.getKey(), c.getValue());
                }
                analysed.add(new Frame(s, f.labels(), f.group()));
                records.add(record(k, s.size(), columns));
                log.println(summary(k, s.size(), columns));
                progress.step();
            }
        }
        if (out != null) {
            Formats.write(out, analysed, null, formats.io());
            log.println("wrote " + out);
        }
        if (json != null) {
            Object value = records.size() == 1 ? records.get(0) : Map.of("frames", records);
            CliSupport.writeJson(json, value, pw);
            if (!json.toString().equals("-")) {
                pw.println("wrote " + json);
            }
        }
        pw.flush();
        log.flush();
        return 0;
    }

    private static Map<String, Object> record(int frame, int atoms, Map<String, Object> columns) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("frame", frame);
        m.put("atoms", atoms);
        m.put("per_atom", columns);
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Map.Entry<String, Object> c : columns.entrySet()) {
            if (c.getValue() instanceof String[] labels) {
                counts.put(c.getKey(), Analysis.counts(labels));
            }
        }
        m.put("counts", counts);
        return m;
    }

    private static String summary(int frame, int atoms, Map<String, Object> columns) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "frame %d: %d atoms", frame, atoms));
        for (Map.Entry<String, Object> c : columns.entrySet()) {
            sb.append("; ").append(c.getKey()).append(' ');
            if (c.getValue() instanceof String[] labels) {
                List<String> parts = new ArrayList<>();
                Analysis.counts(labels).forEach((t, n) -> {
                    if (n > 0) {
                        parts.add(t + " " + n);
                    }
                });
                sb.append(String.join(", ", parts));
            } else if (c.getValue() instanceof double[] v) {
                sb.append(String.format(Locale.ROOT, "mean %.4g", java.util.Arrays.stream(v).filter(Double::isFinite).average().orElse(Double.NaN)));
            } else if (c.getValue() instanceof int[] v) {
                sb.append(String.format(Locale.ROOT, "mean %.3f", java.util.Arrays.stream(v).average().orElse(Double.NaN)));
            }
        }
        return sb.toString();
    }
}
