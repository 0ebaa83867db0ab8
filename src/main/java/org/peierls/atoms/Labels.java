package org.peierls.atoms;

/**
 * Reference values attached to a structure (DFT or a teacher potential): what a potential should
 * reproduce. Not to be confused with {@code potential.Results}, what a potential computed.
 *
 * @param energy total energy, eV (NaN when absent)
 * @param forces forces {@code [3N]}, eV/Å, or null
 * @param stress stress in Voigt order (xx, yy, zz, yz, xz, xy), eV/Å³, positive = tensile
 *               (ASE convention, σ = (1/V) ∂E/∂ε); or null
 */
public record Labels(double energy, double[] forces, double[] stress) {

    /** No labels at all. */
    public static final Labels NONE = new Labels(Double.NaN, null, null);

    public Labels {
        if (stress != null && stress.length != 6) {
            throw new IllegalArgumentException("stress needs 6 Voigt components, got " + stress.length);
        }
        forces = forces == null ? null : forces.clone();
        stress = stress == null ? null : stress.clone();
    }

    public boolean hasEnergy() {
        return !Double.isNaN(energy);
    }

    public boolean hasForces() {
        return forces != null;
    }

    public boolean hasStress() {
        return stress != null;
    }

    public boolean isEmpty() {
        return !hasEnergy() && !hasForces() && !hasStress();
    }

    @Override
    public double[] forces() {
        return forces == null ? null : forces.clone();
    }

    @Override
    public double[] stress() {
        return stress == null ? null : stress.clone();
    }

    /** Stress in GPa (positive = tensile), or null. */
    public double[] stressGpa() {
        if (stress == null) {
            return null;
        }
        double[] s = stress.clone();
        for (int i = 0; i < 6; i++) {
            s[i] *= Units.EV_PER_A3_TO_GPA;
        }
        return s;
    }
}
