package org.peierls.active;

import java.util.ArrayList;
import java.util.List;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * A small periodic cell carved out of a large structure around selected atoms (Hodapp &amp;
 * Shapeev, Mach. Learn.: Sci. Technol. 1, 045005, 2020), small enough for the oracle: every atom
 * within {@code cutoff + padding} of a selected atom, unwrapped around the first selected atom,
 * in an orthorhombic box with a gap of {@code cutoff} between the cluster and its periodic
 * images. The selected atoms keep every neighbour they have within the cutoff, at the same
 * vectors, and gain none, so their descriptors are those of the large structure; the padding
 * shields them from the cluster's surface (its own environments are not claimed).
 */
public final class Carving {

    /**
     * A carved cell.
     *
     * @param structure the small cell (periodic, orthorhombic)
     * @param selected  where the selected atoms are in it
     * @param origin    index in the large structure of each atom of the small one
     */
    public record Carved(Structure structure, int[] selected, int[] origin) {
    }

    private Carving() {
    }

    /**
     * Carves around {@code selected} (indices into {@code big}).
     *
     * @param cutoff  the descriptor cutoff whose environments must stay exact, Å
     * @param padding extra shell of atoms beyond the cutoff, Å (≥ 0)
     */
    public static Carved carve(Structure big, int[] selected, double cutoff, double padding) {
        if (selected.length == 0) {
            throw new IllegalArgumentException("nothing selected to carve around");
        }
        if (!(cutoff > 0) || !(padding >= 0)) {
            throw new IllegalArgumentException("cutoff must be positive and padding ≥ 0");
        }
        double reach = cutoff + padding;
        NeighborList list = NeighborList.build(big, reach, NeighborList.Kind.FULL);
        double[] vec = list.vectorsFor(big);
        int[] start = list.offsetsArray(), nbr = list.neighborsArray();
        double[] x = big.positions();
        int s0 = selected[0];
        // unwrapped position of each selected atom: the minimum image from the first one
        List<double[]> pos = new ArrayList<>();
        List<Integer> origin = new ArrayList<>();
        int[] where = new int[selected.length];
        for (int q = 0; q < selected.length; q++) {
            int s = selected[q];
            double[] d = minimumImage(big, x, s0, s);
            double[] p = {x[3 * s0] + d[0], x[3 * s0 + 1] + d[1], x[3 * s0 + 2] + d[2]};
            where[q] = add(pos, origin, p, s);
        }
        for (int s : selected) {
            double[] d = minimumImage(big, x, s0, s);
            double px = x[3 * s0] + d[0], py = x[3 * s0 + 1] + d[1], pz = x[3 * s0 + 2] + d[2];
            for (int k = start[s]; k < start[s + 1]; k++) {
                add(pos, origin, new double[]{px + vec[3 * k], py + vec[3 * k + 1], pz + vec[3 * k + 2]}, nbr[k]);
            }
        }
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE}, hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] p : pos) {
            for (int c = 0; c < 3; c++) {
                lo[c] = Math.min(lo[c], p[c]);
                hi[c] = Math.max(hi[c], p[c]);
            }
        }
        // a gap of one cutoff (plus a margin) between the cluster and its images: no selected atom sees an image
        double gap = cutoff + 0.5;
        double[] len = new double[3];
        for (int c = 0; c < 3; c++) {
            len[c] = hi[c] - lo[c] + gap;
        }
        int n = pos.size();
        double[] y = new double[3 * n];
        int[] z = new int[n], o = new int[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                y[3 * i + c] = pos.get(i)[c] - lo[c] + gap / 2;
            }
            z[i] = big.numbers()[origin.get(i)];
            o[i] = origin.get(i);
        }
        Structure small = new Structure(Cell.orthorhombic(len[0], len[1], len[2]), z, y);
        return new Carved(small, where, o);
    }

    /** Adds an atom unless one is already within 1e-6 Å there; returns its index. */
    private static int add(List<double[]> pos, List<Integer> origin, double[] p, int from) {
        for (int i = 0; i < pos.size(); i++) {
            double[] q = pos.get(i);
            double dx = q[0] - p[0], dy = q[1] - p[1], dz = q[2] - p[2];
            if (dx * dx + dy * dy + dz * dz < 1e-12) {
                return i;
            }
        }
        pos.add(p);
        origin.add(from);
        return pos.size() - 1;
    }

    /** x_b − x_a by the minimum-image convention of the big cell. */
    private static double[] minimumImage(Structure big, double[] x, int a, int b) {
        double[] d = {x[3 * b] - x[3 * a], x[3 * b + 1] - x[3 * a + 1], x[3 * b + 2] - x[3 * a + 2]};
        big.cell().minimumImage(d);
        return d;
    }
}
