package org.peierls.properties;

import org.peierls.potential.Potential;
import org.peierls.potential.eam.EamPotential;
import org.peierls.testutil.SharedData;

/** The named potentials the property tests use (from /usr/share/lammps/potentials). */
final class Potentials {
    private Potentials() {
    }

    /** Mishin et al., PRB 63 (2001) 224106: Cu, eam/alloy. */
    static Potential mishinCu() {
        return EamPotential.alloy(SharedData.lammpsPotential("Cu_mishin1.eam.alloy"));
    }

    /** Mendelev et al., Phil. Mag. 83 (2003) 3977: Fe, eam/fs. */
    static Potential mendelevFe() {
        return EamPotential.finnisSinclair(SharedData.lammpsPotential("Fe_mm.eam.fs"));
    }
}
