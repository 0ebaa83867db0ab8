package org.peierls.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.Element;
import org.peierls.descriptor.Bispectrum;
import org.peierls.descriptor.BispectrumParameters;
import org.peierls.util.InputException;

/**
 * LAMMPS {@code pair_style snap} files: {@code .snapparam} (keyword value lines) and
 * {@code .snapcoeff} (per element {@code El radelem wj} and its coefficients), as read by
 * LAMMPS's {@code PairSNAP::read_files} (version 29 Sep 2021). Comments start with '#'.
 *
 * <p>Parameter keywords: rcutfac and twojmax (required), rfac0 (0.99363), rmin0 (0), switchflag
 * (1), bzeroflag (1), quadraticflag (0), bnormflag (0), wselfallflag (0; it acts only with
 * chemflag), chemflag (only 0 is supported), and chunksize / parallelthresh (LAMMPS tuning knobs,
 * accepted and ignored). Any other keyword is an error naming it and its line.</p>
 */
public final class SnapFiles {

    private SnapFiles() {
    }

    /** The contents of a {@code .snapparam} file. */
    public record Param(double rcutfac, int twojmax, double rfac0, double rmin0, boolean switchflag,
                        boolean bzeroflag, boolean quadraticflag, boolean bnormflag, boolean wselfallflag) {

        /** LAMMPS's defaults around the two required values. */
        public static Param defaults(double rcutfac, int twojmax) {
            return new Param(rcutfac, twojmax, 0.99363, 0.0, true, true, false, false, false);
        }
    }

    /**
     * The contents of a {@code .snapcoeff} file: per element its label, radius, weight and the
     * coefficients ({@code ncoeffall} each: β0, β, then the quadratic ones).
     */
    public record Coefficients(List<String> elements, double[] radelem, double[] wj, double[][] coefficients) {
    }

    // ------------------------------------------------------------------ reading

    /** Reads a {@code .snapparam} file. */
    public static Param readParam(Path file) {
        List<String> lines = lines(file);
        Map<String, Integer> seen = new LinkedHashMap<>();
        double rcutfac = Double.NaN;
        int twojmax = -1;
        double rfac0 = 0.99363, rmin0 = 0.0;
        boolean switchflag = true, bzeroflag = true, quadraticflag = false, bnormflag = false, wselfallflag = false;
        for (int ln = 0; ln < lines.size(); ln++) {
            String[] w = words(lines.get(ln));
            if (w.length == 0) {
                continue;
            }
            int lineNo = ln + 1;
            String key = w[0];
            if (w.length != 2) {
                throw InputException.at(file, lineNo, "expected 'keyword value', found " + w.length + " words");
            }
            if (seen.put(key, lineNo) != null) {
                throw InputException.at(file, lineNo, "keyword '" + key + "' given twice");
            }
            String v = w[1];
            switch (key) {
                case "rcutfac" -> rcutfac = number(file, lineNo, key, v);
                case "twojmax" -> twojmax = integer(file, lineNo, key, v);
                case "rfac0" -> rfac0 = number(file, lineNo, key, v);
                case "rmin0" -> rmin0 = number(file, lineNo, key, v);
                case "switchflag" -> switchflag = flag(file, lineNo, key, v);
                case "bzeroflag" -> bzeroflag = flag(file, lineNo, key, v);
                case "quadraticflag" -> quadraticflag = flag(file, lineNo, key, v);
                case "bnormflag" -> bnormflag = flag(file, lineNo, key, v);
                case "wselfallflag" -> wselfallflag = flag(file, lineNo, key, v);
                case "chemflag" -> {
                    if (flag(file, lineNo, key, v)) {
                        throw InputException.at(file, lineNo, "chemflag 1 (explicit multi-element SNAP) is not supported");
                    }
                }
                case "chunksize", "parallelthresh" -> integer(file, lineNo, key, v); // LAMMPS tuning only
                default -> throw InputException.at(file, lineNo, "unknown SNAP parameter keyword '" + key
                        + "' (known: rcutfac twojmax rfac0 rmin0 switchflag bzeroflag quadraticflag bnormflag"
                        + " wselfallflag chemflag chunksize parallelthresh)");
            }
        }
        if (Double.isNaN(rcutfac) || twojmax < 0) {
            throw InputException.in(file, "the SNAP parameter file must set rcutfac and twojmax");
        }
        if (!(rcutfac > 0)) {
            throw InputException.at(file, seen.get("rcutfac"), "rcutfac must be positive, got " + rcutfac);
        }
        if (twojmax > 20) {
            throw InputException.at(file, seen.get("twojmax"), "twojmax " + twojmax + " is too large (at most 20)");
        }
        if (!(rfac0 > 0 && rfac0 <= 1)) {
            throw InputException.at(file, seen.get("rfac0"), "rfac0 must be in (0, 1], got " + rfac0);
        }
        if (!(rmin0 >= 0)) {
            throw InputException.at(file, seen.get("rmin0"), "rmin0 must be ≥ 0, got " + rmin0);
        }
        return new Param(rcutfac, twojmax, rfac0, rmin0, switchflag, bzeroflag, quadraticflag, bnormflag, wselfallflag);
    }

