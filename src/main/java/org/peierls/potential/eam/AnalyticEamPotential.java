package org.peierls.potential.eam;

import org.peierls.atoms.Species;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.util.Parallel;

/**
 * An embedded-atom potential whose functions are evaluated analytically ({@link EamFunctions}),
 * e.g. {@link Zhou2004}: E = Σ<sub>i</sub> F<sub>i</sub>(ρ̄<sub>i</sub>) + ½ Σ<sub>i≠j</sub>
 * φ<sub>ij</sub>(r<sub>ij</sub>), ρ̄<sub>i</sub> = Σ<sub>j</sub> ρ<sub>i←j</sub>(r<sub>ij</sub>).
 *
 * <p>Three passes on a full neighbor list, each atom writing only its own values: densities,
 * embedding energies and derivatives, then forces f<sub>i</sub> = Σ<sub>j</sub>
 * [F′<sub>i</sub>ρ′<sub>i←j</sub> + F′<sub>j</sub>ρ′<sub>j←i</sub> + φ′] (x<sub>j</sub> − x<sub>i</sub>)/r.
 * Meant for reference evaluations and table generation rather than speed (use the tabulated
 * {@link EamPotential} for long runs).</p>
 */
public final class AnalyticEamPotential implements Potential {

    private static final int GRAIN = 256;

    private final EamFunctions functions;
    private final double cutoff;

    public AnalyticEamPotential(EamFunctions functions) {
        this.functions = functions;
        this.cutoff = functions.cutoff();
    }

    public EamFunctions functions() {
        return functions;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public int[] species() {
        return functions.numbers().clone();
    }

    @Override
    public String describe() {
        return functions.describe();
    }

    @Override
    public Results compute(Structure structure, NeighborList list, Output output) {
        if (list.kind() != NeighborList.Kind.FULL) {
            throw new IllegalArgumentException(describe() + " needs a full neighbor list");
        }
        int n = structure.size();
        if (list.atoms() != n || list.cutoff() < cutoff * (1 - 1e-12)) {
            throw new IllegalArgumentException("neighbor list (" + list.atoms() + " atoms, cutoff " + list.cutoff()
                    + " Å) does not fit " + n + " atoms and cutoff " + cutoff + " Å");
        }
        int[] type = Species.types(structure, functions.numbers(), "potential " + describe());
        double[] d = list.vectorsFor(structure);
        int[] off = list.offsetsArray();
        int[] nbr = list.neighborsArray();
        double cs = cutoff * cutoff;
        int chunks = Parallel.chunks(n, GRAIN);
        double[] rho = new double[n];
        double[] fp = new double[n];
        double[] f = new double[3 * n];
        double[] eatom = new double[n];
        double[] chunkEnergy = new double[chunks];
        double[] chunkVirial = new double[6 * chunks];
        Parallel.forEachChunk(chunks, c -> {
            double[] tmp = new double[1];
            for (int i = Parallel.chunkStart(n, chunks, c), hi = Parallel.chunkStart(n, chunks, c + 1); i < hi; i++) {
                double sum = 0;
                for (int k = off[i]; k < off[i + 1]; k++) {
                    double r2 = d[3 * k] * d[3 * k] + d[3 * k + 1] * d[3 * k + 1] + d[3 * k + 2] * d[3 * k + 2];
                    if (r2 < cs) {
                        sum += functions.density(type[i], type[nbr[k]], Math.sqrt(r2), tmp);
                    }
                }
                rho[i] = sum;
                eatom[i] = functions.embedding(type[i], sum, tmp);
                fp[i] = tmp[0];
            }
        });
        Parallel.forEachChunk(chunks, c -> {
            double[] dRhoI = new double[1], dRhoJ = new double[1], dPhi = new double[1];
            double e = 0;
            double[] w = new double[6];
            for (int i = Parallel.chunkStart(n, chunks, c), hi = Parallel.chunkStart(n, chunks, c + 1); i < hi; i++) {
                double fx = 0, fy = 0, fz = 0, ei = 0;
                for (int k = off[i]; k < off[i + 1]; k++) {
                    double dx = d[3 * k], dy = d[3 * k + 1], dz = d[3 * k + 2];
                    double r2 = dx * dx + dy * dy + dz * dz;
                    if (r2 >= cs) {
                        continue;
                    }
                    int j = nbr[k];
                    double r = Math.sqrt(r2);
                    functions.density(type[i], type[j], r, dRhoI);
                    functions.density(type[j], type[i], r, dRhoJ);
                    double phi = functions.pair(type[i], type[j], r, dPhi);
                    double s = (fp[i] * dRhoI[0] + fp[j] * dRhoJ[0] + dPhi[0]) / r;
                    fx += s * dx;
                    fy += s * dy;
                    fz += s * dz;
                    ei += 0.5 * phi;
                    w[0] -= 0.5 * s * dx * dx;
                    w[1] -= 0.5 * s * dy * dy;
                    w[2] -= 0.5 * s * dz * dz;
                    w[3] -= 0.5 * s * dy * dz;
                    w[4] -= 0.5 * s * dx * dz;
                    w[5] -= 0.5 * s * dx * dy;
                }
                f[3 * i] = fx;
                f[3 * i + 1] = fy;
                f[3 * i + 2] = fz;
                eatom[i] += ei;
                e += eatom[i];
            }
            chunkEnergy[c] = e;
            System.arraycopy(w, 0, chunkVirial, 6 * c, 6);
        });
        double energy = 0;
        double[] virial = new double[6];
        for (int c = 0; c < chunks; c++) {
            energy += chunkEnergy[c];
            for (int v = 0; v < 6; v++) {
                virial[v] += chunkVirial[6 * c + v];
            }
        }
        double volume = Results.volumeOf(structure);
        return new Results(energy, f, virial, volume, output == Output.PER_ATOM ? eatom : null);
    }

    @Override
    public String toString() {
        return describe();
    }
}
