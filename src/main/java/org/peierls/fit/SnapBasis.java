package org.peierls.fit;

import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.Bispectrum;
import org.peierls.descriptor.BispectrumParameters;
import org.peierls.descriptor.DescriptorGradients;
import org.peierls.model.LinearModel;
import org.peierls.model.MlPotential;
import org.peierls.model.Model;
import org.peierls.model.QuadraticModel;
import org.peierls.neighbors.NeighborList;

/**
 * The columns of a (quadratic) SNAP fit and the rows one structure contributes, from the
 * bispectrum B_i (Thompson et al., J. Comput. Phys. 285, 316 (2015); quadratic SNAP: Wood &amp;
 * Thompson, J. Chem. Phys. 148, 241721 (2018)).
 *
 * <p>Per element type t the columns are, in LAMMPS's {@code .snapcoeff} order: β0_t (when the
 * constant is fitted), β_t1…β_tn, and for quadratic SNAP the n(n+1)/2 α_t,kl (k ≤ l, row by row)
 * whose per-atom features are ½B_k² (k = l) and B_k·B_l (k &lt; l). So an atom of type t has
 * E_i = Σ_c x_c·q_c(B_i), and a structure's energy, forces and virial are linear in x:</p>
 * <ul>
 *   <li>energy: Σ_i q_c(B_i) (and N_t for β0_t);</li>
 *   <li>force on atom m, direction l: −∂(Σ_i q_c(B_i))/∂x_ml, eV/Å per unit x_c;</li>
 *   <li>stress (tensile positive, eV/Å³ per unit x_c): σ_ab = (1/V) Σ_i Σ_e r_e,a ∂q_c(B_i)/∂r_e,b,
 *       the derivative taken from the per-neighbor derivatives ∂B_i/∂r_e of
 *       {@link DescriptorGradients} (∂(B_kB_l) = B_k∂B_l + B_l∂B_k).</li>
 * </ul>
 * Thread-safe; {@link #rows} may be called from several threads.
 */
public final class SnapBasis implements DesignColumns {

    private final BispectrumParameters params;
    private final Bispectrum descriptor;
    private final boolean quadratic;
    private final boolean bias;
    private final int n;
    private final int linearOffset;
    private final int quadOffset;
    private final int perType;
    private final int types;

    /**
     * @param params    bispectrum parameters (elements in type order)
     * @param quadratic add the ½B⊗B columns
     * @param bias      fit the constant β0 of each element (otherwise β0 = 0 plus any reference energy)
     */
    public SnapBasis(BispectrumParameters params, boolean quadratic, boolean bias) {
        this.params = params;
        this.descriptor = new Bispectrum(params);
        this.quadratic = quadratic;
        this.bias = bias;
        this.n = descriptor.size();
        this.linearOffset = bias ? 1 : 0;
        this.quadOffset = linearOffset + n;
        this.perType = quadOffset + (quadratic ? n * (n + 1) / 2 : 0);
        this.types = params.elements().length;
    }

    public BispectrumParameters parameters() {
        return params;
    }

    public Bispectrum descriptor() {
        return descriptor;
    }

    public boolean quadratic() {
        return quadratic;
    }

    /** Whether β0 columns are fitted. */
    public boolean fitsBias() {
        return bias;
    }

    /** Number of element types. */
    public int types() {
        return types;
    }

    /** Bispectrum components n. */
    public int descriptorSize() {
        return n;
    }

    /** Columns per element type. */
    public int columnsPerType() {
        return perType;
    }

    /** Number of columns (fitted coefficients). */
    @Override
    public int columns() {
        return types * perType;
    }

    /** Whether column c is a β0 column. */
    @Override
    public boolean isBias(int c) {
        return bias && c % perType == 0;
    }

    /** A readable name of column c, e.g. "Ta β0", "Ta B7", "Ta B3·B12", "Ta ½B4²". */
    @Override
    public String columnName(int c) {
        int t = c / perType, k = c % perType;
        String el = Element.symbol(params.elements()[t]);
        if (bias && k == 0) {
            return el + " β0";
        }
        if (k < quadOffset) {
            return el + " B" + (k - linearOffset + 1);
        }
        int p = k - quadOffset;
        for (int a = 0; a < n; a++) {
            int row = n - a;
            if (p < row) {
                int b = a + p;
                return a == b ? el + " ½B" + (a + 1) + "²" : el + " B" + (a + 1) + "·B" + (b + 1);
            }
            p -= row;
        }
        throw new IllegalStateException("column " + c);
    }

    /**
     * The raw rows of one structure (not yet divided by N or converted).
     *
     * @param energy {@code [columns]}: Σ_i q_c(B_i)
     * @param forces {@code [3N × columns]}, eV/Å per unit coefficient
     * @param stress {@code [6 × columns]}, Voigt xx yy zz yz xz xy, eV/Å³ per unit coefficient,
     *               tensile positive; zeros when the structure has no volume
     * @param counts atoms per type {@code [types]}
     */
    public record Rows(double[] energy, double[] forces, double[] stress, int[] counts) {
    }

    /** The rows of a structure (see the class comment). */
    public Rows rows(Structure structure) {
        NeighborList nl = NeighborList.build(structure, descriptor.cutoff(), NeighborList.Kind.FULL);
        DescriptorGradients g = descriptor.gradients(structure, nl);
        return rows(g, structure.cell().volume());
    }

