package org.peierls.fit;

import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.Descriptor;
import org.peierls.descriptor.DescriptorGradients;
import org.peierls.model.MlPotential;
import org.peierls.model.Model;
import org.peierls.neighbors.NeighborList;

/**
 * The columns of a model linear in its parameters on any {@link Descriptor}, and the rows one
 * structure contributes: per element type t the columns are β0_t (when the constant is fitted)
 * followed by the coefficients of the {@link FeatureMap}'s features, so an atom of type t has
 * E_i = Σ_c x_c·q_c(B_i), and a structure's energy, forces and virial are linear in x:
 * <ul>
 *   <li>energy: Σ_i q_c(B_i) (and N_t for β0_t);</li>
 *   <li>force on atom m, direction l: −∂(Σ_i q_c(B_i))/∂x_ml, eV/Å per unit x_c;</li>
 *   <li>stress (tensile positive, eV/Å³ per unit x_c): σ_ab = (1/V) Σ_i Σ_e r_e,a ∂q_c(B_i)/∂r_e,b,
 *       from the per-neighbor derivatives ∂B_i/∂r_e of {@link DescriptorGradients} and the chain
 *       rule of the feature map.</li>
 * </ul>
 * SNAP is the bispectrum with linear features, quadratic SNAP the same with quadratic ones
 * (Thompson et al. 2015; Wood &amp; Thompson 2018), and the order of a type's columns is then
 * LAMMPS's {@code .snapcoeff} order. Thread-safe; {@link #rows} may be called from several threads.
 */
public final class FeatureBasis implements LinearBasis {

    private final Descriptor descriptor;
    private final FeatureMap features;
    private final boolean bias;
    private final int n;
    private final int linearOffset;
    private final int perType;
    private final int types;

    /**
     * @param descriptor the descriptor (its element types are the basis's)
     * @param features   the per-atom features of its rows
     * @param bias       fit the constant β0 of each element (otherwise β0 = 0 plus any reference energy)
     */
    public FeatureBasis(Descriptor descriptor, FeatureMap features, boolean bias) {
        if (features.inputSize() != descriptor.size()) {
            throw new IllegalArgumentException("feature map reads " + features.inputSize() + " components, descriptor has "
                    + descriptor.size());
        }
        this.descriptor = descriptor;
        this.features = features;
        this.bias = bias;
        this.n = descriptor.size();
        this.linearOffset = bias ? 1 : 0;
        this.perType = linearOffset + features.size();
        this.types = descriptor.species().length;
    }

    public Descriptor descriptor() {
        return descriptor;
    }

    public FeatureMap features() {
        return features;
    }

    /** Whether β0 columns are fitted. */
    public boolean fitsBias() {
        return bias;
    }

    /** Number of element types. */
    public int types() {
        return types;
    }

    /** Descriptor components n. */
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
        String el = Element.symbol(descriptor.species()[t]);
        if (bias && k == 0) {
            return el + " β0";
        }
        return el + " " + features.name(k - linearOffset);
    }

    /** The rows of a structure (see the class comment). */
    @Override
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
            if (bias) {
                q[0] = 1;
            }
            features.values(b, bi, q, linearOffset);
            for (int c = 0; c < perType; c++) {
                energy[base + c] += q[c];
            }
            java.util.Arrays.fill(self, 0);
            if (bias) {
                q[0] = 0;
            }
            for (int e = off[i]; e < off[i + 1]; e++) {
                int j = nb[e];
                double rx = r[3 * e], ry = r[3 * e + 1], rz = r[3 * e + 2];
                for (int l = 0; l < 3; l++) {
                    features.derivative(b, bi, d, (3 * e + l) * n, q, linearOffset);
                    int rowJ = (3 * j + l) * cols + base;
                    int s = l * perType;
                    for (int c = 0; c < perType; c++) {
                        forces[rowJ + c] -= q[c];
                        self[s + c] += q[c];
                    }
                    // σ_ab += r_a ∂q/∂r_b for the Voigt components whose second index b = l
                    if (l == 0) {
                        axpy(stress, base, rx, q);                       // xx
                    } else if (l == 1) {
                        axpy(stress, cols + base, ry, q);                // yy
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

    /**
     * The potential with fitted coefficients x {@code [columns]}: one model per element whose β0
     * is the fitted constant (0 when not fitted) plus {@code elementEnergy[t]}.
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
            int base = t * perType;
            double b0 = (bias ? x[base] : 0) + (elementEnergy == null ? 0 : elementEnergy[t]);
            models[t] = features.model(b0, x, base + linearOffset);
        }
        return models;
    }
}
