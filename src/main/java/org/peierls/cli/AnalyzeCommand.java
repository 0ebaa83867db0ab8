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
import org.peierls.analysis.AtomPicture;
import org.peierls.analysis.DefectCensus;
import org.peierls.analysis.DislocationLines;
import org.peierls.analysis.PolyhedralTemplateMatching;
import org.peierls.analysis.RadialDistribution;
import org.peierls.analysis.StructureType;
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
            "polyhedral template matching (ptm: type, ptm_rmsd, orientation), diamond identification (diamond),",
            "centro-symmetry (csp), coordination (coord, --cutoff), Steinhardt q4/q6; a defect census (census,",
            "with --reference: vacancies, interstitials, surface/defect atoms, boundaries, dislocation length) and a",
            "picture (--png). cna, csp, coord, q4/q6 equal LAMMPS's cna/atom, centro/atom, coord/atom, orientorder/atom.",
            "Labels: fcc, hcp, bcc, ico, sc, other."})
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
            description = "Analyses, comma-separated: cna, acna, ptm, diamond, csp, coord, q4, q6, ml (data-centric classifier: ml_class,"
                    + " names thermally disordered fcc/hcp/bcc and the liquid as other), nye (Nye tensor: nye, nye_norm),"
                    + " dxa (dislocation lines with Burgers vectors, in --json and --png), rdf (partial g(r) and coordination, --rdf-*), census, or all (those that need no"
                    + " --cutoff without it; census only with --reference).")
    String compute;

    @Option(names = "--reference", paramLabel = "FILE",
            description = "Perfect reference lattice of the census (Wigner-Seitz vacancies and interstitials), same cell and periodicity.")
    Path reference;

    @Option(names = "--rmsd-cutoff", paramLabel = "X", defaultValue = "0.1",
            description = "PTM: atoms whose best template deviates more are other (default: ${DEFAULT-VALUE}, Larsen's; inf for none).")
    double rmsdCutoff;

    @Option(names = "--png", paramLabel = "FILE",
            description = "Picture of the atoms, coloured by --color-by (several frames: FILE-K.png each).")
    Path png;

    @Option(names = "--axis", paramLabel = "x|y|z|h,k,l", defaultValue = "z",
            description = "View direction of --png: a Cartesian axis or a vector (default: ${DEFAULT-VALUE}).")
    String axis;

    @Option(names = "--color-by", paramLabel = "COLUMN",
            description = "Column that colours --png: a label column (OVITO's structure colours) or a number (default: the first label column computed).")
    String colorBy;

    @Option(names = "--cutoff", paramLabel = "R", description = "Cutoff of cna and coord, Å (cna: 0.854·a for fcc, 1.207·a for bcc).")
    Double cutoff;

    @Option(names = "--csp-neighbors", paramLabel = "N",
            description = "Neighbors of the centro-symmetry parameter: 12 (fcc), 8 (bcc); default: 8 when most atoms are bcc by a-CNA, else 12.")
    Integer cspNeighbors;

    @Option(names = "--q-neighbors", paramLabel = "N", defaultValue = "12", description = "Nearest neighbors of q4/q6 (default: ${DEFAULT-VALUE}, as LAMMPS).")
    int qNeighbors;

    @Option(names = "--rdf-cutoff", paramLabel = "R", description = "rdf: largest distance, Å (default: 3 × the median nearest-neighbor distance).")
    Double rdfCutoff;

    @Option(names = "--rdf-bins", paramLabel = "N", defaultValue = "200", description = "rdf: number of shells (default: ${DEFAULT-VALUE}).")
    int rdfBins;

    @Option(names = "--rdf-png", paramLabel = "FILE", description = "rdf: plot of every partial g(r).")
    Path rdfPng;

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
                qNeighbors, rmsdCutoff);
        boolean census = false, nye = false, dxa = false, rdf = false;
        List<String> parts = new ArrayList<>();
        for (String c : compute.split(",")) {
            String t = c.trim().toLowerCase(Locale.ROOT);
            if (t.equals("census")) {
                census = true;
            } else if (t.equals("nye")) {
                nye = true;
            } else if (t.equals("dxa")) {
                dxa = true;
            } else if (t.equals("rdf")) {
                rdf = true;
            } else if (t.equals("all")) {
                parts.add(t);
                census |= reference != null;
            } else {
                parts.add(t);
            }
        }
        if (rdfPng != null && !rdf) {
            throw new InputException("--rdf-png draws --compute rdf: add rdf to --compute");
        }
        if (rdfPng != null && !rdfPng.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new InputException("--rdf-png " + rdfPng + ": the plot's name must end in .png");
        }
        if (census && reference == null) {
            throw new InputException("--compute census needs --reference FILE: the perfect lattice (same cell) that vacancies and interstitials are counted against");
        }
        if (reference != null && !census) {
            throw new InputException("--reference is used only by --compute census");
        }
        if (parts.isEmpty() && !census && !nye && !dxa && !rdf) {
            Analysis.parse(compute, settings);   // names what is available
        }
        List<String> names = parts.isEmpty() ? List.of() : Analysis.parse(String.join(",", parts), settings);
        double[] view = viewDirection(axis);
        if (png != null && !png.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new InputException("--png " + png + ": the picture's name must end in .png");
        }
        Structure referenceLattice = reference == null ? null : formats.read(reference, 0);
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
                DefectCensus.Result counted = null;
                DislocationLines.Result lines = null;
                RadialDistribution.Result radial = null;
                try {
                    if (s.size() == 0) {
                        throw new InputException("the structure has no atoms to analyse");
                    }
                    if (rdf) {
                        double rc = rdfCutoff != null ? rdfCutoff : RadialDistribution.defaultCutoff(s);
                        radial = RadialDistribution.compute(s, rc, rdfBins);
                    }
                    columns = names.isEmpty() ? new LinkedHashMap<>() : Analysis.run(s, names, settings);
                    // PTM once per frame: the ptm columns when asked for, else computed for whoever needs it
                    PolyhedralTemplateMatching.Result ptm = ptmOf(columns);
                    if (ptm == null && (nye || dxa || census && !columns.containsKey("acna"))) {
                        ptm = PolyhedralTemplateMatching.compute(s, settings.rmsdCutoff());
                    }
                    if (census) {
                        counted = DefectCensus.compute(s, columns.containsKey("ptm") || !columns.containsKey("acna") ? ptm.types()
                                : types((String[]) columns.get("acna")), referenceLattice);
                    }
                    if (nye || dxa) {
                        lines = DislocationLines.find(s, ptm);
                        if (nye) {
                            columns.put("nye", lines.alpha());
                            columns.put("nye_norm", nyeNorm(lines.alpha()));
                        }
                    }
                } catch (InputException e) {
                    throw new InputException(structure.path + " frame " + k + ": " + e.getMessage());
                }
                for (Map.Entry<String, Object> c : columns.entrySet()) {
                    s = s.withArray(c.getKey(), c.getValue());
                }
                analysed.add(new Frame(s, f.labels(), f.group()));
                Map<String, Object> rec = record(k, s.size(), columns);
                if (counted != null) {
                    rec.put("census", counted.toMap());
                }
                if (radial != null) {
                    rec.put("rdf", radial.toMap());
                }
                if (dxa) {
                    rec.put("dislocations", lines.lines().stream().map(DislocationLines.Line::toMap).toList());
                }
                records.add(rec);
                log.println(summary(k, s.size(), columns));
                if (counted != null) {
                    log.println(censusLine(counted));
                }
                if (dxa) {
                    log.println(dislocationLines(lines));
                }
                if (radial != null) {
                    log.println(rdfLine(radial));
                }
                if (rdfPng != null) {
                    Path file = chosen.size() == 1 ? rdfPng : rdfPng.resolveSibling(rdfPng.getFileName().toString().replaceAll("(?i)\\.png$", "") + "-" + k + ".png");
                    CliSupport.writeBytes(file, rdfPlot(radial, structure.path.getFileName() + " frame " + k));
                    log.println("wrote " + file);
                }
                if (png != null) {
                    Path file = chosen.size() == 1 ? png : png.resolveSibling(png.getFileName().toString().replaceAll("(?i)\\.png$", "") + "-" + k + ".png");
                    CliSupport.writeBytes(file, picture(s, columns, view, structure.path.getFileName() + " frame " + k, dxa ? lines : null).png());
                    log.println("wrote " + file);
                }
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

    /** The PTM result of the analysed columns (ptm, ptm_rmsd, orientation), or null when ptm was not asked for. */
    private static PolyhedralTemplateMatching.Result ptmOf(Map<String, Object> columns) {
        if (!columns.containsKey("ptm")) {
            return null;
        }
        return new PolyhedralTemplateMatching.Result(types((String[]) columns.get("ptm")), (double[]) columns.get("ptm_rmsd"),
                (double[]) columns.get("orientation"));
    }

    /** Structure types from a label column. */
    private static StructureType[] types(String[] labels) {
        StructureType[] t = new StructureType[labels.length];
        for (int i = 0; i < labels.length; i++) {
            t[i] = StructureType.valueOf(labels[i].toUpperCase(Locale.ROOT));
        }
        return t;
    }

    private AtomPicture picture(Structure s, Map<String, Object> columns, double[] view, String title, DislocationLines.Result lines) {
        AtomPicture p = AtomPicture.of(s).view(view);
        if (lines != null) {
            for (DislocationLines.Line l : lines.lines()) {
                double[] flat = new double[3 * l.points().length];
                for (int k = 0; k < l.points().length; k++) {
                    System.arraycopy(l.points()[k], 0, flat, 3 * k, 3);
                }
                p.line(flat, "b = " + l.label());
            }
        }
        String by = colorBy;
        if (by == null) {
            by = columns.entrySet().stream().filter(e -> e.getValue() instanceof String[]).map(Map.Entry::getKey).findFirst()
                    .orElse(columns.keySet().stream().filter(c -> columns.get(c) instanceof double[] d && d.length == s.size()
                            || columns.get(c) instanceof int[]).findFirst().orElse(null));
        }
        if (by == null) {
            String[] el = new String[s.size()];
            for (int i = 0; i < el.length; i++) {
                el[i] = org.peierls.atoms.Element.symbol(s.number(i));
            }
            return p.labels(el).title(title + ", by element");
        }
        Object c = columns.containsKey(by) ? columns.get(by) : s.arrays().get(by);
        if (c instanceof String[] l) {
            p.labels(l);
        } else if (c instanceof double[] d && d.length == s.size()) {
            p.values(d, by);
        } else if (c instanceof int[] v) {
            p.values(java.util.Arrays.stream(v).asDoubleStream().toArray(), by);
        } else {
            throw new InputException("--color-by " + by + ": no such per-atom column with one value per atom (computed: "
                    + String.join(", ", columns.keySet()) + ")");
        }
        return p.title(title + ", by " + by);
    }

    /** x, y, z or three comma-separated numbers. */
    static double[] viewDirection(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "x":
                return new double[]{1, 0, 0};
            case "y":
                return new double[]{0, 1, 0};
            case "z":
                return new double[]{0, 0, 1};
            default:
                break;
        }
        String[] p = t.replace("[", "").replace("]", "").split("[,\\s]+");
        if (p.length != 3) {
            throw new InputException("--axis must be x, y, z or a direction h,k,l, got '" + text + "'");
        }
        double[] d = new double[3];
        for (int k = 0; k < 3; k++) {
            try {
                d[k] = Double.parseDouble(p[k]);
            } catch (NumberFormatException e) {
                throw new InputException("--axis must be x, y, z or a direction h,k,l, got '" + text + "'");
            }
        }
        if (!(Math.abs(d[0]) + Math.abs(d[1]) + Math.abs(d[2]) > 0) || !Double.isFinite(d[0] + d[1] + d[2])) {
            throw new InputException("--axis direction must be a finite non-zero vector, got '" + text + "'");
        }
        return d;
    }

    private static String rdfLine(RadialDistribution.Result r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "rdf: %d bins to %.3f Å;", r.r().length,
                r.r()[r.r().length - 1] + 0.5 * (r.r()[1 % r.r().length] - r.r()[0])));
        r.g().forEach((pair, g) -> {
            int peak = 0;
            for (int k = 1; k < g.length; k++) {
                if (g[k] > g[peak]) {
                    peak = k;
                }
            }
            sb.append(String.format(Locale.ROOT, " %s first peak %.3f Å (g = %.2f)", pair, r.r()[peak], g[peak]));
        });
        return sb.toString();
    }

    private static byte[] rdfPlot(RadialDistribution.Result r, String title) {
        List<org.peierls.util.Charts.Series> series = new ArrayList<>();
        r.g().forEach((pair, g) -> series.add(new org.peierls.util.Charts.Series(pair, r.r(), g, pair.equals("all"))));
        return org.peierls.util.Charts.lines("Radial distribution, " + title, "r (Å)", "g(r)", series);
    }

    /** |α| (Frobenius) per atom, Å⁻¹; NaN where α is. */
    private static double[] nyeNorm(double[] alpha) {
        double[] out = new double[alpha.length / 9];
        for (int i = 0; i < out.length; i++) {
            double sum = 0;
            for (int k = 0; k < 9; k++) {
                sum += alpha[9 * i + k] * alpha[9 * i + k];
            }
            out[i] = Math.sqrt(sum);
        }
        return out;
    }

    private static String dislocationLines(DislocationLines.Result r) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "dislocations: %d line(s) in %s, a = %.4f Å, total length %.2f Å",
                r.lines().size(), r.lattice().label(), r.a(), r.totalLength()));
        for (DislocationLines.Line l : r.lines()) {
            sb.append(String.format(Locale.ROOT, "%n  b = %s (%s, %.0f° to the line), %.2f Å, %d core atoms, t = [%.3f, %.3f, %.3f]", l.label(),
                    l.character(), l.characterDeg(), l.length(), l.atoms(), l.direction()[0], l.direction()[1], l.direction()[2]));
        }
        return sb.toString();
    }

    private static String censusLine(DefectCensus.Result c) {
        Map<String, Object> m = c.toMap();
        return String.format(Locale.ROOT, "census: %s vacancies, %s interstitials, %d surface atoms, %d defect atoms in clusters %s;"
                + " planar defects %.1f Å², dislocation length %.2f Å (density %.3g m⁻²)", m.get("vacancies"), m.get("interstitials"),
                c.surfaceAtoms(), c.defectAtoms(), m.get("clusters"), c.planarDefectArea(), c.dislocationLength(), c.dislocationDensity() * 1e20);
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
