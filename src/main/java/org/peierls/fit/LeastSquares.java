package org.peierls.fit;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.peierls.util.InputException;
import org.peierls.util.Parallel;

/**
 * Weighted linear least squares on a {@link DesignMatrix}: min Σ_rows (w_r·(A_r·x − b_r))², with
 * b = label − reference and w_r the weight of the row's group and kind.
 *
 * <p>The weighted system [W·A | W·b] is reduced to a {@link TriangularSystem} by a tall-skinny QR
 * (TSQR): consecutive configurations are gathered into chunks of at least
 * max(2048, 4(n+1)) rows, each chunk is reduced to its (n+1)×(n+1) triangle by Householder QR
 * (EJML) in parallel, and the triangles are merged pairwise in a fixed tree. The chunks depend
 * only on the data, so the result does not depend on the thread count; the full weighted matrix is
 * never formed, and no normal equations are (the condition number is not squared).</p>
 */
public final class LeastSquares {

    private LeastSquares() {
    }

    /** The weight of one row. */
    @FunctionalInterface
    public interface RowWeights {
        /**
         * @param component the Voigt component for stress rows (0…5), the row index in the block otherwise
         */
        double weight(Configuration c, RowKind kind, int component);
    }

    /** The weights of a data set's groups, zero for stress components a configuration does not use. */
    public static RowWeights weightsOf(Dataset d) {
        return (c, kind, comp) -> {
            if (kind == RowKind.STRESS && !c.usesStress(comp)) {
                return 0;
            }
            return d.weights(c.group()).of(kind);
        };
    }

    /** Fits the training configurations of the matrix's data set with its weights. */
    public static Solution fit(DesignMatrix dm, Solver solver) {
        return fit(dm, roleMask(dm.data(), Role.TRAIN), weightsOf(dm.data()), solver);
    }

    /** Fits the configurations marked in {@code include} with the given weights. */
    public static Solution fit(DesignMatrix dm, boolean[] include, RowWeights weights, Solver solver) {
        return solver.solve(reduce(dm, include, weights));
    }

    /** Which configurations have a role. */
    public static boolean[] roleMask(Dataset d, Role role) {
        boolean[] m = new boolean[d.size()];
        for (int k = 0; k < m.length; k++) {
            m[k] = d.get(k).role() == role;
        }
        return m;
    }

    /**
     * The triangular form of the weighted problem over the included configurations.
     *
     * @throws InputException when no row has a non-zero weight
     */
    public static TriangularSystem reduce(DesignMatrix dm, boolean[] include, RowWeights weights) {
        DMatrixRMaj raug = triangle(dm, include, weights);
        if (raug == null) {
            throw new InputException("nothing to fit: no training row has a non-zero weight");
        }
        return system(dm, raug);
    }

    /**
     * The augmented triangle R̃ ((n+1)×(n+1), upper) of [W·A | W·b] over the included
     * configurations, or null when no row has a non-zero weight. Triangles of disjoint sets of rows
     * combine with {@link #merge} (used by cross-validation to reduce each fold once).
     */
    public static DMatrixRMaj triangle(DesignMatrix dm, boolean[] include, RowWeights weights) {
        int n = dm.columns();
        int target = Math.max(2048, 4 * (n + 1));
        List<int[]> chunks = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long total = 0;
        int rowsInChunk = 0;
        for (int k = 0; k < dm.configurations(); k++) {
            if (!include[k] || dm.block(k) == null) {
                continue;
            }
            int r = weightedRows(dm, k, weights);
            if (r == 0) {
                continue;
            }
            current.add(k);
            rowsInChunk += r;
            total += r;
            if (rowsInChunk >= target) {
                chunks.add(current.stream().mapToInt(Integer::intValue).toArray());
                current.clear();
                rowsInChunk = 0;
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current.stream().mapToInt(Integer::intValue).toArray());
        }
        if (total == 0) {
            return null;
        }
        DMatrixRMaj[] tri = new DMatrixRMaj[chunks.size()];
        Parallel.forEachChunk(chunks.size(), c -> tri[c] = triangle(weightedChunk(dm, chunks.get(c), weights)));
        return merge(java.util.Arrays.asList(tri));
    }

    /** The triangle of the union of the rows of several triangles (nulls skipped), merged pairwise in a fixed tree; null if none. */
    public static DMatrixRMaj merge(List<DMatrixRMaj> triangles) {
        List<DMatrixRMaj> present = new ArrayList<>();
        for (DMatrixRMaj t : triangles) {
            if (t != null) {
                present.add(t);
            }
        }
        if (present.isEmpty()) {
            return null;
        }
        DMatrixRMaj[] level = present.toArray(new DMatrixRMaj[0]);
        while (level.length > 1) {
            DMatrixRMaj[] prev = level;
            DMatrixRMaj[] next = new DMatrixRMaj[(prev.length + 1) / 2];
            Parallel.forEachChunk(next.length, c -> {
                if (2 * c + 1 < prev.length) {
                    next[c] = triangle(stack(prev[2 * c], prev[2 * c + 1]));
                } else {
                    next[c] = prev[2 * c];
                }
            });
            level = next;
        }
        return level[0];
    }

