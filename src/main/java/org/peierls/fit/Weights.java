package org.peierls.fit;

/**
 * Fitting weights of one group. A weight multiplies the residual of its row before squaring, so a
 * fit minimises Σ (w·(prediction − label))² (FitSNAP's convention: its {@code eweight},
 * {@code fweight} multiply rows of A and b). The residuals are in the units of the design matrix:
 *
 * @param energy weight of the energy row, per (eV/atom) — energies are fitted per atom
 * @param force  weight of each force component row, per (eV/Å)
 * @param stress weight of each stress component row, per GPa
 */
public record Weights(double energy, double force, double stress) {

    /** The default when a group has none: energy 100 per eV/atom, forces 1 per eV/Å, no stress. */
    public static final Weights DEFAULT = new Weights(100, 1, 0);

    public Weights {
        check("energy", energy);
        check("force", force);
        check("stress", stress);
    }

    private static void check(String what, double w) {
        if (!(w >= 0) || !Double.isFinite(w)) {
            // weights come from the user (options, weight files, experiments)
            throw new org.peierls.util.InputException(what + " weight must be finite and ≥ 0, got " + w);
        }
    }

    /** The weight of a row kind. */
    public double of(RowKind kind) {
        return switch (kind) {
            case ENERGY -> energy;
            case FORCE -> force;
            case STRESS -> stress;
        };
    }

    /** {"energy_per_ev_per_atom": …, "force_per_ev_per_a": …, "stress_per_gpa": …}, as fit folders record them. */
    public java.util.Map<String, Object> json() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("energy_per_ev_per_atom", energy);
        m.put("force_per_ev_per_a", force);
        m.put("stress_per_gpa", stress);
        return m;
    }

    /** A copy with the energy weight replaced. */
    public Weights withEnergy(double w) {
        return new Weights(w, force, stress);
    }

    /** A copy with the force weight replaced. */
    public Weights withForce(double w) {
        return new Weights(energy, w, stress);
    }

    /** A copy with the stress weight replaced. */
    public Weights withStress(double w) {
        return new Weights(energy, force, w);
    }
}
