package org.peierls.properties;

import java.util.List;
import org.peierls.atoms.LatticeType;

/**
 * A battery property written in the test tree only (listed in the test resources'
 * {@code META-INF/services/org.peierls.properties.BatteryProperty}), to show that a new property
 * needs no edit of the battery: the energy per atom of the other cubic phase (bcc for an fcc
 * crystal and vice versa) above the crystal, each at its own zero-pressure lattice constant.
 * Not standard: "all" leaves it out.
 */
public final class PhaseDifferenceProperty implements BatteryProperty<EquationOfState.Options> {

    public static final String ID = "phase_difference";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "energy of the other cubic phase above the crystal (eV/atom)";
    }

    @Override
    public boolean appliesTo(LatticeType lattice) {
        return lattice == LatticeType.BCC || lattice == LatticeType.FCC;
    }

    @Override
    public double order() {
        return 200;
    }

    @Override
    public boolean standard() {
        return false;
    }

    @Override
    public EquationOfState.Options options(Preset preset, LatticeType lattice) {
        return new LatticeProperty().options(preset, lattice);
    }

    @Override
    public List<ResultKey> keys(LatticeType lattice) {
        return List.of(ResultKey.scalar("phase_difference_ev_per_atom"));
    }

    /** The other phase. */
    static LatticeType other(LatticeType l) {
        return l == LatticeType.BCC ? LatticeType.FCC : LatticeType.BCC;
    }

    @Override
    public void compute(BatteryRun run, EquationOfState.Options options) {
        ReferenceCrystal c = run.crystal();
        LatticeType other = other(run.lattice());
        // the same volume per atom is the start: a = a_c·(n_c/n_o)^(1/3) with 2 atoms per bcc cube, 4 per fcc
        double guess = c.a() * Math.cbrt(other == LatticeType.FCC ? 2.0 : 0.5);
        EquationOfState.Result r = EquationOfState.compute(run.guarded(), run.element(), other, options.withGuess(guess));
        run.put("phase_difference_ev_per_atom", r.crystal().energyPerAtom() - c.energyPerAtom());
    }
}
