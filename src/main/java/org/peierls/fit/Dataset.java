package org.peierls.fit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.peierls.atoms.Frame;
import org.peierls.atoms.Labels;
import org.peierls.io.Formats;
import org.peierls.io.MlearnJson;
import org.peierls.util.InputException;
import org.peierls.util.NaturalOrder;

/**
 * Labelled configurations for a fit: each with its group and role (train/test), plus per-group
 * {@link Weights}. Immutable; the {@code with…} methods return copies.
 *
 * <p>Readers ({@link #read}): any format {@link Formats} reads — mlearn JSON (group = the record's
 * {@code group}; the yz/xz stress components of frames whose slot order is unknown are masked),
 * FitSNAP JSON (group = directory name), extxyz ({@code config_type} = group) — from files or
 * folders (read recursively in natural name order, files whose format cannot be told from the name
 * skipped).</p>
 */
public final class Dataset {

    private final List<Configuration> configs;
    private final Map<String, Weights> weights;
    private final Weights defaults;

    private Dataset(List<Configuration> configs, Map<String, Weights> weights, Weights defaults) {
        this.configs = List.copyOf(configs);
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        this.defaults = defaults;
    }

    /** A data set of configurations with default weights. */
    public static Dataset of(List<Configuration> configs) {
        return new Dataset(configs, Map.of(), Weights.DEFAULT);
    }

    /** Training configurations from frames, named {@code source#k}. */
    public static Dataset ofFrames(String source, List<Frame> frames) {
        List<Configuration> out = new ArrayList<>();
        for (int k = 0; k < frames.size(); k++) {
            out.add(configuration(frames.size() == 1 ? source : source + "#" + k, frames.get(k)));
        }
        return of(out);
    }

