package org.peierls.descriptor;

/**
 * Descriptor rows and their derivatives with respect to every neighbor position, for fitting.
 *
 * <p>Entry {@code e} in {@code [offsets[i], offsets[i+1])} is a neighbor of atom i inside the
 * descriptor cutoff: atom {@code neighbors[e]} (one periodic image of it) at displacement
 * r_e = {@code displacements[3e…3e+2]} = x_j + n·H − x_i, Å. {@code derivatives} holds
 * ∂B_i/∂r_e: component k along Cartesian direction l at {@code (3e + l)·size + k}, per Å.
 * Moving atom m changes B_i by Σ_{e: neighbors[e] = m} ∂B_i/∂r_e − [i = m]·Σ_e ∂B_i/∂r_e.</p>
 *
 * @param atoms         N
 * @param size          descriptor components per atom
 * @param types         type index of each atom {@code [N]}
 * @param values        B {@code [N × size]}
 * @param offsets       {@code [N+1]}
 * @param neighbors     {@code [E]}
 * @param displacements {@code [3E]}, Å
 * @param derivatives   {@code [E × 3 × size]}, per Å
 */
public record DescriptorGradients(int atoms, int size, int[] types, double[] values, int[] offsets, int[] neighbors,
                                  double[] displacements, double[] derivatives) {

    /** Which neighbor-list entries of an atom a descriptor keeps (e.g. those inside its cutoff). */
    @FunctionalInterface
    interface EntryFilter {
        boolean keep(int atom, int entry);
    }

    /** {@code offsets} {@code [N+1]} of the entries kept per atom, list entries {@code [start[i], start[i+1])}. */
    static int[] offsets(int n, int[] start, EntryFilter filter) {
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                if (filter.keep(i, k)) {
                    c++;
                }
            }
            offsets[i + 1] = offsets[i] + c;
        }
        return offsets;
    }

    /** Number of (center, neighbor) entries E. */
    public int entries() {
        return neighbors.length;
    }

    /**
     * Forces of E = Σ_i β_i·B_i with β fixed: F_m = −∂E/∂r_m, {@code [3N]}, eV/Å.
     *
     * @param beta {@code [N × size]}
     */
    public double[] forces(double[] beta) {
        double[] f = new double[3 * atoms];
        for (int i = 0; i < atoms; i++) {
            for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                int j = neighbors[e];
                for (int l = 0; l < 3; l++) {
                    double g = 0;
                    int base = (3 * e + l) * size;
                    for (int k = 0; k < size; k++) {
                        g += beta[i * size + k] * derivatives[base + k];
                    }
                    f[3 * j + l] -= g;
                    f[3 * i + l] += g;
                }
            }
        }
        return f;
    }

    /**
     * Virial of E = Σ_i β_i·B_i with β fixed: W = −Σ_e r_e ⊗ ∂E/∂r_e, Voigt (xx yy zz yz xz xy),
     * eV, LAMMPS sign (W = −∂E/∂ε).
     */
    public double[] virial(double[] beta) {
        double[] w = new double[6];
        for (int i = 0; i < atoms; i++) {
            for (int e = offsets[i]; e < offsets[i + 1]; e++) {
                double[] g = new double[3];
                for (int l = 0; l < 3; l++) {
                    int base = (3 * e + l) * size;
                    for (int k = 0; k < size; k++) {
                        g[l] += beta[i * size + k] * derivatives[base + k];
                    }
                }
                addVirial(w, displacements, e, g[0], g[1], g[2], -1.0);
            }
        }
        return w;
    }

    /** w += sign·r_e ⊗ g in Voigt order xx yy zz yz xz xy (row index on r, column on g). */
    static void addVirial(double[] w, double[] r, int e, double gx, double gy, double gz, double sign) {
        double rx = r[3 * e], ry = r[3 * e + 1], rz = r[3 * e + 2];
        w[0] += sign * rx * gx;
        w[1] += sign * ry * gy;
        w[2] += sign * rz * gz;
        w[3] += sign * ry * gz;
        w[4] += sign * rx * gz;
        w[5] += sign * rx * gy;
    }
}
