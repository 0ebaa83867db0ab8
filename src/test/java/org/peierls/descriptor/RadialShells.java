package org.peierls.descriptor;

import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * A descriptor written in the test tree only, to show that one needs no edit of Peierls's code:
 * Behler's radial symmetry functions G2 (Behler, J. Chem. Phys. 134, 074106 (2011), eq. 6),
 * B_ik = Σ_j exp(−η (r_ij − R_k)²)·f_c(r_ij) with the cosine cutoff f_c = ½(cos(π r/r_c) + 1), on
 * K shells R_k evenly spaced in [r_min, r_c) — element-blind (every neighbor counts alike).
 * Exact derivatives; the rows of a fit come from {@link Descriptor#rows}.
 */
public final class RadialShells implements Descriptor {

    private final int[] species;
    private final int shells;
    private final double rc;
    private final double rmin;
    private final double eta;

    /**
     * @param species atomic numbers of the element types
     * @param shells  K
     * @param rc      cutoff, Å
     * @param rmin    first shell, Å
     * @param eta     width parameter η, Å⁻²
     */
    public RadialShells(int[] species, int shells, double rc, double rmin, double eta) {
        if (shells < 1 || !(rc > rmin) || !(rmin >= 0) || !(eta > 0)) {
            throw new IllegalArgumentException("radial shells need K ≥ 1, 0 ≤ rmin < rc, η > 0");
        }
        this.species = species.clone();
        this.shells = shells;
        this.rc = rc;
        this.rmin = rmin;
        this.eta = eta;
    }

    public int shells() {
        return shells;
    }

    public double rmin() {
        return rmin;
    }

    public double eta() {
        return eta;
    }

    @Override
    public int size() {
        return shells;
    }

    @Override
    public double cutoff() {
        return rc;
    }

    @Override
    public int[] species() {
        return species.clone();
    }

    @Override
    public String describe() {
        StringBuilder el = new StringBuilder();
        for (int z : species) {
            el.append(el.length() == 0 ? "" : ",").append(Element.symbol(z));
        }
        return "radial shells K=" + shells + " rc=" + rc + " (" + el + ")";
    }

    private double centre(int k) {
        return rmin + (rc - rmin) * k / shells;
    }

    /** g_k(r) and dg_k/dr into {@code g[k]}, {@code dg[k]}. */
    private void shell(double r, double[] g, double[] dg) {
        double fc = 0.5 * (Math.cos(Math.PI * r / rc) + 1);
        double dfc = -0.5 * Math.PI / rc * Math.sin(Math.PI * r / rc);
        for (int k = 0; k < shells; k++) {
            double d = r - centre(k);
            double e = Math.exp(-eta * d * d);
            g[k] = e * fc;
            dg[k] = e * (dfc - 2 * eta * d * fc);
        }
    }

    @Override
    public double[] compute(Structure structure, NeighborList neighbors) {
        return gradients(structure, neighbors).values();
    }

    @Override
    public void backpropagate(Structure structure, NeighborList neighbors, double[] beta, double[] forces, double[] virial) {
        DescriptorGradients g = gradients(structure, neighbors);
        double[] f = g.forces(beta);
        double[] w = g.virial(beta);
        for (int i = 0; i < f.length; i++) {
            forces[i] += f[i];
        }
        for (int v = 0; v < 6; v++) {
            virial[v] += w[v];
        }
    }

    @Override
    public DescriptorGradients gradients(Structure structure, NeighborList neighbors) {
        int n = structure.size();
        int[] types = types(structure);
        double[] vec = neighbors.vectorsFor(structure);
        int[] start = neighbors.offsetsArray();
        int[] offsets = DescriptorGradients.offsets(n, start, (i, k) -> {
            double d2 = vec[3 * k] * vec[3 * k] + vec[3 * k + 1] * vec[3 * k + 1] + vec[3 * k + 2] * vec[3 * k + 2];
            return d2 < rc * rc && d2 > 1e-20;
        });
        int entries = offsets[n];
        int[] nb = new int[entries];
        double[] disp = new double[3 * entries];
        double[] der = new double[3 * entries * shells];
        double[] b = new double[n * shells];
        double[] g = new double[shells], dg = new double[shells];
        int[] list = neighbors.neighborsArray();
        for (int i = 0; i < n; i++) {
            int e = offsets[i];
            for (int k = start[i]; k < start[i + 1]; k++) {
                double x = vec[3 * k], y = vec[3 * k + 1], z = vec[3 * k + 2];
                double r = Math.sqrt(x * x + y * y + z * z);
                if (r >= rc || r * r <= 1e-20) {
                    continue;
                }
                nb[e] = list[k];
                disp[3 * e] = x;
                disp[3 * e + 1] = y;
                disp[3 * e + 2] = z;
                shell(r, g, dg);
                for (int s = 0; s < shells; s++) {
                    b[i * shells + s] += g[s];
                    double q = dg[s] / r;   // ∂g/∂r_e = g'(r)·r_e/r
                    der[(3 * e) * shells + s] = q * x;
                    der[(3 * e + 1) * shells + s] = q * y;
                    der[(3 * e + 2) * shells + s] = q * z;
                }
                e++;
            }
        }
        return new DescriptorGradients(n, shells, types, b, offsets, nb, disp, der);
    }
}
