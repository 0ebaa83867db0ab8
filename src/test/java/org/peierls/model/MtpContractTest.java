package org.peierls.model;

import org.peierls.descriptor.MtpDescriptor;
import org.peierls.descriptor.MtpParameters;
import org.peierls.descriptor.MtpTesting;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialContractTest;

/**
 * A level-16 single-element MTP with random radial coefficients and weights on rattled triclinic
 * bcc Mo cells: every check of {@link PotentialContractTest}.
 */
class MtpContractTest extends PotentialContractTest {
    private static final Potential POT = mtp(MtpTesting.random(16, new int[]{42}, 2.0, 5.0, 8, 0.03, 1), 2);

    /** The MLIP form: one linear model per type, shared weights ξ, bias s_t = −3 − t eV. */
    static MlPotential mtp(MtpParameters p, long seed) {
        MtpDescriptor d = new MtpDescriptor(p);
        double[] xi = MtpTesting.weights(d.size(), 0.02, seed);
        Model[] models = new Model[p.types()];
        for (int t = 0; t < models.length; t++) {
            models[t] = new LinearModel(-3 - t, xi);
        }
        return new MlPotential(d, models, "random MTP");
    }

    @Override
    protected Potential potential() {
        return POT;
    }

    @Override
    protected int[] elements() {
        return new int[]{42};
    }

    @Override
    protected double latticeConstant() {
        return 3.16;
    }

    @Override
    protected boolean fcc() {
        return false;
    }
}
