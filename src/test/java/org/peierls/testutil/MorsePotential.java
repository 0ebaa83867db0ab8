package org.peierls.testutil;

import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;

/**
 * Test-only Morse pair potential with a shifted-force cutoff (energy and force both go to zero
 * at r_c, so MD conserves energy): φ(r) = D[(1 − e^{−α(r−r₀)})² − 1],
 * φ_sf(r) = φ(r) − φ(r_c) − (r − r_c) φ'(r_c). Any element; every pair interacts alike.
 * Defaults: the Girifalco–Weizer (1959) copper parameters.
 */
public final class MorsePotential implements Potential {

    private final double d;
    private final double alpha;
    private final double r0;
    private final double rc;
    private final double phiC;
    private final double dphiC;

    public MorsePotential(double d, double alpha, double r0, double rc) {
        this.d = d;
        this.alpha = alpha;
        this.r0 = r0;
        this.rc = rc;
        double e = Math.exp(-alpha * (rc - r0));
        this.phiC = d * ((1 - e) * (1 - e) - 1);
        this.dphiC = 2 * d * alpha * (1 - e) * e;
    }

    /** Girifalco–Weizer Cu: D = 0.3429 eV, α = 1.3588 /Å, r₀ = 2.866 Å, r_c = 6 Å. */
    public static MorsePotential copper() {
        return new MorsePotential(0.3429, 1.3588, 2.866, 6.0);
    }

    @Override
    public double cutoff() {
        return rc;
    }

    @Override
    public int[] species() {
        return new int[0];
    }

    @Override
    public String describe() {
        return "morse (test) D=" + d + " alpha=" + alpha + " r0=" + r0 + " rc=" + rc;
    }

    @Override
    public Results compute(Structure structure, NeighborList nl, Output output) {
        int n = structure.size();
        double[] v = nl.vectorsFor(structure);
        double[] f = new double[3 * n];
        double[] w = new double[6];
        double[] ei = output == Output.PER_ATOM ? new double[n] : null;
        double energy = 0;
        double half = nl.kind() == NeighborList.Kind.FULL ? 0.5 : 1.0;
        for (int i = 0; i < n; i++) {
            for (int k = nl.start(i); k < nl.end(i); k++) {
                double dx = v[3 * k], dy = v[3 * k + 1], dz = v[3 * k + 2];
                double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
                if (r >= rc) {
                    continue;
                }
                int j = nl.neighbor(k);
                double e = Math.exp(-alpha * (r - r0));
                double phi = d * ((1 - e) * (1 - e) - 1) - phiC - (r - rc) * dphiC;
                double dphi = 2 * d * alpha * (1 - e) * e - dphiC;
                energy += half * phi;
                if (ei != null) {
                    ei[i] += 0.5 * half * phi;
                    ei[j] += 0.5 * half * phi;
                }
                double s = half * dphi / r;     // f_i += φ'(r) d/r, f_j −= φ'(r) d/r
                f[3 * i] += s * dx;
                f[3 * i + 1] += s * dy;
                f[3 * i + 2] += s * dz;
                f[3 * j] -= s * dx;
                f[3 * j + 1] -= s * dy;
                f[3 * j + 2] -= s * dz;
                // W = −∂E/∂ε = −Σ φ'(r) d⊗d / r
                w[0] -= s * dx * dx;
                w[1] -= s * dy * dy;
                w[2] -= s * dz * dz;
                w[3] -= s * dy * dz;
                w[4] -= s * dx * dz;
                w[5] -= s * dx * dy;
            }
        }
        return new Results(energy, f, w, structure.cell().volume(), ei);
    }
}
