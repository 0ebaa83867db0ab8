package org.peierls.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.potential.pair.LennardJones;
import org.peierls.util.InputException;

/**
 * The battery: the same numbers as the calculators run alone, failures confined to the property
 * that fails, and its JSON.
 */
class DefectBatteryTest {

    @TempDir
    Path tmp;

    /**
     * No hidden setting drift: every scalar of the quick battery (Fe, Mendelev: every bcc
     * property) equals what the calculators give when called alone with the options the battery
     * was given, on the crystal of a separate equation-of-state run. Same code, same inputs and
     * thread count: the tolerance 1e-9 (relative) allows only round-off.
     */
    @Test
    void batteryGivesTheNumbersOfTheCalculatorsAlone() {
        Potential p = Potentials.mendelevFe();
        BatteryOptions o = BatteryOptions.defaults(LatticeType.BCC, true);
        BatteryResult r = DefectBattery.run(p, "Fe", LatticeType.BCC, Double.NaN, o, tmp.resolve("plots"));
        assertTrue(r.errors().isEmpty(), r.errors().toString());

        EquationOfState.Result eos = EquationOfState.compute(p, "Fe", LatticeType.BCC, o.options(new LatticeProperty()).withGuess(ElementCrystals.guess("Fe",
                LatticeType.BCC)));
        ReferenceCrystal c = eos.crystal();
        ElasticConstants.Result el = ElasticConstants.compute(c, o.options(new ElasticProperty()));
        VacancyFormation.Result vf = VacancyFormation.compute(c, o.options(new VacancyProperty()));
        VacancyMigration.Result vm = VacancyMigration.compute(c, o.options(new MigrationProperty()), vf, (i, v, f, x) -> true);
        InterstitialFormation.Result in = InterstitialFormation.compute(c, o.options(new InterstitialsProperty()));
        SurfaceEnergy.Result su = SurfaceEnergy.compute(c, o.options(new SurfacesProperty()));
        StackingFaultEnergy.Result gsf = StackingFaultEnergy.compute(c, o.options(new GsfProperty()));
        GammaSurface.Result gs = GammaSurface.compute(c, o.options(new GammaSurfaceProperty()));
        ScrewCore.Result sc = ScrewCore.compute(c, el, o.options(new ScrewCoreProperty()));
        PeierlsBarrier.Result pb = PeierlsBarrier.compute(c, el, o.options(new PeierlsProperty()), (i, v, f, x) -> true);
        GrainBoundaryEnergy.Result gb = GrainBoundaryEnergy.compute(c, o.options(new GrainBoundaryProperty()));

        Map<String, Double> s = r.scalars();
        // every scalar names the property that produced it (the report uses this to explain gaps)
        for (String name : s.keySet()) {
            String label = BatteryResult.propertyOf(name);
            assertTrue(label != null && r.timings().containsKey(label), name + " → " + label);
        }
        same(c.a(), s.get("lattice_constant_a"));
        same(eos.cohesiveEnergy(), s.get("cohesive_energy_ev"));
        same(eos.bulkModulusGpa(), s.get("bulk_modulus_gpa"));
        same(el.c11(), s.get("c11_gpa"));
        same(el.c12(), s.get("c12_gpa"));
        same(el.c44(), s.get("c44_gpa"));
        same(vf.formationEnergy(), s.get("vacancy_formation_ev"));
        same(vm.barrier(), s.get("vacancy_migration_ev"));
        for (InterstitialFormation.Entry e : in.entries()) {
            same(e.formationEnergy(), s.get("interstitial_formation_ev." + e.start()));
        }
        for (SurfaceEnergy.Entry e : su.entries()) {
            same(e.energyJm2(), s.get("surface_energy_j_m2." + e.plane()));
        }
        for (StackingFaultEnergy.Curve cu : gsf.curves()) {
            same(cu.unstable(), s.get("gsf." + cu.line().plane() + ".unstable_mj_m2"));
            assertTrue(Double.isNaN(s.get("gsf." + cu.line().plane() + ".intrinsic_mj_m2")), "bcc curves have no intrinsic fault");
            BatteryResult.Curve bc = r.gsfCurves().get(cu.line().plane());
            for (int k = 0; k < cu.energiesMjm2().length; k++) {
                same(cu.energiesMjm2()[k], bc.y()[k]);
                same(cu.fractions()[k], bc.x()[k]);
            }
        }
        same(gs.maximum(), s.get("gamma_surface.max_mj_m2"));
        same(gs.energies()[1][2], r.gammaSurface().energies()[1][2]);
        same(sc.polarity()[0], s.get("screw_core.polarity"));
        assertEquals(sc.type().equals("compact/non-degenerate") ? 1.0 : 0.0, s.get("screw_core.compact"));
        same(pb.barrierPerB(), s.get("peierls_barrier_ev_per_b"));
        assertEquals(pb.maxima(), s.get("peierls_barrier_humps"));
        for (int k = 0; k < pb.profile().length; k++) {
            same(pb.profile()[k], r.peierlsProfile().y()[k]);
        }
        for (GrainBoundaryEnergy.Entry e : gb.entries()) {
            same(e.energyJm2(), s.get("gb_energy_j_m2." + e.name()));
        }
        // every property timed, every plot written
        assertEquals(List.of("lattice", "elastic", "vacancy", "migration", "interstitials", "surfaces", "gsf", "gamma_surface", "screw_core",
                "peierls", "gb"), List.copyOf(r.timings().keySet()));
        for (String f : r.plots().values()) {
            assertTrue(Files.isRegularFile(tmp.resolve("plots").resolve(f)), f);
        }
        assertEquals(9, r.plots().size(), r.plots().toString());
        assertEquals("screw_core_structure.png", r.plots().get("screw_core_structure"), "the relaxed cores coloured by PTM");
        assertEquals("gb_structure.png", r.plots().get("gb_structure"), "a relaxed boundary coloured by PTM");
    }

