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

    /** Jackson with its fast floating-point parser (data sets are mostly numbers). */
    static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build());

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

    /** The current token as a number (after {@code nextToken()}), or an error naming {@code what}. */
    static double number(JsonParser p, String what, Where w) throws java.io.IOException {
        com.fasterxml.jackson.core.JsonToken t = p.currentToken();
        if (t != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT && t != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
            throw w.error("expected a number for " + what + ", found " + p.getText());
        }
        return p.getDoubleValue();
    }

    /**
     * The current array of rows of {@code cols} numbers each (parser on its START_ARRAY), appended
     * row by row to a growing buffer; returns the flat values {@code [rows·cols]}.
     */
    static double[] rows(JsonParser p, int cols, String what, Where w) throws java.io.IOException {
        if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
            throw w.error("expected " + what + " as a list of rows of " + cols + " numbers, found " + p.getText());
        }
        double[] buf = new double[64 * cols];
        int n = 0;
        while (nextElement(p)) {
            if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                throw w.error("expected row " + n / cols + " of " + what + " to be a list of " + cols + " numbers, found " + p.getText());
            }
            int k = 0;
            while (nextElement(p)) {
                if (k == cols) {
                    throw w.error("expected row " + n / cols + " of " + what + " to have " + cols + " numbers, found more");
                }
                if (n + k >= buf.length) {
                    buf = java.util.Arrays.copyOf(buf, 2 * buf.length);
                }
                buf[n + k] = number(p, what, w);
                k++;
            }
            if (k != cols) {
                throw w.error("expected row " + n / cols + " of " + what + " to have " + cols + " numbers, found " + k);
            }
            n += cols;
        }
        return java.util.Arrays.copyOf(buf, n);
    }

    /** The current flat array of numbers (parser on its START_ARRAY). */
    static double[] numbers(JsonParser p, String what, Where w) throws java.io.IOException {
        if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
            throw w.error("expected " + what + " as a list of numbers, found " + p.getText());
        }
        double[] buf = new double[8];
        int n = 0;
        while (nextElement(p)) {
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, 2 * n);
            }
            buf[n++] = number(p, what, w);
        }
        return java.util.Arrays.copyOf(buf, n);
    }

    /** Advances a parser to the start of the next array element; false at the array's end. */
    static boolean nextElement(JsonParser p) throws java.io.IOException {
        JsonToken t = p.nextToken();
        return t != null && t != JsonToken.END_ARRAY;
    }
}
