package org.peierls.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.atoms.Units;
import org.peierls.util.InputException;

/**
 * Per-group weights and test fractions from a YAML file:
 * <pre>
 * stress_unit: GPa        # what the stress weights refer to: GPa (default), bar, kbar, eV/A3
 * default: {energy: 100, force: 1, stress: 0}
 * test_fraction: 0.1      # default fraction of each group held out (with --seed)
 * groups:
 *   Vacancy: {energy: 200, force: 1, stress: 0.01, test_fraction: 0.2}
 * </pre>
 * Weights multiply residuals (energy per atom in eV/atom, forces in eV/Å, stress in the stated
 * unit); see {@link Weights}. Unknown keys are errors.
 *
 * @param defaults     weights of groups not listed
 * @param groups       weights per group
 * @param testFraction default held-out fraction (NaN when not given)
 * @param groupTest    held-out fraction per group
 */
public record WeightsFile(Weights defaults, Map<String, Weights> groups, double testFraction,
                          Map<String, Double> groupTest) {

    /** Reads a weights file. */
    public static WeightsFile read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (java.io.FileNotFoundException e) {
            throw new InputException(file + ": no such file");
        } catch (IOException e) {
            throw new InputException(file + ": not valid YAML (" + e.getMessage().split("\n")[0] + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(file + ": expected a mapping with default/groups/stress_unit/test_fraction");
        }
        check(file, root, "top level", List.of("stress_unit", "default", "groups", "test_fraction"));
        double unit = stressUnit(file, root.path("stress_unit").asText("GPa"));
        Weights defaults = root.has("default") ? weights(file, "default", root.get("default"), Weights.DEFAULT, unit)
                : Weights.DEFAULT;
        double testFraction = root.has("test_fraction") ? fraction(file, "test_fraction", root.get("test_fraction")) : Double.NaN;
        Map<String, Weights> groups = new LinkedHashMap<>();
        Map<String, Double> groupTest = new LinkedHashMap<>();
        JsonNode g = root.get("groups");
        if (g != null && !g.isNull()) {
            if (!g.isObject()) {
                throw new InputException(file + ": 'groups' must map group names to {energy, force, stress, test_fraction}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                groups.put(e.getKey(), weights(file, "group " + e.getKey(), e.getValue(), defaults, unit));
                if (e.getValue().has("test_fraction")) {
                    groupTest.put(e.getKey(), fraction(file, "group " + e.getKey() + " test_fraction", e.getValue().get("test_fraction")));
                }
            }
        }
        return new WeightsFile(defaults, groups, testFraction, groupTest);
    }

    /** GPa per unit of a stress-weight unit name. */
    static double stressUnit(Path file, String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT).replace("å", "a")) {
            case "gpa" -> 1.0;
            case "bar" -> 1e4;
            case "kbar" -> 10.0;
            case "ev/a3", "ev/a^3", "ev/angstrom3" -> 1.0 / Units.EV_PER_A3_TO_GPA;
            default -> throw new InputException(file + ": stress_unit '" + name
                    + "' is not a stress unit Peierls knows (incompatible units; use GPa, bar, kbar or eV/A3)");
        };
    }

    private static Weights weights(Path file, String where, JsonNode n, Weights base, double unit) {
        if (!n.isObject()) {
            throw new InputException(file + ": " + where + " must be a mapping {energy, force, stress}");
        }
        check(file, where, n, List.of("energy", "force", "stress", "test_fraction"));
        try {
            // a weight per unit X applied to residuals in GPa: w_GPa·r_GPa = w_X·r_X, r_X = r_GPa·(X per GPa)
            return new Weights(n.has("energy") ? number(file, where + " energy", n.get("energy")) : base.energy(),
                    n.has("force") ? number(file, where + " force", n.get("force")) : base.force(),
                    n.has("stress") ? number(file, where + " stress", n.get("stress")) * unit : base.stress());
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + where + ": " + e.getMessage());
        }
    }

    private static void check(Path file, JsonNode n, String where, List<String> known) {
        check(file, where, n, known);
    }

    private static void check(Path file, String where, JsonNode n, List<String> known) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw new InputException(file + ": unknown key '" + k + "' in " + where + " (known: " + String.join(", ", known) + ")");
            }
        }
    }

    private static double number(Path file, String what, JsonNode v) {
        if (!v.isNumber()) {
            throw new InputException(file + ": " + what + " must be a number, got '" + v.asText() + "'");
        }
        return v.asDouble();
    }

    private static double fraction(Path file, String what, JsonNode v) {
        double f = number(file, what, v);
        if (!(f >= 0 && f <= 1)) {
            throw new InputException(file + ": " + what + " must be in [0, 1], got " + f);
        }
        return f;
    }

    /** The data set with these weights and, when fractions are given, a seeded test split. */
    public Dataset apply(Dataset data, long seed) {
        Dataset d = data.withWeights(defaults, groups);
        if (!Double.isNaN(testFraction) || !groupTest.isEmpty()) {
            d = d.split(groupTest, Double.isNaN(testFraction) ? 0 : testFraction, seed);
        }
        return d;
    }
}
