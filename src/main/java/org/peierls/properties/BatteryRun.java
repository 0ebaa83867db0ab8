package org.peierls.properties;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.peierls.atoms.LatticeType;
import org.peierls.io.AtomicWrite;
import org.peierls.potential.Potential;

/**
 * The state of one {@link DefectBattery} run as a {@link BatteryProperty} sees it: the potential
 * (behind the guard of the property that runs), the element and lattice, the perfect crystal the
 * lattice constant found, the results of earlier properties, and the JSON document and plots
 * being written. Used by one thread.
 */
public final class BatteryRun {

    private final Potential potential;
    private final String element;
    private final LatticeType lattice;
    private final double aGuess;
    private final Path plotsDir;
    final Map<String, Object> json = new LinkedHashMap<>();
    final Map<String, String> plots = new LinkedHashMap<>();
    final List<String> plotErrors = new ArrayList<>();
    private final Map<Class<?>, Object> results = new LinkedHashMap<>();
    final Map<String, List<org.peierls.atoms.Structure>> structures = new LinkedHashMap<>();
    private ReferenceCrystal crystal;
    private String crystalError;
    private GuardedPotential guard;
    private String current;

    BatteryRun(Potential potential, String element, LatticeType lattice, double aGuess, Path plotsDir) {
        this.potential = potential;
        this.element = element;
        this.lattice = lattice;
        this.aGuess = aGuess;
        this.plotsDir = plotsDir;
    }

    /** The potential without the guard (what the crystal is stored with, for the next properties). */
    public Potential potential() {
        return potential;
    }

    /** The potential behind the running property's guard (time limit, collapse, non-finite values). */
    public Potential guarded() {
        return guard;
    }

    public String element() {
        return element;
    }

    public LatticeType lattice() {
        return lattice;
    }

    /** The folder plots are written to, or null. */
    Path plotsDir() {
        return plotsDir;
    }

    /** The starting lattice constant, Å (NaN: none). */
    public double latticeGuess() {
        return aGuess;
    }

    /**
     * The perfect crystal at the lattice constant the battery found, evaluated through the guard.
     *
     * @throws BatteryProperty.PartialFailure when the lattice constant failed
     */
    public ReferenceCrystal crystal() {
        if (crystal == null) {
            throw new BatteryProperty.PartialFailure("needs the lattice constant, which failed: "
                    + (crystalError == null ? "not computed" : crystalError));
        }
        return crystal.withPotential(guard);
    }

    /** Sets the perfect crystal (the lattice-constant property does). */
    public void setCrystal(ReferenceCrystal c) {
        crystal = c;
    }

    /** Records why the crystal is not usable; the message of every later {@link #crystal()} call. */
    public void crystalFailed(String why) {
        if (crystalError == null) {
            crystalError = why;
        }
    }

    /** Keeps structures of a property for the caller (not written to JSON), e.g. the NEB band of the Peierls barrier. */
    public void keep(String key, List<org.peierls.atoms.Structure> value) {
        structures.put(key, List.copyOf(value));
    }

    /** Keeps a result for later properties (e.g. the elastic constants for the dislocations). */
    public <T> void remember(Class<T> type, T value) {
        results.put(type, value);
    }

    /** A result an earlier property kept, or null. */
    public <T> T recall(Class<T> type) {
        return type.cast(results.get(type));
    }

    /** Writes a top-level key of the result. */
    public void put(String key, Object value) {
        json.put(key, value);
    }

    /** Removes a top-level key. */
    public void remove(String key) {
        json.remove(key);
    }

    /**
     * Writes a plot of the running property; a failure to draw or write it is reported under
     * "plots" and does not fail the property. The first plot is listed under the property's id,
     * any further one under its file name without ".png".
     */
    public void plot(String file, Supplier<byte[]> png) {
        if (plotsDir == null) {
            return;
        }
        try {
            AtomicWrite.bytes(plotsDir.resolve(file), png.get());
            // the first plot of a property under its id, further ones under their file's stem
            String key = plots.containsKey(current) && !file.equals(plots.get(current)) ? file.replaceFirst("\\.png$", "") : current;
            plots.put(key, file);
        } catch (RuntimeException e) {
            plotErrors.add(file + ": " + DefectBattery.oneLine(e));
        }
    }

    /** "what: Ta (bcc), potential" with the potential's description cut to 40 characters (titles of 720-pixel plots). */
    public String title(String what) {
        String d = potential.describe();
        if (d.length() > 40) {
            d = d.substring(0, 39) + "…";
        }
        return what + ": " + element + " (" + lattice.label() + "), " + d;
    }

    /** Starts a property: a fresh guard with the time limit, the collapse check once the crystal is known. */
    void start(String property, double timeLimit) {
        current = property;
        guard = new GuardedPotential(potential, timeLimit, crystal == null ? Double.NaN : crystal.energyPerAtom());
    }

    void finish() {
        guard = null;
        current = null;
    }
}
