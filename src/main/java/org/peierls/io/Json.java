package org.peierls.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.peierls.util.InputException;

/**
 * The JSON of Peierls's outputs and inputs, configured once: indented, UTF-8, written atomically
 * ({@link AtomicWrite}), and one rule for numbers that are not finite — they are written as
 * {@code null} (JSON has no NaN; a value that could not be computed is null in every file
 * Peierls writes, and reads back as NaN where a number is expected). Records bind by their
 * component names; reading fails on unknown keys.
 */
public final class Json {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private Json() {
    }

    /** The configured mapper (shared: do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies Peierls's JSON settings to a mapper (also to YAML ones: same NaN rule and strictness). */
    public static ObjectMapper configure(ObjectMapper m) {
        SimpleModule finite = new SimpleModule("peierls-finite-numbers");
        finite.addSerializer(Double.class, new FiniteDouble());
        finite.addSerializer(Double.TYPE, new FiniteDouble());
        finite.addSerializer(double[].class, new FiniteDoubles());
        finite.addSerializer(Float.class, new FiniteFloat());
        return m.registerModule(finite)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    /** The indented JSON text of a value (maps, lists, records, arrays, JSON trees). */
    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes a value to a file atomically (a temporary file renamed over it), with a final newline. */
    public static void write(Path file, Object value) {
        String t = text(value);
        AtomicWrite.text(file, w -> w.write(t + "\n"));
    }

    /**
     * The JSON tree of a file.
     *
     * @throws InputException naming the file (and the line of a syntax error)
     */
    public static JsonNode read(Path file) {
        try {
            JsonNode n = MAPPER.readTree(file.toFile());
            if (n == null || n.isMissingNode()) {
                throw new InputException(file + " is empty (expected JSON)");
            }
            return n;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw InputException.at(file, line, "malformed JSON: " + e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw new InputException("no such file: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    /** A value (record, map) bound from a tree. */
    public static <T> T convert(JsonNode tree, Class<T> type) {
        return MAPPER.convertValue(tree, type);
    }

    private static final class FiniteDouble extends StdSerializer<Double> {
        FiniteDouble() {
            super(Double.class);
        }

        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (v == null || !Double.isFinite(v)) {
                g.writeNull();
            } else {
                g.writeNumber(v);
            }
        }
    }

    private static final class FiniteFloat extends StdSerializer<Float> {
        FiniteFloat() {
            super(Float.class);
        }

        @Override
        public void serialize(Float v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (v == null || !Float.isFinite(v)) {
                g.writeNull();
            } else {
                g.writeNumber(v);
            }
        }
    }

    private static final class FiniteDoubles extends StdSerializer<double[]> {
        FiniteDoubles() {
            super(double[].class);
        }

        @Override
        public void serialize(double[] a, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray(a, a.length);
            for (double v : a) {
                if (Double.isFinite(v)) {
                    g.writeNumber(v);
                } else {
                    g.writeNull();
                }
            }
            g.writeEndArray();
        }
    }
}
