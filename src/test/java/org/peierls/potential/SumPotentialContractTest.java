package org.peierls.potential;

import org.peierls.testutil.SharedData;

/** ZBL (2.0–3.0 Å) overlaid on the Cu–Ta setfl EAM, as SNAP files overlay ZBL. */
class SumPotentialContractTest extends PotentialContractTest {
    private static Potential pot;

    @Override
    protected Potential potential() {
        if (pot == null) {
            pot = PotentialSpecs.parse("zbl:2.0,3.0 + eam/alloy:" + SharedData.lammpsPotential("CuTa.eam.alloy"));
        }
        return pot;
    }

    @Override
    protected int[] elements() {
        return new int[]{29, 73};
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
