package org.peierls.sim;

import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;

/**
 * A potential together with a neighbor-list skin: evaluates a structure, reusing the previous
 * neighbor list while no atom (and no cell change) can have brought a new pair inside the cutoff
 * ({@link NeighborList#needsRebuild}). Stateless: the list travels with the caller's state, as in
 * JAX-MD, so dynamics stay pure functions of their state records.
 *
 * @param potential the potential
 * @param skin      extra list distance beyond the potential's cutoff, Å (≥ 0; 0 rebuilds every call)
 */
public record ForceField(Potential potential, double skin) {

    /** Default skin, Å (LAMMPS metal default 2 Å is generous; 1 Å rebuilds every ~10–20 MD steps at 300 K). */
    public static final double DEFAULT_SKIN = 1.0;

    public ForceField {
        if (potential == null) {
            throw new IllegalArgumentException("force field needs a potential");
        }
        if (!(skin >= 0) || !Double.isFinite(skin)) {
            throw new IllegalArgumentException("neighbor skin must be ≥ 0 Å, got " + skin);
        }
    }

    /** The potential with the default skin. */
    public static ForceField of(Potential potential) {
        return new ForceField(potential, DEFAULT_SKIN);
    }

    /**
     * Energy, forces and virial of one structure, with the neighbor list used.
     *
     * @param results   what the potential computed
     * @param neighbors the list it used (pass it back to the next {@link #evaluate} call)
     * @param rebuilt   whether the list was built for this call
     */
    public record Evaluation(Results results, NeighborList neighbors, boolean rebuilt) {
    }

    /**
     * Evaluates {@code structure}, reusing {@code previous} (may be null) when still valid.
     *
     * @param output whether per-atom energies are wanted
     */
    public Evaluation evaluate(Structure structure, NeighborList previous, Potential.Output output) {
        NeighborList list = previous;
        boolean rebuilt = false;
        if (list == null || skin == 0 || list.atoms() != structure.size()
                || list.kind() != potential.preferredList()
                || list.needsRebuild(structure.positions(), structure.cell(), skin)) {
            list = NeighborList.build(structure, potential.cutoff() + skin, potential.preferredList());
            rebuilt = true;
        }
        return new Evaluation(potential.compute(structure, list, output), list, rebuilt);
    }

    /** {@link #evaluate(Structure, NeighborList, Potential.Output)} for totals only. */
    public Evaluation evaluate(Structure structure, NeighborList previous) {
        return evaluate(structure, previous, Potential.Output.TOTALS);
    }
}
