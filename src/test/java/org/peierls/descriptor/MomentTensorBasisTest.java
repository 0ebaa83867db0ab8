package org.peierls.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The level-based basis against published numbers (the {@code alpha_scalar_moments} of MLIP-2's
 * untrained templates 02.mtp … 28.mtp) and against a brute-force evaluation of the contractions
 * it enumerates: each basis function computed from its graph by summing over every Cartesian
 * index assignment of explicit moment tensors, independently of the generated program.
 */
class MomentTensorBasisTest {

    /**
     * Number of basis functions ({@code alpha_scalar_moments}) of MLIP-2's level templates
     * 02.mtp, 04.mtp, …, 28.mtp (Novikov et al., Mach. Learn.: Sci. Technol. 2, 025002 (2021),
     * distributed with MLIP-2 in {@code untrained_mtps/}).
     */
    static final int[] PUBLISHED_COUNTS = {1, 2, 5, 9, 16, 29, 52, 92, 163, 288, 500, 864, 1464, 2445};

    @Test
    void basisFunctionCountsMatchThePublishedTemplates() {
        // the enumeration of every level (building the programs of levels 26 and 28 takes seconds)
        for (int q = 0; q < PUBLISHED_COUNTS.length; q++) {
            int level = 2 + 2 * q;
            assertEquals(PUBLISHED_COUNTS[q], LevelBasis.enumerate(level).size(), "level " + level);
        }
        // the programs up to level 24; the level-24 basis holds every lower one
        for (int level = 2; level <= 20; level += 2) {
            assertEquals(PUBLISHED_COUNTS[level / 2 - 1], MomentTensorBasis.ofLevel(level).size(), "level " + level);
        }
        MomentTensorBasis b24 = MomentTensorBasis.ofLevel(24);
        for (int q = 0; q <= 11; q++) {
            assertEquals(PUBLISHED_COUNTS[q], b24.countUpToLevel(2 + 2 * q), "functions of level ≤ " + (2 + 2 * q));
        }
    }

    /**
     * The programs of the small templates are known in full: 06.mtp has 5 basic components, 5
     * products, 8 moment slots and 2 radial functions; 08.mtp 11 basic, 14 products, 18 slots,
     * 2 radial functions; 10.mtp 25 basic, 42 products, 41 slots, 3 radial functions; the slot
     * counts of 12.mtp and 14.mtp are 84 and 174. Our contraction scheme reproduces these exactly
     * (beyond level 14 it differs from MLIP's, with the same basis functions).
     */
    @Test
    void smallProgramsHaveTheSizesOfMlipTemplates() {
        int[][] expect = {{6, 5, 5, 8, 2}, {8, 11, 14, 18, 2}, {10, 25, 42, 41, 3}};
        for (int[] e : expect) {
            MomentTensorBasis b = MomentTensorBasis.ofLevel(e[0]);
            assertEquals(e[1], b.basicCount(), "basic components, level " + e[0]);
            assertEquals(e[2], b.timesCount(), "products, level " + e[0]);
            assertEquals(e[3], b.slots(), "slots, level " + e[0]);
            assertEquals(e[4], b.radialFunctions(), "radial functions, level " + e[0]);
        }
        assertEquals(84, MomentTensorBasis.ofLevel(12).slots());
        assertEquals(174, MomentTensorBasis.ofLevel(14).slots());
    }

    @Test
    void radialFunctionsFollowTheLevel() {
        // μ ≤ (L − 2)/4 from lev(M_{μ,0}) = 2 + 4μ, capped at μ = 5
        for (int level = 2; level <= 20; level += 2) {
            int expected = Math.min(5, (level - 2) / 4) + 1;
            assertEquals(expected, MomentTensorBasis.ofLevel(level).radialFunctions(), "level " + level);
        }
    }

