package org.peierls.sim.neb;

import org.peierls.atoms.Structure;

/** Lets tests in other packages use the vacancy-hop end states of {@link VacancyHopNebTest}. */
public final class VacancyHopNebTestAccess {
    private VacancyHopNebTestAccess() {
    }

    /** Unrelaxed initial and final states of the hop (107 Cu atoms). */
    public static Structure[] endStates() {
        return VacancyHopNebTest.endStates();
    }
}