    /** Reads a {@code .snapcoeff} file. */
    public static Coefficients readCoefficients(Path file) {
        List<String> lines = lines(file);
        int ln = nextContent(lines, 0);
        if (ln < 0) {
            throw InputException.in(file, "empty SNAP coefficient file");
        }
        String[] head = words(lines.get(ln));
        if (head.length != 2) {
            throw InputException.at(file, ln + 1, "expected 'nelements ncoeff', found " + String.join(" ", head));
        }
        int nel = integer(file, ln + 1, "nelements", head[0]);
        int ncoeff = integer(file, ln + 1, "ncoeff", head[1]);
        if (nel < 1 || ncoeff < 1) {
            throw InputException.at(file, ln + 1, "nelements and ncoeff must be positive");
        }
        List<String> elements = new ArrayList<>();
        double[] rad = new double[nel];
        double[] wj = new double[nel];
        double[][] coeff = new double[nel][ncoeff];
        int at = ln + 1;
        for (int e = 0; e < nel; e++) {
            at = nextContent(lines, at);
            if (at < 0) {
                throw InputException.in(file, "ended before element " + (e + 1) + " of " + nel);
            }
            String[] w = words(lines.get(at));
            if (w.length != 3) {
                throw InputException.at(file, at + 1, "expected 'element radelem wj', found " + w.length + " words");
            }
            if (elements.contains(w[0])) {
                throw InputException.at(file, at + 1, "element " + w[0] + " given twice");
            }
            elements.add(w[0]);
            rad[e] = number(file, at + 1, "radelem", w[1]);
            wj[e] = number(file, at + 1, "wj", w[2]);
            if (!(rad[e] > 0)) {
                throw InputException.at(file, at + 1, "radelem must be positive, got " + w[1]);
            }
            at++;
            int k = 0;
            while (k < ncoeff) {
                at = nextContent(lines, at);
                if (at < 0) {
                    throw InputException.in(file, "ended after " + k + " of " + ncoeff + " coefficients of " + w[0]);
                }
                String[] c = words(lines.get(at));
                if (c.length != 1) {
                    throw InputException.at(file, at + 1, "expected one coefficient, found " + c.length + " words");
                }
                coeff[e][k++] = number(file, at + 1, "coefficient", c[0]);
                at++;
            }
        }
        int extra = nextContent(lines, at);
        if (extra >= 0) {
            throw InputException.at(file, extra + 1, "unexpected content after " + nel + " elements");
        }
        return new Coefficients(List.copyOf(elements), rad, wj, coeff);
    }

    /**
     * The SNAP potential of a coefficient file and a parameter file, for the listed elements (the
     * element labels of the coefficient file, as on LAMMPS's {@code pair_coeff} line) or, when
     * none are listed, for every element of the coefficient file.
     */
    public static MlPotential load(Path coeffFile, Path paramFile, String... elements) {
        Param p = readParam(paramFile);
        Coefficients c = readCoefficients(coeffFile);
        return build(p, c, coeffFile, elements);
    }

    /** {@code FILE.snapcoeff} with the {@code FILE.snapparam} beside it. */
    public static MlPotential load(Path coeffFile) {
        return load(coeffFile, paramBeside(coeffFile));
    }

    /** The {@code .snapparam} path beside a {@code .snapcoeff} path. */
    public static Path paramBeside(Path coeffFile) {
        String name = coeffFile.getFileName().toString();
        String base = name.endsWith(".snapcoeff") ? name.substring(0, name.length() - ".snapcoeff".length()) : name;
        return coeffFile.resolveSibling(base + ".snapparam");
    }

