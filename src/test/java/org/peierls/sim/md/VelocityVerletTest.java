package org.peierls.sim.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.sim.ForceField;
import org.peierls.testutil.BlockAverage;
import org.peierls.testutil.MorsePotential;
import org.peierls.testutil.TestCrystals;

/** NVE dynamics with the test Morse potential (shifted-force, so energy is smooth at the cutoff). */
class VelocityVerletTest {

    static final double A0 = 3.7715;   // Morse-Cu fcc lattice constant (CellMinimizableTest finds 3.77155)
    final ForceField morse = new ForceField(MorsePotential.copper(), 1.0);

    private static Structure hot(int n, double temperature, long seed) {
        return Kinetics.maxwellBoltzmann(TestCrystals.fcc(29, A0, n, n, n), temperature, seed);
    }

    private double energyFluctuation(Structure s, double dt, double duration) {
        VelocityVerlet vv = new VelocityVerlet(morse, dt);
        BlockAverage e = new BlockAverage((int) Math.round(duration / dt) + 1);
        MdRun.run(vv, vv.init(s), Math.round(duration / dt), List.of(new MdRun.Every(1, st -> e.add(vv.conservedEnergy(st)))));
        return e.standardDeviation();
    }

    /**
     * Velocity Verlet's shadow Hamiltonian differs from H by O(Δt²): halving Δt divides the
     * total-energy fluctuation by 4. Same trajectory length (1 ps, many vibrational periods);
     * measured ratios are 4.02; accepted within [3.6, 4.4].
     */
    @Test
    void energyErrorScalesAsTimeStepSquared() {
        Structure s = hot(3, 600, 1);
        double coarse = energyFluctuation(s, 0.002, 1.0);
        double fine = energyFluctuation(s, 0.001, 1.0);
        double ratio = coarse / fine;
        assertTrue(ratio > 3.6 && ratio < 4.4, "fluctuation ratio " + ratio);
        // And the fluctuation itself is small: < 1e-5 eV/atom at 1 fs and 600 K.
        assertTrue(fine / s.size() < 1e-5, "energy fluctuation per atom " + fine / s.size());
    }

    /** Integrating forward, reversing velocities and integrating again returns to the start. */
    @Test
    void timeReversible() {
        Structure s = hot(2, 300, 3);
        VelocityVerlet vv = new VelocityVerlet(morse, 0.002);
        MdState end = MdRun.run(vv, vv.init(s), 300, List.of());
        double[] v = end.structure().velocities();
        for (int k = 0; k < v.length; k++) {
            v[k] = -v[k];
        }
        MdState back = MdRun.run(vv, vv.init(end.structure().withVelocities(v)), 300, List.of());
        double[] x0 = s.positions();
        double[] x1 = back.structure().positions();
        double[] v0 = s.velocities();
        double[] v1 = back.structure().velocities();
        // Round-off (1e-16 relative) grows with the Lyapunov exponent over 0.6 ps; 1e-8 Å is ample.
        for (int k = 0; k < x0.length; k++) {
            assertEquals(x0[k], x1[k], 1e-8);
            assertEquals(v0[k], -v1[k], 1e-6);
        }
    }

    @Test
    void momentumIsConservedAndZero() {
        Structure s = hot(2, 500, 4);
        VelocityVerlet vv = new VelocityVerlet(morse, 0.002);
        MdState end = MdRun.run(vv, vv.init(s), 500, List.of());
        for (double p : Kinetics.momentum(end.structure())) {
            assertEquals(0.0, p, 1e-9);
        }
    }

    /** Reusing the neighbor list within the skin gives the trajectory of rebuilding every step. */
    @Test
    void neighborListReuseMatchesRebuildingEveryStep() {
        Structure s = hot(2, 800, 5);
        // A thin skin (0.3 Å) so that thermal vibrations force some rebuilds.
        VelocityVerlet reuse = new VelocityVerlet(new ForceField(morse.potential(), 0.3), 0.002);
        VelocityVerlet rebuild = new VelocityVerlet(new ForceField(morse.potential(), 0.0), 0.002);
        int[] rebuilds = new int[1];
        MdState a = reuse.init(s);
        MdState b = rebuild.init(s);
        for (int i = 0; i < 400; i++) {
            MdState next = reuse.step(a);
            rebuilds[0] += next.neighbors() != a.neighbors() ? 1 : 0;
            a = next;
            b = rebuild.step(b);
        }
        assertTrue(rebuilds[0] > 0 && rebuilds[0] < 100, "rebuilds " + rebuilds[0]);
        double[] xa = a.structure().positions();
        double[] xb = b.structure().positions();
        for (int k = 0; k < xa.length; k++) {
            assertEquals(xa[k], xb[k], 1e-8);   // only summation order differs
        }
    }

    @Test
    void maxwellBoltzmannVelocities() {
        Structure s = TestCrystals.fcc(29, A0, 10, 10, 10);
        Structure v = Kinetics.maxwellBoltzmann(s, 300, 42);
        // Exact temperature over 3N − 3 degrees of freedom, zero momentum.
        assertEquals(300.0, Kinetics.temperature(Kinetics.kineticEnergy(v), 3 * s.size() - 3), 1e-9);
        for (double p : Kinetics.momentum(v)) {
            assertEquals(0.0, p, 1e-9);
        }
        // Reproducible with the seed, different with another.
        assertEquals(v.velocities()[7], Kinetics.maxwellBoltzmann(s, 300, 42).velocities()[7], 0.0);
        assertNotEquals(v.velocities()[7], Kinetics.maxwellBoltzmann(s, 300, 43).velocities()[7]);
        // Gaussian components: kurtosis 3 (standard error √(24/12000) ≈ 0.045; 5σ bound).
        double m2 = 0, m4 = 0;
        double[] vel = v.velocities();
        double sigma2 = Units.BOLTZMANN_EV_PER_K * 300 / (s.mass(0) * Units.MVV2E);
        for (double c : vel) {
            m2 += c * c / sigma2;
            m4 += c * c * c * c / (sigma2 * sigma2);
        }
        m2 /= vel.length;
        m4 /= vel.length;
        assertEquals(3.0, m4 / (m2 * m2), 0.23);
    }
}
