package org.peierls.analysis;

import org.peierls.atoms.Structure;
import org.peierls.util.InputException;
import org.peierls.util.Parallel;

/**
 * Wigner–Seitz defect analysis (as OVITO's and LAMMPS users do it; e.g. Nordlund et al., Phys.
 * Rev. B 57, 7556 (1998)): every atom is assigned to the nearest site of a reference lattice —
 * the Wigner–Seitz cell it lies in — and a site holding no atom is a vacancy, each atom beyond
 * the first on a site an interstitial. The structure's atoms are carried into the reference cell
 * at fixed fractional coordinates, so a cell strained by relaxation still maps site to site.
 * Sites are found through a grid of bins about one site spacing wide, searched outwards until no
 * nearer site can remain.
 */
public final class WignerSeitz {

    /** Occupancy of every reference site and the site of every atom. */
    public record Result(int[] occupancy, int[] siteOfAtom) {
        public int vacancies() {
            int v = 0;
            for (int o : occupancy) {
                v += o == 0 ? 1 : 0;
            }
            return v;
        }

        public int interstitials() {
            int v = 0;
            for (int o : occupancy) {
                v += Math.max(0, o - 1);
            }
            return v;
        }
    }

    private WignerSeitz() {
    }

    /**
     * @throws InputException when the reference is empty or its periodicity differs from the structure's
     */
    public static Result compute(Structure s, Structure reference) {
        if (reference.size() == 0) {
            throw new InputException("the reference lattice has no sites");
        }
        for (int k = 0; k < 3; k++) {
            if (s.cell().periodic(k) != reference.cell().periodic(k)) {
                throw new InputException("the reference lattice is " + (reference.cell().periodic(k) ? "" : "not ")
                        + "periodic along cell vector " + (k + 1) + " but the structure is " + (s.cell().periodic(k) ? "" : "not"));
            }
        }
        var ref = reference.cell();
        double[] sites = reference.positions();
        double[] fs = ref.toFractional(sites);
        double spacing = Math.cbrt(Math.max(ref.volume(), 1e-9) / reference.size());
        double[] w = ref.perpendicularWidths();
        int[] nb = new int[3];
        double minBin = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 3; k++) {
            nb[k] = ref.periodic(k) ? Math.max(1, Math.min(256, (int) Math.floor(w[k] / spacing))) : 1;
            minBin = Math.min(minBin, ref.periodic(k) ? w[k] / nb[k] : Double.POSITIVE_INFINITY);
        }
        int bins = nb[0] * nb[1] * nb[2];
        int[] head = new int[bins + 1], order = new int[reference.size()];
        int[] binOf = new int[reference.size()];
        for (int i = 0; i < reference.size(); i++) {
            binOf[i] = bin(fs, i, nb);
            head[binOf[i] + 1]++;
        }
        for (int b = 0; b < bins; b++) {
            head[b + 1] += head[b];
        }
        int[] fill = head.clone();
        for (int i = 0; i < reference.size(); i++) {
            order[fill[binOf[i]]++] = i;
        }
        double[] atoms = s.cell().isRegular() ? ref.toCartesian(s.cell().toFractional(s.positions())) : s.positions();
        double[] fa = ref.toFractional(atoms);
        int n = s.size();
        int[] site = new int[n];
        final double bin = minBin;
        int chunks = Parallel.chunks(n, 1024);
        Parallel.forEachChunk(chunks, c -> {
            double[] d = new double[3];
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                int b0 = bin(fa, i, nb);
                int bx = b0 / (nb[1] * nb[2]), by = (b0 / nb[2]) % nb[1], bz = b0 % nb[2];
                int best = -1;
                double bestD2 = Double.POSITIVE_INFINITY;
                int maxR = Math.max(nb[0], Math.max(nb[1], nb[2]));
                for (int r = 1; r <= maxR; r++) {
                    best = -1;
                    bestD2 = Double.POSITIVE_INFINITY;
                    for (int ox = -r; ox <= r; ox++) {
                        for (int oy = -r; oy <= r; oy++) {
                            for (int oz = -r; oz <= r; oz++) {
                                int x = Math.floorMod(bx + ox, nb[0]), y = Math.floorMod(by + oy, nb[1]), z = Math.floorMod(bz + oz, nb[2]);
                                int b = (x * nb[1] + y) * nb[2] + z;
                                for (int e = head[b]; e < head[b + 1]; e++) {
                                    int j = order[e];
                                    d[0] = sites[3 * j] - atoms[3 * i];
                                    d[1] = sites[3 * j + 1] - atoms[3 * i + 1];
                                    d[2] = sites[3 * j + 2] - atoms[3 * i + 2];
                                    ref.minimumImage(d);
                                    double d2 = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
                                    if (d2 < bestD2 || (d2 == bestD2 && j < best)) {
                                        bestD2 = d2;
                                        best = j;
                                    }
                                }
                            }
                        }
                    }
                    // every site outside the searched bins is at least r bin widths away
                    if (best >= 0 && (Math.sqrt(bestD2) <= r * bin || 2 * r + 1 >= maxR)) {
                        break;
                    }
                }
                site[i] = best;
            }
        });
        int[] occ = new int[reference.size()];
        for (int i = 0; i < n; i++) {
            occ[site[i]]++;
        }
        return new Result(occ, site);
    }

    private static int bin(double[] f, int i, int[] nb) {
        int b = 0;
        for (int k = 0; k < 3; k++) {
            double x = f[3 * i + k] - Math.floor(f[3 * i + k]);
            int m = Math.min(nb[k] - 1, (int) (x * nb[k]));
            b = b * nb[k] + m;
        }
        return b;
    }
}
