package org.peierls.properties;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.peierls.atoms.Element;
import org.peierls.atoms.LatticeType;
import org.peierls.io.AtomicWrite;
import org.peierls.potential.Potential;
import org.peierls.util.InputException;

/**
 * The defect property battery: every property of {@link BatteryOptions#properties} for one
 * potential, element and lattice, each with the calculator of this package and its options, so
 * that a teacher potential and every model fitted to it are judged by the same numbers.
 *
 * <p>Order and dependencies: the lattice constant (equation of state) comes first, and every other
 * property is measured on the crystal it finds; the elastic constants are computed when the screw
 * core or the Peierls barrier is asked for (their dislocation starts from the anisotropic Stroh
 * field; with C_ij missing or not mechanically stable the isotropic field is used and
 * {@code elastic_field} says so); the vacancy migration reuses the relaxed vacancy. Properties run
 * as dependencies are reported like the others.</p>
 *
 * <p>Robustness (the battery also judges badly fitted models that collapse, blow up or never
 * converge): each property runs in its own try/catch with the potential wrapped in a guard that
 * stops on non-finite energies, forces or positions, on a collapse (a structure more than 1 eV
 * per atom below the perfect crystal) and after {@link BatteryOptions#timeLimit}. A
 * failure — an exception, a guard stop, or a relaxation/NEB that did not reach its tolerance —
 * records NaN ({@code null} in the JSON) for the affected values and a one-line message under the
 * property's name in {@code errors}; the battery carries on. Where a property has several entries
 * (surfaces, interstitials, GSF lines, boundaries) an unconverged entry is NaN alone. When the
 * lattice constant fails, every property fails with "needs the lattice constant".</p>
 */
public final class DefectBattery {

    /** Progress of a battery run. Called on the running thread. */
    public interface Listener {
        /** Property {@code index} (0-based) of {@code count} starts. */
        default void started(Property property, int index, int count) {
        }

        /** It ended after {@code seconds}, with {@code error} null or the one-line failure message. */
        default void finished(Property property, int index, int count, double seconds, String error) {
        }
    }

    /** No progress reports. */
    public static final Listener QUIET = new Listener() {
    };

    private DefectBattery() {
    }

    /**
     * Runs the battery without progress reports.
     *
     * @see #run(Potential, String, LatticeType, double, BatteryOptions, Path, Listener)
     */
    public static BatteryResult run(Potential potential, String element, LatticeType lattice, double aGuess, BatteryOptions options,
                                    Path plotsDir) {
        return run(potential, element, lattice, aGuess, options, plotsDir, QUIET);
    }

    /**
     * Runs the battery.
     *
     * @param potential the potential (any {@link Potential}: classical, SNAP, a fitted model)
     * @param element   element symbol
     * @param lattice   bcc, fcc or hcp; null: the element's ground state ({@link ElementCrystals})
     * @param aGuess    starting lattice constant, Å; NaN: the element's tabulated one (converted to
     *                  {@code lattice} by volume) when known, else a scan of E(a)
     * @param options   properties and settings ({@link BatteryOptions#defaults}, {@link BatteryOptions#tiny})
     * @param plotsDir  folder for PNG plots, or null for none
     * @param listener  progress reports
     * @throws InputException for an unknown element, one the potential does not describe, a lattice
     *                        other than bcc/fcc/hcp, or a property that does not apply to the lattice
     */
    public static BatteryResult run(Potential potential, String element, LatticeType lattice, double aGuess, BatteryOptions options,
                                    Path plotsDir, Listener listener) {
        if (!Element.isSymbol(element)) {
            throw new InputException("unknown element '" + element + "'");
        }
        int z = Element.number(element);
        int[] species = potential.species();
        if (species.length > 0 && !contains(species, z)) {
            StringBuilder sb = new StringBuilder();
            for (int s : species) {
                sb.append(sb.length() == 0 ? "" : ", ").append(Element.symbol(s));
            }
            throw new InputException("the potential " + potential.describe() + " describes " + sb + ", not " + element);
        }
        if (lattice == null) {
            ElementCrystals.Entry e = ElementCrystals.of(element);
            if (e == null) {
                throw new InputException("no tabulated crystal structure for " + element + ": give the lattice (bcc, fcc or hcp)");
            }
            lattice = e.lattice();
        }
        if (lattice != LatticeType.BCC && lattice != LatticeType.FCC && lattice != LatticeType.HCP) {
            throw new InputException("the defect battery takes bcc, fcc or hcp, got " + lattice.label());
        }
        for (Property p : options.properties()) {
            if (!p.appliesTo(lattice)) {
                throw new InputException(p.label() + " is not defined for " + lattice.label() + " crystals");
            }
        }
        Run r = new Run(potential, element, lattice, Double.isNaN(aGuess) ? ElementCrystals.guess(element, lattice) : aGuess, options,
                plotsDir);
        return r.all(listener == null ? QUIET : listener);
    }

