package org.peierls.model;

import org.peierls.potential.Potential;
import org.peierls.potential.PotentialContractTest;
import org.peierls.testutil.SharedData;

/**
 * W_2940_2017_2: ZBL + SNAP with 2J = 8, read from its LAMMPS include file, on compressed bcc W
 * so that pairs fall inside the ZBL switching region.
 */
class SnapZblContractTest extends PotentialContractTest {
    private static Potential pot;

    @Override
    protected Potential potential() {
        if (pot == null) {
            pot = SnapInclude.load(SharedData.lammpsPotential("W_2940_2017_2.snap"));
        }
        return pot;
    }

    @Override
    protected int[] elements() {
        return new int[]{74};
    }

    @Override
    protected double latticeConstant() {
        return 3.1;
    }

    @Override
    protected boolean fcc() {
        return false;
    }
}
