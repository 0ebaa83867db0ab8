package org.peierls.export;

import java.util.Locale;
import org.peierls.potential.Results;

/**
 * How far LAMMPS's run 0 is from Peierls on the same data file.
 *
 * @param atoms          atoms
 * @param energyPeierls  eV
 * @param energyLammps   eV
 * @param energyRelative |ΔE| / max(|E|, 1 eV)
 * @param maxForce       largest |ΔF| component, eV/Å
 * @param virialRelative largest |ΔW| component over max(largest |W| component, 1 eV); NaN when the
 *                       cell is not periodic in all directions (no stress defined)
 */
public record Parity(int atoms, double energyPeierls, double energyLammps, double energyRelative, double maxForce,
                     double virialRelative) {

    /** Default tolerance on {@link #energyRelative}: round-off of a sum over atoms in double precision. */
    public static final double ENERGY_TOLERANCE = 1e-9;
    /** Default tolerance on {@link #maxForce}, eV/Å. */
    public static final double FORCE_TOLERANCE = 1e-8;
    /** Default tolerance on {@link #virialRelative}. */
    public static final double VIRIAL_TOLERANCE = 1e-8;

    public static Parity of(Results ours, LammpsRunner.Result lmp, boolean fullyPeriodic) {
        double de = Math.abs(ours.energy() - lmp.energy()) / Math.max(1.0, Math.abs(lmp.energy()));
        double df = 0;
        double[] f = ours.forces();
        if (f.length != lmp.forces().length) {
            throw new IllegalArgumentException("atom counts differ: " + f.length / 3 + " and " + lmp.forces().length / 3);
        }
        for (int q = 0; q < f.length; q++) {
            df = Math.max(df, Math.abs(f[q] - lmp.forces()[q]));
        }
        double dw = Double.NaN;
        if (fullyPeriodic) {
            double[] w = lmp.virial();
            double big = 1.0, diff = 0;
            for (int v = 0; v < 6; v++) {
                big = Math.max(big, Math.abs(w[v]));
                diff = Math.max(diff, Math.abs(w[v] - ours.virial()[v]));
            }
            dw = diff / big;
        }
        return new Parity(f.length / 3, ours.energy(), lmp.energy(), de, df, dw);
    }

    /** Whether every difference is within the default tolerances. */
    public boolean passes() {
        return energyRelative <= ENERGY_TOLERANCE && maxForce <= FORCE_TOLERANCE
                && (Double.isNaN(virialRelative) || virialRelative <= VIRIAL_TOLERANCE);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d atoms: E %.12f (Peierls) vs %.12f eV (LAMMPS), relative %.1e (tol %.0e);"
                + " max |dF| %.1e eV/Å (tol %.0e); virial relative %s (tol %.0e)", atoms, energyPeierls, energyLammps,
                energyRelative, ENERGY_TOLERANCE, maxForce, FORCE_TOLERANCE,
                Double.isNaN(virialRelative) ? "n/a (not periodic)" : String.format(Locale.ROOT, "%.1e", virialRelative),
                VIRIAL_TOLERANCE);
    }
}