    /** The {@link TriangularSystem} of an augmented triangle of a design matrix's columns. */
    public static TriangularSystem system(DesignMatrix dm, DMatrixRMaj raug) {
        int n = dm.columns();
        DMatrixRMaj r = new DMatrixRMaj(n, n);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                r.set(i, j, raug.get(i, j));
            }
            z[i] = raug.get(i, n);
        }
        double rho = Math.abs(raug.get(n, n));
        String[] names = new String[n];
        boolean[] bias = new boolean[n];
        for (int c = 0; c < n; c++) {
            names[c] = dm.columnInfo().columnName(c);
            bias[c] = dm.columnInfo().isBias(c);
        }
        return new TriangularSystem(r, z, rho, -1, names, bias);
    }

    /**
     * The triangular form of a dense weighted problem min ‖W(A·x − b)‖ (any linear fit, not only SNAP).
     *
     * @param a       A {@code [rows × cols]}, row-major
     * @param b       {@code [rows]}
     * @param w       row weights {@code [rows]} (null: all 1)
     * @param names   column names {@code [cols]} (null: "c0", "c1", …)
     * @param bias    unpenalised (constant) columns {@code [cols]} (null: none)
     */
    public static TriangularSystem reduce(double[] a, int rows, int cols, double[] b, double[] w, String[] names,
                                          boolean[] bias) {
        if (a.length != rows * cols || b.length != rows || (w != null && w.length != rows)) {
            throw new IllegalArgumentException("A is " + a.length + " numbers, b " + b.length + " for " + rows + "×" + cols);
        }
        DMatrixRMaj m = new DMatrixRMaj(rows, cols + 1);
        for (int r = 0; r < rows; r++) {
            double wr = w == null ? 1 : w[r];
            for (int c = 0; c < cols; c++) {
                m.set(r, c, wr * a[r * cols + c]);
            }
            m.set(r, cols, wr * b[r]);
        }
        DMatrixRMaj raug = triangle(m);
        DMatrixRMaj r = new DMatrixRMaj(cols, cols);
        double[] z = new double[cols];
        for (int i = 0; i < cols; i++) {
            for (int j = i; j < cols; j++) {
                r.set(i, j, raug.get(i, j));
            }
            z[i] = raug.get(i, cols);
        }
        String[] nm = names;
        if (nm == null) {
            nm = new String[cols];
            for (int c = 0; c < cols; c++) {
                nm[c] = "c" + c;
            }
        }
        return new TriangularSystem(r, z, Math.abs(raug.get(cols, cols)), rows, nm, bias == null ? new boolean[cols] : bias);
    }

    private static int weightedRows(DesignMatrix dm, int k, RowWeights weights) {
        DesignMatrix.Block b = dm.block(k);
        Configuration c = dm.data().get(k);
        int count = 0;
        for (int r = 0; r < b.rows(); r++) {
            if (weight(b, c, r, weights) != 0) {
                count++;
            }
        }
        return count;
    }

    private static double weight(DesignMatrix.Block b, Configuration c, int r, RowWeights weights) {
        RowKind kind = b.kind(r);
        int comp = kind == RowKind.STRESS ? r - b.energy() - b.forces() : r;
        return weights.weight(c, kind, comp);
    }

    /** [W·A | W·b] of the non-zero-weight rows of some configurations. */
    private static DMatrixRMaj weightedChunk(DesignMatrix dm, int[] configs, RowWeights weights) {
        int n = dm.columns();
        int rows = 0;
        for (int k : configs) {
            rows += weightedRows(dm, k, weights);
        }
        DMatrixRMaj m = new DMatrixRMaj(rows, n + 1);
        double[] data = m.data;
        int at = 0;
        for (int k : configs) {
            DesignMatrix.Block b = dm.block(k);
            Configuration c = dm.data().get(k);
            for (int r = 0; r < b.rows(); r++) {
                double w = weight(b, c, r, weights);
                if (w == 0) {
                    continue;
                }
                int src = r * n, dst = at * (n + 1);
                for (int j = 0; j < n; j++) {
                    data[dst + j] = w * b.a()[src + j];
                }
                data[dst + n] = w * b.target(r);
                at++;
            }
        }
        return m;
    }

    /** The (n+1)×(n+1) upper triangle R of a matrix with n+1 columns (zero rows added when it is short). */
    static DMatrixRMaj triangle(DMatrixRMaj m) {
        int cols = m.numCols;
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(m.numRows, cols);
        // EJML reports failure when a column has nothing left below the diagonal (a column exactly
        // dependent on earlier ones, e.g. two β0 columns of a fixed composition): the reflection is
        // skipped and R is still the triangular factor, so rank deficiency is left to the solver
        qr.decompose(m);
        DMatrixRMaj r = qr.getR(null, true);
        for (double v : r.data) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException("QR decomposition produced " + v + " (non-finite rows or weights?)");
            }
        }
        if (r.numRows == cols) {
            return r;
        }
        DMatrixRMaj full = new DMatrixRMaj(cols, cols);
        for (int i = 0; i < r.numRows; i++) {
            for (int j = 0; j < cols; j++) {
                full.set(i, j, r.get(i, j));
            }
        }
        return full;
    }

    private static DMatrixRMaj stack(DMatrixRMaj a, DMatrixRMaj b) {
        DMatrixRMaj m = new DMatrixRMaj(a.numRows + b.numRows, a.numCols);
        System.arraycopy(a.data, 0, m.data, 0, a.numRows * a.numCols);
        System.arraycopy(b.data, 0, m.data, a.numRows * a.numCols, b.numRows * b.numCols);
        return m;
    }
}
