package org.peierls.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.LatticeType;
import org.peierls.io.AtomicWrite;
import org.peierls.util.InputException;

/**
 * What a {@link DefectBattery} run found, as one JSON document (the single source of truth, so
 * that a result reloaded with {@link #fromJson} answers every accessor exactly as the original).
 *
 * <p>Top-level keys (snake_case, unit in the name where it is not eV or Å; a value that could not
 * be computed is {@code null}, NaN in the accessors):</p>
 * <ul>
 *   <li>{@code element}, {@code lattice}, {@code potential};</li>
 *   <li>{@code lattice_constant_a} (hcp also {@code lattice_constant_c}), {@code cohesive_energy_ev},
 *       {@code bulk_modulus_gpa}, {@code equation_of_state} {volumes_a3, energies_ev_per_atom, …};</li>
 *   <li>{@code c11_gpa}, {@code c12_gpa}, {@code c44_gpa} (hcp also {@code c13_gpa}, {@code c33_gpa}, {@code c66_gpa}),
 *       {@code mechanically_stable} (the Born criteria; false: the defect energies describe a crystal
 *       that the model does not hold together);</li>
 *   <li>{@code vacancy_formation_ev} (constant volume), {@code vacancy_migration_ev} and
 *       {@code vacancy_migration_profile} {path_a, energy_ev};</li>
 *   <li>{@code interstitial_formation_ev} {start configuration: E_f} and
 *       {@code interstitial_final_configuration} {start: final};</li>
 *   <li>{@code surface_energy_j_m2} {"100": γ, …};</li>
 *   <li>{@code gsf} {"110": {direction, unstable_mj_m2, unstable_at, intrinsic_mj_m2, intrinsic_at,
 *       fractions, curve}} (intrinsic null where the curve has no stable fault);</li>
 *   <li>{@code gamma_surface} {plane, x, y, periods_a, grid_mj_m2 [n1+1][n2+1], max_mj_m2};</li>
 *   <li>{@code screw_core} {polarity, polarity_second_core, compact, type, elastic_field};</li>
 *   <li>{@code peierls_barrier_ev_per_b}, {@code peierls_barrier_humps},
 *       {@code peierls_barrier_profile} {coordinate, energy_ev_per_b, end_difference_ev_per_b};</li>
 *   <li>{@code gb_energy_j_m2} {"S5(310)[001]": γ, …};</li>
 *   <li>{@code errors} {property: one-line message}, {@code timings_s} {property: wall seconds},
 *       {@code total_seconds}, {@code plots} {property: PNG file name}.</li>
 * </ul>
 * Only the properties that were run (asked for, or needed by one that was) have keys.
 */
public final class BatteryResult {

    static final ObjectMapper MAPPER = org.peierls.io.Json.mapper();

    /** Structures the properties kept for the caller ({@link BatteryRun#keep}); in memory only, not part of the JSON or of equality. */
    final Map<String, List<org.peierls.atoms.Structure>> structures = new java.util.LinkedHashMap<>();

    /** The structures kept under {@code key} (e.g. "peierls_path": the relaxed NEB band, end states included), or an empty list. */
    public List<org.peierls.atoms.Structure> structures(String key) {
        return structures.getOrDefault(key, List.of());
    }

    /** A curve: x and y of equal length. */
    public record Curve(double[] x, double[] y) {
    }

    /**
     * The γ-surface grid.
     *
     * @param energies γ[i][j] at shifts (i/n1, j/n2) of the periods, mJ/m², periodic edges included
     * @param periods  the two in-plane periods, Å
     * @param plane    the plane
     * @param x        crystal direction of the first shift axis
     * @param y        crystal direction of the second
     */
    public record Grid(double[][] energies, double[] periods, String plane, String x, String y) {
    }

    private final ObjectNode root;

    private BatteryResult(ObjectNode root) {
        this.root = root;
    }

    /** From the battery's map (NaN and infinities become null). */
    static BatteryResult of(Map<String, Object> data) {
        return new BatteryResult(MAPPER.valueToTree(sanitize(data)));
    }

    /**
     * A result from its JSON (as {@link #toJson} wrote it).
     *
     * @throws InputException when the document is not a battery result
     */
    public static BatteryResult fromJson(JsonNode json) {
        if (json == null || !json.isObject() || !json.has("element") || !json.has("lattice") || !json.has("errors")) {
            throw new InputException("not a defect-battery result (expected an object with element, lattice and errors)");
        }
        return new BatteryResult(((ObjectNode) json).deepCopy());
    }

