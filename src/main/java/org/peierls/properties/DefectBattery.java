package org.peierls.properties;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.peierls.atoms.Element;
import org.peierls.atoms.LatticeType;
import org.peierls.potential.Potential;
import org.peierls.util.InputException;

/**
 * The defect property battery: every property of {@link BatteryOptions#properties} for one
 * potential, element and lattice — each a {@link BatteryProperty} with its options — so that a
 * teacher potential and every model fitted to it are judged by the same numbers.
 *
 * <p>Order and dependencies ({@link BatteryProperties#plan}): the lattice constant (equation of
 * state) comes first, and every other property is measured on the crystal it finds; a property's
 * {@link BatteryProperty#needs} run before it (the elastic constants for the screw core and the
 * Peierls barrier, whose dislocation starts from the anisotropic Stroh field; with C_ij missing or
 * not mechanically stable the isotropic field is used and {@code elastic_field} says so); the
 * vacancy migration reuses the relaxed vacancy when that ran. Properties run as dependencies are
 * reported like the others.</p>
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
        default void started(BatteryProperty<?> property, int index, int count) {
        }

        /** It ended after {@code seconds}, with {@code error} null or the one-line failure message. */
        default void finished(BatteryProperty<?> property, int index, int count, double seconds, String error) {
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
        for (BatteryProperty<?> p : options.asked()) {
            if (!p.appliesTo(lattice)) {
                throw new InputException(p.id() + " is not defined for " + lattice.label() + " crystals");
            }
        }
        BatteryRun run = new BatteryRun(potential, element, lattice,
                Double.isNaN(aGuess) ? ElementCrystals.guess(element, lattice) : aGuess, plotsDir);
        return all(run, options, listener == null ? QUIET : listener);
    }

    private static BatteryResult all(BatteryRun run, BatteryOptions options, Listener listener) {
        long t0 = System.nanoTime();
        run.put("element", run.element());
        run.put("lattice", run.lattice().label());
        run.put("potential", run.potential().describe());
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> timings = new LinkedHashMap<>();
        List<BatteryProperty<?>> plan = BatteryProperties.plan(options.properties());
        for (int i = 0; i < plan.size(); i++) {
            BatteryProperty<?> p = plan.get(i);
            listener.started(p, i, plan.size());
            long s0 = System.nanoTime();
            String error = runOne(run, p, options);
            double sec = (System.nanoTime() - s0) * 1e-9;
            if (error != null) {
                errors.put(p.id(), error);
                if (p.id().equals(LatticeProperty.ID)) {
                    run.crystalFailed(error);
                }
            }
            timings.put(p.id(), sec);
            listener.finished(p, i, plan.size(), sec, error);
        }
        if (!run.plotErrors.isEmpty()) {
            errors.put("plots", String.join("; ", run.plotErrors));
        }
        run.put("errors", errors);
        run.put("timings_s", timings);
        run.put("total_seconds", (System.nanoTime() - t0) * 1e-9);
        if (run.plotsDir() != null) {
            run.put("plots", run.plots);
        }
        BatteryResult result = BatteryResult.of(run.json);
        result.structures.putAll(run.structures);
        return result;
    }

    /** Runs one property under its guard; returns its one-line error or null. */
    private static <O> String runOne(BatteryRun run, BatteryProperty<O> p, BatteryOptions options) {
        O o = options.options(p);
        p.placeholder(run, o);
        run.start(p.id(), options.timeLimit());
        try {
            p.compute(run, o);
            return null;
        } catch (BatteryProperty.PartialFailure e) {
            return e.getMessage();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            p.placeholder(run, o);   // values written before the failure are dropped
            return oneLine(e);
        } finally {
            run.finish();
        }
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
}