    /** Values of every slot from the public arrays: F[μ][j] radial values, u[j] unit vectors. */
    static double[] interpret(MomentTensorBasis b, double[][] f, double[][] u) {
        double[] m = new double[b.slots()];
        for (int q = 0; q < b.basicCount(); q++) {
            int[] bb = b.basic(q);
            double s = 0;
            for (int j = 0; j < u.length; j++) {
                s += f[bb[0]][j] * Math.pow(u[j][0], bb[1]) * Math.pow(u[j][1], bb[2]) * Math.pow(u[j][2], bb[3]);
            }
            m[q] = s;
        }
        for (int t = 0; t < b.timesCount(); t++) {
            int[] e = b.times(t);
            m[e[3]] += e[2] * m[e[0]] * m[e[1]];
        }
        double[] out = new double[b.size()];
        for (int a = 0; a < out.length; a++) {
            out[a] = m[b.scalarSlot(a)];
        }
        return out;
    }

    /** A contraction evaluated by brute force over all index assignments of its edges. */
    static double bruteForce(LevelBasis.Function fn, int[][] moments, double[][] f, double[][] u) {
        int k = fn.factors().length;
        // expand edges: index variable v joins vertices ends[v][0], ends[v][1]
        int nv = 0;
        for (int a = 0; a < k; a++) {
            for (int c = a + 1; c < k; c++) {
                nv += fn.edges()[a][c];
            }
        }
        int[][] ends = new int[nv][2];
        int q = 0;
        for (int a = 0; a < k; a++) {
            for (int c = a + 1; c < k; c++) {
                for (int x = 0; x < fn.edges()[a][c]; x++) {
                    ends[q][0] = a;
                    ends[q++][1] = c;
                }
            }
        }
        Map<String, Double> cache = new HashMap<>();
        int total = (int) Math.pow(3, nv);
        int[] idx = new int[nv];
        double sum = 0;
        for (int code = 0; code < total; code++) {
            int c = code;
            for (int v = 0; v < nv; v++) {
                idx[v] = c % 3;
                c /= 3;
            }
            double prod = 1;
            for (int a = 0; a < k; a++) {
                int[] counts = new int[3];
                for (int v = 0; v < nv; v++) {
                    if (ends[v][0] == a || ends[v][1] == a) {
                        counts[idx[v]]++;
                    }
                }
                int mu = moments[fn.factors()[a]][0];
                String key = mu + ":" + counts[0] + "," + counts[1] + "," + counts[2];
                Double val = cache.get(key);
                if (val == null) {
                    double s = 0;
                    for (int j = 0; j < u.length; j++) {
                        s += f[mu][j] * Math.pow(u[j][0], counts[0]) * Math.pow(u[j][1], counts[1])
                                * Math.pow(u[j][2], counts[2]);
                    }
                    val = s;
                    cache.put(key, val);
                }
                prod *= val;
            }
            sum += prod;
        }
        return sum;
    }

    static double[][] randomUnitVectors(int n, Random r) {
        double[][] u = new double[n][3];
        for (double[] v : u) {
            double x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian();
            double norm = Math.sqrt(x * x + y * y + z * z);
            v[0] = x / norm;
            v[1] = y / norm;
            v[2] = z / norm;
        }
        return u;
    }

    static double[][] randomRadial(int mus, int n, Random r) {
        double[][] f = new double[mus][n];
        for (double[] row : f) {
            for (int j = 0; j < n; j++) {
                row[j] = 0.2 + 0.3 * r.nextDouble();
            }
        }
        return f;
    }

