package org.peierls.potential;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.peierls.potential.eam.EamPotential;
import org.peierls.potential.eam.Zhou2004;
import org.peierls.potential.pair.LennardJones;
import org.peierls.potential.pair.Morse;
import org.peierls.potential.pair.Zbl;
import org.peierls.util.InputException;

/**
 * Potential specifications as the command line takes them ({@code --potential}), one registry
 * entry per prefix:
 * <ul>
 * <li>{@code eam:FILE[,FILE…]} funcfl file(s), one element each (LAMMPS {@code pair_style eam});</li>
 * <li>{@code eam/alloy:FILE} setfl; {@code eam/fs:FILE} Finnis–Sinclair setfl;</li>
 * <li>{@code zhou2004:EL[,EL…]} the analytic Zhou–Johnson–Wadley 2004 EAM;</li>
 * <li>{@code lj:EPS,SIGMA,RCUT} shifted Lennard-Jones (eV, Å, Å), any element;</li>
 * <li>{@code morse:D0,ALPHA,R0,RCUT} shifted Morse (eV, 1/Å, Å, Å), any element;</li>
 * <li>{@code zbl:INNER,OUTER} ZBL repulsion with LAMMPS switching, charges = atomic numbers;</li>
 * <li>{@code snap:FILE.snapcoeff} and {@code snap:FILE.snap} (SNAP, provided by
 *     {@code org.peierls.model.ModelSpecs});</li>
 * <li>{@code mtp:FILE.mtp[:EL,EL…]} an MLIP-2 moment tensor potential, elements of its species 0,
 *     1, … unless the file names them (also {@code model.ModelSpecs}; a bare path ending in
 *     {@code .mtp} also works);</li>
 * <li>a bare path, or {@code fit:PATH}: the folder or {@code model.json} of a fitted model
 *     ({@code org.peierls.fit.ModelStore}).</li>
 * </ul>
 * A sum (hybrid/overlay) joins specs with {@code " + "}, e.g. {@code zbl:4.0,4.8 + eam/alloy:X}.
 * Packages above this one contribute specs as a {@link PotentialSpecProvider} (found with
 * {@code ServiceLoader} on first use); {@link #register} adds one in code.
 */
public final class PotentialSpecs {

    private static final Map<String, Function<String, Potential>> REGISTRY = new LinkedHashMap<>();
    /** Loaders of bare-path specs (see {@link #registerPathLoader}). */
    private static final List<Function<Path, Potential>> PATH_LOADERS = new ArrayList<>();
    /** Whether the {@link PotentialSpecProvider}s have been loaded. */
    private static boolean providersLoaded;

    static {
        register("eam", arg -> EamPotential.funcfl(paths(arg)));
        register("eam/alloy", arg -> EamPotential.alloy(path(arg)));
        register("eam/fs", arg -> EamPotential.finnisSinclair(path(arg)));
        register("zhou2004", arg -> Zhou2004.potential(List.of(items(arg))));
        register("lj", arg -> {
            double[] v = numbers("lj", arg, 3, "EPS,SIGMA,RCUT");
            return new LennardJones(v[0], v[1], v[2]);
        });
        register("morse", arg -> {
            double[] v = numbers("morse", arg, 4, "D0,ALPHA,R0,RCUT");
            return new Morse(v[0], v[1], v[2], v[3]);
        });
        register("zbl", arg -> {
            double[] v = numbers("zbl", arg, 2, "INNER,OUTER");
            return new Zbl(v[0], v[1]);
        });
    }

    /**
     * Adds a loader for specs that are a bare path (no prefix), e.g. the folder or JSON file of a
     * fitted model. The loader returns null when the path is not of its kind.
     */
    public static synchronized void registerPathLoader(Function<Path, Potential> loader) {
        PATH_LOADERS.add(loader);
    }

    private PotentialSpecs() {
    }

    /**
     * Adds (or replaces) the maker of potentials for {@code prefix:ARGUMENT} specs. The maker gets
     * the text after the colon and throws {@link InputException} for a bad argument.
     */
    public static synchronized void register(String prefix, Function<String, Potential> maker) {
        REGISTRY.put(prefix, maker);
    }

