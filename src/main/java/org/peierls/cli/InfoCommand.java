package org.peierls.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.io.Formats;
import org.peierls.io.IoOptions;
import org.peierls.neighbors.NeighborList;
import org.peierls.util.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code peierls info FILE}: what a structure file holds. For one frame (or the frame chosen with
 * {@code --frame}): atoms, composition, cell vectors, lengths, angles, volume, density, pbc,
 * labels, per-atom arrays, info and neighbor counts within {@code --cutoff}. For several frames
 * first a summary (frames, atoms, groups, which labels are present) and a line per frame for the
 * first {@code --list} frames.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Summary of a structure file (atoms, composition, cell, density, labels, neighbor counts).")
public final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Structure file or data set (a FitSNAP JSON directory too).")
    Path file;

    @Option(names = "--format", paramLabel = "F", description = "File format (default: from the file name): ${COMPLETION-CANDIDATES}.",
            completionCandidates = FormatNames.class)
    String format;

    @Option(names = "--types", paramLabel = "A,B", description = "Element symbols of LAMMPS atom types 1, 2, … (or VASP 4 species).")
    String types;

    @Option(names = "--cutoff", paramLabel = "R", defaultValue = "3.5", description = "Neighbor cutoff in Å (default: ${DEFAULT-VALUE}).")
    double cutoff;

    @Option(names = "--frame", paramLabel = "K", defaultValue = "0", description = "Frame to describe in detail, 0-based, negative from the end (default: ${DEFAULT-VALUE}).")
    int frame;

    @Option(names = "--list", paramLabel = "N", defaultValue = "5", description = "Frames listed one per line for multi-frame files (default: ${DEFAULT-VALUE}).")
    int list;

    /** Names of the registered formats, for help and completion. */
    static final class FormatNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Formats.names(false).iterator();
        }
    }

    @Override
    public Integer call() {
        if (!(cutoff > 0)) {
            throw new InputException("--cutoff must be positive, got " + cutoff);
        }
        List<Frame> frames = Formats.read(file, format, IoOptions.withTypes(types));
        PrintWriter out = spec.commandLine().getOut();
        String fmt = format != null ? Formats.byName(format).name() : Formats.forPath(file).name();
        out.printf(Locale.ROOT, "file: %s (%s), %d frame%s%n", file, fmt, frames.size(), frames.size() == 1 ? "" : "s");
        if (frames.isEmpty()) {
            out.flush();
            return 0;
        }
        if (frames.size() > 1) {
            summary(out, frames);
        }
        int k = ConvertCommand.frameIndex(frame, frames.size());
        if (frames.size() > 1) {
            out.printf(Locale.ROOT, "%nframe %d:%n", k);
        }
        detail(out, frames.get(k));
        out.flush();
        return 0;
    }

    private void summary(PrintWriter out, List<Frame> frames) {
        long atoms = 0;
        int e = 0, f = 0, s = 0;
        Map<String, int[]> groups = new TreeMap<>();
        for (Frame fr : frames) {
            atoms += fr.structure().size();
            e += fr.labels().hasEnergy() ? 1 : 0;
            f += fr.labels().hasForces() ? 1 : 0;
            s += fr.labels().hasStress() ? 1 : 0;
            int[] g = groups.computeIfAbsent(fr.group(), x -> new int[2]);
            g[0]++;
            g[1] += fr.structure().size();
        }
        out.printf(Locale.ROOT, "atoms: %d in all, %d to %d per frame%n", atoms,
                frames.stream().mapToInt(x -> x.structure().size()).min().orElse(0),
                frames.stream().mapToInt(x -> x.structure().size()).max().orElse(0));
        out.printf(Locale.ROOT, "labels: energy %d, forces %d, stress %d of %d frames%n", e, f, s, frames.size());
        if (!(groups.size() == 1 && groups.containsKey(""))) {
            StringBuilder sb = new StringBuilder();
            groups.forEach((g, c) -> sb.append(sb.length() == 0 ? "" : ", ").append(g.isEmpty() ? "(none)" : g)
                    .append(' ').append(c[0]).append(" (").append(c[1]).append(" atoms)"));
            out.println("groups: " + sb);
        }
        out.printf(Locale.ROOT, "%6s %7s  %-16s %12s %14s  %s%n", "frame", "atoms", "formula", "Å³/atom", "eV/atom", "group");
        int shown = Math.min(list, frames.size());
        for (int i = 0; i < shown; i++) {
            Frame fr = frames.get(i);
            Structure st = fr.structure();
            double v = st.cell().volume();
            out.printf(Locale.ROOT, "%6d %7d  %-16s %12s %14s  %s%n", i, st.size(), abbreviate(st.formula(), 16),
                    v > 0 && st.size() > 0 ? String.format(Locale.ROOT, "%.4f", v / st.size()) : "-",
                    fr.labels().hasEnergy() && st.size() > 0 ? String.format(Locale.ROOT, "%.6f", fr.labels().energy() / st.size()) : "-",
                    fr.group());
        }
        if (shown < frames.size()) {
            out.printf(Locale.ROOT, "%6s (%d more frames)%n", "…", frames.size() - shown);
        }
    }

    private static String abbreviate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private void detail(PrintWriter out, Frame fr) {
        Structure s = fr.structure();
        Cell cell = s.cell();
        int n = s.size();
        out.printf(Locale.ROOT, "atoms: %d%n", n);
        if (n > 0) {
            StringBuilder comp = new StringBuilder();
            s.composition().forEach((el, c) -> comp.append(comp.length() == 0 ? "" : ", ")
                    .append(el).append(' ').append(c).append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * c / n)));
            out.printf(Locale.ROOT, "formula: %s   composition: %s%n", s.formula(), comp);
        }
        boolean[] pbc = cell.pbc();
        out.printf(Locale.ROOT, "pbc: %s %s %s%n", pbc[0] ? "T" : "F", pbc[1] ? "T" : "F", pbc[2] ? "T" : "F");
        boolean hasCell = false;
        for (double v : cell.matrix()) {
            hasCell |= v != 0;
        }
        if (hasCell) {
            for (int i = 0; i < 3; i++) {
                out.printf(Locale.ROOT, "cell %s (Å): %14.8f %14.8f %14.8f%n", "abc".charAt(i), cell.get(i, 0), cell.get(i, 1), cell.get(i, 2));
            }
            double[] l = cell.lengths();
            out.printf(Locale.ROOT, "lengths (Å): %.6f %.6f %.6f   angles (°): %.4f %.4f %.4f%n", l[0], l[1], l[2],
                    cell.angles()[0], cell.angles()[1], cell.angles()[2]);
            if (cell.volume() > 0) {
                out.printf(Locale.ROOT, "volume: %.6f Å³ (%.6f Å³/atom)   density: %.6f g/cm³%n", cell.volume(),
                        n > 0 ? cell.volume() / n : 0.0, s.massDensity());
            }
        } else {
            out.println("cell: none (isolated)");
        }
        Labels lb = fr.labels();
        if (lb.isEmpty()) {
            out.println("labels: none");
        } else {
            StringBuilder sb = new StringBuilder();
            if (lb.hasEnergy()) {
                sb.append(String.format(Locale.ROOT, "energy %.8f eV", lb.energy()));
                if (n > 0) {
                    sb.append(String.format(Locale.ROOT, " (%.8f eV/atom)", lb.energy() / n));
                }
            }
            if (lb.hasForces()) {
                double[] f = lb.forces();
                double max = 0;
                for (int i = 0; i < n; i++) {
                    max = Math.max(max, Math.sqrt(f[3 * i] * f[3 * i] + f[3 * i + 1] * f[3 * i + 1] + f[3 * i + 2] * f[3 * i + 2]));
                }
                sb.append(sb.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "forces (max |F| %.6f eV/Å)", max));
            }
            if (lb.hasStress()) {
                double[] g = lb.stressGpa();
                sb.append(sb.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT,
                        "stress GPa xx yy zz yz xz xy = %.6f %.6f %.6f %.6f %.6f %.6f", g[0], g[1], g[2], g[3], g[4], g[5]));
            }
            out.println("labels: " + sb);
        }
        if (!fr.group().isEmpty()) {
            out.println("group: " + fr.group());
        }
        if (s.hasVelocities()) {
            out.println("velocities: yes");
        }
        if (!s.arrays().isEmpty()) {
            out.println("per-atom arrays: " + String.join(", ", s.arrays().keySet()));
        }
        if (!s.info().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            s.info().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(show(v)));
            out.println("info: " + sb);
        }
        if (n > 0) {
            NeighborList nl = NeighborList.build(s, cutoff, NeighborList.Kind.FULL);
            int min = Integer.MAX_VALUE, max = 0;
            long sum = 0;
            double nearest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                int c = nl.count(i);
                min = Math.min(min, c);
                max = Math.max(max, c);
                sum += c;
            }
            for (int k = 0; k < nl.size(); k++) {
                nearest = Math.min(nearest, nl.distance(k));
            }
            out.printf(Locale.ROOT, "neighbors within %.4g Å: min %d, mean %.3f, max %d per atom%s%n", cutoff, min, (double) sum / n, max,
                    nl.size() > 0 ? String.format(Locale.ROOT, "; nearest distance %.6f Å", nearest) : "");
        }
    }

    private static String show(Object v) {
        String s;
        if (v instanceof double[] d) {
            s = java.util.Arrays.toString(d);
        } else if (v instanceof int[] d) {
            s = java.util.Arrays.toString(d);
        } else if (v instanceof boolean[] d) {
            s = java.util.Arrays.toString(d);
        } else if (v instanceof Object[] d) {
            s = java.util.Arrays.toString(d);
        } else {
            s = String.valueOf(v);
        }
        return s.length() > 80 ? s.substring(0, 79) + "…" : s;
    }
}
