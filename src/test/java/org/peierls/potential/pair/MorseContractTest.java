package org.peierls.potential.pair;

import org.peierls.potential.Potential;
import org.peierls.potential.PotentialContractTest;

/** Shifted Morse (Girifalco–Weizer copper parameters) on fcc. */
class MorseContractTest extends PotentialContractTest {
    private static final Potential POT = new Morse(0.3429, 1.3588, 2.866, 6.0);

    @Override
    protected Potential potential() {
        return POT;
    }

    @Override
    protected int[] elements() {
        return new int[]{29};
    }

    @Override
    protected double latticeConstant() {
        return 3.615;
    }
}