    /** The rows from descriptor gradients; {@code volume} in Å³ (0: no stress rows). */
    public Rows rows(DescriptorGradients g, double volume) {
        int atoms = g.atoms(), cols = columns();
        double[] energy = new double[cols];
        double[] forces = new double[3 * atoms * cols];
        double[] stress = new double[6 * cols];
        int[] counts = new int[types];
        int[] type = g.types();
        double[] b = g.values(), d = g.derivatives(), r = g.displacements();
        int[] off = g.offsets(), nb = g.neighbors();
        double[] q = new double[perType];
        double[] self = new double[3 * perType];
        for (int i = 0; i < atoms; i++) {
            int t = type[i];
            counts[t]++;
            int base = t * perType;
            int bi = i * n;
            features(b, bi, q);
            for (int c = 0; c < perType; c++) {
                energy[base + c] += q[c];
            }
            java.util.Arrays.fill(self, 0);
            for (int e = off[i]; e < off[i + 1]; e++) {
                int j = nb[e];
                double rx = r[3 * e], ry = r[3 * e + 1], rz = r[3 * e + 2];
                for (int l = 0; l < 3; l++) {
                    featureDerivative(b, bi, d, (3 * e + l) * n, q);
                    int rowJ = (3 * j + l) * cols + base;
                    int s = l * perType;
                    for (int c = 0; c < perType; c++) {
                        forces[rowJ + c] -= q[c];
                        self[s + c] += q[c];
                    }
                    // σ_ab += r_a ∂q/∂r_b for the Voigt components whose second index b = l
                    if (l == 0) {
                        axpy(stress, 0 * cols + base, rx, q);            // xx
                    } else if (l == 1) {
                        axpy(stress, 1 * cols + base, ry, q);            // yy
                        axpy(stress, 5 * cols + base, rx, q);            // xy
                    } else {
                        axpy(stress, 2 * cols + base, rz, q);            // zz
                        axpy(stress, 3 * cols + base, ry, q);            // yz
                        axpy(stress, 4 * cols + base, rx, q);            // xz
                    }
                }
            }
            for (int l = 0; l < 3; l++) {
                int rowI = (3 * i + l) * cols + base;
                int s = l * perType;
                for (int c = 0; c < perType; c++) {
                    forces[rowI + c] += self[s + c];
                }
            }
        }
        if (volume > 0) {
            double inv = 1.0 / volume;
            for (int k = 0; k < stress.length; k++) {
                stress[k] *= inv;
            }
        } else {
            java.util.Arrays.fill(stress, 0);
        }
        return new Rows(energy, forces, stress, counts);
    }

    private void axpy(double[] y, int at, double a, double[] x) {
        for (int c = 0; c < perType; c++) {
            y[at + c] += a * x[c];
        }
    }

    /** q_c(B) for one atom into {@code q[perType]}. */
    private void features(double[] b, int bi, double[] q) {
        if (bias) {
            q[0] = 1;
        }
        for (int k = 0; k < n; k++) {
            q[linearOffset + k] = b[bi + k];
        }
        if (quadratic) {
            int p = quadOffset;
            for (int k = 0; k < n; k++) {
                double bk = b[bi + k];
                q[p++] = 0.5 * bk * bk;
                for (int m = k + 1; m < n; m++) {
                    q[p++] = bk * b[bi + m];
                }
            }
        }
    }

    /** ∂q_c/∂r for one derivative vector ∂B/∂r at {@code d[di…di+n)} into {@code q[perType]}. */
    private void featureDerivative(double[] b, int bi, double[] d, int di, double[] q) {
        if (bias) {
            q[0] = 0;
        }
        for (int k = 0; k < n; k++) {
            q[linearOffset + k] = d[di + k];
        }
        if (quadratic) {
            int p = quadOffset;
            for (int k = 0; k < n; k++) {
                double bk = b[bi + k], dk = d[di + k];
                q[p++] = bk * dk;
                for (int m = k + 1; m < n; m++) {
                    q[p++] = bk * d[di + m] + b[bi + m] * dk;
                }
            }
        }
    }

    /**
     * The potential with fitted coefficients x {@code [columns]}: one linear or quadratic model
     * per element whose β0 is the fitted constant (0 when not fitted) plus {@code elementEnergy[t]}.
     */
    public MlPotential potential(double[] x, double[] elementEnergy, String name) {
        return new MlPotential(descriptor, models(x, elementEnergy), name);
    }

    /** The per-element models of coefficients x (see {@link #potential}). */
    public Model[] models(double[] x, double[] elementEnergy) {
        if (x.length != columns()) {
            throw new IllegalArgumentException(x.length + " coefficients for " + columns() + " columns");
        }
        Model[] models = new Model[types];
        for (int t = 0; t < types; t++) {
            double[] c = lammpsCoefficients(x, t, elementEnergy == null ? 0 : elementEnergy[t]);
            models[t] = quadratic ? QuadraticModel.fromCoefficients(c) : LinearModel.fromCoefficients(c);
        }
        return models;
    }

    /** LAMMPS {@code .snapcoeff} coefficients of type t: β0 (+ e0), β, α. */
    public double[] lammpsCoefficients(double[] x, int t, double e0) {
        int total = 1 + perType - linearOffset;
        double[] c = new double[total];
        int base = t * perType;
        c[0] = (bias ? x[base] : 0) + e0;
        System.arraycopy(x, base + linearOffset, c, 1, perType - linearOffset);
        return c;
    }
}
