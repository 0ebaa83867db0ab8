package org.peierls.sim.min;

import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.optim.Minimization;
import org.peierls.optim.Minimizer;
import org.peierls.optim.Minimizers;
import org.peierls.optim.StopCriteria;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.sim.ForceField;
import org.peierls.util.InputException;

/**
 * Relaxes a structure: positions only (frozen atoms and components from its {@code move_mask}),
 * or positions and cell toward a target stress. The library form of {@code peierls relax}.
 */
public final class Relaxation {
    private Relaxation() {
    }

    /**
     * @param minimizer       "fire", "cg" or "lbfgs"
     * @param fmax            force tolerance, eV/Å (for the cell: eV per atom, Ω|σ − σ*|)
     * @param maxSteps        iteration limit
     * @param energyTolerance energy change (eV) that also ends the run; 0 = off
     * @param relaxCell       whether the cell relaxes too
     * @param cellMask        free Voigt strain components {@code [6]} (xx yy zz yz xz xy)
     * @param targetStressGpa target stress σ*, Voigt, GPa, positive = tensile {@code [6]}
     * @param skin            neighbor-list skin, Å
     */
    public record Options(String minimizer, double fmax, int maxSteps, double energyTolerance, boolean relaxCell,
                          boolean[] cellMask, double[] targetStressGpa, double skin) {
        public Options {
            Minimizers.named(minimizer);
            if (cellMask.length != 6 || targetStressGpa.length != 6) {
                throw new IllegalArgumentException("cell mask and target stress need 6 Voigt components");
            }
            cellMask = cellMask.clone();
            targetStressGpa = targetStressGpa.clone();
        }

        /** FIRE to fmax 0.01 eV/Å in at most 1000 steps, fixed cell. */
        public static Options defaults() {
            return new Options("fire", 0.01, 1000, 0, false, new boolean[]{true, true, true, true, true, true}, new double[6], 1.0);
        }

        public Options withMinimizer(String name) {
            return new Options(name, fmax, maxSteps, energyTolerance, relaxCell, cellMask, targetStressGpa, skin);
        }

        public Options withFmax(double f) {
            return new Options(minimizer, f, maxSteps, energyTolerance, relaxCell, cellMask, targetStressGpa, skin);
        }

        public Options withMaxSteps(int n) {
            return new Options(minimizer, fmax, n, energyTolerance, relaxCell, cellMask, targetStressGpa, skin);
        }

        public Options withEnergyTolerance(double e) {
            return new Options(minimizer, fmax, maxSteps, e, relaxCell, cellMask, targetStressGpa, skin);
        }

        /** Cell relaxation on, with these free components and target stress (GPa, tensile positive). */
        public Options withCell(boolean[] mask, double[] stressGpa) {
            return new Options(minimizer, fmax, maxSteps, energyTolerance, true, mask, stressGpa, skin);
        }

        /** Cell relaxation on, all components free, hydrostatic pressure p (GPa, compressive positive). */
        public Options withCellPressure(double pressureGpa) {
            return withCell(new boolean[]{true, true, true, true, true, true},
                    new double[]{-pressureGpa, -pressureGpa, -pressureGpa, 0, 0, 0});
        }
    }

    /**
     * @param structure    the last structure (relaxed when converged)
     * @param results      energy, forces and virial of that structure
     * @param minimization how the run ended
     */
    public record Result(Structure structure, Results results, Minimization minimization) {
        public boolean converged() {
            return minimization.converged();
        }
    }

    /** Relaxes {@code structure}; the listener sees every iteration (and may stop the run). */
    public static Result run(Structure structure, Potential potential, Options options, Minimizer.Listener listener) {
        ForceField ff = new ForceField(potential, options.skin());
        Minimizer minimizer = Minimizers.named(options.minimizer());
        StopCriteria stop = new StopCriteria(options.fmax(), options.energyTolerance(), options.maxSteps());
        DofMask mask = DofMask.of(structure);
        if (options.relaxCell()) {
            if (!structure.cell().fullyPeriodic()) {
                throw new InputException("cell relaxation needs a structure periodic in all three directions");
            }
            double[] target = options.targetStressGpa().clone();
            for (int k = 0; k < 6; k++) {
                target[k] /= Units.EV_PER_A3_TO_GPA;
            }
            CellMinimizable m = new CellMinimizable(structure, ff, mask, options.cellMask(), target, structure.size());
            Minimization r = minimizer.minimize(m, stop, listener);
            Structure out = m.structureAt(r.x());
            return new Result(out, potential.compute(out), r);
        }
        AtomsMinimizable m = new AtomsMinimizable(structure, ff, mask);
        Minimization r = minimizer.minimize(m, stop, listener);
        Structure out = m.structureAt(r.x());
        return new Result(out, potential.compute(out), r);
    }

    /**
     * The structure at an intermediate point of {@link #run} (for checkpoints from a listener):
     * rebuilds the same adapter and maps {@code x} back to a structure.
     */
    public static Structure structureAt(Structure structure, Potential potential, Options options, double[] x) {
        ForceField ff = new ForceField(potential, options.skin());
        DofMask mask = DofMask.of(structure);
        if (options.relaxCell()) {
            return new CellMinimizable(structure, ff, mask, options.cellMask(), new double[6], structure.size()).structureAt(x);
        }
        return new AtomsMinimizable(structure, ff, mask).structureAt(x);
    }
}
