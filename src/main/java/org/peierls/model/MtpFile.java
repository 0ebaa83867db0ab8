package org.peierls.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peierls.atoms.Element;
import org.peierls.descriptor.ChebyshevRadialBasis;
import org.peierls.descriptor.MomentTensorBasis;
import org.peierls.descriptor.MtpDescriptor;
import org.peierls.descriptor.MtpParameters;
import org.peierls.io.AtomicWrite;
import org.peierls.potential.Potential;
import org.peierls.util.InputException;

/**
 * MLIP-2's {@code .mtp} text format (version 1.1.0, radial basis {@code RBChebyshev}), read and
 * written so that MTPs move between Peierls and MLIP (its {@code mlp} tool and LAMMPS interface
 * {@code pair_style mlip}):
 *
 * <pre>
 * MTP
 * version = 1.1.0
 * potential_name = NAME             (one word)
 * [scaling = S]                     (optional, multiplies the radial basis)
 * species_count = T
 * potential_tag = …
 * radial_basis_type = RBChebyshev
 *     [scaling = S]
 *     min_dist = r_min
 *     max_dist = R_cut
 *     radial_basis_size = R
 *     radial_funcs_count = K
 *     radial_coeffs
 *         i-j                       (T² blocks, central type i, neighbor type j)
 *             {c_0, …, c_{R−1}}     (K lines)
 * alpha_moments_count = …           (the {@link MomentTensorBasis} program)
 * alpha_index_basic_count = … / alpha_index_basic = {{μ, a, b, c}, …}
 * alpha_index_times_count = … / alpha_index_times = {{i, j, mult, k}, …}
 * alpha_scalar_moments = n / alpha_moment_mapping = {…}
 * species_coeffs = {s_0, …}         (eV)
 * moment_coeffs = {ξ_0, …}          (eV)
 * </pre>
 *
 * <p>The file does not name elements: MLIP's species 0, 1, … are LAMMPS atom types 1, 2, ….
 * Files written here carry them in the name ({@code potential_name = peierls_Mo-Nb_L16}); for
 * other files give them ({@code mtp:FILE.mtp:Mo,Nb}). Numbers are written in Java's shortest
 * round-trip form, which C++ streams read back exactly.</p>
 *
 * @param name               potential_name (one word)
 * @param species            atomic numbers of MLIP species 0, 1, …
 * @param parameters         descriptor parameters (the radial basis scaling includes any global scaling)
 * @param speciesCoeffs      s_t {@code [T]}, eV
 * @param momentCoeffs       ξ {@code [n]}, eV
 */
public record MtpFile(String name, int[] species, MtpParameters parameters, double[] speciesCoeffs, double[] momentCoeffs) {

    private static final Pattern OUR_NAME = Pattern.compile("peierls_([A-Za-z]+(?:-[A-Za-z]+)*)(?:_.*)?");

