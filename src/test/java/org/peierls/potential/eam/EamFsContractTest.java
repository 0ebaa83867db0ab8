package org.peierls.potential.eam;

import org.peierls.potential.Potential;
import org.peierls.potential.PotentialContractTest;
import org.peierls.testutil.SharedData;

/** pair_style eam/fs with AlFe_mm.eam.fs (Mendelev): element-pair densities on a bcc Fe–Al alloy. */
class EamFsContractTest extends PotentialContractTest {
    private static Potential pot;

    @Override
    protected Potential potential() {
        if (pot == null) {
            pot = EamPotential.finnisSinclair(SharedData.lammpsPotential("AlFe_mm.eam.fs"));
        }
        return pot;
    }

    @Override
    protected int[] elements() {
        return new int[]{26, 13};
    }

    @Override
    protected double latticeConstant() {
        return 2.88;
    }

    @Override
    protected boolean fcc() {
        return false;
    }
}
