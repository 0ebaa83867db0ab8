package org.peierls.properties;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peierls.atoms.LatticeType;

/**
 * What the {@link DefectBattery} computes and with which settings: the lattice, the properties
 * asked for (their needs run too), one options record per {@link BatteryProperty} from a
 * {@link Preset}, and a wall-clock limit per property. {@link #defaults} gives modest cells (a
 * few hundred atoms at most), {@code quick} smaller ones, {@link #tiny} the smallest; each
 * property documents its own cells ({@link BatteryProperty#options}).
 *
 * @param lattice    the crystal the properties are for (their options depend on it)
 * @param properties ids of the properties to compute, in run order
 * @param options    options by property id (every property on the class path)
 * @param timeLimit  wall-clock limit of each property, s (infinite: none); a property that runs
 *                   longer is stopped and recorded as failed ("time limit of … exceeded")
 */
public record BatteryOptions(LatticeType lattice, Set<String> properties, Map<String, Object> options, double timeLimit) {

    public BatteryOptions {
        properties = java.util.Collections.unmodifiableSet(BatteryProperties.ordered(new LinkedHashSet<>(properties)));
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
        if (!(timeLimit > 0)) {
            throw new IllegalArgumentException("the time limit per property must be positive, got " + timeLimit);
        }
    }

    /** Every standard property that applies to the lattice with the options of a preset; no time limit. */
    public static BatteryOptions of(LatticeType lattice, Preset preset) {
        Map<String, Object> o = new LinkedHashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        for (BatteryProperty<?> p : BatteryProperties.all()) {
            if (p.appliesTo(lattice)) {
                o.put(p.id(), p.options(preset, lattice));
                if (p.standard()) {
                    ids.add(p.id());
                }
            }
        }
        return new BatteryOptions(lattice, ids, o, Double.POSITIVE_INFINITY);
    }

    /** Every property that applies to the lattice, with default (or quick) cells. */
    public static BatteryOptions defaults(LatticeType lattice, boolean quick) {
        return of(lattice, quick ? Preset.QUICK : Preset.DEFAULT);
    }

    /**
     * The smallest sensible settings, for a battery over a teacher and a dozen fitted models with an
     * expensive potential: relaxations stop after 1000 steps per stage and each property after
     * 120 s (a badly fitted model that does not converge costs at most that).
     * {@code docs/benchmarks.md} tabulates its time and how far its numbers are from quick.
     */
    public static BatteryOptions tiny(LatticeType lattice) {
        return of(lattice, Preset.TINY).withTimeLimit(120);
    }

    /** The options of a property. */
    public <O> O options(BatteryProperty<O> p) {
        Object o = options.get(p.id());
        if (o == null) {
            throw new IllegalArgumentException("no options for battery property " + p.id() + " (" + lattice.label() + ")");
        }
        @SuppressWarnings("unchecked")
        O typed = (O) o;
        return typed;
    }

    /** The same settings with other options for one property. */
    public <O> BatteryOptions with(BatteryProperty<O> p, O value) {
        Map<String, Object> o = new LinkedHashMap<>(options);
        o.put(p.id(), value);
        return new BatteryOptions(lattice, properties, o, timeLimit);
    }

    /** The same settings for another set of properties (ids). */
    public BatteryOptions withProperties(Collection<String> ids) {
        return new BatteryOptions(lattice, new LinkedHashSet<>(ids), options, timeLimit);
    }

    /** The same settings for a comma-separated list of property names (also "all"), checked against the lattice. */
    public BatteryOptions withProperties(String names) {
        return withProperties(BatteryProperties.parseList(names, lattice));
    }

    /** The same settings with a wall-clock limit per property, s. */
    public BatteryOptions withTimeLimit(double seconds) {
        return new BatteryOptions(lattice, properties, options, seconds);
    }

    /** The same settings with a starting guess for the lattice constant, Å. */
    public BatteryOptions withLatticeGuess(double a) {
        LatticeProperty eos = (LatticeProperty) BatteryProperties.get(LatticeProperty.ID);
        return with(eos, options(eos).withGuess(a));
    }

    /** The property handles of {@link #properties}, in run order. */
    public List<BatteryProperty<?>> asked() {
        return properties.stream().<BatteryProperty<?>>map(BatteryProperties::get).toList();
    }
}
