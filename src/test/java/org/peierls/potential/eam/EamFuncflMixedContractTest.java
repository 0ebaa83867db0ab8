package org.peierls.potential.eam;

import java.util.List;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialContractTest;
import org.peierls.testutil.SharedData;

/** pair_style eam with two funcfl files (Cu_u3 + Ni_u3): the mixed pair term Z_Cu·Z_Ni. */
class EamFuncflMixedContractTest extends PotentialContractTest {
    private static Potential pot;

    @Override
    protected Potential potential() {
        if (pot == null) {
            pot = EamPotential.funcfl(List.of(SharedData.lammpsPotential("Cu_u3.eam"), SharedData.lammpsPotential("Ni_u3.eam")));
        }
        return pot;
    }

    @Override
    protected int[] elements() {
        return new int[]{29, 28};
    }

    @Override
    protected double latticeConstant() {
        return 3.57;
    }
}
