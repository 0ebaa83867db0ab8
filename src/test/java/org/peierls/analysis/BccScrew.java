package org.peierls.analysis;

import org.peierls.atoms.LatticeType;
import org.peierls.defects.Dislocation;
import org.peierls.defects.DislocationCylinder;
import org.peierls.defects.ElasticModel;
import org.peierls.defects.OrientedCrystal;

/**
 * The specimens the dislocation analyses are checked on: ½[111] screw dislocations in bcc Fe
 * (a = 2.8553 Å, C11/C12/C44 = 243/145/116 GPa), built by the defect builders from the elastic
 * field — whose cores are known exactly, which is what makes them good test objects.
 */
final class BccScrew {

    static final double A_FE = 2.8553;
    static final double B_FE = A_FE * Math.sqrt(3) / 2;
    static final ElasticModel FE_ANISO = ElasticModel.cubic(243, 145, 116);
    static final ElasticModel FE_ISO = ElasticModel.voigtAverage(243, 145, 116);

    private BccScrew() {
    }

    /** The crystal in the dislocation frame x = [11-2], y = [-110], z = [111]. */
    static OrientedCrystal crystal() {
        return OrientedCrystal.cubic(LatticeType.BCC, new String[]{"Fe"}, A_FE, new int[]{1, 1, -2}, new int[]{-1, 1, 0}, new int[]{1, 1, 1});
    }

    /** The good-crystal steps of that frame. */
    static double[] steps() {
        return BurgersCircuit.nearestNeighbourVectors(crystal().cell().repeat(2, 2, 2));
    }

    /** A cylinder of radius {@code radius} (Å) around one core, no fixed shell, one b thick. */
    static Dislocation cylinder(ElasticModel model, CoreType core, double radius) {
        return DislocationCylinder.bccScrew("Fe", A_FE, model, core, radius, 0, 1);
    }
}
