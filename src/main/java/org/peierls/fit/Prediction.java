package org.peierls.fit;

import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;

/**
 * What a model predicts for one configuration, in the units of the metrics.
 *
 * @param energy total energy, eV
 * @param forces forces {@code [3N]}, eV/Å
 * @param stress stress Voigt (xx yy zz yz xz xy), GPa, tensile positive; null when the structure is not
 *               periodic in all three directions ({@link Results#volumeOf})
 */
public record Prediction(double energy, double[] forces, double[] stress) {

    /** The prediction of a potential for a structure. */
    public static Prediction of(Potential p, Structure s) {
        Results r = p.compute(s, NeighborList.build(s, p.cutoff(), p.preferredList()), Potential.Output.TOTALS);
        return new Prediction(r.energy(), r.forces(), r.hasStress() ? r.stressGpa() : null);
    }

    /**
     * The prediction A·x + reference of the rows of configuration k; quantities without rows (no
     * label) are NaN/null.
     */
    public static Prediction ofRows(DesignMatrix dm, int k, double[] x) {
        DesignMatrix.Block b = dm.block(k);
        double[] p = dm.predict(k, x);
        int n = dm.data().get(k).atoms();
        double e = b.energy() == 1 ? p[0] * n : Double.NaN;
        double[] f = null;
        if (b.forces() > 0) {
            f = new double[b.forces()];
            System.arraycopy(p, b.energy(), f, 0, b.forces());
        }
        double[] s = null;
        if (b.stress() > 0) {
            s = new double[6];
            System.arraycopy(p, b.energy() + b.forces(), s, 0, 6);
        }
        return new Prediction(e, f, s);
    }
}
