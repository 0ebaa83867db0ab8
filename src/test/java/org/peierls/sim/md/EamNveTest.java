package org.peierls.sim.md;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.Structure;
import org.peierls.potential.eam.EamPotential;
import org.peierls.sim.ForceField;
import org.peierls.testutil.BlockAverage;
import org.peierls.testutil.SharedData;

/** NVE with the Mishin (2001) EAM for Cu (tabulated, LAMMPS-style cubic splines). */
class EamNveTest {

    private static ForceField mishin() {
        return new ForceField(EamPotential.alloy(SharedData.lammpsPotential("Cu_mishin1.eam.alloy")), 1.0);
    }

    /** 108 atoms started at 600 K share it with the lattice: ~300 K. */
    private static Structure crystal(long seed) {
        return Kinetics.maxwellBoltzmann(Lattice.fcc("Cu", 3.615).repeat(3, 3, 3), 600, seed);
    }

    /**
     * 10 ps at Δt = 1 fs: the total energy stays within 1e-4 eV/atom of its start (measured:
     * ~2e-5 eV/atom, fluctuation included), and the slope of a straight-line fit over the run
     * (the drift proper) times 10 ps is below 1e-5 eV/atom.
     */
    @Test
    void energyDriftOverTenPicoseconds() {
        VelocityVerlet vv = new VelocityVerlet(mishin(), 0.001);
        MdState s = vv.init(crystal(1));
        double e0 = vv.conservedEnergy(s);
        int n = s.atoms();
        double maxDev = 0;
        double st = 0, se = 0, stt = 0, ste = 0;
        BlockAverage temp = new BlockAverage(10000);
        for (int i = 1; i <= 10000; i++) {
            s = vv.step(s);
            double de = (vv.conservedEnergy(s) - e0) / n;
            maxDev = Math.max(maxDev, Math.abs(de));
            double t = s.time();
            st += t;
            se += de;
            stt += t * t;
            ste += t * de;
            temp.add(vv.temperature(s));
        }
        double slope = (10000 * ste - st * se) / (10000 * stt - st * st);   // eV/atom/ps
        assertTrue(maxDev < 1e-4, "max |E(t) − E(0)| per atom " + maxDev);
        assertTrue(Math.abs(slope) * 10 < 1e-5, "drift over 10 ps per atom " + slope * 10);
        assertEquals(300, temp.mean(), 30, "equipartition halves 600 K");
    }

    /** Halving Δt divides the energy fluctuation by 4 (velocity Verlet is second order). */
    @Test
    void energyErrorScalesAsTimeStepSquared() {
        double[] sd = new double[2];
        double[] dts = {0.002, 0.001};
        for (int k = 0; k < 2; k++) {
            VelocityVerlet vv = new VelocityVerlet(mishin(), dts[k]);
            MdState s = vv.init(crystal(2));
            int steps = (int) Math.round(1.0 / dts[k]);
            BlockAverage e = new BlockAverage(steps);
            for (int i = 0; i < steps; i++) {
                s = vv.step(s);
                e.add(vv.conservedEnergy(s));
            }
            sd[k] = e.standardDeviation();
        }
        double ratio = sd[0] / sd[1];
        assertTrue(ratio > 3.5 && ratio < 4.5, "fluctuation ratio for Δt halved: " + ratio);
    }
}
