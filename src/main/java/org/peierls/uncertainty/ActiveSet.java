package org.peierls.uncertainty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The D-optimal active set of one element type and its extrapolation grade (Podryabinkin &amp;
 * Shapeev, Comput. Mater. Sci. 140, 171 (2017); Lysogorskiy et al., npj Comput. Mater. 9, 1
 * (2023)). The rows are the per-atom features of a linear-in-parameters model, f_i = [1, B_i] —
 * ∂E_i/∂θ of SNAP exactly, the linear part of qSNAP and MTP, the input layer of a network — and
 * the active set is the MaxVol choice of r of the training rows. γ(f) = max_k |c_k| with f = c A:
 * γ ≤ 1 inside the training parallelotope, γ &gt; 1 extrapolation, and γ is the factor by which
 * adding f to the training set would multiply |det A|.
 *
 * <p>Numerics: γ is unchanged by scaling feature columns (f D (A D)⁻¹ = f A⁻¹), so the columns are
 * scaled to unit RMS first (bispectrum components span decades). Training sets of one phase are
 * often rank-deficient in B (collinear components); the rows are projected on the right singular
 * vectors of σ &gt; {@code rcond}·σ_max and the set is chosen in that r-dimensional space. Everything
 * reduces to one m × r matrix G = diag(1/s) V_r A⁻¹ with γ(f) = ‖f G‖_∞ — m·r multiply-adds per
 * atom, negligible next to the descriptor.</p>
 */
public final class ActiveSet {

    /** Relative singular-value cut that defines the numerical rank. */
    public static final double RCOND = 1e-9;

    private final int features;
    private final int rank;
    private final double[] g;
    private final List<String> sources;
    private final int swaps;

    ActiveSet(int features, int rank, double[] g, List<String> sources, int swaps) {
        if (g.length != features * rank) {
            throw new IllegalArgumentException("G must be " + features + " × " + rank);
        }
        this.features = features;
        this.rank = rank;
        this.g = g;
        this.sources = List.copyOf(sources);
        this.swaps = swaps;
    }

