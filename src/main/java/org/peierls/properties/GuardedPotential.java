package org.peierls.properties;

import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;

/**
 * A potential that stops a calculation that has gone wrong: it throws {@link Failure} when the
 * wrapped potential returns a non-finite energy, force or virial, when it is handed non-finite
 * positions (a relaxation that has blown up), when the energy per atom falls more than
 * {@link #COLLAPSE_EV} below that of the perfect crystal (a model without short-range repulsion
 * lets the atoms fall onto each other: no defect configuration lies that far below the crystal),
 * and when a wall-clock deadline has passed (a calculation that does not converge). Values are
 * passed through unchanged.
 */
final class GuardedPotential implements Potential {

    /** What the guard throws; its message is one line. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** How far (eV per atom) below the perfect crystal an evaluated structure may lie before it counts as collapsed. */
    static final double COLLAPSE_EV = 1.0;

    private final Potential inner;
    private final long deadlineNanos;
    private final double limitSeconds;
    private final double bulkPerAtom;

    /**
     * @param inner        the potential
     * @param limitSeconds wall-clock budget from now, s (infinite: none)
     * @param bulkPerAtom  energy per atom of the perfect crystal, eV (NaN: not known yet, no collapse check)
     */
    GuardedPotential(Potential inner, double limitSeconds, double bulkPerAtom) {
        this.inner = inner;
        this.limitSeconds = limitSeconds;
        this.bulkPerAtom = bulkPerAtom;
        long now = System.nanoTime();
        this.deadlineNanos = Double.isFinite(limitSeconds) && limitSeconds < 1e9 ? now + (long) (limitSeconds * 1e9) : Long.MAX_VALUE;
    }

    @Override
    public double cutoff() {
        return inner.cutoff();
    }

    @Override
    public int[] species() {
        return inner.species();
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public NeighborList.Kind preferredList() {
        return inner.preferredList();
    }

    @Override
    public Results compute(Structure structure, NeighborList neighbors, Output perAtom) {
        if (System.nanoTime() > deadlineNanos) {
            throw new Failure("time limit of " + new java.math.BigDecimal(limitSeconds).round(new java.math.MathContext(3)).stripTrailingZeros()
                    .toPlainString() + " s exceeded");
        }
        double[] x = structure.positions();
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new Failure("positions became non-finite (the relaxation blew up)");
            }
        }
        Results r = inner.compute(structure, neighbors, perAtom);
        if (!Double.isFinite(r.energy())) {
            throw new Failure("the potential returned a non-finite energy (" + r.energy() + ") for a " + structure.size() + "-atom cell");
        }
        if (structure.size() > 0 && r.energy() / structure.size() < bulkPerAtom - COLLAPSE_EV) {
            throw new Failure(String.format(java.util.Locale.ROOT,
                    "collapse: a %d-atom cell reached %.3g eV/atom below the perfect crystal (the model lacks short-range repulsion?)",
                    structure.size(), bulkPerAtom - r.energy() / structure.size()));
        }
        for (double f : r.forces()) {
            if (!Double.isFinite(f)) {
                throw new Failure("the potential returned non-finite forces for a " + structure.size() + "-atom cell");
            }
        }
        for (double w : r.virial()) {
            if (!Double.isFinite(w)) {
                throw new Failure("the potential returned a non-finite virial for a " + structure.size() + "-atom cell");
            }
        }
        return r;
    }
}
