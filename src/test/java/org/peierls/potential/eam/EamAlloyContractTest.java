package org.peierls.potential.eam;

import org.peierls.potential.Potential;
import org.peierls.potential.PotentialContractTest;
import org.peierls.testutil.SharedData;

/** pair_style eam/alloy with CuTa.eam.alloy on a random bcc Cu–Ta alloy. */
class EamAlloyContractTest extends PotentialContractTest {
    private static Potential pot;

    @Override
    protected Potential potential() {
        if (pot == null) {
            pot = EamPotential.alloy(SharedData.lammpsPotential("CuTa.eam.alloy"));
        }
        return pot;
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
