package org.peierls.fit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.peierls.io.Json;
import org.peierls.model.MlPotential;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecProvider;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.SumPotential;
import org.peierls.util.InputException;

/**
 * The JSON file of a fitted model ({@code model.json} in the folder {@code peierls fit} writes),
 * loadable as a potential: {@code --potential DIR}, {@code --potential DIR/model.json} or
 * {@code fit:PATH} (a {@link PotentialSpecProvider}, found by {@code ServiceLoader}).
 *
 * <pre>
 * {"format": "peierls-model", "version": 1, "kind": "snap",     a {@link ModelKind} name
 *  "descriptor": {"type": …, …},                               the kind's
 *  "coefficients": …,                                          the kind's
 *  "reference": "zbl:4.0,4.8" | null,                          a potential spec, overlaid on the model
 *  "element_energies_ev": {"Ta": 0.0},                         informational (already in the constants)
 *  "lammps": {…}, "fit": {…}}                                  files written for LAMMPS; provenance
 * </pre>
 *
 * The kind named in the file reads its "descriptor" and "coefficients" ({@link ModelKind#load}):
 * for SNAP see {@link SnapKind}, for MTP {@link MtpKind}.
 */
public final class ModelStore implements PotentialSpecProvider {

    /** File name inside a fit folder. */
    public static final String FILE = "model.json";
    static final String FORMAT = "peierls-model";

    /** For {@code ServiceLoader}; the methods are static. */
    public ModelStore() {
    }

    @Override
    public Map<String, Function<String, Potential>> specs() {
        return Map.of("fit", arg -> load(Path.of(arg)));
    }

    @Override
    public Potential fromPath(Path path) {
        return isModel(path) ? load(path) : null;
    }

    /**
     * The document every kind writes: format, version, kind, its descriptor and coefficients, the
     * reference spec and the element energies (eV, by symbol; informational: already in the
     * model's constants).
     */
    public static Map<String, Object> document(String kind, Map<String, Object> descriptor, Object coefficients,
                                               Reference reference, int[] species) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", 1);
        m.put("kind", kind);
        m.put("descriptor", descriptor);
        m.put("coefficients", coefficients);
        m.put("reference", reference.spec());
        Map<String, Object> e0 = new java.util.LinkedHashMap<>();
        for (int z : species) {
            e0.put(org.peierls.atoms.Element.symbol(z), reference.energyOf(z));
        }
        m.put("element_energies_ev", e0);
        return m;
    }

    /** Writes {@code json} (a fit's {@link FittedModel#json} plus any provenance) atomically. */
    public static void write(Path file, Map<String, Object> json) {
        Json.write(file, json);
    }

    /** Whether a path is a fit folder (holding model.json) or a model JSON file. */
    public static boolean isModel(Path p) {
        if (Files.isDirectory(p)) {
            return Files.isRegularFile(p.resolve(FILE));
        }
        if (p.getFileName() == null || !p.getFileName().toString().endsWith(".json") || !Files.isRegularFile(p)) {
            return false;
        }
        try {
            JsonNode root = Json.mapper().readTree(p.toFile());
            return root != null && root.isObject() && FORMAT.equals(root.path("format").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** The model file of a fit folder or model JSON, read and checked to be a Peierls model. */
    public static ModelFile read(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(FILE) : path;
        JsonNode root;
        try {
            root = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new InputException(file + ": cannot read model JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new InputException(file + ": not a Peierls model (\"format\": \"" + FORMAT + "\" missing)");
        }
        return new ModelFile(file, root);
    }

    /** The kind a model file names. */
    public static ModelKind<?> kindOf(ModelFile f) {
        String kind = f.field(f.root(), "kind").asText();
        try {
            return ModelKinds.named(kind);
        } catch (InputException e) {
            throw f.error("unknown model kind '" + kind + "' (known: " + ModelKinds.names() + ")");
        }
    }

    /**
     * The model alone of a fit folder or model JSON (without its reference potential).
     *
     * @throws InputException for a malformed file
     */
    public static MlPotential loadModel(Path path) {
        ModelFile f = read(path);
        return kindOf(f).load(f);
    }

    /**
     * The potential of a fit folder or model JSON: the model, with the reference potential overlaid.
     *
     * @throws InputException for a malformed file
     */
    public static Potential load(Path path) {
        ModelFile f = read(path);
        MlPotential ml = kindOf(f).load(f);
        JsonNode ref = f.root().get("reference");
        if (ref == null || ref.isNull() || ref.asText().isBlank()) {
            return ml;
        }
        return SumPotential.of(PotentialSpecs.parse(ref.asText()), ml);
    }
}
