package org.peierls.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.Element;
import org.peierls.descriptor.Bispectrum;
import org.peierls.descriptor.BispectrumParameters;
import org.peierls.descriptor.ChebyshevRadialBasis;
import org.peierls.descriptor.MomentTensorBasis;
import org.peierls.descriptor.MtpParameters;
import org.peierls.io.AtomicWrite;
import org.peierls.model.LinearModel;
import org.peierls.model.MlPotential;
import org.peierls.model.Model;
import org.peierls.model.MtpFile;
import org.peierls.model.QuadraticModel;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.SumPotential;
import org.peierls.util.InputException;

/**
 * The JSON file of a fitted model ({@code model.json} in the folder {@code peierls fit} writes),
 * loadable as a potential: {@code --potential DIR} or {@code --potential DIR/model.json}.
 *
 * <pre>
 * {"format": "peierls-model", "version": 1, "kind": "snap" | "qsnap",
 *  "descriptor": {"type": "bispectrum", "twojmax": 6, "rcutfac": 4.67637, "rfac0": 0.99363, "rmin0": 0,
 *                 "switchflag": true, "bzeroflag": false, "bnormflag": false,
 *                 "elements": ["Ta"], "radelem": [0.5], "wj": [1.0]},
 *  "coefficients": {"Ta": [β0, β1, …]},          LAMMPS .snapcoeff order, β0 including e0
 *  "reference": "zbl:4.0,4.8" | null,             a potential spec, overlaid on the model
 *  "element_energies_ev": {"Ta": 0.0},            informational (already in β0)
 *  "lammps": {"include": "Ta_pot.snap", …}, "fit": {…}}   provenance
 * </pre>
 *
 * A moment tensor potential ({@code "kind": "mtp"}) has
 * <pre>
 *  "descriptor": {"type": "moment_tensor", "level": 16, "elements": ["Mo"],
 *                 "radial_basis": "RBChebyshev", "min_dist": 2.0, "max_dist": 5.0, "radial_basis_size": 8,
 *                 "scaling": 1.0, "radial_funcs_count": 4,
 *                 "radial_coeffs": [c…]},                  T·T·K·R numbers, MLIP's order
 *  "coefficients": {"species": {"Mo": s}, "moments": [ξ…]},   eV, s including e0
 * </pre>
 * the same numbers as the {@code .mtp} file written beside it (the basis is the level-based basis
 * of {@link MomentTensorBasis#ofLevel}).
 */
public final class FittedModel {

    /** File name inside a fit folder. */
    public static final String FILE = "model.json";
    static final String FORMAT = "peierls-model";

    private FittedModel() {
    }