    /** The registered prefixes, in registration order (built-in ones first, then the providers'). */
    public static synchronized List<String> prefixes() {
        loadProviders();
        return new ArrayList<>(REGISTRY.keySet());
    }

    /** Adds the specs of every {@link PotentialSpecProvider} on the class path, once. */
    private static synchronized void loadProviders() {
        if (providersLoaded) {
            return;
        }
        providersLoaded = true;
        for (PotentialSpecProvider p : java.util.ServiceLoader.load(PotentialSpecProvider.class,
                PotentialSpecs.class.getClassLoader())) {
            p.specs().forEach(REGISTRY::putIfAbsent);
            PATH_LOADERS.add(p::fromPath);
        }
    }

    /**
     * The potential a spec names.
     *
     * @throws InputException naming the spec for an unknown prefix, a malformed argument or a bad file
     */
    public static Potential parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new InputException("empty potential spec (expected e.g. eam/alloy:Cu.eam.alloy or lj:0.0104,3.4,8.5)");
        }
        String[] terms = spec.split("\\s\\+\\s");
        if (terms.length > 1) {
            List<Potential> parts = new ArrayList<>();
            for (String t : terms) {
                parts.add(parseOne(t.trim()));
            }
            return new SumPotential(parts);
        }
        return parseOne(spec.trim());
    }

    private static Potential parseOne(String spec) {
        Potential byPath = fromPath(spec);
        if (byPath != null) {
            return byPath;
        }
        int colon = spec.indexOf(':');
        if (colon <= 0) {
            throw new InputException("potential spec '" + spec + "' has no prefix (expected one of "
                    + String.join(", ", prefixes()) + ", followed by ':')");
        }
        String prefix = spec.substring(0, colon).trim();
        String arg = spec.substring(colon + 1).trim();
        Function<String, Potential> maker;
        synchronized (PotentialSpecs.class) {
            loadProviders();
            maker = REGISTRY.get(prefix);
        }
        if (maker == null) {
            throw new InputException("unknown potential kind '" + prefix + "' in '" + spec + "' (known: "
                    + String.join(", ", prefixes()) + ")");
        }
        if (arg.isEmpty()) {
            throw new InputException("potential spec '" + spec + "' has nothing after '" + prefix + ":'");
        }
        return maker.apply(arg);
    }

    /** The potential of a bare path spec from the registered path loaders, or null. */
    private static Potential fromPath(String spec) {
        Path p;
        try {
            p = Path.of(spec);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
        if (!java.nio.file.Files.exists(p)) {
            return null;
        }
        List<Function<Path, Potential>> loaders;
        synchronized (PotentialSpecs.class) {
            loadProviders();
            loaders = new ArrayList<>(PATH_LOADERS);
        }
        for (Function<Path, Potential> l : loaders) {
            Potential pot = l.apply(p);
            if (pot != null) {
                return pot;
            }
        }
        throw new InputException("'" + spec + "' is a file or folder but not a potential Peierls can load"
                + " (a folder or model.json written by 'peierls fit'; or give a prefix, e.g. snap:FILE.snapcoeff)");
    }

    private static String[] items(String arg) {
        String[] t = arg.split(",");
        for (int i = 0; i < t.length; i++) {
            t[i] = t[i].trim();
        }
        return t;
    }

    private static Path path(String arg) {
        return Path.of(arg);
    }

    private static List<Path> paths(String arg) {
        List<Path> p = new ArrayList<>();
        for (String s : items(arg)) {
            p.add(Path.of(s));
        }
        return p;
    }

    private static double[] numbers(String prefix, String arg, int count, String names) {
        String[] t = items(arg);
        if (t.length != count) {
            throw new InputException(prefix + ":" + arg + " needs " + count + " numbers " + names + ", found " + t.length);
        }
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                v[i] = Double.parseDouble(t[i]);
            } catch (NumberFormatException e) {
                throw new InputException(prefix + ":" + arg + ": '" + t[i] + "' is not a number (expected " + names + ")");
            }
        }
        return v;
    }
}
