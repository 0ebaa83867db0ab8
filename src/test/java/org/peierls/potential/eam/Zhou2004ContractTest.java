package org.peierls.potential.eam;

import java.util.List;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialContractTest;

/** The analytic Zhou 2004 EAM on a random bcc Cu–Ta alloy (unlike pairs use the mixing rule). */
class Zhou2004ContractTest extends PotentialContractTest {
    private static final Potential POT = Zhou2004.potential(List.of("Cu", "Ta"));

    @Override
    protected Potential potential() {
        return POT;
    }

    @Override
    protected int[] elements() {
        return new int[]{29, 73};
    }

    @Override
    protected double latticeConstant() {
        return 3.2;
    }

    @Override
    protected boolean fcc() {
        return false;
    }
}
