package org.peierls.oracle;

import org.peierls.atoms.Frame;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;

/**
 * CP2K as a {@link Potential} ({@code --potential cp2k:SETTINGS.yaml} or {@code cp2k:defaults}):
 * every evaluation is a CP2K run ({@link Cp2kOracle}), so that {@code eval}, {@code relax},
 * {@code defects} and a study's teacher ({@code teacher: cp2k:settings.yaml}) can use DFT directly,
 * at DFT's cost (seconds to minutes per call). The neighbor list is not used; the cutoff reported
 * is 1 Å, so that nothing builds large lists or cells for it. No per-atom energies.
 */
public final class Cp2kPotential implements Potential {

    private final Cp2kOracle oracle;

    public Cp2kPotential(Cp2kSettings settings) {
        this.oracle = new Cp2kOracle(settings, null);
    }

    @Override
    public double cutoff() {
        return 1.0;
    }

    @Override
    public int[] species() {
        return new int[0];
    }

    @Override
    public String describe() {
        return oracle.describe();
    }

    @Override
    public Results compute(Structure structure, NeighborList neighbors, Output perAtom) {
        Frame f = oracle.label(structure, "");
        double volume = Results.volumeOf(structure);
        double[] virial = new double[6];
        if (volume > 0 && f.labels().hasStress()) {
            for (int v = 0; v < 6; v++) {
                virial[v] = -f.labels().stress()[v] * volume;   // W = −σV (Results' LAMMPS sign)
            }
        }
        return new Results(f.labels().energy(), f.labels().forces(), virial, volume, null);
    }
}
