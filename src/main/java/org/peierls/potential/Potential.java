package org.peierls.potential;

import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * An interatomic potential: energy, forces and virial of a structure in one pass.
 *
 * <p>Contract: {@link #compute} accepts a {@linkplain NeighborList.Kind#FULL full} neighbor list
 * built with a cutoff of at least {@link #cutoff()} (a skin beyond it is allowed: pairs farther
 * than the cutoff are skipped) for the structure's current topology; the displacement vectors are
 * taken from the structure's positions ({@link NeighborList#vectorsFor}). Results do not depend on
 * the number of threads beyond round-off.</p>
 */
public interface Potential {

    /** Interaction cutoff, Å: no pair farther apart contributes. */
    double cutoff();

    /**
     * Atomic numbers this potential describes, or an empty array when it takes any element
     * (e.g. Lennard-Jones).
     */
    int[] species();

    /** A one-line description ("eam/alloy Cu_mishin1.eam.alloy"). */
    String describe();

    /** The kind of neighbor list this potential is fastest with; it must accept a full list too. */
    default NeighborList.Kind preferredList() {
        return NeighborList.Kind.FULL;
    }

    /**
     * Energy, forces and virial of {@code structure}.
     *
     * @param neighbors a list built for this structure (see the class comment)
     * @param perAtom   what to compute besides the totals
     * @throws org.peierls.util.InputException when the structure holds an element this potential lacks
     */
    Results compute(Structure structure, NeighborList neighbors, Output perAtom);

    /** Energy, forces and virial, building a neighbor list for this one evaluation. */
    default Results compute(Structure structure) {
        return compute(structure, NeighborList.build(structure, cutoff(), preferredList()), Output.TOTALS);
    }

    /** Energy, forces, virial and per-atom energies, building a neighbor list. */
    default Results computePerAtom(Structure structure) {
        return compute(structure, NeighborList.build(structure, cutoff(), preferredList()), Output.PER_ATOM);
    }

    /** Whether per-atom energies are wanted. */
    enum Output { TOTALS, PER_ATOM }
}