    /**
     * Every generated basis function equals the full contraction of its graph, summed over all
     * 3^(edges) index assignments (relative 1e-11: sums of ≤ 3^8 products of O(1) numbers).
     */
    @ParameterizedTest(name = "level {0}")
    @ValueSource(ints = {8, 12, 16, 20})
    void programComputesTheEnumeratedContractions(int level) {
        MomentTensorBasis b = MomentTensorBasis.ofLevel(level);
        List<LevelBasis.Function> fns = LevelBasis.enumerate(level);
        assertEquals(b.size(), fns.size());
        int[][] moments = LevelBasis.moments(level);
        Random r = new Random(level);
        double[][] u = randomUnitVectors(7, r);
        double[][] f = randomRadial(b.radialFunctions(), 7, r);
        double[] values = interpret(b, f, u);
        for (int a = 0; a < fns.size(); a++) {
            LevelBasis.Function fn = fns.get(a);
            double brute = bruteForce(fn, moments, f, u);
            assertEquals(brute, values[a], 1e-11 * Math.max(1, Math.abs(brute)), "basis function " + a + " (level "
                    + fn.level() + ", " + fn.factors().length + " factors)");
            assertEquals(fn.level(), b.scalarLevel(a));
        }
    }

    /** The basis functions are invariant under a rotation of all neighbors (relative 1e-12). */
    @Test
    void basisFunctionsAreRotationInvariant() {
        MomentTensorBasis b = MomentTensorBasis.ofLevel(22);
        Random r = new Random(3);
        double[][] u = randomUnitVectors(9, r);
        double[][] f = randomRadial(b.radialFunctions(), 9, r);
        double[] rot = TestStructures.rotation(17);
        double[][] ur = new double[u.length][3];
        for (int j = 0; j < u.length; j++) {
            for (int k = 0; k < 3; k++) {
                ur[j][k] = rot[3 * k] * u[j][0] + rot[3 * k + 1] * u[j][1] + rot[3 * k + 2] * u[j][2];
            }
        }
        double[] v1 = interpret(b, f, u), v2 = interpret(b, f, ur);
        for (int a = 0; a < v1.length; a++) {
            assertEquals(v1[a], v2[a], 1e-12 * Math.max(1, Math.abs(v1[a])), "basis function " + a);
        }
        // and a rotation-dependent quantity really changes: a basic component with ν = 1
        assertTrue(Math.abs(u[0][0] - ur[0][0]) > 1e-3);
    }

    @Test
    void distinctFunctionsAreDistinct() {
        // no two basis functions share a slot, and their values on random data differ
        MomentTensorBasis b = MomentTensorBasis.ofLevel(16);
        Random r = new Random(5);
        double[] v = interpret(b, randomRadial(b.radialFunctions(), 6, r), randomUnitVectors(6, r));
        for (int a = 0; a < v.length; a++) {
            for (int c = a + 1; c < v.length; c++) {
                assertTrue(b.scalarSlot(a) != b.scalarSlot(c));
                assertTrue(Math.abs(v[a] - v[c]) > 1e-12 * Math.max(1, Math.abs(v[a])), "functions " + a + " and " + c);
            }
        }
    }

    @Test
    void inconsistentProgramsAreRejected() {
        int[][] basic = {{0, 0, 0, 0}, {0, 1, 0, 0}};
        assertThrows(IllegalArgumentException.class,
                () -> MomentTensorBasis.of(3, basic, new int[][]{{0, 0, 1, 1}}, new int[]{0}), "writes a basic slot");
        assertThrows(IllegalArgumentException.class,
                () -> MomentTensorBasis.of(3, basic, new int[][]{{0, 5, 1, 2}}, new int[]{2}), "slot out of range");
        assertThrows(IllegalArgumentException.class,
                () -> MomentTensorBasis.of(4, basic, new int[][]{{0, 0, 1, 2}, {2, 0, 1, 3}, {0, 1, 1, 2}},
                        new int[]{3}), "slot written after it was read");
        assertThrows(IllegalArgumentException.class,
                () -> MomentTensorBasis.of(3, basic, new int[0][], new int[]{2}), "mapped slot never written");
        assertThrows(IllegalArgumentException.class, () -> MomentTensorBasis.ofLevel(30));
        MomentTensorBasis ok = MomentTensorBasis.of(3, basic, new int[][]{{1, 1, 1, 2}}, new int[]{0, 2});
        assertEquals(2, ok.size());
        assertEquals(1, ok.radialFunctions());
    }
}
