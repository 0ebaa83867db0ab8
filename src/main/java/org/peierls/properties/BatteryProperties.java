package org.peierls.properties;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.peierls.atoms.LatticeType;
import org.peierls.util.InputException;

/**
 * The {@link BatteryProperty}s on the class path ({@code ServiceLoader}), in run order, and the
 * parsing of property lists ("lattice,vacancy", "all").
 */
public final class BatteryProperties {

    private static volatile List<BatteryProperty<?>> all;
    private static volatile Map<String, Owned> schema;

    private BatteryProperties() {
    }

    /** Every property, in run order (by {@link BatteryProperty#order}, then id). */
    public static List<BatteryProperty<?>> all() {
        List<BatteryProperty<?>> a = all;
        if (a == null) {
            synchronized (BatteryProperties.class) {
                if (all == null) {
                    List<BatteryProperty<?>> l = new ArrayList<>();
                    Set<String> ids = new java.util.HashSet<>();
                    for (BatteryProperty<?> p : ServiceLoader.load(BatteryProperty.class, BatteryProperties.class.getClassLoader())) {
                        if (!ids.add(p.id())) {
                            throw new IllegalStateException("two battery properties are called " + p.id());
                        }
                        l.add(p);
                    }
                    l.sort(Comparator.<BatteryProperty<?>>comparingDouble(BatteryProperty::order).thenComparing(BatteryProperty::id));
                    all = List.copyOf(l);
                }
                a = all;
            }
        }
        return a;
    }

    /** The property of an id or alias, or null. */
    public static BatteryProperty<?> find(String name) {
        String t = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (BatteryProperty<?> p : all()) {
            if (p.id().equals(t) || p.aliases().contains(t)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The property of an id.
     *
     * @throws IllegalArgumentException when there is none (ids in code are Peierls's own)
     */
    public static BatteryProperty<?> get(String id) {
        BatteryProperty<?> p = find(id);
        if (p == null) {
            throw new IllegalArgumentException("no battery property " + id);
        }
        return p;
    }

    /** The ids of the standard properties, comma-separated. */
    public static String names() {
        List<String> n = new ArrayList<>();
        for (BatteryProperty<?> p : all()) {
            if (p.standard()) {
                n.add(p.id());
            }
        }
        return String.join(", ", n);
    }

    /** The standard properties that apply to a lattice, in run order. */
    public static List<BatteryProperty<?>> applicable(LatticeType lattice) {
        List<BatteryProperty<?>> out = new ArrayList<>();
        for (BatteryProperty<?> p : all()) {
            if (p.standard() && p.appliesTo(lattice)) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * The ids of a comma-separated list of names (also "all"), checked against the lattice, in
     * run order.
     *
     * @throws InputException naming an unknown property or one that does not apply to the lattice
     */
    public static Set<String> parseList(String text, LatticeType lattice) {
        Set<String> asked = new LinkedHashSet<>();
        for (String item : text.split(",")) {
            String t = item.trim().toLowerCase(Locale.ROOT).replace('-', '_');
            if (t.isEmpty()) {
                continue;
            }
            if (t.equals("all")) {
                applicable(lattice).forEach(p -> asked.add(p.id()));
                continue;
            }
            BatteryProperty<?> found = find(t);
            if (found == null) {
                throw new InputException("--only: unknown property '" + item.trim() + "' (expected " + names() + " or all)");
            }
            if (!found.appliesTo(lattice)) {
                List<String> ok = new ArrayList<>();
                applicable(lattice).forEach(p -> ok.add(p.id()));
                throw new InputException("--only: " + found.id() + " is not defined for " + lattice.label() + " crystals (expected "
                        + String.join(", ", ok) + ")");
            }
            asked.add(found.id());
        }
        if (asked.isEmpty()) {
            throw new InputException("--only names no property (expected " + names() + ")");
        }
        return ordered(asked);
    }

    /** Ids in run order. */
    static Set<String> ordered(Set<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (BatteryProperty<?> p : all()) {
            if (ids.contains(p.id())) {
                out.add(p.id());
            }
        }
        return out;
    }

    /**
     * The properties that run for {@code asked}: the lattice constant always, the needs of each
     * (transitively), in run order.
     */
    public static List<BatteryProperty<?>> plan(Set<String> asked) {
        Set<String> ids = new LinkedHashSet<>(asked);
        ids.add(LatticeProperty.ID);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String id : List.copyOf(ids)) {
                for (String n : get(id).needs()) {
                    grew |= ids.add(n);
                }
            }
        }
        List<BatteryProperty<?>> out = new ArrayList<>();
        for (String id : ordered(ids)) {
            out.add(get(id));
        }
        return out;
    }

    /**
     * Every top-level result key of every property (any lattice), with its shape and the id of
     * the property that writes it: the one schema {@link BatteryResult} reads scalars through.
     * Built once, with the registry.
     */
    static Map<String, Owned> schema() {
        Map<String, Owned> m = schema;
        if (m == null) {
            synchronized (BatteryProperties.class) {
                if (schema == null) {
                    Map<String, Owned> built = new LinkedHashMap<>();
                    for (BatteryProperty<?> p : all()) {
                        for (LatticeType l : new LatticeType[]{LatticeType.BCC, LatticeType.FCC, LatticeType.HCP}) {
                            for (ResultKey k : p.keys(l)) {
                                built.putIfAbsent(k.key(), new Owned(k, p.id()));
                            }
                        }
                    }
                    schema = java.util.Collections.unmodifiableMap(built);
                }
                m = schema;
            }
        }
        return m;
    }

    /** A result key and the id of the property that writes it. */
    record Owned(ResultKey key, String property) {
    }
}
