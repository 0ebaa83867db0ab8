package org.peierls.potential;

import java.util.ArrayList;
import java.util.List;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * The sum of several potentials acting on the same atoms (LAMMPS {@code pair_style hybrid/overlay}),
 * e.g. ZBL + SNAP: energies, forces, virials and per-atom energies add. The cutoff is the largest
 * of the parts; every part receives the same neighbor list and skips the pairs beyond its own cutoff.
 */
public final class SumPotential implements Potential {

    private final List<Potential> parts;
    private final double cutoff;

    /** @param parts at least one potential */
    public SumPotential(List<Potential> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a sum of potentials needs at least one part");
        }
        this.parts = List.copyOf(parts);
        double c = 0;
        for (Potential p : parts) {
            c = Math.max(c, p.cutoff());
        }
        this.cutoff = c;
    }

    public static SumPotential of(Potential... parts) {
        return new SumPotential(List.of(parts));
    }

    public List<Potential> parts() {
        return parts;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    /**
     * The elements described: the intersection of the parts' element sets, ignoring parts that take
     * any element; empty when every part takes any element.
     */
    @Override
    public int[] species() {
        List<Integer> common = null;
        for (Potential p : parts) {
            int[] s = p.species();
            if (s.length == 0) {
                continue;
            }
            List<Integer> these = new ArrayList<>();
            for (int z : s) {
                these.add(z);
            }
            if (common == null) {
                common = these;
            } else {
                common.retainAll(these);
            }
        }
        if (common == null) {
            return new int[0];
        }
        return common.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Potential p : parts) {
            sb.append(sb.length() == 0 ? "" : " + ").append(p.describe());
        }
        return sb.toString();
    }

    /** HALF when every part prefers it, otherwise FULL (which every part accepts). */
    @Override
    public NeighborList.Kind preferredList() {
        for (Potential p : parts) {
            if (p.preferredList() != NeighborList.Kind.HALF) {
                return NeighborList.Kind.FULL;
            }
        }
        return NeighborList.Kind.HALF;
    }

    @Override
    public Results compute(Structure structure, NeighborList neighbors, Output output) {
        Results sum = null;
        for (Potential p : parts) {
            Results r = p.compute(structure, neighbors, output);
            sum = sum == null ? r : sum.plus(r);
        }
        return sum;
    }

    @Override
    public String toString() {
        return describe();
    }
}
