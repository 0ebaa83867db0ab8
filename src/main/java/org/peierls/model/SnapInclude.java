package org.peierls.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
 * A LAMMPS {@code .snap} include file — the whole potential as LAMMPS defines it, e.g. Ta06A's
 * <pre>
 * variable zblcutinner equal 4
 * pair_style hybrid/overlay zbl ${zblcutinner} 4.8 snap
 * pair_coeff 1 1 zbl 73 73
 * pair_coeff * * snap Ta06A.snapcoeff Ta06A.snapparam Ta
 * </pre>
 * or Zuo's plain {@code pair_style snap} / {@code pair_coeff * * X.snapcoeff X.snapparam Mo}.
 * Understood: {@code variable NAME equal VALUE} (substituted as {@code ${NAME}}), '&amp;' line
 * continuations, '#' comments, {@code pair_style snap}, {@code zbl INNER OUTER} and
 * {@code hybrid/overlay} of them, and their {@code pair_coeff} lines (ZBL charges must be the
 * atomic numbers of the SNAP elements). Coefficient files are found beside the include file (or
 * relative to the working directory).
 */
public final class SnapInclude {

    private static final Pattern VAR = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w)");

    private SnapInclude() {
    }

    /** The potential an include file defines (SNAP, plus ZBL when overlaid). */
    public static Potential load(Path file) {
        List<String[]> commands = commands(file);
        Map<String, String> vars = new HashMap<>();
        String[] style = null;
        int styleLine = 0;
        List<int[]> zblTypes = new ArrayList<>();
        List<double[]> zblCharges = new ArrayList<>();
        List<Integer> zblLines = new ArrayList<>();
        String[] snapCoeff = null;
        int snapLine = 0;
        for (String[] c : commands) {
            int line = Integer.parseInt(c[0]);
            String[] w = new String[c.length - 1];
            for (int k = 1; k < c.length; k++) {
                w[k - 1] = substitute(file, line, c[k], vars);
            }
            switch (w[0]) {
                case "variable" -> {
                    if (w.length != 4 || !w[2].equals("equal")) {
                        throw InputException.at(file, line, "expected 'variable NAME equal VALUE'");
                    }
                    vars.put(w[1], w[3]);
                }
                case "pair_style" -> {
                    style = w;
                    styleLine = line;
                }
                case "pair_coeff" -> {
                    if (w.length < 4) {
                        throw InputException.at(file, line, "pair_coeff needs I J and arguments");
                    }
                    boolean hybrid = style != null && style.length > 1 && style[1].startsWith("hybrid");
                    String sub = hybrid ? w[3] : (style == null ? "snap" : style[1]);
                    int first = hybrid ? 4 : 3;
                    if (sub.equals("zbl")) {
                        if (w.length != first + 2) {
                            throw InputException.at(file, line, "expected 'pair_coeff I J zbl Zi Zj'");
                        }
                        zblTypes.add(new int[]{typeOf(file, line, w[1]), typeOf(file, line, w[2])});
                        zblCharges.add(new double[]{number(file, line, w[first]), number(file, line, w[first + 1])});
                        zblLines.add(line);
                    } else if (sub.equals("snap")) {
                        if (!w[1].equals("*") || !w[2].equals("*")) {
                            throw InputException.at(file, line, "pair_coeff of snap must be '* * FILE.snapcoeff FILE.snapparam EL…'");
                        }
                        snapCoeff = java.util.Arrays.copyOfRange(w, first, w.length);
                        snapLine = line;
                    } else {
                        throw InputException.at(file, line, "pair_coeff for unsupported style '" + sub + "'");
                    }
                }
                default -> throw InputException.at(file, line, "unsupported command '" + w[0]
                        + "' (a .snap include file holds variable, pair_style and pair_coeff)");
            }
        }
        if (style == null) {
            throw InputException.in(file, "no pair_style line");
        }
        double[] zbl = null;
        boolean snap = false;
        int at = 1;
        if (style[1].equals("hybrid/overlay") || style[1].equals("hybrid")) {
            at = 2;
        }
        while (at < style.length) {
            String s = style[at++];
            switch (s) {
                case "snap" -> snap = true;
                case "zbl" -> {
                    if (at + 1 >= style.length) {
                        throw InputException.at(file, styleLine, "pair_style zbl needs INNER OUTER");
                    }
                    zbl = new double[]{number(file, styleLine, style[at]), number(file, styleLine, style[at + 1])};
                    at += 2;
                }
                default -> throw InputException.at(file, styleLine, "unsupported pair style '" + s + "' (snap, zbl, hybrid/overlay)");
            }
        }
        if (!snap || snapCoeff == null) {
            throw InputException.in(file, "no snap pair style with its 'pair_coeff * * FILE.snapcoeff FILE.snapparam EL…' line");
        }
        if (snapCoeff.length < 3) {
            throw InputException.at(file, snapLine, "pair_coeff of snap needs the coefficient file, the parameter file and the elements");
        }
        Path coeff = resolve(file, snapCoeff[0]);
        Path param = resolve(file, snapCoeff[1]);
        String[] elements = java.util.Arrays.copyOfRange(snapCoeff, 2, snapCoeff.length);
        MlPotential ml = SnapFiles.load(coeff, param, elements);
        if (zbl == null) {
            if (!zblTypes.isEmpty()) {
                throw InputException.at(file, zblLines.get(0), "pair_coeff for zbl but pair_style has no zbl");
            }
            return ml;
        }
        int[] z = ml.species();
        for (int k = 0; k < zblTypes.size(); k++) {
            int[] t = zblTypes.get(k);
            for (int a = t[0] < 0 ? 0 : t[0]; a <= (t[0] < 0 ? z.length - 1 : t[0]); a++) {
                for (int b = t[1] < 0 ? 0 : t[1]; b <= (t[1] < 0 ? z.length - 1 : t[1]); b++) {
                    if (a >= z.length || b >= z.length) {
                        throw InputException.at(file, zblLines.get(k), "zbl type beyond the " + z.length + " SNAP elements");
                    }
                    double[] q = zblCharges.get(k);
                    if (q[0] != z[a] || q[1] != z[b]) {
                        throw InputException.at(file, zblLines.get(k), "zbl charges " + q[0] + " " + q[1]
                                + " are not the atomic numbers of " + Element.symbol(z[a]) + " and " + Element.symbol(z[b])
                                + " (only nuclear charges are supported)");
                    }
                }
            }
        }
        return SumPotential.of(new Zbl(zbl[0], zbl[1]), ml);
    }

    /** Commands with their line number first; continuations joined, comments removed. */
    private static List<String[]> commands(Path file) {
        List<String> lines = SnapFiles.lines(file);
        List<String[]> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int hash = l.indexOf('#');
            if (hash >= 0) {
                l = l.substring(0, hash);
            }
            l = l.strip();
            if (cur.length() == 0) {
                start = i + 1;
            }
            boolean more = l.endsWith("&");
            if (more) {
                l = l.substring(0, l.length() - 1);
            }
            cur.append(' ').append(l);
            if (!more) {
                String s = cur.toString().trim();
                cur.setLength(0);
                if (!s.isEmpty()) {
                    String[] w = s.split("\\s+");
                    String[] c = new String[w.length + 1];
                    c[0] = Integer.toString(start);
                    System.arraycopy(w, 0, c, 1, w.length);
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static String substitute(Path file, int line, String word, Map<String, String> vars) {
        Matcher m = VAR.matcher(word);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String v = vars.get(name);
            if (v == null) {
                throw InputException.at(file, line, "variable '" + name + "' is not defined");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** 0-based type, or −1 for '*'. */
    private static int typeOf(Path file, int line, String s) {
        if (s.equals("*")) {
            return -1;
        }
        try {
            int t = Integer.parseInt(s);
            if (t < 1) {
                throw new NumberFormatException();
            }
            return t - 1;
        } catch (NumberFormatException e) {
            throw InputException.at(file, line, "atom type '" + s + "' is not * or a positive number");
        }
    }

    private static double number(Path file, int line, String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw InputException.at(file, line, "'" + s + "' is not a number");
        }
    }

    private static Path resolve(Path include, String name) {
        Path dir = include.toAbsolutePath().getParent();
        Path beside = dir == null ? Path.of(name) : dir.resolve(name);
        if (Files.exists(beside)) {
            return beside;
        }
        return Path.of(name);
    }
}
