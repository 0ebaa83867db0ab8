package org.peierls.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.LatticeType;
import org.peierls.potential.Potential;

/**
 * Battery properties are plug-ins: one in the test tree ({@link PhaseDifferenceProperty}) runs in
 * the battery without an edit of it, and every property's result schema is one declaration from
 * which the scalars, their owner and the failure placeholder all follow.
 */
class PluginPropertyTest {

    /**
     * Mishin's Cu: the bcc phase above fcc, by the plug-in inside the battery and by two
     * equations of state computed here — the same calculation, so equal to round-off (1e-9).
     */
    @Test
    void aPropertyFromTheTestTreeRunsInTheBattery() {
        assertNotNull(BatteryProperties.find("phase_difference"));
        assertFalse(BatteryProperties.parseList("all", LatticeType.FCC).contains("phase_difference"), "not standard: not in all");
        Potential cu = Potentials.mishinCu();
        BatteryOptions o = BatteryOptions.defaults(LatticeType.FCC, true).withProperties("phase_difference");
        BatteryResult r = DefectBattery.run(cu, "Cu", LatticeType.FCC, Double.NaN, o, null);
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        assertTrue(r.ran("lattice"), "the lattice constant runs first");
        double diff = r.scalar("phase_difference_ev_per_atom");
        assertEquals("phase_difference", BatteryResult.propertyOf("phase_difference_ev_per_atom"));

        EquationOfState.Options eos = o.options(new LatticeProperty());
        EquationOfState.Result fcc = EquationOfState.compute(cu, "Cu", LatticeType.FCC, eos.withGuess(ElementCrystals.guess("Cu", LatticeType.FCC)));
        EquationOfState.Result bcc = EquationOfState.compute(cu, "Cu", LatticeType.BCC, eos.withGuess(fcc.crystal().a() * Math.cbrt(0.5)));
        double expected = bcc.crystal().energyPerAtom() - fcc.crystal().energyPerAtom();
        System.out.printf("Mishin Cu: E(bcc) − E(fcc) = %.5f eV/atom%n", diff);
        assertEquals(expected, diff, 1e-9 * Math.abs(expected));
        assertTrue(diff > 0, "fcc is Cu's ground state");
    }

    /**
     * For every property and lattice it applies to, the placeholder a failure leaves holds exactly
     * the scalars the schema declares — all NaN, each owned by that property — so the scalar
     * names of a failed property equal those of a successful one.
     */
    @Test
    void placeholdersFollowTheSchema() {
        for (LatticeType l : new LatticeType[]{LatticeType.BCC, LatticeType.FCC, LatticeType.HCP}) {
            for (BatteryProperty<?> p : BatteryProperties.all()) {
                if (!p.appliesTo(l)) {
                    continue;
                }
                Map<String, Double> s = placeholderScalars(p, l);
                assertFalse(s.isEmpty(), p.id() + " on " + l.label() + " declares no scalar");
                for (Map.Entry<String, Double> e : s.entrySet()) {
                    assertTrue(Double.isNaN(e.getValue()), p.id() + ": " + e.getKey() + " is not NaN");
                    assertEquals(p.id(), BatteryResult.propertyOf(e.getKey()), e.getKey());
                }
            }
        }
    }

    private static <O> Map<String, Double> placeholderScalars(BatteryProperty<O> p, LatticeType l) {
        BatteryRun run = new BatteryRun(Potentials.mishinCu(), "Cu", l, Double.NaN, null);
        p.placeholder(run, p.options(Preset.QUICK, l));
        Map<String, Object> json = new LinkedHashMap<>(run.json);
        json.put("element", "Cu");
        json.put("lattice", l.label());
        json.put("errors", Map.of());
        return BatteryResult.of(json).scalars();
    }
}