    /** The properties that run for {@code asked}: the lattice always, C_ij for the dislocations, in enum order. */
    static List<Property> plan(Set<Property> asked) {
        Set<Property> s = EnumSet.copyOf(asked.isEmpty() ? EnumSet.of(Property.LATTICE) : asked);
        s.add(Property.LATTICE);
        if (s.contains(Property.SCREW_CORE) || s.contains(Property.PEIERLS)) {
            s.add(Property.ELASTIC);
        }
        return new ArrayList<>(s);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    /** One line of a throwable: its message, or its class name. */
    static String oneLine(Throwable t) {
        String m = t.getMessage();
        String text = m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse("").trim();
        if (text.contains("cell lengths outside the cell")) {
            // the neighbor list's complaint about positions that ran away (NaN or huge)
            text += " (positions ran away: the relaxation or NEB blew up)";
        }
        if (t instanceof GuardedPotential.Failure || t instanceof InputException || t instanceof IllegalArgumentException) {
            return text;
        }
        return t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + text);
    }

    /** A failure of part of a property (its values are NaN already). */
    private static final class Partial extends RuntimeException {
        Partial(String message) {
            super(message, null, false, false);
        }
    }

    /** The state of one battery run. */
    private static final class Run {
        final Potential potential;
        final String element;
        final LatticeType lattice;
        final double aGuess;
        final BatteryOptions options;
        final Path plotsDir;
        final Map<String, Object> json = new LinkedHashMap<>();
        final Map<String, String> errors = new LinkedHashMap<>();
        final Map<String, Object> timings = new LinkedHashMap<>();
        final Map<String, String> plots = new LinkedHashMap<>();
        final List<String> plotErrors = new ArrayList<>();
        ReferenceCrystal crystal;
        String crystalError;
        ElasticConstants.Result elastic;
        VacancyFormation.Result vacancy;
        GuardedPotential guard;

        Run(Potential potential, String element, LatticeType lattice, double aGuess, BatteryOptions options, Path plotsDir) {
            this.potential = potential;
            this.element = element;
            this.lattice = lattice;
            this.aGuess = aGuess;
            this.options = options;
            this.plotsDir = plotsDir;
        }

        BatteryResult all(Listener listener) {
            long t0 = System.nanoTime();
            json.put("element", element);
            json.put("lattice", lattice.label());
            json.put("potential", potential.describe());
            List<Property> plan = plan(options.properties());
            for (int i = 0; i < plan.size(); i++) {
                Property p = plan.get(i);
                listener.started(p, i, plan.size());
                long s0 = System.nanoTime();
                placeholder(p);
                String error = null;
                try {
                    guard = new GuardedPotential(potential, options.timeLimit(), crystal == null ? Double.NaN : crystal.energyPerAtom());
                    compute(p);
                } catch (Partial e) {
                    error = e.getMessage();
                } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                    placeholder(p);   // values written before the failure are dropped
                    error = oneLine(e);
                } finally {
                    guard = null;
                }
                double sec = (System.nanoTime() - s0) * 1e-9;
                if (error != null) {
                    errors.put(p.label(), error);
                    if (p == Property.LATTICE && crystalError == null) {
                        crystalError = error;
                    }
                }
                timings.put(p.label(), sec);
                listener.finished(p, i, plan.size(), sec, error);
            }
            if (!plotErrors.isEmpty()) {
                errors.put("plots", String.join("; ", plotErrors));
            }
            json.put("errors", errors);
            json.put("timings_s", timings);
            json.put("total_seconds", (System.nanoTime() - t0) * 1e-9);
            if (plotsDir != null) {
                json.put("plots", plots);
            }
            return BatteryResult.of(json);
        }