    /**
     * Chooses the active set of training rows {@code f} (row-major n × m).
     *
     * @param sources where each row came from ("config#atom"), kept for the active rows
     */
    public static ActiveSet select(double[] f, int n, int m, List<String> sources) {
        if (n == 0) {
            throw new IllegalArgumentException("no training rows");
        }
        double[] scale = new double[m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                scale[j] += f[i * m + j] * f[i * m + j];
            }
        }
        for (int j = 0; j < m; j++) {
            scale[j] = Math.sqrt(scale[j] / n);
            if (!(scale[j] > 0)) {
                scale[j] = 1;
            }
        }
        DMatrixRMaj fs = new DMatrixRMaj(n, m);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                fs.data[i * m + j] = f[i * m + j] / scale[j];
            }
        }
        // right singular vectors of the scaled rows: the numerical row space
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, m, false, true, true);
        if (!svd.decompose(fs.copy())) {
            throw new IllegalArgumentException("SVD of the training features failed");
        }
        double[] sv = svd.getSingularValues();
        DMatrixRMaj v = svd.getV(null, false);
        int k = Math.min(n, m);
        double smax = 0;
        for (int q = 0; q < k; q++) {
            smax = Math.max(smax, sv[q]);
        }
        List<Integer> keep = new ArrayList<>();
        for (int q = 0; q < k; q++) {
            if (sv[q] > RCOND * smax) {
                keep.add(q);
            }
        }
        int r = keep.size();
        DMatrixRMaj vr = new DMatrixRMaj(m, r);
        for (int j = 0; j < m; j++) {
            for (int q = 0; q < r; q++) {
                vr.set(j, q, v.get(j, keep.get(q)));
            }
        }
        DMatrixRMaj p = new DMatrixRMaj(n, r);
        CommonOps_DDRM.mult(fs, vr, p);
        MaxVol.Selection sel = MaxVol.select(p.data, n, r, 1e-9, 50 * n + 1000);
        DMatrixRMaj ainv = MaxVol.inverse(p.data, r, sel.rows());
        DMatrixRMaj proj = new DMatrixRMaj(m, r);
        for (int j = 0; j < m; j++) {
            for (int q = 0; q < r; q++) {
                proj.set(j, q, vr.get(j, q) / scale[j]);
            }
        }
        DMatrixRMaj gm = new DMatrixRMaj(m, r);
        CommonOps_DDRM.mult(proj, ainv, gm);
        List<String> chosen = new ArrayList<>();
        for (int row : sel.rows()) {
            chosen.add(sources == null ? Integer.toString(row) : sources.get(row));
        }
        return new ActiveSet(m, r, gm.data, chosen, sel.swaps());
    }

    /** γ of one feature row f at {@code [offset, offset+m)}. */
    public double grade(double[] f, int offset) {
        double max = 0;
        for (int q = 0; q < rank; q++) {
            double c = 0;
            for (int j = 0; j < features; j++) {
                c += f[offset + j] * g[j * rank + q];
            }
            max = Math.max(max, Math.abs(c));
        }
        return max;
    }

    /**
     * The coefficients c = [1, B] G of a descriptor row in the basis of the active rows (γ is
     * max |c_k|).
     */
    public double[] coefficientsOfDescriptor(double[] b, int offset) {
        double[] c = new double[rank];
        for (int q = 0; q < rank; q++) {
            double v = g[q];
            for (int j = 1; j < features; j++) {
                v += b[offset + j - 1] * g[j * rank + q];
            }
            c[q] = v;
        }
        return c;
    }

    /**
     * The active set with active row k replaced by the row whose coefficients are {@code c}
     * (a MaxVol swap; |c_k| &gt; 1 grows the volume by |c_k|). With A the active rows in the
     * reduced basis, A' = A + e_k (z − a_k)ᵀ, and since (z − a_k)ᵀ A⁻¹ = (c − e_k)ᵀ the
     * Sherman–Morrison formula gives G' = G − g_k (c − e_k)ᵀ / c_k, g_k the k-th column of G:
     * no active rows need to be stored.
     */
    public ActiveSet swapped(int k, double[] c, String source) {
        if (!(Math.abs(c[k]) > 1e-12)) {
            throw new IllegalArgumentException("a swap needs c_k ≠ 0, got " + c[k]);
        }
        double[] ng = g.clone();
        for (int j = 0; j < features; j++) {
            double gk = g[j * rank + k] / c[k];
            for (int q = 0; q < rank; q++) {
                ng[j * rank + q] -= gk * (c[q] - (q == k ? 1 : 0));
            }
        }
        List<String> src = new ArrayList<>(sources);
        if (k < src.size()) {
            src.set(k, source);
        }
        return new ActiveSet(features, rank, ng, src, swaps + 1);
    }

    /** γ of a descriptor row B (the feature row [1, B] without copying). */
    public double gradeOfDescriptor(double[] b, int offset) {
        double max = 0;
        for (int q = 0; q < rank; q++) {
            double c = g[q];
            for (int j = 1; j < features; j++) {
                c += b[offset + j - 1] * g[j * rank + q];
            }
            max = Math.max(max, Math.abs(c));
        }
        return max;
    }

    /** Feature count m. */
    public int features() {
        return features;
    }

    /** Numerical rank r (the active-set size). */
    public int rank() {
        return rank;
    }

    /** Where the active rows came from. */
    public List<String> sources() {
        return sources;
    }

    /** MaxVol swaps it took. */
    public int swaps() {
        return swaps;
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("features", features);
        m.put("rank", rank);
        m.put("swaps", swaps);
        m.put("active_rows", sources);
        m.put("g", g);
        return m;
    }

    static ActiveSet fromJson(com.fasterxml.jackson.databind.JsonNode n, java.util.function.Function<String, RuntimeException> error) {
        int m = n.path("features").asInt(-1);
        int r = n.path("rank").asInt(-1);
        com.fasterxml.jackson.databind.JsonNode ga = n.path("g");
        if (m <= 0 || r <= 0 || !ga.isArray() || ga.size() != m * r) {
            throw error.apply("active set needs \"features\", \"rank\" and a features × rank \"g\"");
        }
        double[] g = new double[m * r];
        for (int q = 0; q < g.length; q++) {
            g[q] = ga.get(q).asDouble(Double.NaN);
            if (!Double.isFinite(g[q])) {
                throw error.apply("entry " + q + " of the active set's \"g\" is not a number");
            }
        }
        List<String> src = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode s : n.path("active_rows")) {
            src.add(s.asText());
        }
        return new ActiveSet(m, r, g, src, n.path("swaps").asInt(0));
    }
}
