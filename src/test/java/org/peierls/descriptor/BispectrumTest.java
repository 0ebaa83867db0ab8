package org.peierls.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;

/**
 * Checks of the bispectrum against independent facts: finite differences of B itself, the
 * adjoint equal to Σ β·∂B/∂r, invariances, and closed forms for a lone atom and for 2J = 0.
 */
class BispectrumTest {

    static final int TA = 73;
    static final int W = 74;

    static BispectrumParameters ta(int twojmax) {
        return new BispectrumParameters(4.67637, twojmax, 0.99363, 0.0, true, false, false,
                new int[]{TA}, new double[]{0.5}, new double[]{1.0});
    }

    static BispectrumParameters taW(int twojmax) {
        return new BispectrumParameters(4.7, twojmax, 0.97, 0.3, true, true, false,
                new int[]{TA, W}, new double[]{0.5, 0.44}, new double[]{1.0, 0.72});
    }

    /** Parameter sets spanning the flags: 2J even/odd, bzero, bnorm, switch off, rmin0, two elements. */
    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of("Ta 2J=6", ta(6), 0),
                Arguments.of("Ta 2J=8 bzero", ta(8).withFlags(true, true, false), 0),
                Arguments.of("Ta 2J=5 bnorm", ta(5).withFlags(true, false, true), 0),
                Arguments.of("Ta 2J=4 no switch", ta(4).withFlags(false, false, false), 0),
                Arguments.of("TaW 2J=6 rmin0", taW(6), W),
                Arguments.of("TaW 2J=7 bnorm", taW(7).withFlags(true, true, true), W));
    }

    static NeighborList full(Structure s, double cut) {
        return NeighborList.build(s, cut, NeighborList.Kind.FULL);
    }

    /** ∂B_i/∂x_m from the gradient entries, [3N][N·size]: index [3m+l][i·size+k]. */
    static double[][] assemble(DescriptorGradients g) {
        int n = g.atoms(), m = g.size();
        double[][] d = new double[3 * n][n * m];
        for (int i = 0; i < n; i++) {
            for (int e = g.offsets()[i]; e < g.offsets()[i + 1]; e++) {
                int j = g.neighbors()[e];
                for (int l = 0; l < 3; l++) {
                    for (int k = 0; k < m; k++) {
                        double v = g.derivatives()[(3 * e + l) * m + k];
                        d[3 * j + l][i * m + k] += v;
                        d[3 * i + l][i * m + k] -= v;
                    }
                }
            }
        }
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void derivativesMatchFiniteDifferences(String name, BispectrumParameters p, int z2) {
        Bispectrum bis = new Bispectrum(p);
        // 2x2x2 bcc: 16 atoms in a cell narrower than twice the cutoff (periodic images count)
        Structure s = TestStructures.distortedBcc(TA, z2, 3.3, 2, 0.15, 11);
        double cut = bis.cutoff();
        NeighborList nl = full(s, cut + 0.5);
        DescriptorGradients g = bis.gradients(s, nl);
        double[][] analytic = assemble(g);
        // the values of gradients() are those of compute()
        double[] b = bis.compute(s, nl);
        for (int q = 0; q < b.length; q++) {
            assertEquals(b[q], g.values()[q], 1e-12 * (1 + Math.abs(b[q])));
        }
        double h = 1e-5;
        double scale = 0;
        for (double[] row : analytic) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double[] x = s.positions();
        double worst = 0;
        for (int m : new int[]{0, 3, 6, 13}) {
            for (int l = 0; l < 3; l++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[3 * m + l] += h;
                xm[3 * m + l] -= h;
                // the same list (pairs unchanged): displacements follow the positions
                double[] bp = bis.compute(s.withPositions(xp), nl);
                double[] bm = bis.compute(s.withPositions(xm), nl);
                for (int q = 0; q < b.length; q++) {
                    double fd = (bp[q] - bm[q]) / (2 * h);
                    worst = Math.max(worst, Math.abs(fd - analytic[3 * m + l][q]));
                }
            }
        }
        // central differences with h = 1e-5 Å: truncation ~h²·B''' and round-off ~1e-16·|B|/h,
        // both below 1e-7 of the largest derivative here
        assertTrue(worst < 1e-7 * scale, name + ": worst |FD − analytic| = " + worst + " of scale " + scale);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void adjointEqualsBetaTimesGradient(String name, BispectrumParameters p, int z2) {
        Bispectrum bis = new Bispectrum(p);
        Structure s = TestStructures.distortedBcc(TA, z2, 3.3, 2, 0.15, 12);
        NeighborList nl = full(s, bis.cutoff());
        Random r = new Random(5);
        double[] beta = new double[s.size() * bis.size()];
        for (int q = 0; q < beta.length; q++) {
            beta[q] = r.nextGaussian();
        }
        double[] f = new double[3 * s.size()];
        double[] w = new double[6];
        bis.backpropagate(s, nl, beta, f, w);
        DescriptorGradients g = bis.gradients(s, nl);
        double[] fg = g.forces(beta);
        double[] wg = g.virial(beta);
        double scale = 0;
        for (double v : fg) {
            scale = Math.max(scale, Math.abs(v));
        }
        // two exact evaluations of the same sums in different orders: agree to round-off
        for (int q = 0; q < f.length; q++) {
            assertEquals(fg[q], f[q], 1e-11 * scale, name + " force " + q);
        }
        double ws = 0;
        for (double v : wg) {
            ws = Math.max(ws, Math.abs(v));
        }
        for (int v = 0; v < 6; v++) {
            assertEquals(wg[v], w[v], 1e-11 * ws, name + " virial " + v);
        }
    }

    @Test
    void rotationTranslationAndPermutationInvariance() {
        Bispectrum bis = new Bispectrum(taW(8));
        Structure s = TestStructures.distortedBcc(TA, W, 3.3, 3, 0.2, 3);
        double[] b = bis.compute(s, full(s, bis.cutoff()));
        Structure rot = TestStructures.rotated(s, TestStructures.rotation(99), new double[]{0.3, -1.7, 2.2});
        double[] br = bis.compute(rot, full(rot, bis.cutoff()));
        double scale = 0;
        for (double v : b) {
            scale = Math.max(scale, Math.abs(v));
        }
        // B is invariant; the rotated cell only changes round-off (1e-12 of the largest component)
        for (int q = 0; q < b.length; q++) {
            assertEquals(b[q], br[q], 1e-12 * scale, "rotation, component " + q);
        }
        int n = s.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (7 * i + 3) % n; // 7 is coprime to 54
        }
        Structure perm = s.permuted(order);
        double[] bp = bis.compute(perm, full(perm, bis.cutoff()));
        int m = bis.size();
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < m; c++) {
                assertEquals(b[order[k] * m + c], bp[k * m + c], 1e-12 * scale, "permutation");
            }
        }
        // wrapping atoms into the cell does not change anything either
        Structure wrapped = TestStructures.rotated(s, new double[]{1, 0, 0, 0, 1, 0, 0, 0, 1},
                new double[]{5.0, -4.0, 3.0}).wrapped();
        double[] bw = bis.compute(wrapped, full(wrapped, bis.cutoff()));
        for (int q = 0; q < b.length; q++) {
            assertEquals(b[q], bw[q], 1e-12 * scale, "translation + wrap");
        }
    }

    @Test
    void loneAtomHasTheBzeroValues() {
        // an isolated atom: U_j = δ(ma,mb) (wself = 1), so B_{j1 j2 j} = j+1 — exactly LAMMPS's bzero —
        // and, with bzeroflag, 0
        Structure lone = new Structure(Cell.orthorhombic(30, 30, 30), new int[]{TA}, new double[]{1, 2, 3});
        Bispectrum plain = new Bispectrum(ta(8));
        BispectrumIndex ix = new BispectrumIndex(8);
        double[] b = plain.compute(lone, full(lone, plain.cutoff()));
        for (int k = 0; k < b.length; k++) {
            assertEquals(ix.bJ[k] + 1, b[k], 1e-12, "B_" + k + " of a lone atom");
        }
        double[] b0 = new Bispectrum(ta(8).withFlags(true, true, false)).compute(lone, full(lone, plain.cutoff()));
        for (double v : b0) {
            assertEquals(0.0, v, 1e-12);
        }
    }

    @Test
    void twoJZeroIsTheCubedDensity() {
        // 2J = 0: u^0 = 1, so B_000 = (wself + Σ_k w_k f_c(r_k))³
        BispectrumParameters p = taW(0).withFlags(true, false, false);
        Bispectrum bis = new Bispectrum(p);
        Structure s = TestStructures.distortedBcc(TA, W, 3.3, 2, 0.15, 4);
        NeighborList nl = full(s, bis.cutoff());
        double[] b = bis.compute(s, nl);
        double[] v = nl.vectors();
        int[] z = s.numbers();
        for (int i = 0; i < s.size(); i++) {
            double rho = 1.0;
            for (int k = nl.start(i); k < nl.end(i); k++) {
                int j = nl.neighbor(k);
                int ti = z[i] == TA ? 0 : 1, tj = z[j] == TA ? 0 : 1;
                double rc = p.cutoff(ti, tj);
                double r = Math.sqrt(v[3 * k] * v[3 * k] + v[3 * k + 1] * v[3 * k + 1] + v[3 * k + 2] * v[3 * k + 2]);
                if (r < rc) {
                    double fc = r <= p.rmin0() ? 1 : 0.5 * (Math.cos(Math.PI * (r - p.rmin0()) / (rc - p.rmin0())) + 1);
                    rho += p.wj()[tj] * fc;
                }
            }
            assertEquals(rho * rho * rho, b[i], 1e-12 * rho * rho * rho);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void simdKernelEqualsScalarKernel(String name, BispectrumParameters p, int z2) {
        // the test runner adds the module (pom.xml); only hardware without 4 double lanes may skip
        org.peierls.testutil.SharedData.require(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "the Vector API module (--add-modules jdk.incubator.vector)");
        org.peierls.testutil.SharedData.require(Bispectrum.VECTOR_API, "4-lane double SIMD (the jdk.incubator.vector module on a 256-bit machine)");
        Bispectrum simd = new Bispectrum(p, true);
        Bispectrum scalar = new Bispectrum(p, false);
        assertTrue(simd.simd() && !scalar.simd());
        // 54 atoms: a last batch of 2 atoms; rattling gives every atom its own neighbor count
        Structure s = TestStructures.distortedBcc(TA, z2, 3.3, 3, 0.3, 17);
        NeighborList nl = full(s, simd.cutoff() + 0.7);
        double[] a = simd.compute(s, nl), b = scalar.compute(s, nl);
        double scale = 0;
        for (double v : b) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int q = 0; q < a.length; q++) {
            assertEquals(b[q], a[q], 1e-13 * scale, name + " B " + q);
        }
        Random r = new Random(9);
        double[] beta = new double[a.length];
        for (int q = 0; q < beta.length; q++) {
            beta[q] = r.nextGaussian();
        }
        double[] fa = new double[3 * s.size()], fb = new double[3 * s.size()], wa = new double[6], wb = new double[6];
        simd.backpropagate(s, nl, beta, fa, wa);
        scalar.backpropagate(s, nl, beta, fb, wb);
        double fs = 0;
        for (double v : fb) {
            fs = Math.max(fs, Math.abs(v));
        }
        // the same sums in another order: round-off only
        for (int q = 0; q < fa.length; q++) {
            assertEquals(fb[q], fa[q], 1e-12 * fs, name + " force " + q);
        }
        for (int v = 0; v < 6; v++) {
            assertEquals(wb[v], wa[v], 1e-12 * fs * s.size(), name + " virial " + v);
        }
        int m = simd.size();
        Descriptor.AtomEnergy model = (t, bb, o, be, bo) -> {
            double e = 0;
            for (int k = 0; k < m; k++) {
                be[bo + k] = 0.01 * (k + 1) * (t + 1) + 1e-4 * bb[o + k];
                e += (0.01 * (k + 1) * (t + 1) + 0.5e-4 * bb[o + k]) * bb[o + k];
            }
            return e;
        };
        double[] ea = new double[s.size()], eb = new double[s.size()];
        fa = new double[3 * s.size()];
        fb = new double[3 * s.size()];
        double ta = simd.computeAndBackpropagate(s, nl, model, fa, wa, ea);
        double tb = scalar.computeAndBackpropagate(s, nl, model, fb, wb, eb);
        assertEquals(tb, ta, 1e-13 * Math.abs(tb));
        for (int q = 0; q < fa.length; q++) {
            assertEquals(fb[q], fa[q], 1e-12 * fs * 10, name + " fused force " + q);
        }
    }

    @Test
    void componentCountsAreLammps() {
        assertEquals(30, new Bispectrum(ta(6)).size());
        assertEquals(55, new Bispectrum(ta(8)).size());
    }

    @Test
    void resultsDoNotDependOnThreadCount() {
        Bispectrum bis = new Bispectrum(taW(6));
        Structure s = TestStructures.distortedBcc(TA, W, 3.3, 4, 0.2, 8);
        NeighborList nl = full(s, bis.cutoff());
        int before = org.peierls.util.Parallel.threads();
        try {
            org.peierls.util.Parallel.setThreads(1);
            double[] f1 = new double[3 * s.size()];
            double[] w1 = new double[6];
            double e1 = bis.computeAndBackpropagate(s, nl, (t, b, o, beta, bo) -> {
                double e = 0;
                for (int k = 0; k < 30; k++) {
                    beta[bo + k] = 0.01 * (k + 1) * (t + 1);
                    e += beta[bo + k] * b[o + k];
                }
                return e;
            }, f1, w1, null);
            org.peierls.util.Parallel.setThreads(2);
            double[] f2 = new double[3 * s.size()];
            double[] w2 = new double[6];
            double e2 = bis.computeAndBackpropagate(s, nl, (t, b, o, beta, bo) -> {
                double e = 0;
                for (int k = 0; k < 30; k++) {
                    beta[bo + k] = 0.01 * (k + 1) * (t + 1);
                    e += beta[bo + k] * b[o + k];
                }
                return e;
            }, f2, w2, null);
            // chunks depend on N only and pair terms are summed serially: bit-identical
            assertEquals(e1, e2, 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(f1, f2, 0.0);
            org.junit.jupiter.api.Assertions.assertArrayEquals(w1, w2, 0.0);
        } finally {
            org.peierls.util.Parallel.setThreads(before);
        }
    }
}
