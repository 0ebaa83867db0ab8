package org.peierls.fit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.peierls.util.InputException;

/**
 * The values a user gave for the {@link ModelOption}s of one {@link ModelKind}, as text (from the
 * command line or an experiment file), read with the option's default where none was given.
 * Every error is an {@link InputException} that names the option as the user wrote it
 * ({@code --twojmax} on the command line, {@code student snap8: twojmax} in a file).
 */
public final class OptionValues {

    private final ModelKind<?> kind;
    private final Map<String, String> values;
    private final String where;

    /**
     * @param kind   the kind whose options these are
     * @param given  values by option name or alias (any of snake_case, kebab-case, with leading
     *               dashes); null values count as not given
     * @param where  null for the command line (options are named {@code --kebab-case}), else
     *               what messages put before a snake_case key ("student snap8")
     * @throws InputException naming a key that is no option of the kind
     */
    public OptionValues(ModelKind<?> kind, Map<String, String> given, String where) {
        this.kind = kind;
        this.where = where;
        this.values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            String key = ModelOption.normalise(e.getKey());
            ModelOption o = find(key);
            if (o == null) {
                List<String> known = new ArrayList<>();
                for (ModelOption k : kind.options()) {
                    known.add(where == null ? k.cliName() : k.name());
                }
                throw new InputException(label(key, where) + " is not an option of " + kind.name() + " models (its options: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
            }
            values.put(o.name(), e.getValue().trim());
        }
    }

    /** Values from the command line: messages say {@code --name}. */
    public static OptionValues ofCommandLine(ModelKind<?> kind, Map<String, String> given) {
        return new OptionValues(kind, given, null);
    }

    /** Values from a file (an experiment's student): messages say {@code where: name}. */
    public static OptionValues ofFile(ModelKind<?> kind, Map<String, String> given, String where) {
        return new OptionValues(kind, given, where);
    }

    private static String label(String snakeName, String where) {
        return where == null ? "--" + snakeName.replace('_', '-') : where + ": " + snakeName;
    }

    private ModelOption find(String key) {
        for (ModelOption o : kind.options()) {
            if (o.name().equals(key) || o.aliases().contains(key)) {
                return o;
            }
        }
        return null;
    }

    private ModelOption option(String name) {
        ModelOption o = find(name);
        if (o == null) {
            throw new IllegalArgumentException(kind.name() + " has no option " + name);
        }
        return o;
    }

    /** The text of the option (given, else its default; null when it has neither). */
    public String text(String name) {
        ModelOption o = option(name);
        String v = values.get(o.name());
        return v != null ? v : o.defaultValue();
    }

    /** How an option is named in messages ("--twojmax"). */
    public String label(String name) {
        return label(option(name).name(), where);
    }

    public int integer(String name) {
        return integers(name, 1)[0];
    }

    public double number(String name) {
        return numbers(name, 1)[0];
    }

    /** One or more comma-separated whole numbers. */
    public int[] integers(String name) {
        return integers(name, -1);
    }

    /** One or more comma-separated numbers. */
    public double[] numbers(String name) {
        return numbers(name, -1);
    }

    /** A path, or null when not given and without a default. */
    public Path path(String name) {
        String t = text(name);
        return t == null || t.isBlank() ? null : Path.of(t);
    }

    /** A flag: given without a value or as true/yes/1 on, false/no/0 off. */
    public boolean flag(String name) {
        String t = text(name);
        if (t == null || t.isEmpty()) {
            return values.containsKey(option(name).name());
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new InputException(label(name) + ": expected true or false, got '" + t + "'");
        };
    }

    private String[] items(String name, int count) {
        String t = text(name);
        if (t == null || t.isBlank()) {
            throw new InputException(label(name) + " needs a value");
        }
        String[] parts = t.split(",");
        if (count > 0 && parts.length != count) {
            throw new InputException(label(name) + " takes " + (count == 1 ? "one value" : count + " values") + ", got '" + t + "'");
        }
        for (int k = 0; k < parts.length; k++) {
            parts[k] = parts[k].trim();
        }
        return parts;
    }

    private int[] integers(String name, int count) {
        String[] parts = items(name, count);
        int[] v = new int[parts.length];
        for (int k = 0; k < v.length; k++) {
            try {
                v[k] = Integer.parseInt(parts[k]);
            } catch (NumberFormatException e) {
                throw new InputException(label(name) + ": '" + parts[k] + "' is not a whole number");
            }
        }
        return v;
    }

    private double[] numbers(String name, int count) {
        String[] parts = items(name, count);
        double[] v = new double[parts.length];
        for (int k = 0; k < v.length; k++) {
            try {
                v[k] = Double.parseDouble(parts[k]);
            } catch (NumberFormatException e) {
                throw new InputException(label(name) + ": '" + parts[k] + "' is not a number");
            }
            if (!Double.isFinite(v[k])) {
                throw new InputException(label(name) + ": '" + parts[k] + "' is not a finite number");
            }
        }
        return v;
    }
}
