package org.peierls.model;

import org.peierls.potential.Potential;
import org.peierls.potential.PotentialContractTest;

/**
 * A two-element SNAP (Ta, W with different radelem and wj, rmin0 > 0, bzeroflag, quadratic
 * models with random coefficients) on random Ta–W bcc cells: every pair type has its own cutoff.
 */
class TwoElementSnapContractTest extends PotentialContractTest {
    private static final Potential POT = MlPotentialTest.snap(true, 6, 42);

    @Override
    protected Potential potential() {
        return POT;
    }

    @Override
    protected int[] elements() {
        return new int[]{73, 74};
    }

    @Override
    protected double latticeConstant() {
        return 3.25;
    }

    @Override
    protected boolean fcc() {
        return false;
    }
}
