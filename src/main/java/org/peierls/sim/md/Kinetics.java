package org.peierls.sim.md;

import java.util.SplittableRandom;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;

/**
 * Kinetic energy, temperature and initial velocities in metal units: masses amu, velocities
 * Å/ps, energies eV (m v² × {@link Units#MVV2E}), temperatures K.
 */
public final class Kinetics {
    private Kinetics() {
    }

    /** Σ ½ m v², eV (0 without velocities). */
    public static double kineticEnergy(Structure s) {
        double[] v = s.velocities();
        // ½·(MVV2E·Σ m v²) equals (½·MVV2E)·Σ m v² to the bit: halving is exact
        return v == null ? 0 : 0.5 * twiceKinetic(s, v);
    }

    /** Σ m v² (twice the kinetic energy) of velocities {@code v}, not necessarily the structure's, eV. */
    static double twiceKinetic(Structure s, double[] v) {
        double e = 0;
        for (int i = 0; i < s.size(); i++) {
            double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
            e += s.mass(i) * (vx * vx + vy * vy + vz * vz);
        }
        return Units.MVV2E * e;
    }

    /** Kinetic tensor K_ab = Σ m v_a v_b, Voigt, eV (zero without velocities). */
    public static double[] kineticTensor(Structure s) {
        double[] v = s.velocities();
        return v == null ? new double[6] : kineticTensor(s, v);
    }

    /**
     * Kinetic tensor K_ab = Σ m v_a v_b of velocities {@code v} (those being integrated, e.g. by
     * the MTK barostat, not necessarily the structure's), Voigt, eV.
     */
    public static double[] kineticTensor(Structure s, double[] v) {
        double[] k = new double[6];
        for (int i = 0; i < s.size(); i++) {
            double m = s.mass(i) * Units.MVV2E;
            double vx = v[3 * i], vy = v[3 * i + 1], vz = v[3 * i + 2];
            k[0] += m * vx * vx;
            k[1] += m * vy * vy;
            k[2] += m * vz * vz;
            k[3] += m * vy * vz;
            k[4] += m * vx * vz;
            k[5] += m * vx * vy;
        }
        return k;
    }

    /** Temperature 2 KE / (N_f k_B), K, for {@code dof} degrees of freedom N_f. */
    public static double temperature(double kineticEnergy, int dof) {
        return dof <= 0 ? 0 : 2 * kineticEnergy / (dof * Units.BOLTZMANN_EV_PER_K);
    }

    /** Total momentum Σ m v {@code [3]}, amu·Å/ps. */
    public static double[] momentum(Structure s) {
        double[] v = s.velocities();
        double[] p = new double[3];
        if (v == null) {
            return p;
        }
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < 3; k++) {
                p[k] += s.mass(i) * v[3 * i + k];
            }
        }
        return p;
    }

    /**
     * Maxwell–Boltzmann velocities at temperature {@code temperature} (K): Gaussian components of
     * variance k_B T / m, the centre-of-mass velocity removed, then scaled so that the temperature
     * over 3N − 3 degrees of freedom is exactly {@code temperature}. Deterministic for a seed.
     *
     * @return the structure with these velocities
     */
    public static Structure maxwellBoltzmann(Structure s, double temperature, long seed) {
        if (!(temperature >= 0) || !Double.isFinite(temperature)) {
            throw new IllegalArgumentException("temperature must be ≥ 0 K, got " + temperature);
        }
        int n = s.size();
        double[] v = new double[3 * n];
        if (temperature == 0 || n < 2) {
            return s.withVelocities(v);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double kt = Units.BOLTZMANN_EV_PER_K * temperature;
        double[] p = new double[3];
        for (int i = 0; i < n; i++) {
            double sigma = Math.sqrt(kt / (s.mass(i) * Units.MVV2E));
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] = sigma * rng.nextGaussian();
                p[k] += s.mass(i) * v[3 * i + k];
            }
        }
        double mt = s.totalMass();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                v[3 * i + k] -= p[k] / mt;
            }
        }
        Structure out = s.withVelocities(v);
        double t = temperature(kineticEnergy(out), 3 * n - 3);
        double scale = Math.sqrt(temperature / t);
        for (int k = 0; k < v.length; k++) {
            v[k] *= scale;
        }
        return s.withVelocities(v);
    }
}
