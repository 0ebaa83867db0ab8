package org.peierls.analysis;

import java.util.Locale;
import org.peierls.atoms.Structure;
import org.peierls.util.Parallel;

/**
 * Identification of cubic and hexagonal diamond, interface-aware (Maras, Trushin, Stukowski,
 * Ala-Nissila &amp; Jónsson, Comput. Phys. Commun. 205, 13 (2016)): an atom's 12 second neighbors —
 * the neighbors of its four nearest neighbors, itself excluded — form a cuboctahedron (fcc) in
 * cubic diamond and an anticuboctahedron (hcp) in hexagonal diamond, so an adaptive CNA of those
 * 12, with the local cutoff (1+√2)/2 times their mean distance, names the atom. Atoms that are
 * not diamond but bonded to a diamond atom are its first-neighbor class, and atoms bonded to
 * those the second-neighbor class — the surface, stacking-fault and interface atoms a plain
 * diamond test would call "other". A bond counts only when each atom is among the other's four
 * nearest. Nothing is allocated per atom.
 */
public final class DiamondStructure {

    /** Labels and OVITO's colours (cubic blue/cyan family, hexagonal orange/yellow family). */
    public enum Type {
        CUBIC(0x13A0FE), CUBIC_1NN(0x00FEF5), CUBIC_2NN(0x7EFEB5),
        HEXAGONAL(0xFE8900), HEXAGONAL_1NN(0xFEDC00), HEXAGONAL_2NN(0xCCE551), OTHER(0xF2F2F2);

        private final int rgb;

        Type(int rgb) {
            this.rgb = rgb;
        }

        /** "cubic_diamond", "cubic_diamond_1nn", …, "hex_diamond", …, "other". */
        public String label() {
            return switch (this) {
                case OTHER -> "other";
                default -> name().toLowerCase(Locale.ROOT).replace("cubic", "cubic_diamond").replace("hexagonal", "hex_diamond");
            };
        }

        public int rgb() {
            return rgb;
        }
    }

    private DiamondStructure() {
    }

    public static Type[] compute(Structure s) {
        int n = s.size();
        NeighborShells shells = NeighborShells.reaching(s, 4);
        int[] nn = new int[4 * n];
        double[] nv = new double[12 * n];
        boolean[] has4 = new boolean[n];
        int chunks = Parallel.chunks(n, 256);
        Parallel.forEachChunk(chunks, c -> {
            NeighborShells.Shell sh = new NeighborShells.Shell();
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                sh.load(shells, i);
                has4[i] = sh.n >= 4;
                for (int k = 0; k < Math.min(4, sh.n); k++) {
                    nn[4 * i + k] = sh.j[k];
                    System.arraycopy(sh.v, 3 * k, nv, 12 * i + 3 * k, 3);
                }
            }
        });
        Type[] out = new Type[n];
        Parallel.forEachChunk(chunks, c -> {
            NeighborShells.Shell second = new NeighborShells.Shell();
            int[] adj = new int[14];
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                out[i] = Type.OTHER;
                if (!has4[i] || !secondShell(i, nn, nv, has4, second)) {
                    continue;
                }
                double sum = 0;
                for (int k = 0; k < 12; k++) {
                    sum += Math.sqrt(second.v[3 * k] * second.v[3 * k] + second.v[3 * k + 1] * second.v[3 * k + 1]
                            + second.v[3 * k + 2] * second.v[3 * k + 2]);
                }
                double rc = (1 + Math.sqrt(2)) / 2 * sum / 12;
                StructureType t = CommonNeighborAnalysis.close(second, 12, rc * rc, adj);
                out[i] = t == StructureType.FCC ? Type.CUBIC : t == StructureType.HCP ? Type.HEXAGONAL : Type.OTHER;
            }
        });
        // the interface classes, from the diamond atoms outwards: first neighbors, then theirs
        Type[] marked = out.clone();
        for (int pass = 0; pass < 2; pass++) {
            Type[] from = marked.clone();
            for (int i = 0; i < n; i++) {
                if (from[i] != Type.OTHER || !has4[i]) {
                    continue;
                }
                Type cubic = pass == 0 ? Type.CUBIC : Type.CUBIC_1NN, hex = pass == 0 ? Type.HEXAGONAL : Type.HEXAGONAL_1NN;
                boolean nextToCubic = false, nextToHex = false;
                for (int k = 0; k < 4; k++) {
                    int j = nn[4 * i + k];
                    if (has4[j] && bonded(j, i, nn)) {
                        nextToCubic |= from[j] == cubic;
                        nextToHex |= from[j] == hex;
                    }
                }
                if (nextToCubic) {
                    marked[i] = pass == 0 ? Type.CUBIC_1NN : Type.CUBIC_2NN;
                } else if (nextToHex) {
                    marked[i] = pass == 0 ? Type.HEXAGONAL_1NN : Type.HEXAGONAL_2NN;
                }
            }
        }
        return marked;
    }

    /** Whether i is among j's four nearest. */
    private static boolean bonded(int j, int i, int[] nn) {
        return nn[4 * j] == i || nn[4 * j + 1] == i || nn[4 * j + 2] == i || nn[4 * j + 3] == i;
    }

    /** The 12 second-neighbor vectors of atom i into sh; false unless each bond is mutual and there are 12 distinct. */
    private static boolean secondShell(int i, int[] nn, double[] nv, boolean[] has4, NeighborShells.Shell sh) {
        int m = 0;
        for (int k = 0; k < 4; k++) {
            int j = nn[4 * i + k];
            if (!has4[j]) {
                return false;
            }
            double x = nv[12 * i + 3 * k], y = nv[12 * i + 3 * k + 1], z = nv[12 * i + 3 * k + 2];
            boolean back = false;
            for (int l = 0; l < 4; l++) {
                double ux = nv[12 * j + 3 * l], uy = nv[12 * j + 3 * l + 1], uz = nv[12 * j + 3 * l + 2];
                double sx = x + ux, sy = y + uy, sz = z + uz;
                // the bond back to i (the same periodic image): its vector cancels i's
                if (nn[4 * j + l] == i && sx * sx + sy * sy + sz * sz < 1e-6 * (x * x + y * y + z * z)) {
                    back = true;
                    continue;
                }
                if (m == 12) {
                    return false;
                }
                sh.v[3 * m] = sx;
                sh.v[3 * m + 1] = sy;
                sh.v[3 * m + 2] = sz;
                m++;
            }
            if (!back) {
                return false;
            }
        }
        sh.n = m;
        return m == 12;
    }
}
