package org.peierls.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

/**
 * The per-atom analyses by the names {@code peierls analyze --compute} takes, run on one
 * structure into named columns (the per-atom arrays an extended XYZ or LAMMPS dump carries):
 * <ul>
 *   <li>{@code cna}: conventional CNA with {@link Settings#cutoff} (labels fcc, hcp, bcc, ico, other);</li>
 *   <li>{@code acna}: adaptive CNA, no cutoff;</li>
 *   <li>{@code ptm}: polyhedral template matching (labels fcc, hcp, bcc, ico, sc, other), with the
 *       columns {@code ptm_rmsd} and {@code orientation} (quaternion x, y, z, w per atom);</li>
 *   <li>{@code diamond}: cubic/hexagonal diamond and their first/second-neighbor classes;</li>
 *   <li>{@code csp}: centro-symmetry parameter of {@link Settings#cspNeighbors} neighbors, Å²;</li>
 *   <li>{@code coord}: neighbors within {@link Settings#cutoff};</li>
 *   <li>{@code q4}, {@code q6}: Steinhardt order of the {@link Settings#qNeighbors} nearest neighbors.</li>
 * </ul>
 */
public final class Analysis {

    /** The names {@link #run} takes, in output order. */
    public static final List<String> NAMES = List.of("cna", "acna", "ptm", "diamond", "csp", "coord", "q4", "q6", "ml");

    /** Analyses of the command that are not per-atom columns of {@link #run} (named in its messages). */
    public static final List<String> COMMAND_ONLY = List.of("nye", "dxa", "census");

    /**
     * @param cutoff       cutoff of cna and coord, Å (NaN: not given)
     * @param cspNeighbors N of csp (0: 8 when most atoms are bcc by a-CNA, else 12)
     * @param qNeighbors   N nearest neighbors of q4 and q6
     * @param rmsdCutoff   PTM's RMSD cutoff (∞: none)
     */
    public record Settings(double cutoff, int cspNeighbors, int qNeighbors, double rmsdCutoff) {
        public Settings(double cutoff, int cspNeighbors, int qNeighbors) {
            this(cutoff, cspNeighbors, qNeighbors, PolyhedralTemplateMatching.DEFAULT_RMSD_CUTOFF);
        }

        public Settings {
            if (!(rmsdCutoff > 0)) {
                throw new InputException("--rmsd-cutoff must be positive (Larsen's default 0.1; 'inf' for none), got " + rmsdCutoff);
            }
            if (!Double.isNaN(cutoff) && !(cutoff > 0 && Double.isFinite(cutoff))) {
                throw new InputException("--cutoff must be a positive distance in Å, got " + cutoff);
            }
            if (cspNeighbors != 0 && (cspNeighbors < 2 || cspNeighbors % 2 != 0 || cspNeighbors > 32)) {
                throw new InputException("--csp-neighbors must be an even number in 2…32 (12 fcc, 8 bcc), got " + cspNeighbors);
            }
            if (qNeighbors < 1 || qNeighbors > 32) {
                throw new InputException("--q-neighbors must be in 1…32, got " + qNeighbors);
            }
        }
    }

    private Analysis() {
    }

    /**
     * The list of analyses in a comma-separated text, checked.
     *
     * @throws InputException naming an unknown analysis, or one that needs --cutoff without it
     */
    public static List<String> parse(String text, Settings settings) {
        List<String> out = new ArrayList<>();
        for (String item : text.split(",")) {
            String t = item.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            if (t.equals("all")) {
                for (String n : NAMES) {
                    if (Double.isNaN(settings.cutoff()) && (n.equals("cna") || n.equals("coord"))) {
                        continue;
                    }
                    if (!out.contains(n)) {
                        out.add(n);
                    }
                }
                continue;
            }
            if (!NAMES.contains(t)) {
                throw new InputException("--compute: unknown analysis '" + item.trim() + "' (available: " + String.join(", ", NAMES)
                        + ", " + String.join(", ", COMMAND_ONLY) + ", all)");
            }
            if (Double.isNaN(settings.cutoff()) && (t.equals("cna") || t.equals("coord"))) {
                throw new InputException("--compute " + t + " needs --cutoff R (Å; for cna LAMMPS's choice is 0.854·a in fcc,"
                        + " 1.207·a in bcc), or use acna, which needs none");
            }
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            throw new InputException("--compute names no analysis (available: " + String.join(", ", NAMES) + ")");
        }
        return out;
    }

    /** The columns of the analyses asked for, by name (String[] labels, double[] or int[] values). */
    public static Map<String, Object> run(Structure s, List<String> names, Settings settings) {
        if (s.size() == 0) {
            throw new InputException("the structure has no atoms to analyse");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        StructureType[] acna = null;
        double[][] q = null;
        for (String n : names) {
            switch (n) {
                case "cna" -> out.put(n, labels(CommonNeighborAnalysis.fixed(s, settings.cutoff())));
                case "acna" -> {
                    acna = acna == null ? CommonNeighborAnalysis.adaptive(s) : acna;
                    out.put(n, labels(acna));
                }
                case "csp" -> {
                    int nn = settings.cspNeighbors();
                    if (nn == 0) {
                        acna = acna == null ? CommonNeighborAnalysis.adaptive(s) : acna;
                        long bcc = java.util.Arrays.stream(acna).filter(t -> t == StructureType.BCC).count();
                        nn = 2 * bcc > acna.length ? 8 : 12;
                    }
                    out.put(n, Centrosymmetry.compute(s, nn));
                }
                case "ptm" -> {
                    PolyhedralTemplateMatching.Result r = PolyhedralTemplateMatching.compute(s, settings.rmsdCutoff());
                    out.put("ptm", labels(r.types()));
                    out.put("ptm_rmsd", r.rmsd());
                    out.put("orientation", r.orientation());
                }
                case "diamond" -> {
                    DiamondStructure.Type[] t = DiamondStructure.compute(s);
                    String[] l = new String[t.length];
                    for (int i = 0; i < t.length; i++) {
                        l[i] = t[i].label();
                    }
                    out.put(n, l);
                }
                case "coord" -> out.put(n, Coordination.compute(s, settings.cutoff()));
                case "q4", "q6" -> {
                    q = q == null ? Steinhardt.compute(s, new int[]{4, 6}, settings.qNeighbors(), Double.POSITIVE_INFINITY) : q;
                    out.put(n, n.equals("q4") ? q[0] : q[1]);
                }
                case "ml" -> out.put("ml_class", StructureClassifier.bundled().classify(s));
                default -> throw new IllegalArgumentException("no analysis " + n);
            }
        }
        return out;
    }

    /** {label: count} of a label column, every label of its kind listed (structure types in the order of {@link StructureType}). */
    public static Map<String, Integer> counts(String[] labels) {
        Map<String, Integer> m = new LinkedHashMap<>();
        boolean diamond = java.util.Arrays.stream(labels).anyMatch(l -> l.contains("diamond"));
        if (diamond) {
            for (DiamondStructure.Type t : DiamondStructure.Type.values()) {
                m.put(t.label(), 0);
            }
        } else {
            for (StructureType t : StructureType.values()) {
                m.put(t.label(), 0);
            }
        }
        for (String l : labels) {
            m.merge(l, 1, Integer::sum);
        }
        return m;
    }

    private static String[] labels(StructureType[] t) {
        String[] s = new String[t.length];
        for (int i = 0; i < t.length; i++) {
            s[i] = t[i].label();
        }
        return s;
    }
}
