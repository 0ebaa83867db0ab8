package org.peierls.analysis;

import org.peierls.atoms.Structure;
import org.peierls.util.Parallel;

/**
 * Common neighbor analysis (Honeycutt &amp; Andersen, J. Phys. Chem. 91, 4950 (1987); Faken &amp;
 * Jónsson, Comput. Mater. Sci. 2, 279 (1994)): each bond i–j gets the signature (common
 * neighbors of i and j, bonds among them, bonds in their largest connected cluster); an atom is
 * fcc when its 12 neighbors are all (4,2,1), hcp with six (4,2,1) and six (4,2,2), icosahedral
 * with twelve (5,5,5), bcc when its 14 neighbors (the 8 first and 6 second) are eight (6,6,6) and
 * six (4,4,4); anything else is "other".
 *
 * <ul>
 *   <li>{@link #fixed}: one cutoff for every atom, as LAMMPS's {@code compute cna/atom} — an atom
 *       must have exactly 12 or 14 neighbors inside it (LAMMPS recommends (1+√2)/2·a/√2 ≈ 0.854 a
 *       for fcc and (1+√2)/2·a ≈ 1.207 a for bcc);</li>
 *   <li>{@link #adaptive}: Stukowski's a-CNA (Modelling Simul. Mater. Sci. Eng. 20, 045021
 *       (2012)), no cutoff: the 12 nearest neighbors with the local cutoff (1+√2)/2 · their mean
 *       distance are tested for fcc, hcp and ico, else the 14 nearest with
 *       (1+√2)/2 · (Σ₈ (2/√3)·d + Σ₆ d)/14 for bcc — so strained and hot crystals are still named.</li>
 * </ul>
 * With at most 14 neighbors the sets are bit masks; a chunk of atoms shares one scratch shell, so
 * nothing is allocated per atom.
 */
public final class CommonNeighborAnalysis {

    private CommonNeighborAnalysis() {
    }

