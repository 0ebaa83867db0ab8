package org.peierls.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peierls.atoms.Element;
import org.peierls.potential.Potential;
import org.peierls.potential.SumPotential;
import org.peierls.potential.pair.Zbl;
import org.peierls.util.InputException;

/**
 * A LAMMPS include file defining a SNAP potential ({@code Ta06A.snap}, {@code W_2940_2017_2.snap},
 * the {@code *_Zuo_JPCA2020.snap} files): the subset of LAMMPS input these files use.
 *
 * <ul>
 *   <li>{@code variable NAME equal|index|string VALUE} and {@code ${NAME}} / {@code $X} substitution;</li>
 *   <li>{@code pair_style snap}, or {@code pair_style hybrid/overlay} of {@code snap} and
 *       {@code zbl INNER OUTER};</li>
 *   <li>{@code pair_coeff * * [snap] FILE.snapcoeff FILE.snapparam El…} (paths relative to the
 *       include file) and {@code pair_coeff I J zbl Zi Zj}, which must give every pair of types the
 *       atomic numbers of their elements (Peierls' ZBL takes the charges from the atoms);</li>
 *   <li>'#' comments, '&amp;' continuation lines; anything else is an error naming the line.</li>
 * </ul>
 */
public final class SnapInclude {

    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_]+)\\}|\\$([A-Za-z0-9_])");

    private SnapInclude() {
    }

    /** The potential the include file defines: SNAP, or ZBL + SNAP. */
    public static Potential load(Path file) {
        List<String> raw = SnapFiles.lines(file);
        Map<String, String> vars = new HashMap<>();
        List<String> styles = null;
        double[] zbl = null;
        int styleLine = 0;
        MlPotential snap = null;
        Map<String, int[]> zblPairs = new LinkedHashMap<>(); // "i j" -> {Zi, Zj, line}
        StringBuilder pending = new StringBuilder();
        int startLine = 0;
        for (int ln = 0; ln < raw.size(); ln++) {
            String text = raw.get(ln);
            int hash = text.indexOf('#');
            if (hash >= 0) {
                text = text.substring(0, hash);
            }
            text = text.strip();
            if (pending.length() == 0) {
                startLine = ln + 1;
            }
            if (text.endsWith("&")) {
                pending.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            pending.append(text);
            String command = pending.toString().strip();
            pending.setLength(0);
            if (command.isEmpty()) {
                continue;
            }
            int lineNo = startLine;
            String[] w = substitute(command, vars, file, lineNo).split("\\s+");
            switch (w[0]) {
                case "variable" -> {
                    if (w.length != 4 || !(w[2].equals("equal") || w[2].equals("index") || w[2].equals("string"))) {
                        throw InputException.at(file, lineNo, "expected 'variable NAME equal VALUE'");
                    }
                    vars.put(w[1], w[3]);
                }
                case "pair_style" -> {
                    if (styles != null) {
                        throw InputException.at(file, lineNo, "pair_style given twice");
                    }
                    styleLine = lineNo;
                    styles = new ArrayList<>();
                    if (w.length == 2 && w[1].equals("snap")) {
                        styles.add("snap");
                    } else if (w.length >= 2 && w[1].equals("hybrid/overlay")) {
                        int i = 2;
                        while (i < w.length) {
                            switch (w[i]) {
                                case "snap" -> {
                                    styles.add("snap");
                                    i++;
                                }
                                case "zbl" -> {
                                    if (i + 2 >= w.length) {
                                        throw InputException.at(file, lineNo, "zbl needs inner and outer cutoffs");
                                    }
                                    zbl = new double[]{number(file, lineNo, w[i + 1]), number(file, lineNo, w[i + 2])};
                                    styles.add("zbl");
                                    i += 3;
                                }
                                default -> throw InputException.at(file, lineNo, "pair style '" + w[i]
                                        + "' is not supported (only snap and zbl)");
                            }
                        }
                    } else {
                        throw InputException.at(file, lineNo, "expected 'pair_style snap' or 'pair_style hybrid/overlay zbl INNER OUTER snap'");
                    }
                    if (!styles.contains("snap")) {
                        throw InputException.at(file, lineNo, "no snap in the pair style");
                    }
                }
                case "pair_coeff" -> {
                    if (styles == null) {
                        throw InputException.at(file, lineNo, "pair_coeff before pair_style");
                    }
                    if (w.length < 4) {
                        throw InputException.at(file, lineNo, "pair_coeff needs two atom types and coefficients");
                    }
                    // plain 'pair_style snap': pair_coeff * * FILES…; hybrid: pair_coeff I J STYLE …
                    boolean hybrid = styles.size() > 1;
                    String style = hybrid ? w[3] : "snap";
                    int argStart = hybrid ? 4 : 3;
                    if (style.equals("snap")) {
                        if (!w[1].equals("*") || !w[2].equals("*")) {
                            throw InputException.at(file, lineNo, "snap needs 'pair_coeff * * …'");
                        }
                        if (w.length < argStart + 3) {
                            throw InputException.at(file, lineNo, "expected 'pair_coeff * * snap COEFF PARAM El…'");
                        }
                        if (snap != null) {
                            throw InputException.at(file, lineNo, "second snap pair_coeff");
                        }
                        String[] elements = java.util.Arrays.copyOfRange(w, argStart + 2, w.length);
                        for (String e : elements) {
                            if (e.equals("NULL")) {
                                throw InputException.at(file, lineNo, "NULL types (other pair styles on some types) are not supported");
                            }
                        }
                        Path dir = file.toAbsolutePath().getParent();
                        try {
                            snap = SnapFiles.load(dir.resolve(w[argStart]), dir.resolve(w[argStart + 1]), elements);
                        } catch (InputException e) {
                            throw InputException.at(file, lineNo, e.getMessage());
                        }
                    } else if (style.equals("zbl")) {
                        if (!styles.contains("zbl")) {
                            throw InputException.at(file, lineNo, "zbl coefficients without zbl in the pair style");
                        }
                        if (w.length != 6) {
                            throw InputException.at(file, lineNo, "expected 'pair_coeff I J zbl Zi Zj'");
                        }
                        int zi = (int) Math.round(number(file, lineNo, w[4]));
                        int zj = (int) Math.round(number(file, lineNo, w[5]));
                        zblPairs.put(w[1] + " " + w[2], new int[]{zi, zj, lineNo});
                    } else {
                        throw InputException.at(file, lineNo, "pair_coeff for an unknown pair style '" + style + "'");
                    }
                }
                default -> throw InputException.at(file, lineNo, "command '" + w[0]
                        + "' is not supported in a SNAP include file (only variable, pair_style, pair_coeff)");
            }
        }
        if (styles == null || snap == null) {
            throw InputException.in(file, "no pair_style snap with its pair_coeff * * line");
        }
        if (!styles.contains("zbl")) {
            return snap;
        }
        checkZbl(file, styleLine, snap.species(), zblPairs);
        return SumPotential.of(new Zbl(zbl[0], zbl[1]), snap);
    }

    /** Every pair of types needs ZBL with the atomic numbers of its elements. */
    private static void checkZbl(Path file, int styleLine, int[] elements, Map<String, int[]> pairs) {
        int n = elements.length;
        boolean[][] covered = new boolean[n][n];
        for (Map.Entry<String, int[]> e : pairs.entrySet()) {
            String[] ij = e.getKey().split(" ");
            int[] v = e.getValue();
            int[] is = range(file, v[2], ij[0], n);
            int[] js = range(file, v[2], ij[1], n);
            for (int i = is[0]; i <= is[1]; i++) {
                for (int j = js[0]; j <= js[1]; j++) {
                    int a = Math.min(i, j), b = Math.max(i, j);
                    int za = i <= j ? v[0] : v[1], zb = i <= j ? v[1] : v[0];
                    if (za != elements[a] || zb != elements[b]) {
                        throw InputException.at(file, v[2], "zbl charges " + v[0] + " " + v[1] + " differ from the atomic numbers of "
                                + Element.symbol(elements[i]) + " and " + Element.symbol(elements[j])
                                + " (Peierls' ZBL uses the atomic numbers)");
                    }
                    covered[a][b] = true;
                }
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                if (!covered[a][b]) {
                    throw InputException.at(file, styleLine, "zbl is not given for types " + (a + 1) + " " + (b + 1)
                            + " (Peierls applies ZBL to every pair of atoms)");
                }
            }
        }
    }

    /** LAMMPS type range: "*", "n", "n*", "*m", "n*m" → 0-based [lo, hi]. */
    private static int[] range(Path file, int line, String s, int n) {
        try {
            if (s.equals("*")) {
                return new int[]{0, n - 1};
            }
            int star = s.indexOf('*');
            if (star < 0) {
                int t = Integer.parseInt(s);
                check(file, line, t, n);
                return new int[]{t - 1, t - 1};
            }
            int lo = star == 0 ? 1 : Integer.parseInt(s.substring(0, star));
            int hi = star == s.length() - 1 ? n : Integer.parseInt(s.substring(star + 1));
            check(file, line, lo, n);
            check(file, line, hi, n);
            return new int[]{lo - 1, hi - 1};
        } catch (NumberFormatException e) {
            throw InputException.at(file, line, "'" + s + "' is not an atom type");
        }
    }

    private static void check(Path file, int line, int t, int n) {
        if (t < 1 || t > n) {
            throw InputException.at(file, line, "atom type " + t + " is outside 1…" + n);
        }
    }

    private static String substitute(String s, Map<String, String> vars, Path file, int line) {
        Matcher m = VAR.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String v = vars.get(name);
            if (v == null) {
                throw InputException.at(file, line, "undefined variable '" + name + "'");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static double number(Path file, int line, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw InputException.at(file, line, "'" + v + "' is not a number");
        }
    }
}
