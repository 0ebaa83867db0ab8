package org.peierls.potential.pair;

import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.NeighborTranspose;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.util.Parallel;

/**
 * A pair potential E = ½ Σ<sub>i≠j</sub> φ<sub>t(i)t(j)</sub>(r<sub>ij</sub>) with φ = 0 for r ≥ cutoff.
 * Subclasses give φ and φ′ ({@link #energy}) and the type of each atom ({@link #types}).
 *
 * <p>Kernel: on a half list each pair is evaluated once by its owner i, which keeps its force
 * and stores the pair's ψ = φ′/r for the partner j, collected in a second pass over j through a
 * {@link NeighborTranspose} (no write races; results independent of the thread count). A full
 * list is also accepted (each pair evaluated from both sides).</p>
 */
public abstract class PairPotential implements Potential {

    private static final int GRAIN = 512;

    private volatile NeighborTranspose lastTranspose;

    /**
     * The pair energy φ(r) of atoms of types ti and tj, eV, for 0 &lt; r &lt; {@link #cutoff()};
     * {@code derivative[0]} receives dφ/dr, eV/Å.
     */
    protected abstract double energy(int ti, int tj, double r, double[] derivative);

    /**
     * The type of every atom, the indices passed to {@link #energy}.
     *
     * @throws org.peierls.util.InputException when an atom's element is not described
     */
    protected abstract int[] types(Structure structure);

    @Override
    public NeighborList.Kind preferredList() {
        return NeighborList.Kind.HALF;
    }

    /** The pair energy φ(r) of atoms of types ti, tj (0 at and beyond the cutoff), eV. */
    public double pairEnergy(int ti, int tj, double r) {
        return r >= cutoff() ? 0 : energy(ti, tj, r, new double[1]);
    }

    @Override
    public Results compute(Structure structure, NeighborList list, Output output) {
        int n = structure.size();
        double rc = cutoff();
        if (list.atoms() != n || list.cutoff() < rc * (1 - 1e-12)) {
            throw new IllegalArgumentException("neighbor list (" + list.atoms() + " atoms, cutoff " + list.cutoff()
                    + " Å) does not fit " + n + " atoms and cutoff " + rc + " Å");
        }
        int[] type = types(structure);
        boolean half = list.kind() == NeighborList.Kind.HALF;
        double weight = half ? 1.0 : 0.5;
        double[] d = list.vectorsFor(structure);
        int[] off = list.offsetsArray();
        int[] nbr = list.neighborsArray();
        double cs = rc * rc;
        int chunks = Parallel.chunks(n, GRAIN);
        double[] f = new double[3 * n];
        double[] eatom = output == Output.PER_ATOM ? new double[n] : null;
        double[] share = half ? new double[nbr.length] : null;
        double[] shareEnergy = half && eatom != null ? new double[nbr.length] : null;
        double[] chunkEnergy = new double[chunks];
        double[] chunkVirial = new double[6 * chunks];
        Parallel.forEachChunk(chunks, c -> {
            double[] der = new double[1];
            double e = 0, wxx = 0, wyy = 0, wzz = 0, wyz = 0, wxz = 0, wxy = 0;
            for (int i = Parallel.chunkStart(n, chunks, c), hi = Parallel.chunkStart(n, chunks, c + 1); i < hi; i++) {
                double fx = 0, fy = 0, fz = 0, ei = 0;
                int ti = type[i];
                for (int k = off[i]; k < off[i + 1]; k++) {
                    double dx = d[3 * k], dy = d[3 * k + 1], dz = d[3 * k + 2];
                    double r2 = dx * dx + dy * dy + dz * dz;
                    double s = 0;
                    if (r2 < cs) {
                        double r = Math.sqrt(r2);
                        double phi = energy(ti, type[nbr[k]], r, der);
                        s = der[0] / r;     // force on i is s·d
                        fx += s * dx;
                        fy += s * dy;
                        fz += s * dz;
                        ei += phi;
                        wxx -= s * dx * dx;
                        wyy -= s * dy * dy;
                        wzz -= s * dz * dz;
                        wyz -= s * dy * dz;
                        wxz -= s * dx * dz;
                        wxy -= s * dx * dy;
                        if (shareEnergy != null) {
                            shareEnergy[k] = 0.5 * phi;
                        }
                    }
                    if (share != null) {
                        share[k] = s;
                    }
                }
                f[3 * i] = fx;
                f[3 * i + 1] = fy;
                f[3 * i + 2] = fz;
                e += weight * ei;
                if (eatom != null) {
                    eatom[i] = 0.5 * ei;
                }
            }
            chunkEnergy[c] = e;
            int v = 6 * c;
            chunkVirial[v] = weight * wxx;
            chunkVirial[v + 1] = weight * wyy;
            chunkVirial[v + 2] = weight * wzz;
            chunkVirial[v + 3] = weight * wyz;
            chunkVirial[v + 4] = weight * wxz;
            chunkVirial[v + 5] = weight * wxy;
        });
        if (half) {
            NeighborTranspose tr = transpose(list);
            int[] ts = tr.startArray(), te = tr.entryArray();
            Parallel.forEachChunk(chunks, c -> {
                for (int j = Parallel.chunkStart(n, chunks, c), hi = Parallel.chunkStart(n, chunks, c + 1); j < hi; j++) {
                    double fx = 0, fy = 0, fz = 0, ej = 0;
                    for (int t = ts[j]; t < ts[j + 1]; t++) {
                        int k = te[t];
                        double s = share[k];
                        fx -= s * d[3 * k];
                        fy -= s * d[3 * k + 1];
                        fz -= s * d[3 * k + 2];
                        if (shareEnergy != null) {
                            ej += shareEnergy[k];
                        }
                    }
                    f[3 * j] += fx;
                    f[3 * j + 1] += fy;
                    f[3 * j + 2] += fz;
                    if (eatom != null) {
                        eatom[j] += ej;
                    }
                }
            });
        }
        double energy = 0;
        double[] virial = new double[6];
        for (int c = 0; c < chunks; c++) {
            energy += chunkEnergy[c];
            for (int v = 0; v < 6; v++) {
                virial[v] += chunkVirial[6 * c + v];
            }
        }
        double volume = Results.volumeOf(structure);
        return new Results(energy, f, virial, volume, eatom);
    }

    private NeighborTranspose transpose(NeighborList list) {
        NeighborTranspose t = lastTranspose;
        if (t == null || t.list() != list) {
            t = NeighborTranspose.of(list);
            lastTranspose = t;
        }
        return t;
    }

    @Override
    public String toString() {
        return describe();
    }
}
