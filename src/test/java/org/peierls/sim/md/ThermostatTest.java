package org.peierls.sim.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.peierls.atoms.Structure;
import org.peierls.sim.ForceField;
import org.peierls.testutil.BlockAverage;
import org.peierls.testutil.MorsePotential;
import org.peierls.testutil.TestCrystals;

/**
 * Canonical sampling: the mean kinetic temperature equals the target within its statistical
 * error, and its fluctuation is the canonical σ_T = T √(2/N_f) (a Berendsen-like thermostat
 * would fail the second check). 32 Morse atoms.
 */
class ThermostatTest {

    static final double T = 300;
    final ForceField morse = new ForceField(MorsePotential.copper(), 1.0);

    private Structure start(double temperature) {
        return Kinetics.maxwellBoltzmann(TestCrystals.fcc(29, VelocityVerletTest.A0, 2, 2, 2), temperature, 9);
    }

    /** Runs 2 ps of equilibration and 40 ps of sampling at Δt = 2 fs; returns T samples. */
    private BlockAverage sample(Integrator integrator, double[] conservedDrift) {
        MdState s = integrator.init(start(T));
        for (int i = 0; i < 1000; i++) {
            s = integrator.step(s);
        }
        double c0 = integrator.conservedEnergy(s);
        BlockAverage t = new BlockAverage(20000);
        double maxDrift = 0;
        for (int i = 0; i < 20000; i++) {
            s = integrator.step(s);
            t.add(integrator.temperature(s));
            maxDrift = Math.max(maxDrift, Math.abs(integrator.conservedEnergy(s) - c0));
        }
        conservedDrift[0] = maxDrift;
        return t;
    }

    private void assertCanonical(Integrator integrator, BlockAverage t) {
        int dof = integrator.degreesOfFreedom(32);
        double err = t.error(20);
        // Mean within 4 standard errors (block averaging over 20 blocks of 2 ps).
        assertEquals(T, t.mean(), 4 * err + 1e-9, integrator.describe() + ": <T> = " + t.mean() + " ± " + err);
        assertTrue(err < 0.02 * T, "statistical error too large to test anything: " + err);
        // σ_T canonical = T √(2/N_f) ≈ 44 K for N_f = 93–96; its estimate from ~100
        // independent samples per ns is good to ~10 %; accepted within 20 %.
        double canonical = T * Math.sqrt(2.0 / dof);
        assertEquals(canonical, t.standardDeviation(), 0.2 * canonical, integrator.describe() + ": σ_T");
    }

    @Test
    void langevinSamplesTheCanonicalTemperature() {
        Langevin l = new Langevin(morse, 0.002, T, 0.1, 17);
        double[] drift = new double[1];
        BlockAverage t = sample(l, drift);
        assertCanonical(l, t);
        // Energy minus bath heat is conserved up to the BAOAB splitting error (measured 0.07 meV/atom): < 0.5 meV/atom over 40 ps.
        assertTrue(drift[0] / 32 < 5e-4, "Langevin effective-energy drift " + drift[0]);
    }

    @Test
    void noseHooverChainSamplesTheCanonicalTemperature() {
        NoseHoover nh = new NoseHoover(morse, 0.002, T, 0.1, 3);
        double[] drift = new double[1];
        BlockAverage t = sample(nh, drift);
        assertCanonical(nh, t);
        // The extended energy is conserved like an NVE energy (Δt² errors; measured 0.03 meV/atom): < 0.2 meV/atom.
        assertTrue(drift[0] / 32 < 2e-4, "Nosé–Hoover conserved-energy drift " + drift[0]);
    }

    /** Started at 10 K, the chain heats the crystal to the target. */
    @Test
    void noseHooverChainHeatsAColdCrystal() {
        NoseHoover nh = new NoseHoover(morse, 0.002, T, 0.1, 3);
        MdState s = nh.init(start(10));
        BlockAverage t = new BlockAverage(2000);
        for (int i = 0; i < 4000; i++) {
            s = nh.step(s);
            if (i >= 2000) {
                t.add(nh.temperature(s));
            }
        }
        // 4 ps of sampling after 4 ps of heating: the mean is within 10 % (σ_T/√(samples) ≈ 10 K).
        assertEquals(T, t.mean(), 0.1 * T);
    }

    @Test
    void langevinIsReproducibleForASeed() {
        Structure s = start(10);
        Langevin a = new Langevin(morse, 0.002, T, 0.1, 5);
        MdState x = a.init(s);
        MdState y = a.init(s);
        for (int i = 0; i < 50; i++) {
            x = a.step(x);
            y = a.step(y);
        }
        assertEquals(x.structure().positions()[10], y.structure().positions()[10], 0.0);
        MdState z = new Langevin(morse, 0.002, T, 0.1, 6).init(s);
        for (int i = 0; i < 50; i++) {
            z = new Langevin(morse, 0.002, T, 0.1, 6).step(z);
        }
        assertTrue(z.structure().positions()[10] != x.structure().positions()[10]);
    }
}
