package org.peierls.potential.pair;

import org.peierls.potential.Potential;
import org.peierls.potential.PotentialContractTest;

/** Shifted Lennard-Jones (argon-like ε, σ) on fcc. */
class LennardJonesContractTest extends PotentialContractTest {
    private static final Potential POT = new LennardJones(0.0104, 3.4, 8.5);

    @Override
    protected Potential potential() {
        return POT;
    }

    @Override
    protected int[] elements() {
        return new int[]{18};
    }

    @Override
    protected double latticeConstant() {
        return 5.26;
    }
}
