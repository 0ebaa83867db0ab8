package org.peierls.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.peierls.util.InputException;

/**
 * The key=value comment line of extended XYZ, with ASE's value rules: values may be bare,
 * double-quoted (backslash escapes), in braces or in brackets ({@code [1, 2, 3]}); a key without
 * {@code =} means true. A value converts to an int ({@link Integer}, or {@link Long} when large),
 * a {@link Double}, a {@link Boolean} (T, F, True, False), an array of one of these when it holds
 * several space-separated items ({@code int[]}, {@code double[]}, {@code boolean[]}), a
 * {@code String[]} for a bracketed list of strings, or otherwise the {@link String} itself.
 */
final class KeyValueLine {

    private static final Pattern INT = Pattern.compile("[+-]?\\d+");
    private static final Pattern REAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eEdD][+-]?\\d+)?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    private static final Pattern BARE_SAFE = Pattern.compile("[A-Za-z0-9_.:+\\-/@%,()^*|<>~!?&;']+");

    private KeyValueLine() {
    }

    /**
     * Parses a comment line into an ordered map (later duplicates win).
     *
     * @throws InputException naming the file and line for an unterminated quote or bracket, or a
     *                        key followed by '=' and nothing
     */
    static Map<String, Object> parse(String s, Path file, int line) {
        Map<String, Object> out = new LinkedHashMap<>();
        int n = s.length();
        int[] pos = {0};
        while (true) {
            skipSpace(s, pos);
            if (pos[0] >= n) {
                break;
            }
            String key;
            char c = s.charAt(pos[0]);
            if (c == '"') {
                key = quoted(s, pos, file, line);
            } else if (c == '=') {
                throw InputException.at(file, line, "expected a key before '=' at column " + (pos[0] + 1));
            } else {
                int start = pos[0];
                while (pos[0] < n && s.charAt(pos[0]) > ' ' && s.charAt(pos[0]) != '=') {
                    pos[0]++;
                }
                key = s.substring(start, pos[0]);
            }
            skipSpace(s, pos);
            if (pos[0] < n && s.charAt(pos[0]) == '=') {
                pos[0]++;
                skipSpace(s, pos);
                if (pos[0] >= n) {
                    throw InputException.at(file, line, "expected a value after '" + key + "=', found the end of the line");
                }
                char v = s.charAt(pos[0]);
                Object value;
                if (v == '"') {
                    value = convert(quoted(s, pos, file, line));
                } else if (v == '[' || v == '{') {
                    char close = v == '[' ? ']' : '}';
                    int start = pos[0] + 1;
                    int depth = 0;
                    int end = -1;
                    for (int i = pos[0]; i < n; i++) {
                        char ch = s.charAt(i);
                        if (ch == v) {
                            depth++;
                        } else if (ch == close && --depth == 0) {
                            end = i;
                            break;
                        }
                    }
                    if (end < 0) {
                        throw InputException.at(file, line, "expected '" + close + "' closing the value of '" + key + "', found the end of the line");
                    }
                    String inner = s.substring(start, end);
                    pos[0] = end + 1;
                    value = v == '[' ? convertList(inner) : convert(inner);
                } else {
                    int start = pos[0];
                    while (pos[0] < n && s.charAt(pos[0]) > ' ') {
                        pos[0]++;
                    }
                    value = convert(s.substring(start, pos[0]));
                }
                out.put(key, value);
            } else {
                out.put(key, Boolean.TRUE);
            }
        }
        return out;
    }

    private static void skipSpace(String s, int[] pos) {
        while (pos[0] < s.length() && s.charAt(pos[0]) <= ' ') {
            pos[0]++;
        }
    }

    private static String quoted(String s, int[] pos, Path file, int line) {
        StringBuilder sb = new StringBuilder();
        int i = pos[0] + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(i + 1);
                sb.append(e == 'n' ? '\n' : e);
                i += 2;
            } else if (c == '"') {
                pos[0] = i + 1;
                return sb.toString();
            } else {
                sb.append(c);
                i++;
            }
        }
        throw InputException.at(file, line, "expected a closing '\"' for the quote opened at column " + (pos[0] + 1) + ", found the end of the line");
    }

    /** A scalar or a whitespace-separated array, by ASE's rules. */
    static Object convert(String raw) {
        String[] t = LineReader.split(raw);
        if (t.length == 0) {
            return raw;
        }
        if (t.length == 1) {
            Object v = scalar(t[0]);
            return v == null ? raw : v;
        }
        return array(t, raw);
    }

    private static Object convertList(String inner) {
        String[] parts = inner.replace("[", "").replace("]", "").split(",");
        List<String> items = new ArrayList<>();
        boolean quoted = false;
        for (String p : parts) {
            String q = p.trim();
            if (q.isEmpty()) {
                continue;
            }
            if (q.length() >= 2 && (q.charAt(0) == '"' || q.charAt(0) == '\'') && q.charAt(q.length() - 1) == q.charAt(0)) {
                q = q.substring(1, q.length() - 1);
                quoted = true;
            }
            items.add(q);
        }
        String[] t = items.toArray(new String[0]);
        if (!quoted && t.length > 0) {
            Object a = array(t, null);
            if (a != null) {
                return a;
            }
        }
        return t;
    }

    /** An int[], double[] or boolean[] when every item is one, else {@code fallback}. */
    private static Object array(String[] t, Object fallback) {
        boolean allInt = true, allReal = true, allBool = true;
        for (String x : t) {
            allInt &= INT.matcher(x).matches() && fitsInt(x);
            allReal &= isReal(x);
            allBool &= bool(x) != null;
        }
        if (allInt) {
            int[] a = new int[t.length];
            for (int i = 0; i < t.length; i++) {
                a[i] = Integer.parseInt(t[i].startsWith("+") ? t[i].substring(1) : t[i]);
            }
            return a;
        }
        if (allReal) {
            double[] a = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                a[i] = real(t[i]);
            }
            return a;
        }
        if (allBool) {
            boolean[] a = new boolean[t.length];
            for (int i = 0; i < t.length; i++) {
                a[i] = bool(t[i]);
            }
            return a;
        }
        return fallback;
    }

    private static boolean fitsInt(String x) {
        try {
            Integer.parseInt(x.startsWith("+") ? x.substring(1) : x);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Integer, Long, Double or Boolean for one token, or null when it is none of these. */
    static Object scalar(String x) {
        if (INT.matcher(x).matches()) {
            String y = x.startsWith("+") ? x.substring(1) : x;
            try {
                return Integer.parseInt(y);
            } catch (NumberFormatException e) {
                try {
                    return Long.parseLong(y);
                } catch (NumberFormatException e2) {
                    return Double.parseDouble(y);
                }
            }
        }
        if (isReal(x)) {
            return real(x);
        }
        return bool(x);
    }

    static boolean isReal(String x) {
        return REAL.matcher(x).matches() || SPECIAL.matcher(x).matches();
    }

    private static double real(String x) {
        if (SPECIAL.matcher(x).matches()) {
            String l = x.toLowerCase(Locale.ROOT);
            if (l.contains("nan")) {
                return Double.NaN;
            }
            return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return Double.parseDouble(x.replace('d', 'e').replace('D', 'E'));
    }

    /** T, F, True, False (any case of the words) → Boolean; otherwise null. */
    static Boolean bool(String x) {
        switch (x) {
            case "T", "True", "true", "TRUE":
                return Boolean.TRUE;
            case "F", "False", "false", "FALSE":
                return Boolean.FALSE;
            default:
                return null;
        }
    }

    /** A key or value as it must be written: bare when that reads back the same, else quoted. */
    static String quoteIfNeeded(String s) {
        if (!s.isEmpty() && BARE_SAFE.matcher(s).matches() && s.charAt(0) != '[' && s.charAt(0) != '{') {
            return s;
        }
        return quote(s);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /**
     * The text of a value such that {@link #parse} gives it back (strings that look like numbers or
     * booleans come back as those, as in ASE).
     *
     * @throws IllegalArgumentException for a value of another type
     */
    static String format(String key, Object v) {
        if (v instanceof String s) {
            return quoteIfNeeded(s);
        } else if (v instanceof Boolean b) {
            return b ? "T" : "F";
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return v.toString();
        } else if (v instanceof Double || v instanceof Float) {
            return Double.toString(((Number) v).doubleValue());
        } else if (v instanceof double[] a) {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : " ").append(Double.toString(a[i]));
            }
            return sb.append('"').toString();
        } else if (v instanceof int[] a) {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : " ").append(a[i]);
            }
            return sb.append('"').toString();
        } else if (v instanceof boolean[] a) {
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < a.length; i++) {
                sb.append(i == 0 ? "" : " ").append(a[i] ? 'T' : 'F');
            }
            return sb.append('"').toString();
        } else if (v instanceof String[] a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.length; i++) {
                if (a[i].indexOf(',') >= 0 || a[i].indexOf('"') >= 0 || a[i].indexOf(']') >= 0) {
                    throw new IllegalArgumentException("info '" + key + "': list item '" + a[i] + "' contains a comma, quote or bracket");
                }
                sb.append(i == 0 ? "" : ", ").append('"').append(a[i]).append('"');
            }
            return sb.append(']').toString();
        }
        throw new IllegalArgumentException("info '" + key + "' has a value of type "
                + (v == null ? "null" : v.getClass().getSimpleName()) + " that extended XYZ cannot hold");
    }
}