    static MlPotential build(Param p, Coefficients c, Path coeffFile, String... selected) {
        List<String> use = selected.length == 0 ? c.elements() : List.of(selected);
        int nt = use.size();
        int[] z = new int[nt];
        double[] rad = new double[nt];
        double[] wj = new double[nt];
        double[][] coeff = new double[nt][];
        for (int t = 0; t < nt; t++) {
            String el = use.get(t);
            int idx = c.elements().indexOf(el);
            if (idx < 0) {
                throw InputException.in(coeffFile, "element " + el + " is not in the coefficient file (it has "
                        + String.join(" ", c.elements()) + ")");
            }
            if (!Element.isSymbol(el)) {
                throw InputException.in(coeffFile, "element label '" + el + "' is not a chemical symbol");
            }
            for (int s = 0; s < t; s++) {
                if (use.get(s).equals(el)) {
                    throw InputException.in(coeffFile, "element " + el + " selected twice");
                }
            }
            z[t] = Element.number(el);
            rad[t] = c.radelem()[idx];
            wj[t] = c.wj()[idx];
            coeff[t] = c.coefficients()[idx];
        }
        BispectrumParameters bp = new BispectrumParameters(p.rcutfac(), p.twojmax(), p.rfac0(), p.rmin0(),
                p.switchflag(), p.bzeroflag(), p.bnormflag(), z, rad, wj);
        int n = bp.components();
        int expected = p.quadraticflag() ? QuadraticModel.coefficientCount(n) : n + 1;
        int have = c.coefficients()[0].length;
        if (have != expected) {
            throw InputException.in(coeffFile, have + " coefficients per element, but twojmax " + p.twojmax()
                    + (p.quadraticflag() ? " with quadraticflag 1" : "") + " needs " + expected);
        }
        Model[] models = new Model[nt];
        for (int t = 0; t < nt; t++) {
            models[t] = p.quadraticflag() ? QuadraticModel.fromCoefficients(coeff[t]) : LinearModel.fromCoefficients(coeff[t]);
        }
        return new MlPotential(new Bispectrum(bp), models, coeffFile.getFileName().toString());
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes a SNAP potential (a {@link Bispectrum} with linear or quadratic models) as
     * {@code .snapcoeff} and {@code .snapparam} files LAMMPS reads, each through a temporary file
     * renamed into place. Numbers keep 17 significant digits (exact round trip).
     *
     * @param comment one line written as a '#' comment at the top of both files
     */
    public static void write(MlPotential potential, Path coeffFile, Path paramFile, String comment) {
        if (!(potential.descriptor() instanceof Bispectrum bis)) {
            throw new IllegalArgumentException("only bispectrum potentials can be written as SNAP files");
        }
        BispectrumParameters bp = bis.parameters();
        boolean quadratic = potential.model(0) instanceof QuadraticModel;
        StringBuilder c = new StringBuilder();
        c.append("# ").append(comment == null ? "" : comment.replace('\n', ' ')).append('\n');
        c.append("# written by Peierls\n\n");
        int nt = potential.types();
        int ncoeff = potential.model(0).parameterCount();
        c.append(nt).append(' ').append(ncoeff).append('\n');
        int[] z = bp.elements();
        for (int t = 0; t < nt; t++) {
            Model m = potential.model(t);
            if ((m instanceof QuadraticModel) != quadratic || !(m instanceof LinearModel || m instanceof QuadraticModel)) {
                throw new IllegalArgumentException("SNAP files need the same linear or quadratic model kind for every element");
            }
            c.append(Element.symbol(z[t])).append(' ').append(fmt(bp.radelem()[t])).append(' ')
                    .append(fmt(bp.wj()[t])).append('\n');
            for (double v : m.parameters()) {   // linear and quadratic models keep LAMMPS's order
                c.append(fmt(v)).append('\n');
            }
        }
        StringBuilder p = new StringBuilder();
        p.append("# ").append(comment == null ? "" : comment.replace('\n', ' ')).append('\n');
        p.append("# written by Peierls\n\n");
        p.append("rcutfac ").append(fmt(bp.rcutfac())).append('\n');
        p.append("twojmax ").append(bp.twojmax()).append('\n');
        p.append("rfac0 ").append(fmt(bp.rfac0())).append('\n');
        p.append("rmin0 ").append(fmt(bp.rmin0())).append('\n');
        p.append("switchflag ").append(bp.switchFlag() ? 1 : 0).append('\n');
        p.append("bzeroflag ").append(bp.bzeroFlag() ? 1 : 0).append('\n');
        p.append("quadraticflag ").append(quadratic ? 1 : 0).append('\n');
        if (bp.bnormFlag()) {
            p.append("bnormflag 1\n");
        }
        atomicWrite(coeffFile, c.toString());
        atomicWrite(paramFile, p.toString());
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.17g", v);
    }

    static void atomicWrite(Path file, String text) {
        org.peierls.io.AtomicWrite.text(file, w -> w.write(text));
    }

    // ------------------------------------------------------------------ helpers

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /** Words of a line with its '#' comment removed. */
    static String[] words(String line) {
        int hash = line.indexOf('#');
        String s = (hash >= 0 ? line.substring(0, hash) : line).trim();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }

    private static int nextContent(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (words(lines.get(i)).length > 0) {
                return i;
            }
        }
        return -1;
    }

    private static double number(Path file, int line, String what, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw InputException.at(file, line, what + " '" + v + "' is not a number");
        }
    }

    private static int integer(Path file, int line, String what, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw InputException.at(file, line, what + " '" + v + "' is not a whole number");
        }
    }

    private static boolean flag(Path file, int line, String what, String v) {
        int i = integer(file, line, what, v);
        if (i != 0 && i != 1) {
            throw InputException.at(file, line, what + " must be 0 or 1, got " + v);
        }
        return i == 1;
    }
}
