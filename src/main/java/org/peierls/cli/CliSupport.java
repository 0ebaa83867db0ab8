package org.peierls.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.io.Formats;
import org.peierls.io.IoOptions;
import org.peierls.io.Json;
import org.peierls.util.InputException;

/** Small helpers the simulation commands share: reading one frame, JSON and binary output. */
final class CliSupport {
    private CliSupport() {
    }

    /** Every frame of a structure file; a file without frames is bad input. */
    static List<Frame> readAll(Path path, String format, IoOptions options) {
        List<Frame> frames = Formats.read(path, format, options);
        if (frames.isEmpty()) {
            throw new InputException(path + " holds no frames");
        }
        return frames;
    }

    /** Frame {@code index} of a structure file (negative counts from the end). */
    static Structure readStructure(Path path, String format, IoOptions options, int index) {
        List<Frame> frames = readAll(path, format, options);
        int k = index < 0 ? frames.size() + index : index;
        if (k < 0 || k >= frames.size()) {
            throw new InputException(path + " has " + frames.size() + " frame(s); --frame " + index + " is out of range");
        }
        return frames.get(k).structure();
    }

    /** Writes {@code value} as indented JSON to {@code path} (atomically), or to standard output for "-". */
    static void writeJson(Path path, Object value, java.io.PrintWriter out) {
        if (path.toString().equals("-")) {
            out.println(Json.text(value));
            out.flush();
        } else {
            Json.write(path, value);
        }
    }

    /** Writes bytes through a temporary file renamed over {@code path} ({@link org.peierls.io.AtomicWrite}). */
    static void writeBytes(Path path, byte[] bytes) {
        org.peierls.io.AtomicWrite.bytes(path, bytes);
    }

    /** "path.suffix" beside {@code path}. */
    static Path sibling(Path path, String suffix) {
        return path.resolveSibling(path.getFileName() + suffix);
    }

    /** Six comma-separated numbers (Voigt). */
    static double[] voigt(String text, String option) {
        String[] t = text.split(",");
        if (t.length != 6) {
            throw new InputException(option + " needs 6 comma-separated numbers xx,yy,zz,yz,xz,xy; got '" + text + "'");
        }
        double[] v = new double[6];
        for (int k = 0; k < 6; k++) {
            try {
                v[k] = Double.parseDouble(t[k].trim());
            } catch (NumberFormatException e) {
                throw new InputException(option + ": '" + t[k].trim() + "' is not a number");
            }
        }
        return v;
    }

    /** Free Voigt components from names such as "zz" or "xx,yy,zz" or "all". */
    static boolean[] voigtMask(String text, String option) {
        boolean[] m = new boolean[6];
        List<String> names = List.of("xx", "yy", "zz", "yz", "xz", "xy");
        for (String s : text.split(",")) {
            String n = s.trim().toLowerCase(Locale.ROOT);
            if (n.equals("all")) {
                java.util.Arrays.fill(m, true);
                continue;
            }
            if (n.equals("zy")) {
                n = "yz";
            } else if (n.equals("zx")) {
                n = "xz";
            } else if (n.equals("yx")) {
                n = "xy";
            }
            int k = names.indexOf(n);
            if (k < 0) {
                throw new InputException(option + ": unknown component '" + s.trim() + "' (expected xx, yy, zz, yz, xz, xy or all)");
            }
            m[k] = true;
        }
        return m;
    }

    /** The 3×3 cell matrix as nested rows. */
    static double[][] rows(double[] h) {
        return new double[][]{{h[0], h[1], h[2]}, {h[3], h[4], h[5]}, {h[6], h[7], h[8]}};
    }
}
