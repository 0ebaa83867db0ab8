package org.peierls.properties;

import java.util.List;

/**
 * One top-level key of a battery result and where its numbers are ({@link BatteryResult#scalars}):
 * the single schema of a {@link BatteryProperty}'s output, from which the scalars, their
 * property, and the placeholder a failure leaves are all derived.
 *
 * <ul>
 *   <li>{@link Shape#SCALAR}: {@code "key": number};</li>
 *   <li>{@link Shape#MAP}: {@code "key": {name: number}} → scalars {@code key.name};</li>
 *   <li>{@link Shape#FIELDS}: {@code "key": {field: number|boolean, …}} → {@code key.field} for
 *       the listed fields (a boolean counts 1 or 0);</li>
 *   <li>{@link Shape#MAP_OF_FIELDS}: {@code "key": {name: {field: number}}} → {@code key.name.field}.</li>
 * </ul>
 *
 * @param key    the top-level JSON key (snake_case with its unit)
 * @param shape  how the numbers sit under it
 * @param fields the fields read (FIELDS, MAP_OF_FIELDS; empty otherwise)
 * @param flags  the fields among them that are booleans (FIELDS)
 */
public record ResultKey(String key, Shape shape, List<String> fields, List<String> flags) {

    /** How the numbers of a key are laid out. */
    public enum Shape { SCALAR, MAP, FIELDS, MAP_OF_FIELDS }

    public ResultKey {
        fields = List.copyOf(fields);
        flags = List.copyOf(flags);
    }

    public static ResultKey scalar(String key) {
        return new ResultKey(key, Shape.SCALAR, List.of(), List.of());
    }

    public static ResultKey map(String key) {
        return new ResultKey(key, Shape.MAP, List.of(), List.of());
    }

    public static ResultKey fields(String key, String... fields) {
        return new ResultKey(key, Shape.FIELDS, List.of(fields), List.of());
    }

    /** FIELDS where some fields are booleans (1 or 0 as scalars). */
    public static ResultKey fields(String key, List<String> numbers, List<String> flags) {
        List<String> all = new java.util.ArrayList<>(numbers);
        all.addAll(flags);
        return new ResultKey(key, Shape.FIELDS, all, flags);
    }

    public static ResultKey mapOfFields(String key, String... fields) {
        return new ResultKey(key, Shape.MAP_OF_FIELDS, List.of(fields), List.of());
    }
}
