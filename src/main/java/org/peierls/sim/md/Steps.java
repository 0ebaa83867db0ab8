package org.peierls.sim.md;

import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Results;
import org.peierls.sim.ForceField;

/** The kernels integrators share: kicks, drifts and the force evaluation into a state. */
final class Steps {
    private Steps() {
    }

    static double requirePositive(double v, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be positive, got " + v);
        }
        return v;
    }

    /** The structure with zero velocities when it has none. */
    static Structure withVelocities(Structure s) {
        return s.hasVelocities() ? s : s.withVelocities(new double[3 * s.size()]);
    }

    static MdState evaluate(ForceField ff, Structure s, NeighborList previous, long step, double time, double[] extended) {
        ForceField.Evaluation ev = ff.evaluate(s, previous);
        Results r = ev.results();
        return new MdState(s, r.forces(), r.energy(), r.virial(), step, time, ev.neighbors(), extended.clone());
    }

    /** v ← v + h F/m (h in ps), in place. */
    static void kick(Structure s, double[] v, double[] f, double h) {
        int n = s.size();
        for (int i = 0; i < n; i++) {
            double c = h * Units.FTM2V / s.mass(i);
            v[3 * i] += c * f[3 * i];
            v[3 * i + 1] += c * f[3 * i + 1];
            v[3 * i + 2] += c * f[3 * i + 2];
        }
    }

    /** x ← x + h v, in place. */
    static void drift(double[] x, double[] v, double h) {
        for (int k = 0; k < x.length; k++) {
            x[k] += h * v[k];
        }
    }

    /** v ← c v, in place. */
    static void scale(double[] v, double c) {
        for (int k = 0; k < v.length; k++) {
            v[k] *= c;
        }
    }
}
