package org.peierls.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {{name}}} placeholders, filled from a map. Values go in verbatim — the
 * caller escapes what needs escaping ({@link Html#esc}) — and a placeholder without a value or a
 * value without a placeholder is a programming error, caught the first time the page is written
 * instead of showing up as a literal {@code {{name}}} in a report.
 */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z0-9_]+)}}");

    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The template in a resource beside this class. */
    static Template resource(String file) {
        try (InputStream in = Template.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("template resource " + file + " is missing from the build");
            }
            return new Template(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the placeholders, in order of first appearance. */
    Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The text with every placeholder replaced by its value. */
    String fill(Map<String, String> values) {
        Set<String> names = placeholders();
        if (!names.equals(values.keySet())) {
            throw new IllegalArgumentException(name + " has placeholders " + names + " but was given " + values.keySet());
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() * 2);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
