package org.peierls.fit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.peierls.util.InputException;

/**
 * The {@link ModelKind}s on the class path, by name: those of
 * {@code META-INF/services/org.peierls.fit.ModelKind} (snap, qsnap, mtp in the jar; a test or a
 * plug-in jar adds its own), loaded once, in class-path order.
 */
public final class ModelKinds {

    private static volatile Map<String, ModelKind<?>> kinds;

    private ModelKinds() {
    }

    private static Map<String, ModelKind<?>> kinds() {
        Map<String, ModelKind<?>> k = kinds;
        if (k == null) {
            synchronized (ModelKinds.class) {
                if (kinds == null) {
                    Map<String, ModelKind<?>> m = new LinkedHashMap<>();
                    for (ModelKind<?> kind : ServiceLoader.load(ModelKind.class, ModelKinds.class.getClassLoader())) {
                        ModelKind<?> before = m.putIfAbsent(kind.name(), kind);
                        if (before != null) {
                            throw new IllegalStateException("two model kinds are called " + kind.name() + ": "
                                    + before.getClass().getName() + " and " + kind.getClass().getName());
                        }
                    }
                    kinds = m;
                }
                k = kinds;
            }
        }
        return k;
    }

    /** Every kind, in class-path order. */
    public static List<ModelKind<?>> all() {
        return new ArrayList<>(kinds().values());
    }

    /** The names, e.g. "snap, qsnap, mtp". */
    public static String names() {
        return String.join(", ", kinds().keySet());
    }

    /**
     * The kind of a name (any capitalisation).
     *
     * @throws InputException naming the unknown kind and the known ones
     */
    public static ModelKind<?> named(String name) {
        String key = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        ModelKind<?> k = kinds().get(key);
        if (k == null) {
            throw new InputException("unknown model kind '" + name + "' (known: " + names() + ")");
        }
        return k;
    }
}
