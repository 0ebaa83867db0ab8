package org.peierls.atoms;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An atomic configuration: a {@link Cell}, the atomic number of each atom, flat Cartesian
 * positions {@code [3N]} (Å, x0 y0 z0 x1 …), masses {@code [N]} (amu), optional velocities
 * {@code [3N]} (Å/ps), free-form per-frame {@code info} and per-atom {@code arrays}
 * (name → {@code double[]}, {@code int[]}, {@code String[]} or {@code boolean[]} with N·k entries).
 *
 * <p>Immutable: every array is copied in and copied out; "with" methods return new
 * structures. Kernels call {@link #positions()} once per evaluation.</p>
 */
public final class Structure {

    private final Cell cell;
    private final int[] numbers;
    private final double[] positions;
    private final double[] masses;
    private final double[] velocities;
    private final Map<String, Object> info;
    private final Map<String, Object> arrays;

    private Structure(Cell cell, int[] numbers, double[] positions, double[] masses, double[] velocities,
                      Map<String, Object> info, Map<String, Object> arrays, boolean copy) {
        if (cell == null || numbers == null || positions == null) {
            throw new IllegalArgumentException("a structure needs a cell, atomic numbers and positions (got null)");
        }
        this.cell = cell;
        this.numbers = copy ? numbers.clone() : numbers;
        this.positions = copy ? positions.clone() : positions;
        this.masses = masses == null ? defaultMasses(numbers) : (copy ? masses.clone() : masses);
        this.velocities = velocities == null ? null : (copy ? velocities.clone() : velocities);
        this.info = Collections.unmodifiableMap(new LinkedHashMap<>(info == null ? Map.of() : info));
        this.arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays == null ? Map.of() : arrays));
        validate();
    }

    /**
     * @param cell      the cell
     * @param numbers   atomic numbers {@code [N]}
     * @param positions Cartesian positions {@code [3N]}, Å
     * @throws IllegalArgumentException for mismatched lengths, an unknown atomic number or a
     *                                  non-finite coordinate (the message names the atom)
     */
    public Structure(Cell cell, int[] numbers, double[] positions) {
        this(cell, numbers, positions, null, null, null, null, true);
    }

    /** A structure with explicit masses (amu) and optional velocities (Å/ps, may be null). */
    public Structure(Cell cell, int[] numbers, double[] positions, double[] masses, double[] velocities) {
        this(cell, numbers, positions, masses, velocities, null, null, true);
    }

    public static Builder builder(Cell cell) {
        return new Builder(cell);
    }

    private static double[] defaultMasses(int[] numbers) {
        double[] m = new double[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            if (numbers[i] < 1 || numbers[i] > Element.MAX_Z) {
                throw new IllegalArgumentException("atom " + i + " has atomic number " + numbers[i] + " outside H..Pu");
            }
            m[i] = Element.mass(numbers[i]);
        }
        return m;
    }

    private void validate() {
        int n = numbers.length;
        if (positions.length != 3 * n) {
            throw new IllegalArgumentException("positions has " + positions.length + " numbers for " + n + " atoms (expected " + 3 * n + ")");
        }
        if (masses.length != n) {
            throw new IllegalArgumentException("masses has " + masses.length + " entries for " + n + " atoms");
        }
        if (velocities != null && velocities.length != 3 * n) {
            throw new IllegalArgumentException("velocities has " + velocities.length + " numbers for " + n + " atoms");
        }
        for (int i = 0; i < n; i++) {
            if (numbers[i] < 1 || numbers[i] > Element.MAX_Z) {
                throw new IllegalArgumentException("atom " + i + " has atomic number " + numbers[i] + " outside H..Pu");
            }
            for (int k = 0; k < 3; k++) {
                if (!Double.isFinite(positions[3 * i + k])) {
                    throw new IllegalArgumentException("atom " + i + " has a non-finite position " + positions[3 * i + k]);
                }
            }
            if (!(masses[i] > 0) || !Double.isFinite(masses[i])) {
                throw new IllegalArgumentException("atom " + i + " has mass " + masses[i] + " (must be positive)");
            }
        }
        for (Map.Entry<String, Object> e : arrays.entrySet()) {
            int len = arrayLength(e.getValue());
            if (len < 0 || (n == 0 ? len != 0 : len % n != 0)) {
                throw new IllegalArgumentException("per-atom array '" + e.getKey() + "' has " + len + " entries for " + n + " atoms");
            }
        }
    }

    private static int arrayLength(Object o) {
        if (o instanceof double[] d) {
            return d.length;
        } else if (o instanceof int[] d) {
            return d.length;
        } else if (o instanceof String[] d) {
            return d.length;
        } else if (o instanceof boolean[] d) {
            return d.length;
        }
        return -1;
    }

    /** Number of atoms N. */
    public int size() {
        return numbers.length;
    }

    public Cell cell() {
        return cell;
    }

    /** Atomic numbers {@code [N]} (a copy). */
    public int[] numbers() {
        return numbers.clone();
    }

    public int number(int i) {
        return numbers[i];
    }

    public String symbol(int i) {
        return Element.symbol(numbers[i]);
    }

    /** Chemical symbols {@code [N]}. */
    public String[] symbols() {
        String[] s = new String[numbers.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Element.symbol(numbers[i]);
        }
        return s;
    }

    /** Flat Cartesian positions {@code [3N]}, Å (a copy). */
    public double[] positions() {
        return positions.clone();
    }

    /** Coordinate {@code k} (0, 1, 2 = x, y, z) of atom {@code i}, Å. */
    public double position(int i, int k) {
        return positions[3 * i + k];
    }

    /** Masses {@code [N]}, amu (a copy). */
    public double[] masses() {
        return masses.clone();
    }

    public double mass(int i) {
        return masses[i];
    }

    public double totalMass() {
        double m = 0;
        for (double v : masses) {
            m += v;
        }
        return m;
    }

    /** Velocities {@code [3N]}, Å/ps (a copy), or null when the structure has none. */
    public double[] velocities() {
        return velocities == null ? null : velocities.clone();
    }

    public boolean hasVelocities() {
        return velocities != null;
    }

    /** Per-frame key/value information (unmodifiable). */
    public Map<String, Object> info() {
        return info;
    }

    /** Extra per-atom arrays (unmodifiable map; arrays must not be modified). */
    public Map<String, Object> arrays() {
        return arrays;
    }

    /** Sorted distinct atomic numbers present. */
    public int[] species() {
        TreeSet<Integer> set = new TreeSet<>();
        for (int z : numbers) {
            set.add(z);
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Element symbol → count, in alphabetical order. */
    public Map<String, Integer> composition() {
        Map<String, Integer> c = new TreeMap<>();
        for (int z : numbers) {
            c.merge(Element.symbol(z), 1, Integer::sum);
        }
        return c;
    }

    /** Chemical formula such as "Cu3Ta" (alphabetical, counts omitted when 1). */
    public String formula() {
        StringBuilder sb = new StringBuilder();
        composition().forEach((s, n) -> sb.append(s).append(n == 1 ? "" : n.toString()));
        return sb.toString();
    }

    public Structure withPositions(double[] newPositions) {
        return new Structure(cell, numbers, newPositions.clone(), masses, velocities, info, arrays, false);
    }

    public Structure withVelocities(double[] newVelocities) {
        return new Structure(cell, numbers, positions, masses, newVelocities == null ? null : newVelocities.clone(), info, arrays, false);
    }

    /** The same atoms (Cartesian positions unchanged) in another cell. */
    public Structure withCell(Cell newCell) {
        return new Structure(newCell, numbers, positions, masses, velocities, info, arrays, false);
    }

    /** Another cell with the atoms carried along at fixed fractional coordinates. */
    public Structure withCellScaled(Cell newCell) {
        double[] s = cell.toFractional(positions);
        return new Structure(newCell, numbers, newCell.toCartesian(s), masses, velocities, info, arrays, false);
    }

    public Structure withInfo(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(info);
        m.put(key, value);
        return new Structure(cell, numbers, positions, masses, velocities, m, arrays, false);
    }

    public Structure withInfo(Map<String, Object> newInfo) {
        return new Structure(cell, numbers, positions, masses, velocities, newInfo, arrays, false);
    }

    public Structure withArray(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(arrays);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return new Structure(cell, numbers, positions, masses, velocities, info, m, false);
    }

    public Structure withArrays(Map<String, Object> newArrays) {
        return new Structure(cell, numbers, positions, masses, velocities, info, newArrays, false);
    }

    /** Positions wrapped into the cell along periodic directions. */
    public Structure wrapped() {
        return withPositions(cell.wrap(positions));
    }

    /**
     * The supercell n1 × n2 × n3: atom {@code i} of image (p, q, r) has index
     * {@code ((p·n2 + q)·n3 + r)·N + i}. Velocities, masses and per-atom arrays are repeated.
     */
    public Structure repeat(int n1, int n2, int n3) {
        if (n1 < 1 || n2 < 1 || n3 < 1) {
            throw new IllegalArgumentException("supercell multiples must be ≥ 1, got " + n1 + "×" + n2 + "×" + n3);
        }
        int[] mult = {n1, n2, n3};
        for (int k = 0; k < 3; k++) {
            if (mult[k] > 1 && cell.norm(k) == 0) {
                throw new IllegalArgumentException("cannot repeat " + mult[k] + " times along cell vector " + "abc".charAt(k) + ", which is zero");
            }
        }
        int n = size();
        long total = 3L * n * n1 * n2 * n3;
        if ((long) n1 * n2 * n3 > Integer.MAX_VALUE || total > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("supercell " + n1 + "×" + n2 + "×" + n3 + " of " + n + " atoms is too large for one structure");
        }
        int copies = n1 * n2 * n3;
        int[] z = new int[n * copies];
        double[] x = new double[3 * n * copies];
        double[] m = new double[n * copies];
        double[] v = velocities == null ? null : new double[3 * n * copies];
        int c = 0;
        for (int p = 0; p < n1; p++) {
            for (int q = 0; q < n2; q++) {
                for (int r = 0; r < n3; r++) {
                    double tx = p * cell.get(0, 0) + q * cell.get(1, 0) + r * cell.get(2, 0);
                    double ty = p * cell.get(0, 1) + q * cell.get(1, 1) + r * cell.get(2, 1);
                    double tz = p * cell.get(0, 2) + q * cell.get(1, 2) + r * cell.get(2, 2);
                    for (int i = 0; i < n; i++) {
                        int o = c * n + i;
                        z[o] = numbers[i];
                        m[o] = masses[i];
                        x[3 * o] = positions[3 * i] + tx;
                        x[3 * o + 1] = positions[3 * i + 1] + ty;
                        x[3 * o + 2] = positions[3 * i + 2] + tz;
                        if (v != null) {
                            System.arraycopy(velocities, 3 * i, v, 3 * o, 3);
                        }
                    }
                    c++;
                }
            }
        }
        Map<String, Object> arr = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : arrays.entrySet()) {
            arr.put(e.getKey(), repeatArray(e.getValue(), copies));
        }
        return new Structure(cell.repeated(n1, n2, n3), z, x, m, v, info, arr, false);
    }

    private static Object repeatArray(Object a, int copies) {
        int len = arrayLength(a);
        Object out = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), len * copies);
        for (int c = 0; c < copies; c++) {
            System.arraycopy(a, 0, out, c * len, len);
        }
        return out;
    }

    /** The structure with atoms reordered: new atom {@code k} is old atom {@code order[k]}. */
    public Structure permuted(int[] order) {
        int n = size();
        if (order.length != n) {
            throw new IllegalArgumentException("permutation has " + order.length + " entries for " + n + " atoms");
        }
        boolean[] used = new boolean[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (i < 0 || i >= n || used[i]) {
                throw new IllegalArgumentException("not a permutation of 0.." + (n - 1) + ": entry " + k + " is " + i
                        + (i >= 0 && i < n ? " (repeated)" : ""));
            }
            used[i] = true;
        }
        int[] z = new int[n];
        double[] x = new double[3 * n];
        double[] m = new double[n];
        double[] v = velocities == null ? null : new double[3 * n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            z[k] = numbers[i];
            m[k] = masses[i];
            System.arraycopy(positions, 3 * i, x, 3 * k, 3);
            if (v != null) {
                System.arraycopy(velocities, 3 * i, v, 3 * k, 3);
            }
        }
        Map<String, Object> arr = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : arrays.entrySet()) {
            Object a = e.getValue();
            int width = arrayLength(a) / Math.max(1, n);
            Object out = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), arrayLength(a));
            for (int k = 0; k < n; k++) {
                System.arraycopy(a, order[k] * width, out, k * width, width);
            }
            arr.put(e.getKey(), out);
        }
        return new Structure(cell, z, x, m, v, info, arr, false);
    }

    /** Only the atoms whose flag is set, in their order. */
    public Structure select(boolean[] keep) {
        if (keep.length != size()) {
            throw new IllegalArgumentException("selection has " + keep.length + " flags for " + size() + " atoms");
        }
        int count = 0;
        for (boolean b : keep) {
            count += b ? 1 : 0;
        }
        int[] order = new int[count];
        int c = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                order[c++] = i;
            }
        }
        return subset(order);
    }

    /** The atoms with the given indices (in that order; an index may repeat). */
    public Structure subset(int[] indices) {
        int n = indices.length;
        for (int k = 0; k < n; k++) {
            if (indices[k] < 0 || indices[k] >= size()) {
                throw new IllegalArgumentException("atom index " + indices[k] + " (entry " + k + ") is outside 0.." + (size() - 1));
            }
        }
        int[] z = new int[n];
        double[] x = new double[3 * n];
        double[] m = new double[n];
        double[] v = velocities == null ? null : new double[3 * n];
        for (int k = 0; k < n; k++) {
            int i = indices[k];
            z[k] = numbers[i];
            m[k] = masses[i];
            System.arraycopy(positions, 3 * i, x, 3 * k, 3);
            if (v != null) {
                System.arraycopy(velocities, 3 * i, v, 3 * k, 3);
            }
        }
        Map<String, Object> arr = new LinkedHashMap<>();
        int nOld = size();
        for (Map.Entry<String, Object> e : arrays.entrySet()) {
            Object a = e.getValue();
            int width = arrayLength(a) / Math.max(1, nOld);
            Object out = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), n * width);
            for (int k = 0; k < n; k++) {
                System.arraycopy(a, indices[k] * width, out, k * width, width);
            }
            arr.put(e.getKey(), out);
        }
        return new Structure(cell, z, x, m, v, info, arr, false);
    }

    /** Atomic number density N/V, Å⁻³. */
    public double numberDensity() {
        return size() / cell.volume();
    }

    /** Mass density, g/cm³. */
    public double massDensity() {
        return totalMass() * 1.66053906660 / cell.volume();
    }

    @Override
    public String toString() {
        return "Structure[" + formula() + ", " + size() + " atoms, cell " + Arrays.toString(cell.lengths()) + "]";
    }

    /** Collects atoms one at a time. */
    public static final class Builder {
        private final Cell cell;
        private int[] z = new int[16];
        private double[] x = new double[48];
        private int n;
        private final Map<String, Object> info = new LinkedHashMap<>();

        private Builder(Cell cell) {
            this.cell = cell;
        }

        public Builder add(int number, double px, double py, double pz) {
            if (n == z.length) {
                z = Arrays.copyOf(z, 2 * n);
                x = Arrays.copyOf(x, 6 * n);
            }
            z[n] = number;
            x[3 * n] = px;
            x[3 * n + 1] = py;
            x[3 * n + 2] = pz;
            n++;
            return this;
        }

        public Builder add(String symbol, double px, double py, double pz) {
            return add(Element.number(symbol), px, py, pz);
        }

        public Builder info(String key, Object value) {
            info.put(key, value);
            return this;
        }

        public int size() {
            return n;
        }

        public Structure build() {
            return new Structure(cell, Arrays.copyOf(z, n), Arrays.copyOf(x, 3 * n), null, null, info, null, false);
        }
    }
}
