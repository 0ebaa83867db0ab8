package org.peierls.model;

import org.peierls.descriptor.MtpTesting;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialContractTest;

/**
 * A level-10 Mo–Nb MTP (every ordered species pair has its own random radial functions) on random
 * Mo–Nb fcc cells: every check of {@link PotentialContractTest}.
 */
class TwoElementMtpContractTest extends PotentialContractTest {
    private static final Potential POT = MtpContractTest.mtp(
            MtpTesting.random(10, new int[]{41, 42}, 1.8, 4.6, 7, 0.04, 3), 4);

    @Override
    protected Potential potential() {
        return POT;
    }

    @Override
    protected int[] elements() {
        return new int[]{41, 42};
    }

    @Override
    protected double latticeConstant() {
        return 4.1;
    }
}
