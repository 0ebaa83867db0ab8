package org.peierls.fit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.peierls.atoms.Element;
import org.peierls.util.InputException;

/**
 * A {@code model.json} as read, for a {@link ModelKind} to load: the file (for messages) and its
 * JSON, with accessors whose errors name the file and the key.
 *
 * @param file the model.json path
 * @param root its document
 */
public record ModelFile(Path file, JsonNode root) {

    /** The "descriptor" object. */
    public JsonNode descriptor() {
        return field(root, "descriptor");
    }

    /** The "coefficients" entry. */
    public JsonNode coefficients() {
        return field(root, "coefficients");
    }

    /** A required member of {@code node}. */
    public JsonNode field(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw error("missing \"" + key + "\"");
        }
        return v;
    }

    /** A required number member. */
    public double number(JsonNode node, String key) {
        JsonNode v = field(node, key);
        if (!v.isNumber()) {
            throw error("\"" + key + "\" is not a number");
        }
        return v.asDouble();
    }

    /** A required whole-number member. */
    public int integer(JsonNode node, String key) {
        JsonNode v = field(node, key);
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw error("\"" + key + "\" is not a whole number");
        }
        return v.asInt();
    }

    /** A required array of finite numbers. */
    public double[] numbers(JsonNode node, String key) {
        return numbersOf(field(node, key), "\"" + key + "\"");
    }

    /** An array of finite numbers; {@code what} names it in messages. */
    public double[] numbersOf(JsonNode array, String what) {
        if (!array.isArray()) {
            throw error(what + " is not an array");
        }
        double[] v = new double[array.size()];
        for (int q = 0; q < v.length; q++) {
            v[q] = array.get(q).asDouble(Double.NaN);
            if (!array.get(q).isNumber() || !Double.isFinite(v[q])) {
                throw error("entry " + q + " of " + what + " is not a number");
            }
        }
        return v;
    }

    /** The symbols of the descriptor's "elements", in type order (as written: they key the coefficients). */
    public String[] elementSymbols() {
        JsonNode els = field(descriptor(), "elements");
        String[] s = new String[els.size()];
        for (int t = 0; t < s.length; t++) {
            s[t] = els.get(t).asText();
        }
        return s;
    }

    /** Atomic numbers of the descriptor's "elements", in order. */
    public int[] elements() {
        String[] symbols = elementSymbols();
        int[] z = new int[symbols.length];
        for (int t = 0; t < z.length; t++) {
            if (!Element.isSymbol(symbols[t])) {
                throw error("descriptor element '" + symbols[t] + "' is not a chemical symbol");
            }
            z[t] = Element.number(symbols[t]);
        }
        return z;
    }

    /** "FILE: message". */
    public InputException error(String message) {
        return new InputException(file + ": " + message);
    }
}