        /** The crystal evaluated through the current guard. */
        ReferenceCrystal crystal() {
            if (crystal == null) {
                throw new Partial("needs the lattice constant, which failed: " + (crystalError == null ? "not computed" : crystalError));
            }
            return crystal.withPotential(guard);
        }

        void compute(Property p) {
            switch (p) {
                case LATTICE -> lattice();
                case ELASTIC -> elastic();
                case VACANCY -> vacancy();
                case MIGRATION -> migration();
                case INTERSTITIALS -> interstitials();
                case SURFACES -> surfaces();
                case GSF -> gsf();
                case GAMMA_SURFACE -> gammaSurface();
                case SCREW_CORE -> screwCore();
                case PEIERLS -> peierls();
                case GB -> grainBoundaries();
                default -> throw new IllegalStateException("unknown property " + p);
            }
        }

        /** The keys of a property with NaN values (what a failure leaves). */
        void placeholder(Property p) {
            switch (p) {
                case LATTICE -> {
                    json.put("lattice_constant_a", Double.NaN);
                    if (lattice == LatticeType.HCP) {
                        json.put("lattice_constant_c", Double.NaN);
                    }
                    json.put("cohesive_energy_ev", Double.NaN);
                    json.put("bulk_modulus_gpa", Double.NaN);
                    json.remove("equation_of_state");
                }
                case ELASTIC -> {
                    json.remove("mechanically_stable");
                    for (String k : lattice == LatticeType.HCP ? List.of("c11", "c12", "c13", "c33", "c44", "c66") : List.of("c11", "c12", "c44")) {
                        json.put(k + "_gpa", Double.NaN);
                    }
                }
                case VACANCY -> json.put("vacancy_formation_ev", Double.NaN);
                case MIGRATION -> {
                    json.put("vacancy_migration_ev", Double.NaN);
                    json.remove("vacancy_migration_profile");
                }
                case INTERSTITIALS -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (var s : options.interstitials().sites()) {
                        m.put(s.label(), Double.NaN);
                    }
                    json.put("interstitial_formation_ev", m);
                    json.remove("interstitial_final_configuration");
                }
                case SURFACES -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (String plane : options.surfaces().planes()) {
                        m.put(plane, Double.NaN);
                    }
                    json.put("surface_energy_j_m2", m);
                }
                case GSF -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (String key : gsfKeys(options.gsf().lines())) {
                        Map<String, Object> c = new LinkedHashMap<>();
                        c.put("unstable_mj_m2", Double.NaN);
                        c.put("intrinsic_mj_m2", Double.NaN);
                        m.put(key, c);
                    }
                    json.put("gsf", m);
                }
                case GAMMA_SURFACE -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("plane", options.gammaSurface().line().plane());
                    m.put("max_mj_m2", Double.NaN);
                    json.put("gamma_surface", m);
                }
                case SCREW_CORE -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("polarity", Double.NaN);
                    m.put("compact", null);
                    json.put("screw_core", m);
                }
                case PEIERLS -> {
                    json.put("peierls_barrier_ev_per_b", Double.NaN);
                    json.put("peierls_barrier_humps", Double.NaN);
                    json.remove("peierls_barrier_profile");
                }
                case GB -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (GrainBoundaryEnergy.Tilt t : options.grainBoundaries().boundaries()) {
                        m.put(gbName(t), Double.NaN);
                    }
                    json.put("gb_energy_j_m2", m);
                }
                default -> throw new IllegalStateException("unknown property " + p);
            }
        }

        /** The name a boundary's energy is listed under (built with a = 1: no potential needed). */
        String gbName(GrainBoundaryEnergy.Tilt t) {
            try {
                return org.peierls.defects.TiltGrainBoundary.symmetric(lattice, element, 1.0, t.axis(), t.plane()).name();
            } catch (RuntimeException e) {
                return t.plane() + t.axis();
            }
        }

        void lattice() {
            EquationOfState.Result r;
            String note = null;
            try {
                r = EquationOfState.compute(guard, element, lattice, options.eos().withGuess(aGuess));
            } catch (InputException e) {
                if (Double.isNaN(aGuess)) {
                    throw e;
                }
                // no minimum within ±8 % of the guess: scan the whole range
                r = EquationOfState.compute(guard, element, lattice, options.eos().withGuess(Double.NaN));
                note = String.format(Locale.ROOT, "no minimum near a = %.3f Å; found by a scan", aGuess);
            }
            ReferenceCrystal c = r.crystal();
            if (!(r.bulkModulusGpa() > 0) || !Double.isFinite(r.bulkModulusGpa())) {
                crystalError = String.format(Locale.ROOT, "the equation of state at a = %.4f Å has B = %.3g GPa", c.a(), r.bulkModulusGpa());
            }
            json.put("lattice_constant_a", c.a());
            if (lattice == LatticeType.HCP) {
                json.put("lattice_constant_c", c.c());
            }
            json.put("cohesive_energy_ev", r.cohesiveEnergy());
            json.put("bulk_modulus_gpa", r.bulkModulusGpa());
            Map<String, Object> eos = new LinkedHashMap<>();
            eos.put("energy_per_atom_ev", c.energyPerAtom());
            eos.put("isolated_atom_energy_ev", r.isolatedAtom());
            eos.put("bulk_modulus_derivative", r.bulkModulusPrime());
            eos.put("volume_per_atom_a3", r.fitVolume());
            eos.put("fit_rms_mev_per_atom", r.fitRmsMev());
            eos.put("volumes_a3", r.volumes());
            eos.put("energies_ev_per_atom", r.energies());
            if (note != null) {
                eos.put("note", note);
            }
            json.put("equation_of_state", eos);
            if (crystalError != null) {
                throw new Partial(crystalError + " (not a stable crystal; the other properties are not computed)");
            }
            crystal = c.withPotential(potential);
            EquationOfState.Result res = r;
            plot(Property.LATTICE, "equation_of_state.png", () -> res.png(title("E(V)")));
        }

        void elastic() {
            ElasticConstants.Result r = ElasticConstants.compute(crystal(), options.elastic());
            json.put("c11_gpa", r.c11());
            json.put("c12_gpa", r.c12());
            if (lattice == LatticeType.HCP) {
                json.put("c13_gpa", r.c13());
                json.put("c33_gpa", r.c33());
            }
            json.put("c44_gpa", r.c44());
            if (lattice == LatticeType.HCP) {
                json.put("c66_gpa", r.c66());
            }
            json.put("mechanically_stable", bornStable(r, lattice));
            elastic = r;
        }

        void vacancy() {
            VacancyFormation.Result r = VacancyFormation.compute(crystal(), options.vacancy());
            if (!r.converged()) {
                throw new Partial("the vacancy relaxation did not converge");
            }
            json.put("vacancy_formation_ev", r.formationEnergy());
            vacancy = r;
        }

        void migration() {
            VacancyMigration.Result r = VacancyMigration.compute(crystal(), options.migration(), vacancy, (i, v, f, x) -> true);
            Map<String, Object> prof = new LinkedHashMap<>();
            double[] e = r.neb().energies();
            double[] rel = new double[e.length];
            for (int i = 0; i < e.length; i++) {
                rel[i] = e[i] - e[0];
            }
            prof.put("path_a", r.neb().pathLength());
            prof.put("energy_ev", rel);
            prof.put("converged", r.neb().converged());
            json.put("vacancy_migration_profile", prof);
            plot(Property.MIGRATION, "vacancy_migration.png", () -> r.png(title("vacancy migration")));
            if (!r.neb().converged()) {
                throw new Partial(String.format(Locale.ROOT, "the NEB did not converge (max force %.3g eV/Å after %d steps)",
                        r.neb().minimization().forceNorm(), r.neb().steps()));
            }
            json.put("vacancy_migration_ev", r.barrier());
        }

        void interstitials() {
            InterstitialFormation.Result r = InterstitialFormation.compute(crystal(), options.interstitials());
            Map<String, Object> e = new LinkedHashMap<>();
            Map<String, Object> fin = new LinkedHashMap<>();
            List<String> failed = new ArrayList<>();
            for (InterstitialFormation.Entry x : r.entries()) {
                e.put(x.start(), x.converged() ? x.formationEnergy() : Double.NaN);
                fin.put(x.start(), x.finalConfiguration());
                if (!x.converged()) {
                    failed.add(x.start());
                }
            }
            json.put("interstitial_formation_ev", e);
            json.put("interstitial_final_configuration", fin);
            if (!failed.isEmpty()) {
                throw new Partial("relaxation did not converge for " + String.join(", ", failed));
            }
        }

        void surfaces() {
            SurfaceEnergy.Result r = SurfaceEnergy.compute(crystal(), options.surfaces());
            Map<String, Object> e = new LinkedHashMap<>();
            List<String> failed = new ArrayList<>();
            for (SurfaceEnergy.Entry x : r.entries()) {
                e.put(x.plane(), x.converged() ? x.energyJm2() : Double.NaN);
                if (!x.converged()) {
                    failed.add("(" + x.plane() + ")");
                }
            }
            json.put("surface_energy_j_m2", e);
            if (!failed.isEmpty()) {
                throw new Partial("relaxation did not converge for " + String.join(", ", failed));
            }
        }

        void gsf() {
            StackingFaultEnergy.Result r = StackingFaultEnergy.compute(crystal(), options.gsf());
            List<String> keys = gsfKeys(options.gsf().lines());
            Map<String, Object> m = new LinkedHashMap<>();
            List<String> failed = new ArrayList<>();
            for (int k = 0; k < r.curves().size(); k++) {
                StackingFaultEnergy.Curve c = r.curves().get(k);
                Map<String, Object> j = c.toJson();
                if (!c.converged()) {
                    j.put("unstable_mj_m2", Double.NaN);
                    j.put("intrinsic_mj_m2", Double.NaN);
                    failed.add("{" + c.line().plane() + "}");
                } else if (!j.containsKey("intrinsic_mj_m2")) {
                    j.put("intrinsic_mj_m2", Double.NaN);
                }
                m.put(keys.get(k), j);
            }
            json.put("gsf", m);
            plot(Property.GSF, "gsf.png", () -> r.png(title("GSF")));
            if (!failed.isEmpty()) {
                throw new Partial("relaxation did not converge on " + String.join(", ", failed));
            }
        }

        void gammaSurface() {
            GammaSurface.Result r = GammaSurface.compute(crystal(), options.gammaSurface());
            Map<String, Object> j = r.toJson();
            if (!r.converged()) {
                j.put("max_mj_m2", Double.NaN);
            }
            json.put("gamma_surface", j);
            plot(Property.GAMMA_SURFACE, "gamma_surface.png", () -> r.png(title("γ-surface {" + r.line().plane() + "}")));
            if (!r.converged()) {
                throw new Partial("relaxation did not converge on every grid point");
            }
        }

        /** The elastic model the dislocations start from, and its name. */
        ElasticConstants.Result stableElastic() {
            ElasticConstants.Result c = elastic;
            return c == null || !bornStable(c, lattice) ? null : c;
        }

        void screwCore() {
            ElasticConstants.Result c = stableElastic();
            ScrewCore.Result r;
            String field = c == null ? "isotropic (ν = 0.3)" : "anisotropic (Stroh)";
            try {
                r = ScrewCore.compute(crystal(), c, options.screwCore());
            } catch (GuardedPotential.Failure e) {
                throw e;
            } catch (RuntimeException e) {
                if (c == null) {
                    throw e;
                }
                field = "isotropic (ν = 0.3; Stroh failed: " + oneLine(e) + ")";
                r = ScrewCore.compute(crystal(), null, options.screwCore());
            }
            Map<String, Object> m = new LinkedHashMap<>();
            boolean ok = r.converged();
            m.put("polarity", ok ? r.polarity()[0] : Double.NaN);
            m.put("polarity_second_core", ok ? r.polarity()[1] : Double.NaN);
            m.put("compact", ok ? r.type().equals("compact/non-degenerate") : null);
            m.put("type", ok ? r.type() : null);
            m.put("elastic_field", field);
            m.put("atoms", r.relaxed().size());
            json.put("screw_core", m);
            ScrewCore.Result res = r;
            plot(Property.SCREW_CORE, "screw_core_dd.png", () -> res.png(title("screw core DD map")));
            if (!ok) {
                throw new Partial("the quadrupole relaxation did not converge");
            }
        }

        void peierls() {
            ElasticConstants.Result c = stableElastic();
            PeierlsBarrier.Result r;
            try {
                r = PeierlsBarrier.compute(crystal(), c, options.peierls(), (i, v, f, x) -> true);
            } catch (GuardedPotential.Failure e) {
                throw e;
            } catch (RuntimeException e) {
                if (c == null) {
                    throw e;
                }
                r = PeierlsBarrier.compute(crystal(), null, options.peierls(), (i, v, f, x) -> true);
            }
            Map<String, Object> prof = new LinkedHashMap<>();
            prof.put("coordinate", r.coordinate());
            prof.put("energy_ev_per_b", r.profile());
            prof.put("end_difference_ev_per_b", r.endDifference());
            prof.put("shape", r.shape());
            prof.put("atoms", r.atoms());
            prof.put("converged", r.neb().converged());
            prof.put("elastic_field", c == null ? "isotropic (ν = 0.3)" : "anisotropic (Stroh)");
            json.put("peierls_barrier_profile", prof);
            PeierlsBarrier.Result res = r;
            plot(Property.PEIERLS, "peierls_barrier.png", () -> res.png(title("Peierls barrier")));
            if (!r.neb().converged()) {
                throw new Partial(String.format(Locale.ROOT, "the NEB did not converge (max force %.3g eV/Å after %d steps)",
                        r.neb().minimization().forceNorm(), r.neb().steps()));
            }
            json.put("peierls_barrier_ev_per_b", r.barrierPerB());
            json.put("peierls_barrier_humps", r.maxima());
        }

        void grainBoundaries() {
            GrainBoundaryEnergy.Result r = GrainBoundaryEnergy.compute(crystal(), options.grainBoundaries());
            Map<String, Object> e = new LinkedHashMap<>();
            List<String> failed = new ArrayList<>();
            for (GrainBoundaryEnergy.Entry x : r.entries()) {
                e.put(x.name(), x.converged() ? x.energyJm2() : Double.NaN);
                if (!x.converged()) {
                    failed.add(x.name());
                }
            }
            json.put("gb_energy_j_m2", e);
            plot(Property.GB, "gb_energy.png", () -> r.png(title("grain boundaries")));
            if (!failed.isEmpty()) {
                throw new Partial("relaxation did not converge for " + String.join(", ", failed));
            }
        }

        /** "what: Ta (bcc), potential" with the potential's description cut to 40 characters (titles of 720-pixel plots). */
        String title(String what) {
            String d = potential.describe();
            if (d.length() > 40) {
                d = d.substring(0, 39) + "…";
            }
            return what + ": " + element + " (" + lattice.label() + "), " + d;
        }

        /** Writes a plot; a failure to draw or write it is reported under "plots" and does not fail the property. */
        void plot(Property p, String file, Supplier<byte[]> png) {
            if (plotsDir == null) {
                return;
            }
            try {
                AtomicWrite.bytes(plotsDir.resolve(file), png.get());
                plots.put(p.label(), file);
            } catch (RuntimeException e) {
                plotErrors.add(file + ": " + oneLine(e));
            }
        }
    }

    /**
     * The Born stability criteria: cubic C11 − C12 &gt; 0, C11 + 2C12 &gt; 0, C44 &gt; 0; hcp C44 &gt; 0,
     * C11 &gt; |C12|, (C11 + C12)C33 &gt; 2C13² (Mouhat &amp; Coudert, PRB 90 (2014) 224104).
     */
    static boolean bornStable(ElasticConstants.Result c, LatticeType lattice) {
        if (lattice == LatticeType.HCP) {
            return c.c44() > 0 && c.c11() > Math.abs(c.c12()) && (c.c11() + c.c12()) * c.c33() > 2 * c.c13() * c.c13();
        }
        return c.c11() - c.c12() > 0 && c.c11() + 2 * c.c12() > 0 && c.c44() > 0;
    }

    /** JSON keys of GSF lines: the plane, or plane_direction where a plane occurs twice. */
    static List<String> gsfKeys(List<StackingFaultEnergy.Line> lines) {
        List<String> keys = new ArrayList<>();
        for (StackingFaultEnergy.Line l : lines) {
            int count = 0;
            for (StackingFaultEnergy.Line o : lines) {
                count += o.plane().equals(l.plane()) ? 1 : 0;
            }
            keys.add(count > 1 ? l.plane() + "_" + l.direction() : l.key());
        }
        return keys;
    }
}
