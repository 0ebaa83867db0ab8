package org.peierls.sim.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.sim.ForceField;
import org.peierls.testutil.BlockAverage;
import org.peierls.testutil.LatticeConstant;
import org.peierls.testutil.MorsePotential;
import org.peierls.testutil.TestCrystals;

/**
 * NPT with the MTK barostat on the Morse crystal: the conserved quantity is conserved, the mean
 * pressure is the target, and the mean volume agrees with independent fixed-volume information
 * (a Langevin NVT run at that volume gives the target pressure; at 1 K the volume is the minimum
 * of the static E(V) curve).
 */
class MtkBarostatTest {

    final MorsePotential potential = MorsePotential.copper();
    final ForceField morse = new ForceField(potential, 1.0);
    static final double GPA = 1 / Units.EV_PER_A3_TO_GPA;

    private Structure crystal(int n, double a, double temperature, long seed) {
        return Kinetics.maxwellBoltzmann(TestCrystals.fcc(29, a, n, n, n), temperature, seed);
    }

    /** Samples of pressure (GPa) and volume (Å³) after {@code equilibrate} steps. */
    private record Samples(BlockAverage pressure, BlockAverage volume, BlockAverage[] stress, double drift) {
    }

    private Samples run(Integrator in, MdState s, int equilibrate, int steps) {
        for (int i = 0; i < equilibrate; i++) {
            s = in.step(s);
        }
        double c0 = in.conservedEnergy(s);
        double drift = 0;
        BlockAverage p = new BlockAverage(steps);
        BlockAverage v = new BlockAverage(steps);
        BlockAverage[] st = new BlockAverage[6];
        for (int k = 0; k < 6; k++) {
            st[k] = new BlockAverage(steps);
        }
        for (int i = 0; i < steps; i++) {
            s = in.step(s);
            p.add(s.pressure() * Units.EV_PER_A3_TO_GPA);
            v.add(s.volume());
            double[] sv = s.stress();
            for (int k = 0; k < 6; k++) {
                st[k].add(sv[k] * Units.EV_PER_A3_TO_GPA);
            }
            drift = Math.max(drift, Math.abs(in.conservedEnergy(s) - c0));
        }
        return new Samples(p, v, st, drift);
    }

    @Test
    void isotropicMeanPressureIsTheTargetAndTheVolumeGivesItAtFixedVolume() {
        double target = 1.0;
        MtkBarostat npt = new MtkBarostat(morse, 0.002, 300, target * GPA, 0.1, 0.5, 3, MtkBarostat.Coupling.ISO);
        Samples s = run(npt, npt.init(crystal(3, VelocityVerletTest.A0, 300, 21)), 1500, 12000);
        double pErr = s.pressure().error(20);
        assertEquals(target, s.pressure().mean(), 4 * pErr, "NPT <P> = " + s.pressure().mean() + " ± " + pErr);
        // The extended energy is conserved (Δt² errors only): < 0.1 meV/atom over 24 ps.
        assertTrue(s.drift() / 108 < 1e-4, "conserved-quantity drift " + s.drift());

        // Independent check of the volume: Langevin NVT at the NPT mean volume gives the target pressure.
        double a = Math.cbrt(4 * s.volume().mean() / 108);
        Langevin nvt = new Langevin(morse, 0.002, 300, 0.1, 23);
        Samples f = run(nvt, nvt.init(crystal(3, a, 300, 22)), 1000, 8000);
        double err = Math.hypot(pErr, f.pressure().error(20));
        // Combined statistical error of both means, 4σ. Mapped onto the volume by the bulk
        // modulus (~140 GPa), σ_P ≈ 0.03 GPa is a volume accuracy of ~2e-4.
        assertEquals(target, f.pressure().mean(), 4 * err, "NVT <P> at <V>_NPT: " + f.pressure().mean() + " ± " + err);
    }

    @Test
    void nearZeroTemperatureVolumeIsTheMinimumOfTheEnergyCurve() {
        double a0 = LatticeConstant.minimum(x -> potential.compute(TestCrystals.fcc(29, x, 2, 2, 2)).energy(), 3.77, 0.06, 21);
        // MTK's barostat mass W ∝ k_B T: at 1 K a long τ_P (20 ps) keeps the cell's oscillation
        // period (~0.3 ps here) well above Δt.
        MtkBarostat npt = new MtkBarostat(morse, 0.002, 1.0, 0.0, 0.1, 20, 3, MtkBarostat.Coupling.ANISO);
        // Start 0.2 % compressed (0.6 GPa): the barostat must expand the cell.
        Samples s = run(npt, npt.init(crystal(2, 0.998 * a0, 1.0, 31)), 3000, 9000);
        double v = s.volume().mean();
        double a = Math.cbrt(4 * v / 32);
        double aErr = a / 3 * s.volume().error(20) / v;
        // 4 standard errors of the mean plus 1e-4 Å for classical thermal expansion at 1 K
        // (~1e-5 relative); the start was 7.5e-3 Å away.
        assertEquals(a0, a, 4 * aErr + 1e-4, "lattice constant at 1 K (± " + aErr + ") vs E(a) minimum " + a0);
        assertTrue(s.drift() / 32 < 1e-6, "conserved-quantity drift " + s.drift());
    }

    @Test
    void triclinicCellRelaxesShearStressAndConservesItsEnergy() {
        Structure s = crystal(2, VelocityVerletTest.A0, 300, 41);
        double[] shear = {1, 0.03, 0, 0.03, 1, 0.02, 0, 0.02, 1};
        Structure sheared = s.withCellScaled(s.cell().deformed(shear));
        MtkBarostat npt = new MtkBarostat(morse, 0.002, 300, 0.0, 0.1, 0.5, 3, MtkBarostat.Coupling.TRI);
        MdState start = npt.init(sheared);
        assertTrue(Math.abs(start.stress()[5]) * Units.EV_PER_A3_TO_GPA > 1, "initial shear stress should exceed 1 GPa");
        Samples r = run(npt, start, 2000, 12000);
        assertTrue(r.drift() / 32 < 2e-4, "conserved-quantity drift " + r.drift());
        for (int k = 0; k < 6; k++) {
            double err = r.stress()[k].error(20);
            assertEquals(0.0, r.stress()[k].mean(), 4 * err + 0.02, "mean stress component " + k + " ± " + err);
        }
    }
}