    /**
     * Conventional CNA with one cutoff.
     *
     * @param cutoff Å, between the first and second (fcc) or second and third (bcc) neighbor shells
     */
    public static StructureType[] fixed(Structure s, double cutoff) {
        if (!(cutoff > 0) || !Double.isFinite(cutoff)) {
            throw new IllegalArgumentException("CNA cutoff must be positive, got " + cutoff);
        }
        NeighborShells shells = NeighborShells.within(s, cutoff);
        StructureType[] out = new StructureType[s.size()];
        int n = s.size(), chunks = Parallel.chunks(n, 256);
        Parallel.forEachChunk(chunks, c -> {
            NeighborShells.Shell sh = new NeighborShells.Shell();
            int[] adj = new int[14];
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                sh.load(shells, i);
                int m = sh.within(cutoff);
                out[i] = m == 12 ? close(sh, 12, cutoff * cutoff, adj) : m == 14 ? bcc(sh, cutoff * cutoff, adj) : StructureType.OTHER;
            }
        });
        return out;
    }

    /** Adaptive CNA: no cutoff. */
    public static StructureType[] adaptive(Structure s) {
        NeighborShells shells = NeighborShells.reaching(s, 14);
        StructureType[] out = new StructureType[s.size()];
        int n = s.size(), chunks = Parallel.chunks(n, 256);
        double f = (1 + Math.sqrt(2)) / 2;
        Parallel.forEachChunk(chunks, c -> {
            NeighborShells.Shell sh = new NeighborShells.Shell();
            int[] adj = new int[14];
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                sh.load(shells, i);
                StructureType t = StructureType.OTHER;
                if (sh.n >= 12) {
                    double sum = 0;
                    for (int k = 0; k < 12; k++) {
                        sum += Math.sqrt(sh.d2[k]);
                    }
                    double rc = f * sum / 12;
                    t = close(sh, 12, rc * rc, adj);
                }
                if (t == StructureType.OTHER && sh.n >= 14) {
                    double sum = 0;
                    for (int k = 0; k < 14; k++) {
                        sum += (k < 8 ? 2 / Math.sqrt(3) : 1) * Math.sqrt(sh.d2[k]);
                    }
                    double rc = f * sum / 14;
                    t = bcc(sh, rc * rc, adj);
                }
                out[i] = t;
            }
        });
        return out;
    }

    /** fcc, hcp, ico or other from the first 12 neighbors of the shell. */
    static StructureType close(NeighborShells.Shell sh, int m, double rc2, int[] adj) {
        adjacency(sh, m, rc2, adj);
        int n421 = 0, n422 = 0, n555 = 0;
        for (int j = 0; j < m; j++) {
            int sig = signature(adj, j);
            if (sig == code(4, 2, 1)) {
                n421++;
            } else if (sig == code(4, 2, 2)) {
                n422++;
            } else if (sig == code(5, 5, 5)) {
                n555++;
            } else {
                return StructureType.OTHER;
            }
        }
        if (n421 == 12) {
            return StructureType.FCC;
        }
        if (n421 == 6 && n422 == 6) {
            return StructureType.HCP;
        }
        return n555 == 12 ? StructureType.ICO : StructureType.OTHER;
    }

    /** bcc or other from the first 14 neighbors of the shell. */
    private static StructureType bcc(NeighborShells.Shell sh, double rc2, int[] adj) {
        adjacency(sh, 14, rc2, adj);
        int n666 = 0, n444 = 0;
        for (int j = 0; j < 14; j++) {
            int sig = signature(adj, j);
            if (sig == code(6, 6, 6)) {
                n666++;
            } else if (sig == code(4, 4, 4)) {
                n444++;
            } else {
                return StructureType.OTHER;
            }
        }
        return n666 == 8 && n444 == 6 ? StructureType.BCC : StructureType.OTHER;
    }

    /** adj[k] = bit mask of the neighbors l ≠ k of the shell within the cutoff of neighbor k. */
    private static void adjacency(NeighborShells.Shell sh, int m, double rc2, int[] adj) {
        double[] v = sh.v;
        for (int k = 0; k < m; k++) {
            adj[k] = 0;
        }
        for (int k = 0; k < m; k++) {
            for (int l = k + 1; l < m; l++) {
                double dx = v[3 * k] - v[3 * l], dy = v[3 * k + 1] - v[3 * l + 1], dz = v[3 * k + 2] - v[3 * l + 2];
                if (dx * dx + dy * dy + dz * dz < rc2) {
                    adj[k] |= 1 << l;
                    adj[l] |= 1 << k;
                }
            }
        }
    }

    /**
     * The signature of the bond to neighbor j: the common neighbors are j's neighbors among the
     * central atom's; the bonds are those among the common neighbors; the third index is the number
     * of bonds in their largest connected cluster (Honeycutt–Andersen's "longest chain").
     */
    private static int signature(int[] adj, int j) {
        int common = adj[j];
        int nc = Integer.bitCount(common);
        int bonds = 0;
        for (int rest = common; rest != 0; rest &= rest - 1) {
            int k = Integer.numberOfTrailingZeros(rest);
            bonds += Integer.bitCount(adj[k] & common);
        }
        bonds /= 2;
        // the largest cluster: flood-fill the bond graph restricted to the common neighbors
        int longest = 0;
        int unseen = common;
        while (unseen != 0) {
            int start = Integer.lowestOneBit(unseen);
            int cluster = start, frontier = start;
            while (frontier != 0) {
                int k = Integer.numberOfTrailingZeros(frontier);
                frontier &= frontier - 1;
                int next = adj[k] & common & ~cluster;
                cluster |= next;
                frontier |= next;
            }
            unseen &= ~cluster;
            int inCluster = 0;
            for (int rest = cluster; rest != 0; rest &= rest - 1) {
                int k = Integer.numberOfTrailingZeros(rest);
                inCluster += Integer.bitCount(adj[k] & cluster);
            }
            longest = Math.max(longest, inCluster / 2);
        }
        return code(nc, bonds, longest);
    }

    private static int code(int a, int b, int c) {
        return (a << 16) | (b << 8) | c;
    }
}
