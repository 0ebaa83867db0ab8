package org.peierls.properties;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.LatticeType;

/**
 * One property of the {@link DefectBattery}: what {@code --only} and an experiment's
 * {@code battery} name, its options per {@link Preset}, how it is computed on a
 * {@link BatteryRun}, and the schema of what it writes ({@link ResultKey}). Properties are found
 * by {@link BatteryProperties} with {@code ServiceLoader}
 * ({@code META-INF/services/org.peierls.properties.BatteryProperty}): a new property is one
 * class and one line there, no switch to edit.
 *
 * <p>Contract: {@link #compute} writes the keys {@link #keys} declares (and may write the
 * {@link #extraKeys}: curves, profiles); on a failure the battery replaces them by
 * {@link #placeholder}, so a failed property has the same keys with NaN (null in JSON). A
 * property that could compute only part of its values writes what it has and throws
 * {@link PartialFailure}. Implementations are stateless (one instance serves every run).</p>
 *
 * @param <O> the property's options record
 */
public interface BatteryProperty<O> {

    /** The name {@code --only} takes, e.g. "vacancy"; also the key of its error, timing and plot. */
    String id();

    /** Other names accepted for it (e.g. "peierls_barrier" for "peierls"). */
    default List<String> aliases() {
        return List.of();
    }

    /** One line for help texts. */
    String description();

    /** Whether the property is defined for crystals of this lattice. */
    default boolean appliesTo(LatticeType lattice) {
        return true;
    }

    /**
     * Ids of properties whose results this one uses ({@link BatteryRun#recall}) and which run
     * first, also when they were not asked for (the lattice constant always runs first).
     */
    default List<String> needs() {
        return List.of();
    }

    /** Position in the run order: lower first (the built-in ones use 0…100). */
    double order();

    /** Whether "all" includes it. */
    default boolean standard() {
        return true;
    }

    /** The options of a preset for a lattice. */
    O options(Preset preset, LatticeType lattice);

    /** The keys it writes with numbers in them, in order. */
    List<ResultKey> keys(LatticeType lattice);

    /** Keys it writes without scalars (curves, grids, profiles), removed when it fails. */
    default List<String> extraKeys() {
        return List.of();
    }

    /** The entry names of one of its MAP or MAP_OF_FIELDS keys for these options (planes, sites, boundaries). */
    default List<String> entries(String key, O options, BatteryRun run) {
        return List.of();
    }

    /** Computes the property and writes its keys into the run. */
    void compute(BatteryRun run, O options);

    /**
     * The keys of {@link #keys} with NaN values (entries from {@link #entries}), the
     * {@link #extraKeys} removed: what a failure leaves, and what {@link #compute} overwrites.
     */
    default void placeholder(BatteryRun run, O options) {
        for (String k : extraKeys()) {
            run.remove(k);
        }
        for (ResultKey k : keys(run.lattice())) {
            switch (k.shape()) {
                case SCALAR -> run.put(k.key(), Double.NaN);
                case MAP -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (String e : entries(k.key(), options, run)) {
                        m.put(e, Double.NaN);
                    }
                    run.put(k.key(), m);
                }
                case FIELDS -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (String f : k.fields()) {
                        m.put(f, k.flags().contains(f) ? null : Double.NaN);
                    }
                    run.put(k.key(), m);
                }
                case MAP_OF_FIELDS -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (String e : entries(k.key(), options, run)) {
                        Map<String, Object> c = new LinkedHashMap<>();
                        for (String f : k.fields()) {
                            c.put(f, Double.NaN);
                        }
                        m.put(e, c);
                    }
                    run.put(k.key(), m);
                }
            }
        }
    }

    /** A failure of part of a property: its values written so far stay, the message is its error. */
    final class PartialFailure extends RuntimeException {
        public PartialFailure(String message) {
            super(message, null, false, false);
        }
    }
}