    /** A result from a JSON file written by {@link #write} or {@code peierls defects --json}. */
    public static BatteryResult read(Path path) {
        try {
            return fromJson(MAPPER.readTree(path.toFile()));
        } catch (IOException e) {
            throw new InputException(path + ": not readable as JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The JSON document as nested maps and lists (a copy). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toJson() {
        return MAPPER.convertValue(root, LinkedHashMap.class);
    }

    /** The JSON document (a copy). */
    public JsonNode toJsonNode() {
        return root.deepCopy();
    }

    /** Writes the JSON atomically. */
    public void write(Path path) {
        try {
            String text = MAPPER.writeValueAsString(root);
            AtomicWrite.text(path, w -> w.write(text + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String element() {
        return root.path("element").asText();
    }

    public LatticeType lattice() {
        return LatticeType.parse(root.path("lattice").asText());
    }

    /** The potential's one-line description. */
    public String potential() {
        return root.path("potential").asText();
    }

    /**
     * Every scalar, in a fixed order, under dotted names: the top-level numbers
     * ({@code lattice_constant_a}, {@code c11_gpa}, …), the entries of the maps
     * ({@code surface_energy_j_m2.100}, {@code interstitial_formation_ev.fcc-dumbbell-100},
     * {@code gb_energy_j_m2.S5(310)[001]}), {@code gsf.110.unstable_mj_m2} and
     * {@code gsf.110.intrinsic_mj_m2}, {@code gamma_surface.max_mj_m2}, {@code screw_core.polarity}
     * and {@code screw_core.compact} (1 or 0). NaN where the value could not be computed (the
     * property's entry in {@link #errors} says why) or does not exist (no intrinsic fault).
     */
    public Map<String, Double> scalars() {
        Map<String, Double> out = new LinkedHashMap<>();
        Map<String, BatteryProperties.Owned> schema = BatteryProperties.schema();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            String k = f.getKey();
            JsonNode v = f.getValue();
            BatteryProperties.Owned owned = schema.get(k);
            if (owned == null) {
                continue;
            }
            ResultKey key = owned.key();
            switch (key.shape()) {
                case SCALAR -> out.put(k, number(v));
                case MAP -> v.fields().forEachRemaining(g -> out.put(k + "." + g.getKey(), number(g.getValue())));
                case FIELDS -> {
                    for (String field : key.fields()) {
                        JsonNode x = v.path(field);
                        out.put(k + "." + field, key.flags().contains(field)
                                ? (x.isBoolean() ? (x.asBoolean() ? 1.0 : 0.0) : Double.NaN) : number(x));
                    }
                }
                case MAP_OF_FIELDS -> v.fields().forEachRemaining(g -> {
                    for (String field : key.fields()) {
                        out.put(k + "." + g.getKey() + "." + field, number(g.getValue().path(field)));
                    }
                });
            }
        }
        return out;
    }

    /**
     * The id of the property ({@link BatteryProperty#id}) a scalar of {@link #scalars} comes from,
     * e.g. "surfaces" for {@code surface_energy_j_m2.100}; null for a name the battery does not write.
     */
    public static String propertyOf(String scalarName) {
        String top = scalarName.contains(".") ? scalarName.substring(0, scalarName.indexOf('.')) : scalarName;
        BatteryProperties.Owned owned = BatteryProperties.schema().get(top);
        return owned == null ? null : owned.property();
    }

    /** One scalar by its dotted name ({@link #scalars}); NaN when absent. */
    public double scalar(String name) {
        Double v = scalars().get(name);
        return v == null ? Double.NaN : v;
    }

    /** {property id: one-line message} of the properties (or parts of them) that failed. */
    public Map<String, String> errors() {
        Map<String, String> m = new LinkedHashMap<>();
        root.path("errors").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /** The error of one property (by id), or null. */
    public String error(String property) {
        JsonNode e = root.path("errors").get(property);
        return e == null || e.isNull() ? null : e.asText();
    }

    /** Whether the property (by id) was run. */
    public boolean ran(String property) {
        return root.path("timings_s").has(property);
    }

    /** {property id: wall-clock seconds}, in the order they ran. */
    public Map<String, Double> timings() {
        Map<String, Double> m = new LinkedHashMap<>();
        root.path("timings_s").fields().forEachRemaining(e -> m.put(e.getKey(), number(e.getValue())));
        return m;
    }

    /** Wall-clock seconds of the whole battery. */
    public double totalSeconds() {
        return number(root.path("total_seconds"));
    }

    /** {property id: PNG file name} of the plots written (relative to the plots folder). */
    public Map<String, String> plots() {
        Map<String, String> m = new LinkedHashMap<>();
        root.path("plots").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /** Energy per atom (eV) against volume per atom (Å³) sampled for the equation of state, or null. */
    public Curve equationOfState() {
        JsonNode e = root.get("equation_of_state");
        return e == null ? null : new Curve(array(e.path("volumes_a3")), array(e.path("energies_ev_per_atom")));
    }

    /** The vacancy hop's NEB profile: path length (Å) and energy relative to the initial state (eV), or null. */
    public Curve vacancyMigrationProfile() {
        JsonNode e = root.get("vacancy_migration_profile");
        return e == null ? null : new Curve(array(e.path("path_a")), array(e.path("energy_ev")));
    }

    /** {GSF key ("110", …): shift in fractions of the period → γ in mJ/m²}; empty when not run. */
    public Map<String, Curve> gsfCurves() {
        Map<String, Curve> m = new LinkedHashMap<>();
        JsonNode g = root.get("gsf");
        if (g != null) {
            g.fields().forEachRemaining(e -> {
                if (e.getValue().has("curve")) {
                    m.put(e.getKey(), new Curve(array(e.getValue().path("fractions")), array(e.getValue().path("curve"))));
                }
            });
        }
        return m;
    }

    /** The γ-surface, or null when not computed. */
    public Grid gammaSurface() {
        JsonNode g = root.get("gamma_surface");
        if (g == null || !g.has("grid_mj_m2")) {
            return null;
        }
        JsonNode rows = g.path("grid_mj_m2");
        double[][] e = new double[rows.size()][];
        for (int i = 0; i < e.length; i++) {
            e[i] = array(rows.get(i));
        }
        return new Grid(e, array(g.path("periods_a")), g.path("plane").asText(), g.path("x").asText(), g.path("y").asText());
    }

    /** The Peierls barrier profile: reaction coordinate (0…1) and energy per b (eV, end difference removed), or null. */
    public Curve peierlsProfile() {
        JsonNode p = root.get("peierls_barrier_profile");
        return p == null || !p.has("coordinate") ? null : new Curve(array(p.path("coordinate")), array(p.path("energy_ev_per_b")));
    }

    /** "compact/non-degenerate", "degenerate", or null when not computed. */
    public String screwCoreType() {
        JsonNode t = root.path("screw_core").get("type");
        return t == null || t.isNull() ? null : t.asText();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BatteryResult b && b.root.equals(root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BatteryResult[%s %s, %d scalars, %d errors]", element(), root.path("lattice").asText(),
                scalars().size(), errors().size());
    }

    static double number(JsonNode n) {
        return n == null || !n.isNumber() ? Double.NaN : n.asDouble();
    }

    static double[] array(JsonNode n) {
        double[] a = new double[n.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = number(n.get(i));
        }
        return a;
    }

    /** Non-finite doubles (also inside arrays, lists and maps) replaced by null. */
    static Object sanitize(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (v instanceof Float f) {
            return Float.isFinite(f) ? f : null;
        }
        if (v instanceof double[] a) {
            java.util.List<Object> l = new java.util.ArrayList<>(a.length);
            for (double x : a) {
                l.add(Double.isFinite(x) ? x : null);
            }
            return l;
        }
        if (v instanceof double[][] a) {
            java.util.List<Object> l = new java.util.ArrayList<>(a.length);
            for (double[] row : a) {
                l.add(sanitize(row));
            }
            return l;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(String.valueOf(e.getKey()), sanitize(e.getValue()));
            }
            return out;
        }
        if (v instanceof java.util.Collection<?> c) {
            java.util.List<Object> l = new java.util.ArrayList<>(c.size());
            for (Object x : c) {
                l.add(sanitize(x));
            }
            return l;
        }
        return v;
    }
}