    /**
     * Reads files and folders; every configuration gets {@code role}.
     *
     * @throws InputException for unreadable input, or when nothing was read
     */
    public static Dataset read(List<Path> paths, Role role) {
        List<Configuration> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new InputException("no such file or folder: " + p);
            }
            if (Files.isDirectory(p)) {
                readFolder(p, out);
            } else {
                readFile(p, out);
            }
        }
        if (out.isEmpty()) {
            throw new InputException("no configurations in " + paths);
        }
        List<Configuration> roled = new ArrayList<>(out.size());
        for (Configuration c : out) {
            roled.add(c.withRole(role));
        }
        return of(roled);
    }

    /** Reads files and folders as training data. */
    public static Dataset read(Path... paths) {
        return read(List.of(paths), Role.TRAIN);
    }

    private static void readFolder(Path dir, List<Configuration> out) {
        List<Path> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = new ArrayList<>(s.toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        entries.sort((a, b) -> NaturalOrder.compare(a.getFileName().toString(), b.getFileName().toString()));
        for (Path p : entries) {
            if (p.getFileName().toString().startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(p)) {
                readFolder(p, out);
            } else if (readable(p)) {
                readFile(p, out);
            }
        }
    }

    private static boolean readable(Path p) {
        try {
            Formats.forPath(p);
            return true;
        } catch (InputException e) {
            return false;
        }
    }

    private static void readFile(Path p, List<Configuration> out) {
        List<Frame> frames = Formats.read(p);
        String name = p.toString();
        for (int k = 0; k < frames.size(); k++) {
            out.add(configuration(frames.size() == 1 ? name : name + "#" + k, frames.get(k)));
        }
    }

    /** A training configuration from a frame; mlearn frames with unknown yz/xz slot order lose those. */
    static Configuration configuration(String name, Frame f) {
        Object known = f.structure().info().get(MlearnJson.SHEAR_KNOWN);
        int mask = Boolean.FALSE.equals(known) ? Configuration.NO_YZ_XZ : Configuration.ALL_STRESS;
        return new Configuration(name, f.structure(), f.labels(), f.group(), Role.TRAIN, mask);
    }

    // ------------------------------------------------------------------ access

    public List<Configuration> configurations() {
        return configs;
    }

    public int size() {
        return configs.size();
    }

    public Configuration get(int k) {
        return configs.get(k);
    }

    /** Total number of atoms. */
    public long atoms() {
        long n = 0;
        for (Configuration c : configs) {
            n += c.atoms();
        }
        return n;
    }

    /** Group names in order of first appearance. */
    public List<String> groups() {
        LinkedHashSet<String> g = new LinkedHashSet<>();
        for (Configuration c : configs) {
            g.add(c.group());
        }
        return new ArrayList<>(g);
    }

    /** Indices of the configurations with a role. */
    public int[] indices(Role role) {
        int n = 0;
        for (Configuration c : configs) {
            if (c.role() == role) {
                n++;
            }
        }
        int[] out = new int[n];
        n = 0;
        for (int k = 0; k < configs.size(); k++) {
            if (configs.get(k).role() == role) {
                out[n++] = k;
            }
        }
        return out;
    }

    /** Number of configurations with a role. */
    public int count(Role role) {
        return indices(role).length;
    }

    /** Atomic numbers present, ascending. */
    public int[] elements() {
        java.util.TreeSet<Integer> z = new java.util.TreeSet<>();
        for (Configuration c : configs) {
            for (int v : c.structure().numbers()) {
                z.add(v);
            }
        }
        int[] out = new int[z.size()];
        int k = 0;
        for (int v : z) {
            out[k++] = v;
        }
        return out;
    }

    /** The weights of a group (the defaults when it has none of its own). */
    public Weights weights(String group) {
        return weights.getOrDefault(group, defaults);
    }

    /** The default weights. */
    public Weights defaultWeights() {
        return defaults;
    }

    /** The per-group weights set explicitly. */
    public Map<String, Weights> groupWeights() {
        return weights;
    }

    // ------------------------------------------------------------------ copies

    /**
     * A copy with these weights. Every group named must occur in the data.
     *
     * @throws InputException naming a group without configurations
     */
    public Dataset withWeights(Weights defaultWeights, Map<String, Weights> perGroup) {
        List<String> have = groups();
        for (String g : perGroup.keySet()) {
            if (!have.contains(g)) {
                throw new InputException("group '" + g + "' has weights but no configurations (groups: "
                        + String.join(", ", have) + ")");
            }
        }
        return new Dataset(configs, perGroup, defaultWeights);
    }

    /** A copy with the same weights for every group. */
    public Dataset withWeights(Weights all) {
        return new Dataset(configs, Map.of(), all);
    }

    /** This data set followed by another one's configurations (weights of this one). */
    public Dataset plus(Dataset other) {
        List<Configuration> all = new ArrayList<>(configs);
        all.addAll(other.configs);
        return new Dataset(all, weights, defaults);
    }

    /** A copy with new configurations (same weights). */
    public Dataset withConfigurations(List<Configuration> newConfigs) {
        return new Dataset(newConfigs, weights, defaults);
    }

    /** A copy with the roles given per configuration {@code [size()]}. */
    public Dataset withRoles(Role[] roles) {
        if (roles.length != configs.size()) {
            throw new IllegalArgumentException(roles.length + " roles for " + configs.size() + " configurations");
        }
        List<Configuration> out = new ArrayList<>(configs.size());
        for (int k = 0; k < roles.length; k++) {
            out.add(configs.get(k).withRole(roles[k]));
        }
        return withConfigurations(out);
    }

    /**
     * Moves a fraction of the training configurations of each group to the test set, chosen at
     * random with a seed: group g's count is round(fraction(g)·n_g), drawn by a shuffle seeded with
     * the seed and the group name, so that the split of one group does not depend on the others or
     * on the order of groups. Test and unused configurations keep their role.
     *
     * @param testFraction per group; groups not listed use {@code defaultFraction}
     */
    public Dataset split(Map<String, Double> testFraction, double defaultFraction, long seed) {
        Role[] roles = new Role[configs.size()];
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int k = 0; k < configs.size(); k++) {
            roles[k] = configs.get(k).role();
            if (roles[k] == Role.TRAIN) {
                byGroup.computeIfAbsent(configs.get(k).group(), g -> new ArrayList<>()).add(k);
            }
        }
        for (Map.Entry<String, List<Integer>> e : byGroup.entrySet()) {
            double f = testFraction.getOrDefault(e.getKey(), defaultFraction);
            if (!(f >= 0 && f <= 1)) {
                throw new InputException("test fraction of group '" + e.getKey() + "' must be in [0, 1], got " + f);
            }
            List<Integer> idx = e.getValue();
            int nTest = (int) Math.round(f * idx.size());
            int[] order = shuffled(idx.size(), seed ^ (e.getKey().hashCode() * 0x9E3779B97F4A7C15L));
            for (int q = 0; q < nTest; q++) {
                roles[idx.get(order[q])] = Role.TEST;
            }
        }
        return withRoles(roles);
    }

    /** A permutation of 0…n−1 (Fisher–Yates with a seeded SplittableRandom). */
    static int[] shuffled(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    // ------------------------------------------------------------------ checks

    /**
     * Checks the labels a fit needs: every training or test configuration has finite forces and
     * stress where present and an energy where energies are weighted.
     *
     * @throws InputException naming the configuration
     */
    public void checkLabels() {
        for (Configuration c : configs) {
            if (c.role() == Role.UNUSED) {
                continue;
            }
            Labels l = c.labels();
            if (l.isEmpty()) {
                throw new InputException(c.name() + ": configuration has no labels (energy, forces or stress)");
            }
            if (l.hasEnergy() && !Double.isFinite(l.energy())) {
                throw new InputException(c.name() + ": energy label is not finite (" + l.energy() + ")");
            }
            if (!l.hasEnergy() && weights(c.group()).energy() > 0 && c.role() == Role.TRAIN) {
                throw new InputException(c.name() + ": no energy label, but group '" + c.group()
                        + "' has energy weight " + weights(c.group()).energy());
            }
            if (l.hasForces()) {
                double[] f = l.forces();
                for (int k = 0; k < f.length; k++) {
                    if (!Double.isFinite(f[k])) {
                        throw new InputException(c.name() + ": force label of atom " + k / 3 + " is not finite (" + f[k] + ")");
                    }
                }
            }
            if (l.hasStress()) {
                for (double v : l.stress()) {
                    if (!Double.isFinite(v)) {
                        throw new InputException(c.name() + ": stress label is not finite (" + v + ")");
                    }
                }
            }
        }
    }
}
