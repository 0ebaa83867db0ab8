package org.peierls.descriptor;

/**
 * The rows a linear fit needs from one structure, one block of {@code size} columns per element
 * type (an atom's energy E_i = β0_t + β_t·B_i uses the coefficients of its type t):
 *
 * <ul>
 *   <li>{@code energy[t·size + k]} = Σ_{i of type t} B_ik, and {@code counts[t]} atoms of type t
 *       (the column of β0_t);</li>
 *   <li>{@code forces[(3m + l)·cols + t·size + k]} = −∂(Σ_{i of type t} B_ik)/∂x_ml, eV/Å per unit β;</li>
 *   <li>{@code virial[v·cols + t·size + k]} = −Σ_{i of type t} Σ_e r_e,a ∂B_ik/∂r_e,b for Voigt v = (a,b)
 *       in xx yy zz yz xz xy (LAMMPS sign, W = −∂E/∂ε, eV per unit β).</li>
 * </ul>
 *
 * So that for a linear model energy = Σ counts·β0 + energy·β, forces = forces·β, virial = virial·β.
 *
 * @param types  number of element types
 * @param size   descriptor components
 * @param atoms  N
 * @param counts atoms per type {@code [types]}
 * @param energy {@code [types·size]}
 * @param forces {@code [3N × types·size]}
 * @param virial {@code [6 × types·size]}
 */
public record DescriptorRows(int types, int size, int atoms, double[] counts, double[] energy, double[] forces,
                             double[] virial) {

    /** Number of columns, types·size. */
    public int columns() {
        return types * size;
    }

    /** Rows of a structure from its descriptor gradients. */
    public static DescriptorRows of(DescriptorGradients g, int ntypes) {
        int size = g.size(), n = g.atoms(), cols = ntypes * size;
        double[] counts = new double[ntypes];
        double[] energy = new double[cols];
        double[] forces = new double[3 * n * cols];
        double[] virial = new double[6 * cols];
        int[] types = g.types();
        double[] b = g.values(), d = g.derivatives(), r = g.displacements();
        int[] off = g.offsets(), nb = g.neighbors();
        int[][] voigt = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
        for (int i = 0; i < n; i++) {
            int t = types[i];
            if (t < 0 || t >= ntypes) {
                throw new IllegalArgumentException("atom " + i + " has type " + t + ", outside 0…" + (ntypes - 1));
            }
            counts[t] += 1;
            int col0 = t * size;
            for (int k = 0; k < size; k++) {
                energy[col0 + k] += b[i * size + k];
            }
            for (int e = off[i]; e < off[i + 1]; e++) {
                int j = nb[e];
                for (int l = 0; l < 3; l++) {
                    int src = (3 * e + l) * size;
                    int rowJ = (3 * j + l) * cols + col0;
                    int rowI = (3 * i + l) * cols + col0;
                    for (int k = 0; k < size; k++) {
                        double v = d[src + k];
                        forces[rowJ + k] -= v;
                        forces[rowI + k] += v;
                    }
                }
                for (int v = 0; v < 6; v++) {
                    double ra = r[3 * e + voigt[v][0]];
                    int src = (3 * e + voigt[v][1]) * size;
                    int row = v * cols + col0;
                    for (int k = 0; k < size; k++) {
                        virial[row + k] -= ra * d[src + k];
                    }
                }
            }
        }
        return new DescriptorRows(ntypes, size, n, counts, energy, forces, virial);
    }
}
