package org.peierls.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.peierls.util.InputException;

/** Small helpers for the JSON data-set readers: typed access with errors naming file, line and record. */
final class JsonRecords {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonRecords() {
    }

    /** Where a record starts, for messages. */
    record Where(Path path, int line, String record) {
        InputException error(String message) {
            return InputException.at(path, line, record + ": " + message);
        }
    }

    static InputException malformed(Path path, JsonProcessingException e, int lineOffset) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + lineOffset;
        return InputException.at(path, line, "malformed JSON: " + e.getOriginalMessage());
    }

    static JsonNode field(JsonNode node, String name, Where w) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || v.isNull()) {
            throw w.error("expected a '" + name + "' entry, found none");
        }
        return v;
    }

    static double number(JsonNode node, String what, Where w) {
        if (node == null || !node.isNumber()) {
            throw w.error("expected a number for " + what + ", found " + (node == null ? "nothing" : abbreviate(node.toString())));
        }
        return node.doubleValue();
    }

    /** A rows × cols nested array as a flat row-major {@code double[rows·cols]}. */
    static double[] matrix(JsonNode node, int rows, int cols, String what, Where w) {
        if (node == null || !node.isArray() || node.size() != rows) {
            throw w.error("expected " + what + " as " + rows + " rows of " + cols + " numbers, found "
                    + (node == null ? "nothing" : node.isArray() ? node.size() + " rows" : abbreviate(node.toString())));
        }
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            JsonNode row = node.get(i);
            if (!row.isArray() || row.size() != cols) {
                throw w.error("expected row " + i + " of " + what + " to have " + cols + " numbers, found " + abbreviate(row.toString()));
            }
            for (int k = 0; k < cols; k++) {
                out[cols * i + k] = number(row.get(k), what, w);
            }
        }
        return out;
    }

    static double[] vector(JsonNode node, int len, String what, Where w) {
        if (node == null || !node.isArray() || node.size() != len) {
            throw w.error("expected " + what + " as " + len + " numbers, found " + (node == null ? "nothing" : abbreviate(node.toString())));
        }
        double[] out = new double[len];
        for (int k = 0; k < len; k++) {
            out[k] = number(node.get(k), what, w);
        }
        return out;
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    /** Advances a parser to the start of the next array element; false at the array's end. */
    static boolean nextElement(JsonParser p) throws java.io.IOException {
        JsonToken t = p.nextToken();
        return t != null && t != JsonToken.END_ARRAY;
    }
}
