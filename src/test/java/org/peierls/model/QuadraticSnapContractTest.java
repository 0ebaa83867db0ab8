package org.peierls.model;

import org.peierls.potential.Potential;
import org.peierls.potential.PotentialContractTest;
import org.peierls.testutil.SharedData;

/** Zuo's quadratic SNAP for Mo (2J = 6, 496 coefficients) through the potential contract. */
class QuadraticSnapContractTest extends PotentialContractTest {
    private static Potential pot;

    @Override
    protected Potential potential() {
        if (pot == null) {
            pot = SnapFiles.load(SharedData.lammpsPotential("Mo_Zuo_JPCA2020.quadratic.snapcoeff"));
        }
        return pot;
    }

    @Override
    protected int[] elements() {
        return new int[]{42};
    }

    @Override
    protected double latticeConstant() {
        return 3.16;
    }

    @Override
    protected boolean fcc() {
        return false;
    }
}
