package org.peierls.potential.pair;

import org.peierls.potential.Potential;
import org.peierls.potential.PotentialContractTest;

/**
 * ZBL switched between 2.0 and 3.0 Å on a compressed bcc Ta–W cell, so that pairs fall below,
 * inside and beyond the switching region.
 */
class ZblContractTest extends PotentialContractTest {
    private static final Potential POT = new Zbl(2.0, 3.0);

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
        return 2.5;
    }

    @Override
    protected boolean fcc() {
        return false;
    }
}
