package org.peierls.model;

import org.peierls.potential.Potential;
import org.peierls.potential.PotentialContractTest;
import org.peierls.testutil.SharedData;

/** Ta06A linear SNAP (2J = 6) through the shared potential contract, on rattled strained bcc Ta. */
class SnapContractTest extends PotentialContractTest {
    private static Potential pot;

    @Override
    protected Potential potential() {
        if (pot == null) {
            pot = SnapFiles.load(SharedData.lammpsPotential("Ta06A.snapcoeff"));
        }
        return pot;
    }

    @Override
    protected int[] elements() {
        return new int[]{73};
    }

    @Override
    protected double latticeConstant() {
        return 3.316;
    }

    @Override
    protected boolean fcc() {
        return false;
    }
}