    public MtpFile {
        if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("MTP potential_name must be one word, got '" + name + "'");
        }
        species = species.clone();
        speciesCoeffs = speciesCoeffs.clone();
        momentCoeffs = momentCoeffs.clone();
        if (speciesCoeffs.length != parameters.types()) {
            throw new IllegalArgumentException(speciesCoeffs.length + " species_coeffs for " + parameters.types() + " species");
        }
        if (momentCoeffs.length != parameters.basis().size()) {
            throw new IllegalArgumentException(momentCoeffs.length + " moment_coeffs for " + parameters.basis().size()
                    + " basis functions");
        }
    }

    /** The conventional name of a Peierls-written file: {@code peierls_Mo-Nb_L16}. */
    public static String defaultName(int[] species, int level) {
        StringBuilder sb = new StringBuilder("peierls_");
        for (int t = 0; t < species.length; t++) {
            sb.append(t == 0 ? "" : "-").append(Element.symbol(species[t]));
        }
        return sb.append(level > 0 ? "_L" + level : "").toString();
    }

    /** The potential: one linear model per species (bias s_t, shared ξ) on the MTP descriptor. */
    public MlPotential potential(String label) {
        Model[] models = new Model[species.length];
        for (int t = 0; t < models.length; t++) {
            models[t] = new LinearModel(speciesCoeffs[t], momentCoeffs);
        }
        return new MlPotential(new MtpDescriptor(parameters), models, label);
    }

    // ------------------------------------------------------------------ writing

    /** Writes the file atomically. */
    public void write(Path path) {
        AtomicWrite.text(path, w -> w.write(text()));
    }

    /** The file content. */
    public String text() {
        MomentTensorBasis b = parameters.basis();
        ChebyshevRadialBasis rb = parameters.radial();
        int t = species.length, k = b.radialFunctions(), r = rb.size();
        StringBuilder sb = new StringBuilder();
        sb.append("MTP\n");
        sb.append("version = 1.1.0\n");
        sb.append("potential_name = ").append(name).append('\n');
        sb.append("species_count = ").append(t).append('\n');
        sb.append("potential_tag = \n");
        sb.append("radial_basis_type = RBChebyshev\n");
        if (rb.scaling() != 1.0) {
            sb.append("\tscaling = ").append(num(rb.scaling())).append('\n');
        }
        sb.append("\tmin_dist = ").append(num(rb.minDist())).append('\n');
        sb.append("\tmax_dist = ").append(num(rb.maxDist())).append('\n');
        sb.append("\tradial_basis_size = ").append(r).append('\n');
        sb.append("\tradial_funcs_count = ").append(k).append('\n');
        sb.append("\tradial_coeffs\n");
        double[] c = parameters.radialCoefficients();
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                sb.append("\t\t").append(i).append('-').append(j).append('\n');
                for (int mu = 0; mu < k; mu++) {
                    sb.append("\t\t\t{");
                    for (int q = 0; q < r; q++) {
                        sb.append(q == 0 ? "" : ", ").append(num(c[parameters.index(i, j, mu, q)]));
                    }
                    sb.append("}\n");
                }
            }
        }
        sb.append("alpha_moments_count = ").append(b.slots()).append('\n');
        sb.append("alpha_index_basic_count = ").append(b.basicCount()).append('\n');
        sb.append("alpha_index_basic = {");
        for (int q = 0; q < b.basicCount(); q++) {
            sb.append(q == 0 ? "" : ", ").append(tuple(b.basic(q)));
        }
        sb.append("}\n");
        sb.append("alpha_index_times_count = ").append(b.timesCount()).append('\n');
        sb.append("alpha_index_times = {");
        for (int q = 0; q < b.timesCount(); q++) {
            sb.append(q == 0 ? "" : ", ").append(tuple(b.times(q)));
        }
        sb.append("}\n");
        sb.append("alpha_scalar_moments = ").append(b.size()).append('\n');
        sb.append("alpha_moment_mapping = {");
        for (int q = 0; q < b.size(); q++) {
            sb.append(q == 0 ? "" : ", ").append(b.scalarSlot(q));
        }
        sb.append("}\n");
        sb.append("species_coeffs = {");
        for (int q = 0; q < t; q++) {
            sb.append(q == 0 ? "" : ", ").append(num(speciesCoeffs[q]));
        }
        sb.append("}\n");
        sb.append("moment_coeffs = {");
        for (int q = 0; q < momentCoeffs.length; q++) {
            sb.append(q == 0 ? "" : ", ").append(num(momentCoeffs[q]));
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static String tuple(int[] v) {
        StringBuilder sb = new StringBuilder("{");
        for (int q = 0; q < v.length; q++) {
            sb.append(q == 0 ? "" : ", ").append(v[q]);
        }
        return sb.append('}').toString();
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads a file.
     *
     * @param elements element symbols of MLIP species 0, 1, … (null: from a Peierls-written
     *                 potential_name)
     * @throws InputException naming the file and line for malformed content
     */
    public static MtpFile read(Path path, List<String> elements) {
        return read(path, elements, null);
    }

    /**
     * Reads a file whose species are named by its potential_name when it is a Peierls-written one,
     * else are {@code fallback} (element symbols of MLIP species 0, 1, …).
     */
    public static MtpFile readOr(Path path, List<String> fallback) {
        return read(path, null, fallback);
    }

    private static MtpFile read(Path path, List<String> elements, List<String> fallback) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        Parser parser = new Parser(path, lines);
        parser.fallback = fallback;
        return parser.parse(elements);
    }

    private static final class Parser {
        final Path path;
        final List<String> lines;
        int at;
        final Map<String, String> values = new LinkedHashMap<>();
        final Map<String, Integer> lineOf = new LinkedHashMap<>();
        final Map<String, double[]> radialBlocks = new LinkedHashMap<>();
        int radialLine;
        List<String> fallback;

        Parser(Path path, List<String> lines) {
            this.path = path;
            this.lines = lines;
        }

        InputException error(int line, String msg) {
            return InputException.at(path, line, msg);
        }

        MtpFile parse(List<String> elements) {
            skipBlank();
            if (at >= lines.size() || !lines.get(at).strip().equals("MTP")) {
                throw error(at + 1, "not an MLIP .mtp file (first line must be \"MTP\")");
            }
            at++;
            boolean afterRadialType = false;
            double scaling = 1.0;
            while (at < lines.size()) {
                String raw = lines.get(at);
                String line = raw.strip();
                int lineNo = at + 1;
                at++;
                if (line.isEmpty()) {
                    continue;
                }
                if (line.equals("radial_coeffs")) {
                    readRadial(lineNo);
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq < 0) {
                    throw error(lineNo, "expected 'key = value', found '" + line + "'");
                }
                String key = line.substring(0, eq).strip();
                StringBuilder value = new StringBuilder(line.substring(eq + 1).strip());
                // brace lists may continue over several lines
                while (depth(value) > 0 && at < lines.size()) {
                    value.append(' ').append(lines.get(at++).strip());
                }
                if (depth(value) != 0) {
                    throw error(lineNo, "unbalanced braces in " + key);
                }
                if (key.equals("radial_basis_type")) {
                    afterRadialType = true;
                }
                if (key.equals("scaling")) {
                    scaling *= number(value.toString(), lineNo, key);
                    continue;
                }
                if (values.containsKey(key)) {
                    throw error(lineNo, "'" + key + "' given twice");
                }
                values.put(key, value.toString());
                lineOf.put(key, lineNo);
            }
            if (!"1.1.0".equals(values.get("version"))) {
                throw error(line("version"), "MTP file version must be 1.1.0, found '" + values.get("version") + "'");
            }
            String type = require("radial_basis_type");
            if (!type.equals("RBChebyshev")) {
                throw error(line("radial_basis_type"), "radial basis '" + type + "' is not supported (only RBChebyshev)");
            }
            if (!afterRadialType) {
                throw error(1, "missing radial_basis_type");
            }
            int t = integer("species_count");
            double minDist = number(require("min_dist"), line("min_dist"), "min_dist");
            double maxDist = number(require("max_dist"), line("max_dist"), "max_dist");
            int r = integer("radial_basis_size");
            int k = integer("radial_funcs_count");
            int slots = integer("alpha_moments_count");
            int[][] basic = tuples("alpha_index_basic", 4, integer("alpha_index_basic_count"));
            int[][] times = tuples("alpha_index_times", 4, integer("alpha_index_times_count"));
            int n = integer("alpha_scalar_moments");
            int[] mapping = ints("alpha_moment_mapping", n);
            MomentTensorBasis basis;
            try {
                basis = MomentTensorBasis.of(slots, basic, times, mapping);
            } catch (IllegalArgumentException e) {
                throw error(line("alpha_index_times"), e.getMessage());
            }
            if (basis.radialFunctions() != k) {
                throw error(line("radial_funcs_count"), "radial_funcs_count = " + k + " but the basic moments use "
                        + basis.radialFunctions() + " radial functions");
            }
            if (radialBlocks.isEmpty()) {
                throw error(line("radial_funcs_count"), "no radial_coeffs: the potential is not trained");
            }
            ChebyshevRadialBasis rb;
            try {
                rb = new ChebyshevRadialBasis(minDist, maxDist, r, scaling);
            } catch (IllegalArgumentException e) {
                throw error(line("min_dist"), e.getMessage());
            }
            int[] z = species(elements, t);
            double[] c = new double[t * t * k * r];
            // MLIP reads the T² blocks in order (central type outer, neighbor type inner); their
            // labels are the type indices in files MLIP-2 writes
            List<String> keys = new ArrayList<>(radialBlocks.keySet());
            if (keys.size() != t * t) {
                throw error(radialLine, "radial_coeffs has " + keys.size() + " species-pair blocks, expected " + t + "×" + t);
            }
            for (int q = 0; q < t * t; q++) {
                double[] block = radialBlocks.get(keys.get(q));
                if (block.length != k * r) {
                    throw error(radialLine, "radial_coeffs block " + keys.get(q) + " has " + block.length
                            + " numbers, expected " + k + "×" + r);
                }
                System.arraycopy(block, 0, c, q * k * r, k * r);
            }
            if (!values.containsKey("species_coeffs") || !values.containsKey("moment_coeffs")) {
                throw error(lines.size(), "species_coeffs/moment_coeffs missing: the potential is not trained");
            }
            double[] s = doubles("species_coeffs", t);
            double[] xi = doubles("moment_coeffs", n);
            String name = values.getOrDefault("potential_name", "mtp");
            if (name.isBlank()) {
                name = "mtp";
            }
            return new MtpFile(name.split("\\s+")[0], z, new MtpParameters(z, basis, rb, c), s, xi);
        }

        int[] species(List<String> elements, int t) {
            List<String> el = elements;
            if (el == null || el.isEmpty()) {
                Matcher m = OUR_NAME.matcher(values.getOrDefault("potential_name", ""));
                if (m.matches()) {
                    el = List.of(m.group(1).split("-"));
                } else if (fallback != null) {
                    el = fallback;
                } else {
                    throw error(line("species_count"), "the file does not name its " + t + " species: give the elements,"
                            + " e.g. mtp:" + path + ":" + String.join(",", java.util.Collections.nCopies(t, "El")));
                }
            }
            if (el.size() != t) {
                throw error(line("species_count"), "species_count = " + t + " but " + el.size() + " elements were given " + el);
            }
            int[] z = new int[t];
            for (int q = 0; q < t; q++) {
                String sym = el.get(q).strip();
                if (!Element.isSymbol(sym)) {
                    throw new InputException(path + ": '" + sym + "' is not an element symbol");
                }
                z[q] = Element.number(sym);
            }
            return z;
        }

        void readRadial(int headerLine) {
            radialLine = headerLine;
            while (at < lines.size()) {
                String line = lines.get(at).strip();
                if (line.isEmpty()) {
                    at++;
                    continue;
                }
                if (!line.matches("\\d+\\s*-\\s*\\d+")) {
                    return;
                }
                String key = line.replaceAll("\\s", "");
                if (radialBlocks.containsKey(key)) {
                    throw error(at + 1, "radial_coeffs block " + key + " given twice");
                }
                at++;
                List<Double> nums = new ArrayList<>();
                while (at < lines.size() && lines.get(at).strip().startsWith("{")) {
                    int lineNo = at + 1;
                    String row = lines.get(at++).strip();
                    if (!row.endsWith("}")) {
                        throw error(lineNo, "radial coefficient row must be '{c, c, …}'");
                    }
                    for (String tok : row.substring(1, row.length() - 1).split(",")) {
                        nums.add(number(tok.strip(), lineNo, "radial_coeffs"));
                    }
                }
                double[] v = new double[nums.size()];
                for (int q = 0; q < v.length; q++) {
                    v[q] = nums.get(q);
                }
                radialBlocks.put(key, v);
            }
        }

        void skipBlank() {
            while (at < lines.size() && lines.get(at).isBlank()) {
                at++;
            }
        }

        static int depth(CharSequence s) {
            int d = 0;
            for (int i = 0; i < s.length(); i++) {
                char ch = s.charAt(i);
                if (ch == '{') {
                    d++;
                } else if (ch == '}') {
                    d--;
                }
            }
            return d;
        }

        int line(String key) {
            return lineOf.getOrDefault(key, 1);
        }

        String require(String key) {
            String v = values.get(key);
            if (v == null) {
                throw error(lines.size(), "missing '" + key + "'");
            }
            return v;
        }

        int integer(String key) {
            String v = require(key);
            try {
                int n = Integer.parseInt(v.strip());
                if (n < 0) {
                    throw error(line(key), key + " must not be negative");
                }
                return n;
            } catch (NumberFormatException e) {
                throw error(line(key), key + ": '" + v + "' is not a whole number");
            }
        }

        double number(String text, int line, String key) {
            try {
                double v = Double.parseDouble(text.strip());
                if (!Double.isFinite(v)) {
                    throw error(line, key + ": '" + text + "' is not a finite number");
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(line, key + ": '" + text + "' is not a number");
            }
        }

        /** Items of a flat brace list "{a, b, …}". */
        List<String> items(String key) {
            String v = require(key).strip();
            if (!v.startsWith("{") || !v.endsWith("}")) {
                throw error(line(key), key + " must be a brace list {…}");
            }
            String inner = v.substring(1, v.length() - 1).strip();
            List<String> out = new ArrayList<>();
            if (inner.isEmpty()) {
                return out;
            }
            for (String tok : inner.split(",")) {
                out.add(tok.strip());
            }
            return out;
        }

        double[] doubles(String key, int n) {
            List<String> it = items(key);
            if (it.size() != n) {
                throw error(line(key), key + " has " + it.size() + " numbers, expected " + n);
            }
            double[] v = new double[n];
            for (int q = 0; q < n; q++) {
                v[q] = number(it.get(q), line(key), key);
            }
            return v;
        }

        int[] ints(String key, int n) {
            double[] d = doubles(key, n);
            int[] v = new int[n];
            for (int q = 0; q < n; q++) {
                v[q] = (int) d[q];
                if (v[q] != d[q]) {
                    throw error(line(key), key + ": " + d[q] + " is not a whole number");
                }
            }
            return v;
        }

        /** A nested brace list "{{a, b, c, d}, …}" of n tuples of the given width. */
        int[][] tuples(String key, int width, int n) {
            String v = require(key).strip();
            if (n == 0 && v.replaceAll("[\\s{}]", "").isEmpty()) {
                return new int[0][];
            }
            if (!v.startsWith("{") || !v.endsWith("}")) {
                throw error(line(key), key + " must be a brace list {{…}, …}");
            }
            String inner = v.substring(1, v.length() - 1);
            Matcher m = Pattern.compile("\\{([^{}]*)\\}").matcher(inner);
            List<int[]> out = new ArrayList<>();
            while (m.find()) {
                String[] tok = m.group(1).split(",");
                if (tok.length != width) {
                    throw error(line(key), key + " entry " + out.size() + " has " + tok.length + " numbers, expected " + width);
                }
                int[] t = new int[width];
                for (int q = 0; q < width; q++) {
                    try {
                        t[q] = Integer.parseInt(tok[q].strip());
                    } catch (NumberFormatException e) {
                        throw error(line(key), key + " entry " + out.size() + ": '" + tok[q].strip() + "' is not a whole number");
                    }
                }
                out.add(t);
            }
            if (out.size() != n) {
                throw error(line(key), key + " has " + out.size() + " entries, but its count says " + n);
            }
            return out.toArray(new int[0][]);
        }
    }

    // ------------------------------------------------------------------ potential specs

    /** The potential of {@code mtp:FILE.mtp} or {@code mtp:FILE.mtp:EL,EL…} (elements of MLIP species 0, 1, …; see {@link ModelSpecs}). */
    static Potential spec(String arg) {
        String file = arg;
        List<String> elements = null;
        int colon = arg.lastIndexOf(':');
        if (colon > 0) {
            String tail = arg.substring(colon + 1);
            if (tail.matches("[A-Za-z]{1,2}(,[A-Za-z]{1,2})*")) {
                file = arg.substring(0, colon);
                elements = List.of(tail.split(","));
            }
        }
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new InputException("mtp:" + arg + ": no such file " + file);
        }
        return read(p, elements).potential(p.getFileName().toString());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MtpFile[%s, %s]", name, parameters.basis().describe());
    }
}
