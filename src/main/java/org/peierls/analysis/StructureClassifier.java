package org.peierls.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.peierls.atoms.Structure;
import org.peierls.io.Json;
import org.peierls.util.InputException;
import org.peierls.util.Parallel;

/**
 * Data-centric structure identification (Chung, Freitas, Cheon &amp; Reed, Phys. Rev. Materials 6,
 * 043801 (2022)): a small neural network that names an atom's structure from rotation- and
 * scale-invariant descriptors of its neighborhood, trained on perfect lattices heated by MD up to
 * and past melting and on the liquid ({@code properties.ThermalLattices}). Template methods (CNA, PTM)
 * compare with an ideal polyhedron and give up on the thermally displaced atoms near T_m; a
 * classifier trained on the thermal distribution of each phase does not.
 *
 * <p>Descriptors per atom ({@value #FEATURES}): Steinhardt q<sub>l</sub>, l = 4, 6, 8, 10, 12, over
 * the 12 and over the 14 nearest neighbors (the fcc/hcp shell and the bcc double shell), and the
 * 13th and 15th neighbor distances over the mean of the first 12 (1.41 / 1.41 in fcc, 1.15 / 1.63
 * in bcc); then each of these averaged over the atom and its 12 nearest neighbors (the averaging
 * of Lechner &amp; Dellago, J. Chem. Phys. 129, 114707 (2008), that separates the phases' thermal
 * clouds). Classes: fcc, hcp, bcc and other (the liquid).</p>
 *
 * <p>Network: standardised inputs, one tanh hidden layer of {@value #HIDDEN}, softmax output;
 * cross-entropy minimised by mini-batch Adam, seeded, so the same data give the same model.</p>
 */
public final class StructureClassifier {

    /** Descriptors per atom. */
    public static final int FEATURES = 24;

    static final int HIDDEN = 16;
    static final int[] DEGREES = {4, 6, 8, 10, 12};

    /** The bundled model's resource, made by {@code properties.ThermalLattices.main}. */
    static final String RESOURCE = "/org/peierls/analysis/structure-classifier.json";

    private final String[] classes;
    private final double[] mean, scale;
    private final double[] w1, b1, w2, b2;   // w1 [HIDDEN][FEATURES], w2 [classes][HIDDEN]

    private StructureClassifier(String[] classes, double[] mean, double[] scale, double[] w1, double[] b1, double[] w2, double[] b2) {
        this.classes = classes;
        this.mean = mean;
        this.scale = scale;
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.b2 = b2;
    }

    public List<String> classes() {
        return List.of(classes);
    }