    private static void same(double expected, Double actual) {
        assertNotNull(actual);
        assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)));
    }

    /**
     * A potential that throws for the vacancy cell (107 atoms of fcc Cu, 3³ cells) and returns a
     * NaN energy for the interstitial cells (109 atoms): those two properties and the vacancy
     * migration (same cell) are NaN with an error each; the lattice constant and the surfaces
     * are those of the intact potential.
     */
    @Test
    void aFailingPropertyIsRecordedAndTheOthersStillRun() throws Exception {
        Potential cu = Potentials.mishinCu();
        Potential broken = new Wrapper(cu) {
            @Override
            Results compute(Structure s, Results good) {
                if (s.size() == 107) {
                    throw new IllegalStateException("boom in the vacancy cell");
                }
                if (s.size() == 109) {
                    return new Results(Double.NaN, good.forces(), good.virial(), good.volume(), null);
                }
                return good;
            }
        };
        Set<String> asked = Set.of("lattice", "vacancy", "migration", "interstitials", "surfaces");
        BatteryOptions o = BatteryOptions.defaults(LatticeType.FCC, true).withProperties(asked);
        BatteryResult bad = DefectBattery.run(broken, "Cu", LatticeType.FCC, Double.NaN, o, null);
        BatteryResult good = DefectBattery.run(cu, "Cu", LatticeType.FCC, Double.NaN, o, null);
        assertTrue(good.errors().isEmpty(), good.errors().toString());
        Map<String, String> err = bad.errors();
        assertEquals(Set.of("vacancy", "migration", "interstitials"), err.keySet(), err.toString());
        assertEquals("IllegalStateException: boom in the vacancy cell", err.get("vacancy"));
        assertTrue(err.get("interstitials").contains("non-finite energy"), err.get("interstitials"));
        for (String e : err.values()) {
            assertFalse(e.contains("\n"), "one line: " + e);
        }
        // the same keys in both, NaN where the property failed, equal elsewhere
        Map<String, Double> b = bad.scalars(), g = good.scalars();
        assertEquals(List.copyOf(g.keySet()), List.copyOf(b.keySet()));
        for (Map.Entry<String, Double> e : g.entrySet()) {
            boolean failed = e.getKey().startsWith("vacancy_") || e.getKey().startsWith("interstitial_");
            assertTrue(Double.isFinite(e.getValue()), e.getKey());
            if (failed) {
                assertTrue(Double.isNaN(b.get(e.getKey())), e.getKey());
            } else {
                // the wrapper takes a full neighbor list where EAM prefers a half one: round-off only
                assertEquals(e.getValue(), b.get(e.getKey()), 1e-9 * Math.abs(e.getValue()), e.getKey());
            }
        }
        assertEquals(5, bad.timings().size());

        // the JSON round trip keeps everything, NaN as null
        Path json = tmp.resolve("bad.json");
        bad.write(json);
        assertTrue(Files.readString(json).contains("\"vacancy_formation_ev\" : null"));
        BatteryResult back = BatteryResult.read(json);
        assertEquals(bad, back);
        assertEquals(bad.errors(), back.errors());
        assertEquals(bad.timings(), back.timings());
        assertEquals(List.copyOf(bad.scalars().keySet()), List.copyOf(back.scalars().keySet()));
        for (Map.Entry<String, Double> e : bad.scalars().entrySet()) {
            assertEquals(e.getValue(), back.scalars().get(e.getKey()), 0.0, e.getKey());
        }
        assertEquals(LatticeType.FCC, back.lattice());
        assertEquals("Cu", back.element());
        assertEquals(bad.equationOfState().x().length, back.equationOfState().x().length);
        assertNull(back.vacancyMigrationProfile(), "the failed NEB leaves no profile");
        assertEquals(good, BatteryResult.fromJson(good.toJsonNode()));
    }

    /**
     * Lennard-Jones with σ = 0.5 Å has no minimum of E(a) in the scanned range (its minimum is at
     * d = 0.56 Å): the lattice constant fails with the reason, and every other property fails
     * with "needs the lattice constant" instead of running at a meaningless a.
     */
    @Test
    void withoutALatticeConstantEveryPropertyFailsWithTheReason() {
        BatteryOptions o = BatteryOptions.defaults(LatticeType.FCC, true)
                .withProperties("elastic,vacancy,gsf");
        BatteryResult r = DefectBattery.run(new LennardJones(1.0, 0.5, 2.5), "Cu", LatticeType.FCC, Double.NaN, o, null);
        Map<String, String> err = r.errors();
        assertEquals(Set.of("lattice", "elastic", "vacancy", "gsf"), err.keySet(), err.toString());
        assertTrue(err.get("lattice").contains("no minimum"), err.get("lattice"));
        assertTrue(err.get("vacancy").startsWith("needs the lattice constant"), err.get("vacancy"));
        for (double v : r.scalars().values()) {
            assertTrue(Double.isNaN(v));
        }
        assertTrue(r.scalars().containsKey("gsf.111.unstable_mj_m2"));
    }

    /**
     * A relaxation that cannot converge (forces with a 0.05 eV/Å random part, as a noisy model
     * would give) is reported as such: NaN and "did not converge", per surface; and the time
     * limit stops a property that runs too long.
     */
    @Test
    void nonConvergenceAndTheTimeLimitAreFailures() {
        Potential cu = Potentials.mishinCu();
        java.util.Random rng = new java.util.Random(3);
        Potential noisy = new Wrapper(cu) {
            @Override
            Results compute(Structure s, Results good) {
                if (s.size() <= 4) {
                    return good;   // the conventional cell: the equation of state stays intact
                }
                double[] f = good.forces().clone();
                for (int i = 0; i < f.length; i++) {
                    f[i] += 0.05 * rng.nextGaussian();
                }
                return new Results(good.energy(), f, good.virial(), good.volume(), null);
            }
        };
        BatteryOptions q = BatteryOptions.defaults(LatticeType.FCC, true);
        RelaxSettings short150 = RelaxSettings.defaults().withMaxSteps(150);
        BatteryOptions o = q.withProperties("surfaces").with(new SurfacesProperty(),
                new SurfaceEnergy.Options(List.of("100", "111"), 10, 10, short150));
        BatteryResult r = DefectBattery.run(noisy, "Cu", LatticeType.FCC, Double.NaN, o, null);
        assertEquals(Set.of("surfaces"), r.errors().keySet());
        assertEquals("relaxation did not converge for (100), (111)", r.errors().get("surfaces"));
        assertTrue(Double.isNaN(r.scalar("surface_energy_j_m2.100")));
        assertEquals(3.615, r.scalar("lattice_constant_a"), 1e-3);

        // 20 ms per evaluation of a large cell: the γ-surface (hundreds of evaluations) runs past
        // 2 s, the equation of state (4-atom cells) does not
        Potential slow = new Wrapper(cu) {
            @Override
            Results compute(Structure s, Results good) {
                if (s.size() >= 10) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return good;
            }
        };
        BatteryResult t = DefectBattery.run(slow, "Cu", LatticeType.FCC, Double.NaN,
                q.withProperties("gamma_surface").withTimeLimit(2), null);
        assertEquals(Set.of("gamma_surface"), t.errors().keySet(), t.errors().toString());
        assertEquals("time limit of 2 s exceeded", t.errors().get("gamma_surface"));
        assertTrue(t.timings().get("gamma_surface") < 4, "stopped soon after the limit");
    }

    /**
     * A model that lets the atoms fall onto each other (here: every cell larger than the
     * conventional one lies 2 eV/atom below the crystal, as a bulk-only fit without short-range
     * repulsion does once the atoms move) fails with "collapse" at its first evaluation instead
     * of relaxing into nonsense; a crystal that is not Born-stable is flagged.
     */
    @Test
    void aCollapseIsAFailure() {
        Potential cu = Potentials.mishinCu();
        Potential falling = new Wrapper(cu) {
            @Override
            Results compute(Structure s, Results good) {
                return s.size() <= 4 ? good : new Results(good.energy() - 2.0 * s.size(), good.forces(), good.virial(), good.volume(), null);
            }
        };
        BatteryOptions o = BatteryOptions.defaults(LatticeType.FCC, true).withProperties("elastic,gsf");
        BatteryResult r = DefectBattery.run(falling, "Cu", LatticeType.FCC, Double.NaN, o, null);
        assertEquals(Set.of("gsf"), r.errors().keySet());
        assertTrue(r.errors().get("gsf").startsWith("collapse: a "), r.errors().get("gsf"));
        assertTrue(r.errors().get("gsf").contains("cell reached 2.00 eV/atom below the perfect crystal"), r.errors().get("gsf"));
        assertEquals(Boolean.TRUE, r.toJson().get("mechanically_stable"));
        // C44 < 0 breaks the Born criteria
        ElasticConstants.Result unstable = new ElasticConstants.Result(new double[6][6], 200, 100, -5, Double.NaN, Double.NaN, Double.NaN,
                0.002);
        assertFalse(DefectBattery.bornStable(unstable, LatticeType.BCC));
    }

    /** Bad input is an exception, not a recorded failure. */
    @Test
    void badInputIsRejected() {
        Potential cu = Potentials.mishinCu();
        BatteryOptions o = BatteryOptions.defaults(LatticeType.FCC, true).withProperties("lattice");
        InputException e = assertThrows(InputException.class, () -> DefectBattery.run(cu, "Fe", LatticeType.FCC, Double.NaN, o, null));
        assertTrue(e.getMessage().contains("describes Cu, not Fe"), e.getMessage());
        BatteryOptions screw = BatteryOptions.defaults(LatticeType.BCC, true).withProperties("screw_core");
        e = assertThrows(InputException.class, () -> DefectBattery.run(cu, "Cu", LatticeType.FCC, Double.NaN, screw, null));
        assertEquals("screw_core is not defined for fcc crystals", e.getMessage());
        assertThrows(InputException.class, () -> BatteryProperties.parseList("lattice,vacancies", LatticeType.FCC));
        assertEquals(List.of("lattice", "peierls"), List.copyOf(BatteryProperties.parseList("peierls_barrier, lattice", LatticeType.BCC)));
        // the lattice defaults to the element's ground state
        BatteryResult r = DefectBattery.run(cu, "Cu", null, Double.NaN, o, null);
        assertEquals(LatticeType.FCC, r.lattice());
    }

    /** A potential whose results pass through {@link #compute(Structure, Results)}. */
    abstract static class Wrapper implements Potential {
        final Potential inner;

        Wrapper(Potential inner) {
            this.inner = inner;
        }

        abstract Results compute(Structure s, Results good);

        @Override
        public double cutoff() {
            return inner.cutoff();
        }

        @Override
        public int[] species() {
            return inner.species();
        }

        @Override
        public String describe() {
            return "wrapped " + inner.describe();
        }

        @Override
        public Results compute(Structure structure, NeighborList neighbors, Output perAtom) {
            return compute(structure, inner.compute(structure, neighbors, perAtom));
        }
    }
}
