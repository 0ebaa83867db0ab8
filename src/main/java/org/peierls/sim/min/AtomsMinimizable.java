package org.peierls.sim.min;

import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.optim.Minimizable;
import org.peierls.potential.Results;
import org.peierls.sim.ForceField;

/**
 * Atomic positions at a fixed cell as a {@link Minimizable}: the degrees of freedom are the free
 * Cartesian components of a {@link DofMask} (Å), the value is the potential energy (eV) and the
 * gradient is minus the force on those components (eV/Å). The force measure is the largest
 * per-atom norm of the free force components, and a step is measured by the largest per-atom
 * displacement. Displacements between points are minimum-image per atom (for NEB).
 *
 * <p>Keeps the neighbor list between evaluations (rebuilt when atoms moved more than half the
 * skin) and the last results; not thread-safe.</p>
 */
public final class AtomsMinimizable implements Minimizable {

    private final Structure structure;
    private final ForceField forceField;
    private final int[] dof;
    private final double[] base;
    private final double[] perAtom;
    private NeighborList list;
    private Results last;
    private int evaluations;

    /**
     * @param structure the starting structure (its cell stays fixed)
     * @param forceField the potential and neighbor skin
     * @param mask which components move ({@link DofMask#of(Structure)} for the structure's own)
     */
    public AtomsMinimizable(Structure structure, ForceField forceField, DofMask mask) {
        if (mask.atoms() != structure.size()) {
            throw new IllegalArgumentException("mask for " + mask.atoms() + " atoms, structure has " + structure.size());
        }
        this.structure = structure;
        this.forceField = forceField;
        this.dof = mask.freeIndices();
        this.base = structure.positions();
        this.perAtom = new double[structure.size()];
    }

    /** All atoms free, except those fixed by the structure's {@code move_mask}. */
    public AtomsMinimizable(Structure structure, ForceField forceField) {
        this(structure, forceField, DofMask.of(structure));
    }

    @Override
    public int dimension() {
        return dof.length;
    }

    @Override
    public double[] start() {
        double[] x = new double[dof.length];
        for (int k = 0; k < dof.length; k++) {
            x[k] = base[dof[k]];
        }
        return x;
    }

    /** Full Cartesian positions {@code [3N]} at the point {@code x}. */
    public double[] positionsAt(double[] x) {
        double[] r = base.clone();
        for (int k = 0; k < dof.length; k++) {
            r[dof[k]] = x[k];
        }
        return r;
    }

    /** The structure at the point {@code x} (positions not wrapped). */
    public Structure structureAt(double[] x) {
        return structure.withPositions(positionsAt(x));
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
        ForceField.Evaluation ev = forceField.evaluate(structureAt(x), list);
        list = ev.neighbors();
        last = ev.results();
        evaluations++;
        double[] f = last.forces();
        for (int k = 0; k < dof.length; k++) {
            gradient[k] = -f[dof[k]];
        }
        return last.energy();
    }

    /** Results of the last evaluation (null before the first). */
    public Results lastResults() {
        return last;
    }

    /** Number of potential evaluations so far. */
    public int evaluations() {
        return evaluations;
    }

    /** The cell (fixed). */
    public Cell cell() {
        return structure.cell();
    }

    @Override
    public double forceNorm(double[] gradient) {
        return Math.sqrt(maxPerAtomSquare(gradient));
    }

    @Override
    public double stepNorm(double[] dx) {
        return Math.sqrt(maxPerAtomSquare(dx));
    }

    private double maxPerAtomSquare(double[] v) {
        java.util.Arrays.fill(perAtom, 0);
        for (int k = 0; k < dof.length; k++) {
            perAtom[dof[k] / 3] += v[k] * v[k];
        }
        double m = 0;
        for (double p : perAtom) {
            m = Math.max(m, p);
        }
        return m;
    }

    @Override
    public void difference(double[] from, double[] to, double[] out) {
        Cell cell = structure.cell();
        double[] d = new double[3];
        int k = 0;
        while (k < dof.length) {
            int atom = dof[k] / 3;
            int first = k;
            d[0] = d[1] = d[2] = 0;
            while (k < dof.length && dof[k] / 3 == atom) {
                d[dof[k] % 3] = to[k] - from[k];
                k++;
            }
            cell.minimumImage(d);
            for (int j = first; j < k; j++) {
                out[j] = d[dof[j] % 3];
            }
        }
    }
}