    /** The descriptors of every atom, [N][FEATURES]. */
    public static double[][] features(Structure s) {
        int n = s.size();
        double[][] q12 = Steinhardt.compute(s, DEGREES, 12, Double.POSITIVE_INFINITY);
        double[][] q14 = Steinhardt.compute(s, DEGREES, 14, Double.POSITIVE_INFINITY);
        NeighborShells shells = NeighborShells.reaching(s, 15);
        int own = FEATURES / 2;
        double[][] f = new double[n][FEATURES];
        int[][] nearest = new int[n][];
        int chunks = Parallel.chunks(n, 256);
        Parallel.forEachChunk(chunks, c -> {
            NeighborShells.Shell sh = new NeighborShells.Shell();
            for (int i = Parallel.chunkStart(n, chunks, c); i < Parallel.chunkStart(n, chunks, c + 1); i++) {
                sh.load(shells, i);
                for (int d = 0; d < DEGREES.length; d++) {
                    f[i][d] = q12[d][i];
                    f[i][DEGREES.length + d] = q14[d][i];
                }
                int k = Math.min(12, sh.n);
                double mean12 = 0;
                for (int m = 0; m < k; m++) {
                    mean12 += Math.sqrt(sh.d2[m]);
                }
                mean12 = k > 0 ? mean12 / k : 1;
                f[i][2 * DEGREES.length] = sh.n > 12 ? Math.sqrt(sh.d2[12]) / mean12 : 2;
                f[i][2 * DEGREES.length + 1] = sh.n > 14 ? Math.sqrt(sh.d2[14]) / mean12 : 2;
                nearest[i] = java.util.Arrays.copyOf(sh.j, k);
            }
        });
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < own; d++) {
                double sum = f[i][d];
                for (int j : nearest[i]) {
                    sum += f[j][d];
                }
                f[i][own + d] = sum / (1 + nearest[i].length);
            }
        }
        return f;
    }

    /** The class of every atom of {@code s}. */
    public String[] classify(Structure s) {
        if (s.size() == 0) {
            throw new InputException("the structure has no atoms to classify");
        }
        double[][] f = features(s);
        String[] out = new String[f.length];
        double[] h = new double[HIDDEN], p = new double[classes.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = classes[argmax(forward(f[i], h, p))];
        }
        return out;
    }

    /** Class probabilities of one descriptor vector (h, p: scratch). */
    private double[] forward(double[] x, double[] h, double[] p) {
        for (int u = 0; u < HIDDEN; u++) {
            double a = b1[u];
            for (int k = 0; k < FEATURES; k++) {
                a += w1[u * FEATURES + k] * (x[k] - mean[k]) / scale[k];
            }
            h[u] = Math.tanh(a);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes.length; c++) {
            double a = b2[c];
            for (int u = 0; u < HIDDEN; u++) {
                a += w2[c * HIDDEN + u] * h[u];
            }
            p[c] = a;
            max = Math.max(max, a);
        }
        double z = 0;
        for (int c = 0; c < classes.length; c++) {
            p[c] = Math.exp(p[c] - max);
            z += p[c];
        }
        for (int c = 0; c < classes.length; c++) {
            p[c] /= z;
        }
        return p;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /** One labelled configuration: every atom of it has the class {@code label}. */
    public record Sample(Structure structure, String label) {
    }

    /**
     * Trains on labelled configurations.
     *
     * @param epochs passes of mini-batch Adam over the atoms
     */
    public static StructureClassifier train(List<Sample> samples, int epochs, long seed) {
        List<String> names = new ArrayList<>();
        List<double[]> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (Sample s : samples) {
            if (!names.contains(s.label())) {
                names.add(s.label());
            }
            int c = names.indexOf(s.label());
            for (double[] f : features(s.structure())) {
                x.add(f);
                y.add(c);
            }
        }
        int m = x.size(), nc = names.size();
        if (nc < 2) {
            throw new InputException("structure classifier: the training set needs at least two classes, got " + names);
        }
        double[] mean = new double[FEATURES], scale = new double[FEATURES];
        for (double[] f : x) {
            for (int k = 0; k < FEATURES; k++) {
                mean[k] += f[k] / m;
            }
        }
        for (double[] f : x) {
            for (int k = 0; k < FEATURES; k++) {
                scale[k] += (f[k] - mean[k]) * (f[k] - mean[k]) / m;
            }
        }
        for (int k = 0; k < FEATURES; k++) {
            scale[k] = Math.sqrt(scale[k]) + 1e-9;
        }
        // class weights: each class counts equally, whatever its number of atoms
        double[] classWeight = new double[nc];
        for (int c : y) {
            classWeight[c]++;
        }
        for (int c = 0; c < nc; c++) {
            classWeight[c] = m / (nc * classWeight[c]);
        }
        Random rnd = new Random(seed);
        int p1 = HIDDEN * FEATURES, p2 = nc * HIDDEN;
        int np = p1 + HIDDEN + p2 + nc;
        double[] theta = new double[np];
        for (int k = 0; k < p1; k++) {
            theta[k] = rnd.nextGaussian() / Math.sqrt(FEATURES);
        }
        for (int k = 0; k < p2; k++) {
            theta[p1 + HIDDEN + k] = rnd.nextGaussian() / Math.sqrt(HIDDEN);
        }
        double[] mAdam = new double[np], vAdam = new double[np], grad = new double[np];
        double lr = 0.01, beta1 = 0.9, beta2 = 0.999;
        int batch = 256;
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        double[] z = new double[FEATURES], h = new double[HIDDEN], p = new double[nc], dh = new double[HIDDEN];
        long t = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = m - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int start = 0; start < m; start += batch) {
                int end = Math.min(m, start + batch);
                java.util.Arrays.fill(grad, 0);
                for (int b = start; b < end; b++) {
                    int i = order[b];
                    double[] f = x.get(i);
                    for (int k = 0; k < FEATURES; k++) {
                        z[k] = (f[k] - mean[k]) / scale[k];
                    }
                    for (int u = 0; u < HIDDEN; u++) {
                        double a = theta[p1 + u];
                        for (int k = 0; k < FEATURES; k++) {
                            a += theta[u * FEATURES + k] * z[k];
                        }
                        h[u] = Math.tanh(a);
                    }
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < nc; c++) {
                        double a = theta[p1 + HIDDEN + p2 + c];
                        for (int u = 0; u < HIDDEN; u++) {
                            a += theta[p1 + HIDDEN + c * HIDDEN + u] * h[u];
                        }
                        p[c] = a;
                        max = Math.max(max, a);
                    }
                    double sum = 0;
                    for (int c = 0; c < nc; c++) {
                        p[c] = Math.exp(p[c] - max);
                        sum += p[c];
                    }
                    double wgt = classWeight[y.get(i)] / (end - start);
                    java.util.Arrays.fill(dh, 0);
                    for (int c = 0; c < nc; c++) {
                        double g = (p[c] / sum - (c == y.get(i) ? 1 : 0)) * wgt;   // ∂(−log p_y)/∂logit_c
                        grad[p1 + HIDDEN + p2 + c] += g;
                        for (int u = 0; u < HIDDEN; u++) {
                            grad[p1 + HIDDEN + c * HIDDEN + u] += g * h[u];
                            dh[u] += g * theta[p1 + HIDDEN + c * HIDDEN + u];
                        }
                    }
                    for (int u = 0; u < HIDDEN; u++) {
                        double ga = dh[u] * (1 - h[u] * h[u]);
                        grad[p1 + u] += ga;
                        for (int k = 0; k < FEATURES; k++) {
                            grad[u * FEATURES + k] += ga * z[k];
                        }
                    }
                }
                t++;
                for (int k = 0; k < np; k++) {
                    grad[k] += 1e-4 * theta[k];   // weak L2 against saturating the tanh units
                    mAdam[k] = beta1 * mAdam[k] + (1 - beta1) * grad[k];
                    vAdam[k] = beta2 * vAdam[k] + (1 - beta2) * grad[k] * grad[k];
                    double mh = mAdam[k] / (1 - Math.pow(beta1, t)), vh = vAdam[k] / (1 - Math.pow(beta2, t));
                    theta[k] -= lr * mh / (Math.sqrt(vh) + 1e-8);
                }
            }
        }
        return new StructureClassifier(names.toArray(new String[0]), mean, scale, java.util.Arrays.copyOfRange(theta, 0, p1),
                java.util.Arrays.copyOfRange(theta, p1, p1 + HIDDEN), java.util.Arrays.copyOfRange(theta, p1 + HIDDEN, p1 + HIDDEN + p2),
                java.util.Arrays.copyOfRange(theta, p1 + HIDDEN + p2, np));
    }

    /** The JSON form (what {@link #read} reads). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "structure-classifier");
        m.put("reference", "Chung, Freitas, Cheon, Reed, PRM 6, 043801 (2022)");
        m.put("features", FEATURES);
        m.put("hidden", HIDDEN);
        m.put("classes", classes);
        m.put("mean", mean);
        m.put("scale", scale);
        m.put("w1", w1);
        m.put("b1", b1);
        m.put("w2", w2);
        m.put("b2", b2);
        return m;
    }

    static StructureClassifier fromJson(JsonNode j, String source) {
        if (j == null || !"structure-classifier".equals(j.path("kind").asText()) || j.path("features").asInt() != FEATURES
                || j.path("hidden").asInt() != HIDDEN) {
            throw new InputException(source + ": not a structure classifier of " + FEATURES + " features and " + HIDDEN + " hidden units");
        }
        String[] classes = Json.convert(j.get("classes"), String[].class);
        return new StructureClassifier(classes, arr(j, "mean", FEATURES, source), arr(j, "scale", FEATURES, source),
                arr(j, "w1", HIDDEN * FEATURES, source), arr(j, "b1", HIDDEN, source), arr(j, "w2", classes.length * HIDDEN, source),
                arr(j, "b2", classes.length, source));
    }

    private static double[] arr(JsonNode j, String key, int n, String source) {
        double[] v = j.has(key) ? Json.convert(j.get(key), double[].class) : null;
        if (v == null || v.length != n) {
            throw new InputException(source + ": '" + key + "' must hold " + n + " numbers");
        }
        for (double d : v) {
            if (!Double.isFinite(d)) {
                throw new InputException(source + ": '" + key + "' holds a non-finite number");
            }
        }
        return v;
    }

    public static StructureClassifier read(Path file) {
        return fromJson(Json.read(file), file.toString());
    }

    private static StructureClassifier bundled;

    /** The model bundled with Peierls (trained by {@code properties.ThermalLattices.main}). */
    public static synchronized StructureClassifier bundled() {
        if (bundled == null) {
            try (InputStream in = StructureClassifier.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled structure classifier " + RESOURCE + " is missing from the build");
                }
                bundled = fromJson(Json.mapper().readTree(in), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bundled;
    }
}