    /** The JSON content of a fit (without provenance). */
    public static Map<String, Object> json(SnapFit fit) {
        BispectrumParameters p = fit.design().basis().parameters();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", 1);
        m.put("kind", fit.settings().kind());
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "bispectrum");
        d.put("twojmax", p.twojmax());
        d.put("rcutfac", p.rcutfac());
        d.put("rfac0", p.rfac0());
        d.put("rmin0", p.rmin0());
        d.put("switchflag", p.switchFlag());
        d.put("bzeroflag", p.bzeroFlag());
        d.put("bnormflag", p.bnormFlag());
        List<String> el = new ArrayList<>();
        for (int z : p.elements()) {
            el.add(Element.symbol(z));
        }
        d.put("elements", el);
        d.put("radelem", p.radelem());
        d.put("wj", p.wj());
        m.put("descriptor", d);
        Map<String, Object> c = new LinkedHashMap<>();
        Map<String, Object> e0 = new LinkedHashMap<>();
        for (int t = 0; t < el.size(); t++) {
            c.put(el.get(t), fit.coefficients(t));
            e0.put(el.get(t), fit.settings().reference().energyOf(p.elements()[t]));
        }
        m.put("coefficients", c);
        m.put("reference", fit.settings().reference().spec());
        m.put("element_energies_ev", e0);
        return m;
    }

    /** The JSON content of an MTP fit (without provenance). */
    public static Map<String, Object> json(MtpFit fit) {
        MtpParameters p = fit.parameters();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", 1);
        m.put("kind", "mtp");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "moment_tensor");
        d.put("level", p.basis().level());
        List<String> el = new ArrayList<>();
        for (int z : p.species()) {
            el.add(Element.symbol(z));
        }
        d.put("elements", el);
        d.put("radial_basis", "RBChebyshev");
        d.put("min_dist", p.radial().minDist());
        d.put("max_dist", p.radial().maxDist());
        d.put("radial_basis_size", p.radial().size());
        d.put("scaling", p.radial().scaling());
        d.put("radial_funcs_count", p.basis().radialFunctions());
        d.put("radial_coeffs", p.radialCoefficients());
        m.put("descriptor", d);
        Map<String, Object> c = new LinkedHashMap<>();
        Map<String, Object> species = new LinkedHashMap<>();
        Map<String, Object> e0 = new LinkedHashMap<>();
        double[] s = fit.speciesCoefficients();
        for (int t = 0; t < el.size(); t++) {
            species.put(el.get(t), s[t]);
            e0.put(el.get(t), fit.settings().reference().energyOf(p.species()[t]));
        }
        c.put("species", species);
        c.put("moments", fit.momentCoefficients());
        m.put("coefficients", c);
        m.put("reference", fit.settings().reference().spec());
        m.put("element_energies_ev", e0);
        return m;
    }

    /** Writes {@code json} (the map of {@link #json} plus any provenance) atomically. */
    public static void write(Path file, Map<String, Object> json) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicWrite.text(file, w -> w.write(mapper.writeValueAsString(json) + "\n"));
    }

    /** Whether a path is a fit folder (holding model.json) or a model JSON file. */
    public static boolean isModel(Path p) {
        if (Files.isDirectory(p)) {
            return Files.isRegularFile(p.resolve(FILE));
        }
        if (!p.getFileName().toString().endsWith(".json") || !Files.isRegularFile(p)) {
            return false;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(p.toFile());
            return root != null && root.isObject() && FORMAT.equals(root.path("format").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The potential of a fit folder or model JSON: the model, with the reference potential overlaid.
     *
     * @throws InputException for a malformed file
     */
    public static Potential load(Path path) {
        Path file = modelFile(path);
        JsonNode root = readJson(file);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new InputException(file + ": not a Peierls model (\"format\": \"" + FORMAT + "\" missing)");
        }
        String kind = text(file, root, "kind");
        if (kind.equals("mtp")) {
            return withReference(root, loadMtp(file, root).potential(file.toString()));
        }
        if (!kind.equals("snap") && !kind.equals("qsnap")) {
            throw new InputException(file + ": unknown model kind '" + kind + "' (snap, qsnap, mtp)");
        }
        JsonNode d = field(file, root, "descriptor");
        if (!"bispectrum".equals(d.path("type").asText())) {
            throw new InputException(file + ": unknown descriptor type '" + d.path("type").asText() + "'");
        }
        int[] z = elements(file, d);
        int nt = z.length;
        JsonNode els = d.get("elements"); // the symbols as written: they key the coefficients
        double[] rad = new double[nt];
        double[] wj = new double[nt];
        for (int t = 0; t < nt; t++) {
            rad[t] = field(file, d, "radelem").path(t).asDouble(Double.NaN);
            wj[t] = field(file, d, "wj").path(t).asDouble(Double.NaN);
        }
        BispectrumParameters p;
        try {
            p = new BispectrumParameters(num(file, d, "rcutfac"), field(file, d, "twojmax").asInt(),
                    num(file, d, "rfac0"), num(file, d, "rmin0"), d.path("switchflag").asBoolean(true),
                    d.path("bzeroflag").asBoolean(false), d.path("bnormflag").asBoolean(false), z, rad, wj);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": descriptor: " + e.getMessage());
        }
        Bispectrum b = new Bispectrum(p);
        Model[] models = new Model[nt];
        JsonNode coeffs = field(file, root, "coefficients");
        for (int t = 0; t < nt; t++) {
            JsonNode c = field(file, coeffs, els.get(t).asText());
            double[] v = new double[c.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = c.get(k).asDouble(Double.NaN);
                if (!Double.isFinite(v[k])) {
                    throw new InputException(file + ": coefficient " + k + " of " + els.get(t).asText() + " is not a number");
                }
            }
            int need = kind.equals("qsnap") ? QuadraticModel.coefficientCount(b.size()) : b.size() + 1;
            if (v.length != need) {
                throw new InputException(file + ": " + els.get(t).asText() + " has " + v.length + " coefficients, "
                        + kind + " with twojmax " + p.twojmax() + " needs " + need);
            }
            models[t] = kind.equals("qsnap") ? QuadraticModel.fromCoefficients(v) : LinearModel.fromCoefficients(v);
        }
        return withReference(root, new MlPotential(b, models, file.toString()));
    }

    /** model.json of a fit folder, or the path itself. */
    private static Path modelFile(Path path) {
        return Files.isDirectory(path) ? path.resolve(FILE) : path;
    }

    private static JsonNode readJson(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": cannot read model JSON (" + e.getMessage() + ")", e);
        }
    }

    private static Potential withReference(JsonNode root, MlPotential ml) {
        JsonNode ref = root.get("reference");
        if (ref == null || ref.isNull() || ref.asText().isBlank()) {
            return ml;
        }
        return SumPotential.of(PotentialSpecs.parse(ref.asText()), ml);
    }

    /**
     * The MTP of a fit folder or model JSON of kind "mtp" (without its reference potential).
     *
     * @throws InputException for a malformed file or another kind of model
     */
    public static MtpFile loadMtp(Path path) {
        Path file = modelFile(path);
        JsonNode root = readJson(file);
        if (root == null || !"mtp".equals(root.path("kind").asText())) {
            throw new InputException(file + ": not an MTP model (\"kind\": \"mtp\")");
        }
        return loadMtp(file, root);
    }

    /** The MTP of a model JSON of kind "mtp". */
    static MtpFile loadMtp(Path file, JsonNode root) {
        JsonNode d = field(file, root, "descriptor");
        if (!"moment_tensor".equals(d.path("type").asText())) {
            throw new InputException(file + ": an mtp model needs descriptor type 'moment_tensor', found '"
                    + d.path("type").asText() + "'");
        }
        if (!"RBChebyshev".equals(d.path("radial_basis").asText("RBChebyshev"))) {
            throw new InputException(file + ": radial basis '" + d.path("radial_basis").asText() + "' is not supported");
        }
        int[] z = elements(file, d);
        int nt = z.length;
        JsonNode els = d.get("elements"); // the symbols as written: they key the coefficients
        int level = field(file, d, "level").asInt(-1);
        if (level < 2 || level > MomentTensorBasis.MAX_LEVEL) {
            throw new InputException(file + ": MTP level must be in 2…" + MomentTensorBasis.MAX_LEVEL + ", got " + level);
        }
        MomentTensorBasis basis = MomentTensorBasis.ofLevel(level);
        int k = field(file, d, "radial_funcs_count").asInt(-1);
        if (k != basis.radialFunctions()) {
            throw new InputException(file + ": radial_funcs_count " + k + " does not match level " + level + " ("
                    + basis.radialFunctions() + ")");
        }
        ChebyshevRadialBasis rb;
        MtpParameters p;
        try {
            rb = new ChebyshevRadialBasis(num(file, d, "min_dist"), num(file, d, "max_dist"),
                    field(file, d, "radial_basis_size").asInt(), d.path("scaling").asDouble(1.0));
            p = new MtpParameters(z, basis, rb, numbers(file, field(file, d, "radial_coeffs"), "radial_coeffs"));
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": descriptor: " + e.getMessage());
        }
        JsonNode c = field(file, root, "coefficients");
        JsonNode sp = field(file, c, "species");
        double[] s = new double[nt];
        for (int t = 0; t < nt; t++) {
            s[t] = num(file, sp, els.get(t).asText());
        }
        double[] xi = numbers(file, field(file, c, "moments"), "moments");
        if (xi.length != basis.size()) {
            throw new InputException(file + ": " + xi.length + " moment coefficients, level " + level + " has "
                    + basis.size() + " basis functions");
        }
        return new MtpFile(MtpFile.defaultName(z, level), z, p, s, xi);
    }

    private static double[] numbers(Path file, JsonNode array, String key) {
        if (!array.isArray()) {
            throw new InputException(file + ": \"" + key + "\" is not an array");
        }
        double[] v = new double[array.size()];
        for (int q = 0; q < v.length; q++) {
            v[q] = array.get(q).asDouble(Double.NaN);
            if (!array.get(q).isNumber() || !Double.isFinite(v[q])) {
                throw new InputException(file + ": entry " + q + " of \"" + key + "\" is not a number");
            }
        }
        return v;
    }

    /** Atomic numbers of the descriptor's "elements" (symbols), in order. */
    private static int[] elements(Path file, JsonNode descriptor) {
        JsonNode els = field(file, descriptor, "elements");
        int[] z = new int[els.size()];
        for (int t = 0; t < z.length; t++) {
            String sym = els.get(t).asText();
            if (!Element.isSymbol(sym)) {
                throw new InputException(file + ": descriptor element '" + sym + "' is not a chemical symbol");
            }
            z[t] = Element.number(sym);
        }
        return z;
    }

    private static JsonNode field(Path file, JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            throw new InputException(file + ": missing \"" + key + "\"");
        }
        return v;
    }

    private static String text(Path file, JsonNode n, String key) {
        return field(file, n, key).asText();
    }

    private static double num(Path file, JsonNode n, String key) {
        JsonNode v = field(file, n, key);
        if (!v.isNumber()) {
            throw new InputException(file + ": \"" + key + "\" is not a number");
        }
        return v.asDouble();
    }

    private static volatile boolean registered;

    /**
     * Registers fit folders and model JSON files as potential specs (a bare path, or
     * {@code fit:PATH}) with {@link PotentialSpecs}. Called by the command line at start-up; idempotent.
     */
    public static synchronized void registerSpecs() {
        if (registered) {
            return;
        }
        PotentialSpecs.registerPathLoader(p -> isModel(p) ? load(p) : null);
        PotentialSpecs.register("fit", arg -> load(Path.of(arg)));
        registered = true;
    }
}
