package org.peierls.fit;

import org.peierls.potential.Potential;
import org.peierls.potential.PotentialContractTest;

/**
 * A fitted two-element MTP (level 10, radial functions trained for a few BFGS iterations on
 * Lennard-Jones-labelled Mo/Nb cells): every check of {@link PotentialContractTest} — finite-difference
 * forces and stress, rotation, translation and permutation invariance, extensivity, per-atom
 * energies, thread independence — on the potential {@code peierls fit --model mtp} writes.
 */
class FittedMtpContractTest extends PotentialContractTest {

    private static final Potential POT = MtpFit.run(FitTestData.data(8, 42, 41, 21).withWeights(new Weights(100, 1, 1)),
            new MtpSettings(new int[]{42, 41}, 10, 6, 1.8, 4.6, Reference.NONE, 4, 1e-4, 1e-8, true), null).potential();

    @Override
    protected Potential potential() {
        return POT;
    }

    @Override
    protected int[] elements() {
        return new int[]{42, 41};
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
