package org.peierls.report;

import java.util.Locale;
import java.util.function.Function;

/** What every piece of the page does to its values: escape them, format them as numbers, join their fragments. */
final class Html {

    private Html() {
    }

    /** Text safe inside an element or a double-quoted attribute. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A number with about four significant figures ("—" when there is none). */
    static String fmt(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return "—";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 1 ? "%.3f" : "%.4f", v);
    }

    /** The fragments of all items, in order. */
    static <T> String join(Iterable<T> items, Function<T, String> fragment) {
        StringBuilder b = new StringBuilder();
        for (T t : items) {
            b.append(fragment.apply(t));
        }
        return b.toString();
    }
}
