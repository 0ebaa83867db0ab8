package org.peierls.atoms;

import org.peierls.util.InputException;

/**
 * Miller indices of a crystal direction [uvw] (three integers, in units of the conventional
 * cubic cell): parsing, printing and the integer vector algebra the oriented builders need.
 */
public final class Miller {

    private Miller() {
    }

    /**
     * Parses a direction written as {@code [1-10]} (one digit per index, minus signs in front),
     * {@code 1,-1,0}, {@code [-1 1 0]}, {@code [1, -1, 0]} or {@code <112>}.
     *
     * @return the three indices (not reduced)
     * @throws InputException naming the text when it is not three integers or is [000]
     */
    public static int[] parse(String text) {
        if (text == null) {
            throw new InputException("missing direction (expected e.g. [1-10], 1,-1,0 or [-1 1 0])");
        }
        String t = text.trim();
        if ((t.startsWith("[") && t.endsWith("]")) || (t.startsWith("<") && t.endsWith(">"))) {
            t = t.substring(1, t.length() - 1).trim();
        }
        int[] v;
        if (t.matches(".*[,\\s].*")) {
            String[] parts = t.split("[,\\s]+");
            if (parts.length != 3) {
                throw bad(text);
            }
            v = new int[3];
            for (int k = 0; k < 3; k++) {
                try {
                    v[k] = Integer.parseInt(parts[k].startsWith("+") ? parts[k].substring(1) : parts[k]);
                } catch (NumberFormatException e) {
                    throw bad(text);
                }
            }
        } else {
            // compact form: exactly three indices of one digit each, each with an optional sign
            if (!t.matches("([+-]?[0-9]){3}")) {
                throw bad(text);
            }
            v = new int[3];
            int pos = 0;
            for (int k = 0; k < 3; k++) {
                int sign = 1;
                char c = t.charAt(pos);
                if (c == '-' || c == '+') {
                    sign = c == '-' ? -1 : 1;
                    pos++;
                }
                v[k] = sign * (t.charAt(pos) - '0');
                pos++;
            }
        }
        if (v[0] == 0 && v[1] == 0 && v[2] == 0) {
            throw new InputException("direction '" + text + "' is zero");
        }
        return v;
    }

    private static InputException bad(String text) {
        return new InputException("cannot read direction '" + text + "' (expected three integers such as [1-10], 1,-1,0 or [-1 1 0])");
    }

    /** Prints a direction as {@code [1-10]} when every index is one digit, else {@code [1 -1 10]}. */
    public static String format(int[] v) {
        boolean compact = true;
        for (int x : v) {
            compact &= Math.abs(x) < 10;
        }
        StringBuilder sb = new StringBuilder("[");
        for (int k = 0; k < v.length; k++) {
            if (!compact && k > 0) {
                sb.append(' ');
            }
            sb.append(v[k]);
        }
        return sb.append(']').toString();
    }

    /** Integer dot product. */
    public static long dot(int[] a, int[] b) {
        return (long) a[0] * b[0] + (long) a[1] * b[1] + (long) a[2] * b[2];
    }

    /** Integer cross product {@code a × b}. */
    public static long[] cross(int[] a, int[] b) {
        return new long[]{(long) a[1] * b[2] - (long) a[2] * b[1],
                          (long) a[2] * b[0] - (long) a[0] * b[2],
                          (long) a[0] * b[1] - (long) a[1] * b[0]};
    }

    /** Euclidean length |[uvw]| = √(u² + v² + w²). */
    public static double length(int[] v) {
        return Math.sqrt((double) dot(v, v));
    }

    /** The direction divided by the greatest common divisor of its indices ([2-20] → [1-10]). */
    public static int[] reduced(int[] v) {
        int g = gcd(gcd(Math.abs(v[0]), Math.abs(v[1])), Math.abs(v[2]));
        if (g == 0) {
            throw new IllegalArgumentException("direction [000] is zero");
        }
        return new int[]{v[0] / g, v[1] / g, v[2] / g};
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
