package org.peierls.fit;

import java.util.List;
import java.util.Locale;

/**
 * One setting of a {@link ModelKind}, described once for every front end: the command line turns
 * it into {@code --kebab-name} (with its label, default and description in {@code --help}), an
 * experiment file takes it as the {@code snake_name} key of a student.
 *
 * @param name         snake_case name, e.g. "radial_basis_size"
 * @param label        the value's placeholder in help texts, e.g. "R"
 * @param defaultValue the default as text (null: none, e.g. an optional file)
 * @param description  one line, e.g. "Chebyshev radial functions"
 * @param type         a single value, a comma-separated list of candidates, or a flag
 * @param aliases      other snake_case names an experiment file may use
 */
public record ModelOption(String name, String label, String defaultValue, String description, Type type,
                          List<String> aliases) {

    /** How the value is written. */
    public enum Type {
        /** one value */
        VALUE,
        /** one or more comma-separated values (several: candidates that cross-validation chooses from) */
        LIST,
        /** present or not (true/false in a file) */
        FLAG
    }

    public ModelOption {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("model option names are snake_case, got " + name);
        }
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A single-valued option. */
    public static ModelOption value(String name, String label, String defaultValue, String description) {
        return new ModelOption(name, label, defaultValue, description, Type.VALUE, List.of());
    }

    /** A comma-separated list of candidates. */
    public static ModelOption list(String name, String label, String defaultValue, String description) {
        return new ModelOption(name, label, defaultValue, description, Type.LIST, List.of());
    }

    /** A flag (off by default). */
    public static ModelOption flag(String name, String description) {
        return new ModelOption(name, null, "false", description, Type.FLAG, List.of());
    }

    /** The same option also known under {@code more} names in files. */
    public ModelOption withAliases(String... more) {
        return new ModelOption(name, label, defaultValue, description, type, List.of(more));
    }

    /** "--radial-basis-size". */
    public String cliName() {
        return "--" + name.replace('_', '-');
    }

    /** The snake_case name of a command-line or file key ("--radial-basis-size", "radial-basis-size" → "radial_basis_size"). */
    public static String normalise(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        while (k.startsWith("-")) {
            k = k.substring(1);
        }
        return k.replace('-', '_');
    }
}
