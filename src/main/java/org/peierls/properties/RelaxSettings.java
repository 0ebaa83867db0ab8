package org.peierls.properties;

import org.peierls.atoms.Structure;
import org.peierls.defects.DefectArrays;
import org.peierls.optim.Fire;
import org.peierls.optim.Minimizable;
import org.peierls.optim.Minimization;
import org.peierls.optim.Minimizer;
import org.peierls.optim.Minimizers;
import org.peierls.optim.StopCriteria;
import org.peierls.potential.Potential;
import org.peierls.sim.ForceField;
import org.peierls.sim.min.AtomsMinimizable;
import org.peierls.sim.min.CellMinimizable;
import org.peierls.sim.min.DofMask;

/**
 * How the property calculators relax a structure: a minimizer (L-BFGS by default) to a force
 * tolerance, continued with FIRE when the line search stalls above the tolerance (the precision
 * limit of the energy, or a non-smooth potential). Frozen components come from the structure's
 * {@link org.peierls.atoms.MoveMask#ARRAY} ({@code boolean[3N]} or {@code [N]}) and {@link DefectArrays#FIXED}
 * ({@code boolean[N]}, true = held) arrays.
 *
 * @param minimizer "lbfgs", "cg" or "fire"
 * @param fmax      force tolerance, eV/Å (largest per-atom force norm)
 * @param maxSteps  iteration limit of each stage
 * @param skin      neighbor-list skin, Å
 */
public record RelaxSettings(String minimizer, double fmax, int maxSteps, double skin) {

    public RelaxSettings {
        Minimizers.named(minimizer);
        if (!(fmax > 0) || maxSteps < 1 || !(skin >= 0)) {
            throw new IllegalArgumentException("relaxation needs fmax > 0, maxSteps ≥ 1 and skin ≥ 0");
        }
    }

    /** L-BFGS to 1 meV/Å in at most 5000 steps, 1 Å skin. */
    public static RelaxSettings defaults() {
        return new RelaxSettings("lbfgs", 1e-3, 5000, 1.0);
    }

    public RelaxSettings withFmax(double f) {
        return new RelaxSettings(minimizer, f, maxSteps, skin);
    }

    public RelaxSettings withMaxSteps(int n) {
        return new RelaxSettings(minimizer, fmax, n, skin);
    }

    /**
     * A relaxed structure.
     *
     * @param structure the last structure (relaxed when converged)
     * @param energy    its energy, eV
     * @param converged whether the force tolerance was reached
     * @param steps     iterations over all stages
     * @param maxForce  the final largest per-atom force norm on free components, eV/Å
     */
    public record Relaxed(Structure structure, double energy, boolean converged, int steps, double maxForce) {
    }

    /** The free components of {@code s}: its move mask and its fixed atoms combined. */
    public static DofMask mask(Structure s) {
        DofMask m = DofMask.of(s);
        Object fixed = s.arrays().get(DefectArrays.FIXED);
        if (fixed instanceof boolean[] f && f.length == s.size()) {
            int count = 0;
            for (boolean b : f) {
                count += b ? 1 : 0;
            }
            int[] idx = new int[count];
            int k = 0;
            for (int i = 0; i < f.length; i++) {
                if (f[i]) {
                    idx[k++] = i;
                }
            }
            m = m.and(DofMask.freezing(s.size(), idx));
        }
        return m;
    }

    /** Relaxes the atoms of {@code s} at fixed cell. */
    public Relaxed relax(Structure s, Potential potential) {
        ForceField ff = new ForceField(potential, skin);
        AtomsMinimizable m = new AtomsMinimizable(s, ff, mask(s));
        if (m.dimension() == 0) {
            return new Relaxed(s, potential.compute(s).energy(), true, 0, 0);
        }
        Minimization r = minimize(m);
        AtomsMinimizable last = m;
        int steps = r.iterations();
        if (!r.converged() && r.forceNorm() > fmax) {
            // continue with FIRE from where the first stage stopped
            Structure mid = m.structureAt(r.x());
            last = new AtomsMinimizable(mid, ff, mask(s));
            r = new Fire(Fire.Parameters.defaults().withMaxStep(0.1)).minimize(last, StopCriteria.force(fmax, maxSteps));
            steps += r.iterations();
        }
        Structure out = last.structureAt(r.x());
        return new Relaxed(out, r.value(), r.forceNorm() <= fmax, steps, r.forceNorm());
    }

    /**
     * Relaxes atoms and the free Voigt strain components {@code cellMask} of the cell toward zero
     * stress (the force measure includes Ω|σ| per atom, eV).
     */
    public Relaxed relaxWithCell(Structure s, Potential potential, boolean[] cellMask) {
        ForceField ff = new ForceField(potential, skin);
        CellMinimizable m = new CellMinimizable(s, ff, mask(s), cellMask, new double[6], s.size());
        Minimization r = minimize(m);
        CellMinimizable last = m;
        int steps = r.iterations();
        if (!r.converged() && r.forceNorm() > fmax) {
            Structure mid = m.structureAt(r.x());
            last = new CellMinimizable(mid, ff, mask(s), cellMask, new double[6], s.size());
            r = new Fire(Fire.Parameters.defaults().withMaxStep(0.05)).minimize(last, StopCriteria.force(fmax, maxSteps));
            steps += r.iterations();
        }
        Structure out = last.structureAt(r.x());
        return new Relaxed(out, potential.compute(out).energy(), r.forceNorm() <= fmax, steps, r.forceNorm());
    }

    private Minimization minimize(Minimizable m) {
        Minimizer min = Minimizers.named(minimizer);
        return min.minimize(m, StopCriteria.force(fmax, maxSteps));
    }
}
