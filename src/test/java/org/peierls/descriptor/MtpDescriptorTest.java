package org.peierls.descriptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.util.Parallel;

/**
 * The MTP descriptor against independent evaluations: the program interpreted on the neighbors of
 * one atom, finite differences of B (positions) and of the training functional (radial
 * coefficients), the adjoint equal to Σ β·∂B/∂r, the fit rows equal to those assembled from the
 * gradients, invariances and thread-count independence. Test cells: rattled, sheared two-element
 * bcc (16 atoms, narrower than twice the 5 Å cutoff, so atoms see their own images).
 */
class MtpDescriptorTest {

    static final int MO = 42, NB = 41;

    static MtpParameters twoElements(int level) {
        return MtpTesting.random(level, new int[]{MO, NB}, 1.9, 5.0, 6, 0.03, level);
    }

    static Structure cell(long seed) {
        return TestStructures.distortedBcc(MO, NB, 3.2, 2, 0.15, seed);
    }

    static NeighborList full(Structure s, double cut) {
        return NeighborList.build(s, cut, NeighborList.Kind.FULL);
    }

    @Test
    void valuesMatchTheProgramInterpretedOnOneAtom() {
        MtpParameters p = twoElements(12);
        MtpDescriptor d = new MtpDescriptor(p);
        Structure s = cell(1);
        NeighborList nl = full(s, 5.3);
        double[] b = d.compute(s, nl);
        int[] types = d.types(s);
        double[] vec = nl.vectorsFor(s);
        ChebyshevRadialBasis rb = p.radial();
        int k = p.basis().radialFunctions(), rs = rb.size();
        double[] c = p.radialCoefficients();
        for (int i : new int[]{0, 5}) {
            int count = 0;
            double[][] f = new double[k][200];
            double[][] u = new double[200][];
            double[] q = new double[rs], dq = new double[rs];
            for (int e = nl.offsetsArray()[i]; e < nl.offsetsArray()[i + 1]; e++) {
                double x = vec[3 * e], y = vec[3 * e + 1], z = vec[3 * e + 2];
                double r = Math.sqrt(x * x + y * y + z * z);
                if (r >= 5.0) {
                    continue;
                }
                rb.evaluate(r, q, dq, 0);
                int tj = types[nl.neighborsArray()[e]];
                for (int mu = 0; mu < k; mu++) {
                    double v = 0;
                    for (int kk = 0; kk < rs; kk++) {
                        v += c[p.index(types[i], tj, mu, kk)] * q[kk];
                    }
                    f[mu][count] = v;
                }
                u[count++] = new double[]{x / r, y / r, z / r};
            }
            double[][] fc = new double[k][];
            for (int mu = 0; mu < k; mu++) {
                fc[mu] = java.util.Arrays.copyOf(f[mu], count);
            }
            double[] expected = MomentTensorBasisTest.interpret(p.basis(), fc, java.util.Arrays.copyOf(u, count));
            for (int a = 0; a < expected.length; a++) {
                assertEquals(expected[a], b[i * d.size() + a], 1e-12 * Math.max(1, Math.abs(expected[a])),
                        "atom " + i + " function " + a);
            }
        }
    }

    /** ∂B_i/∂x_m from gradient entries: [3N][N·size]. */
    static double[][] assemble(DescriptorGradients g) {
        return BispectrumTest.assemble(g);
    }

    /**
     * ∂B/∂r from the forward derivatives against central differences of compute() (h = 1e-5 Å:
     * truncation ~h²·B‴ ≈ 1e-10, round-off ~1e-16·|B|/h ≈ 1e-11 for |B| ~ 10; tolerance 1e-7
     * relative to the largest derivative).
     */
    @Test
    void derivativesMatchFiniteDifferences() {
        MtpDescriptor d = new MtpDescriptor(twoElements(14));
        Structure s = cell(2);
        NeighborList nl = full(s, 5.3);
        DescriptorGradients g = d.gradients(s, nl);
        double[] b = d.compute(s, nl);
        for (int k = 0; k < b.length; k++) {
            assertEquals(b[k], g.values()[k], 1e-13 * Math.max(1, Math.abs(b[k])));
        }
        double[][] analytic = assemble(g);
        double scale = 0;
        for (double[] row : analytic) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double h = 1e-5;
        double[] x = s.positions();
        Random r = new Random(3);
        for (int trial = 0; trial < 6; trial++) {
            int m = r.nextInt(s.size());
            for (int l = 0; l < 3; l++) {
                double[] xp = x.clone(), xm = x.clone();
                xp[3 * m + l] += h;
                xm[3 * m + l] -= h;
                double[] bp = d.compute(s.withPositions(xp), nl);
                double[] bm = d.compute(s.withPositions(xm), nl);
                for (int k = 0; k < b.length; k++) {
                    double fd = (bp[k] - bm[k]) / (2 * h);
                    assertEquals(fd, analytic[3 * m + l][k], 1e-7 * scale, "∂B[" + k + "]/∂x[" + m + "," + l + "]");
                }
            }
        }
    }

    @Test
    void adjointEqualsBetaTimesDerivatives() {
        MtpDescriptor d = new MtpDescriptor(twoElements(16));
        Structure s = cell(3);
        NeighborList nl = full(s, 5.3);
        int n = s.size(), m = d.size();
        double[] beta = new double[n * m];
        Random r = new Random(4);
        for (int k = 0; k < beta.length; k++) {
            beta[k] = r.nextGaussian();
        }
        double[] f = new double[3 * n], w = new double[6];
        d.backpropagate(s, nl, beta, f, w);
        DescriptorGradients g = d.gradients(s, nl);
        double[] fe = g.forces(beta), we = g.virial(beta);
        double scale = 0;
        for (double v : fe) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k < f.length; k++) {
            assertEquals(fe[k], f[k], 1e-11 * scale, "force " + k);
        }
        for (int v = 0; v < 6; v++) {
            assertEquals(we[v], w[v], 1e-11 * scale * 10, "virial " + v);
        }
    }

    /**
     * The SIMD Jacobian (blocked over coordinates, fused multiply-adds) gives the fit rows of the
     * scalar one to rounding: 1e-12 of the largest entry of each row kind (the sums run in another order).
     */
    @Test
    void simdJacobianEqualsTheScalarOne() {
        org.peierls.testutil.SharedData.require(Bispectrum.VECTOR_API, "the jdk.incubator.vector module (surefire adds it)");
        MtpParameters p = twoElements(16);
        Structure s = cell(7);
        NeighborList nl = full(s, 5.3);
        DescriptorRows v = new MtpDescriptor(p, true).rows(s, nl), sc = new MtpDescriptor(p, false).rows(s, nl);
        assertTrue(3 * (nl.size() / s.size()) > 2 * MtpVectorKernel.BLOCK, "several coordinate blocks per atom");
        assertClose(sc.energy(), v.energy());
        assertClose(sc.forces(), v.forces());
        assertClose(sc.virial(), v.virial());
    }

    /**
     * The 4-lane MD path (program and adjoint for four atoms at once) gives the scalar path's
     * energies, forces and virial to rounding (1e-12 of the largest), with a last batch of fewer
     * than four atoms, for a non-linear site energy and for given β.
     */
    @Test
    void laneMdPathEqualsTheScalarOne() {
        org.peierls.testutil.SharedData.require(Bispectrum.VECTOR_API, "the jdk.incubator.vector module (surefire adds it)");
        MtpParameters p = twoElements(16);
        Structure full = cell(8);
        boolean[] keep = new boolean[full.size()];
        java.util.Arrays.fill(keep, true);
        keep[5] = false; // a vacancy: 15 atoms, so the last batch of four lanes is not full
        Structure s = full.select(keep);
        assertTrue(s.size() % MtpVectorKernel.LANES != 0, "cell of " + s.size() + " atoms");
        NeighborList nl = full(s, 5.3);
        MtpDescriptor v = new MtpDescriptor(p, true), sc = new MtpDescriptor(p, false);
        int n = s.size(), m = v.size();
        Descriptor.AtomEnergy energy = (type, b, off, beta, boff) -> {
            double e = 0.1 * type;
            for (int k = 0; k < m; k++) {
                e += 0.01 * (k % 7 - 3) * b[off + k] + 1e-3 * b[off + k] * b[off + k];
                beta[boff + k] = 0.01 * (k % 7 - 3) + 2e-3 * b[off + k];
            }
            return e;
        };
        double[] fa = new double[3 * n], fb = new double[3 * n], wa = new double[6], wb = new double[6];
        double[] ea = new double[n], eb = new double[n];
        double ta = v.computeAndBackpropagate(s, nl, energy, fa, wa, ea);
        double tb = sc.computeAndBackpropagate(s, nl, energy, fb, wb, eb);
        assertEquals(tb, ta, 1e-12 * Math.abs(tb));
        assertClose(eb, ea);
        assertClose(fb, fa);
        assertClose(wb, wa);
        double[] beta = new double[n * m];
        Random r = new Random(9);
        for (int k = 0; k < beta.length; k++) {
            beta[k] = r.nextGaussian();
        }
        double[] ga = new double[3 * n], gb = new double[3 * n], va = new double[6], vb = new double[6];
        v.backpropagate(s, nl, beta, ga, va);
        sc.backpropagate(s, nl, beta, gb, vb);
        assertClose(gb, ga);
        assertClose(vb, va);
    }

    /** Every entry within 1e-12 of the largest |expect| (rounding of sums run in another order). */
    private static void assertClose(double[] expect, double[] got) {
        double max = 0;
        for (double x : expect) {
            max = Math.max(max, Math.abs(x));
        }
        assertTrue(max > 0);
        for (int k = 0; k < expect.length; k++) {
            assertEquals(expect[k], got[k], 1e-12 * max, "entry " + k);
        }
    }

    @Test
    void fitRowsEqualRowsAssembledFromTheGradients() {
        MtpDescriptor d = new MtpDescriptor(twoElements(10));
        Structure s = cell(5);
        NeighborList nl = full(s, 5.3);
        DescriptorRows rows = d.rows(s, nl);
        DescriptorRows perType = DescriptorRows.of(d.gradients(s, nl), 2);
        int m = d.size();
        assertEquals(s.size(), rows.counts()[0], 0);
        for (int k = 0; k < m; k++) {
            assertEquals(perType.energy()[k] + perType.energy()[m + k], rows.energy()[k], 1e-12 * Math.abs(rows.energy()[k]) + 1e-12);
            for (int row = 0; row < 3 * s.size(); row++) {
                double expect = perType.forces()[row * 2 * m + k] + perType.forces()[row * 2 * m + m + k];
                assertEquals(expect, rows.forces()[row * m + k], 1e-11 * Math.max(1, Math.abs(expect)));
            }
            for (int v = 0; v < 6; v++) {
                double expect = perType.virial()[v * 2 * m + k] + perType.virial()[v * 2 * m + m + k];
                assertEquals(expect, rows.virial()[v * m + k], 1e-10 * Math.max(1, Math.abs(expect)));
            }
        }
    }

    /**
     * Φ(c) = a·E − F·v − Σ_ab H_ab W_ab (E = Σ_i β·B_i; F, W its forces and virial from the
     * adjoint path) is the functional whose c-gradient {@link MtpDescriptor#radialGradient} returns;
     * central differences in c (h = 1e-6 relative to |c|) must agree to 1e-6 of the largest component.
     */
    @Test
    void radialGradientMatchesFiniteDifferences() {
        MtpParameters p = twoElements(10);
        Structure s = cell(6);
        NeighborList nl = full(s, 5.3);
        int n = s.size();
        Random r = new Random(7);
        double[] beta = MtpTesting.weights(p.basis().size(), 0.1, 8);
        double a = 0.7;
        double[] v = new double[3 * n];
        for (int k = 0; k < v.length; k++) {
            v[k] = r.nextGaussian();
        }
        double[] h = new double[9];
        for (int k = 0; k < 9; k++) {
            h[k] = r.nextGaussian();
        }
        MtpDescriptor d = new MtpDescriptor(p);
        double[] grad = new double[p.radialCoefficientCount()];
        double e0 = d.radialGradient(s, nl, beta, a, v, h, grad);
        assertEquals(phiEnergy(d, s, nl, beta), e0, 1e-10 * Math.abs(e0));
        double scale = 0;
        for (double gv : grad) {
            scale = Math.max(scale, Math.abs(gv));
        }
        double[] c = p.radialCoefficients();
        for (int q = 0; q < c.length; q++) {
            double step = 1e-6 * Math.max(1e-3, Math.abs(c[q]));
            double[] cp = c.clone(), cm = c.clone();
            cp[q] += step;
            cm[q] -= step;
            double fd = (phi(d.withRadialCoefficients(cp), s, nl, beta, a, v, h)
                    - phi(d.withRadialCoefficients(cm), s, nl, beta, a, v, h)) / (2 * step);
            assertEquals(fd, grad[q], 1e-6 * scale, "∂Φ/∂c[" + q + "]");
        }
        assertTrue(scale > 0);
    }

    static double phiEnergy(MtpDescriptor d, Structure s, NeighborList nl, double[] beta) {
        double[] b = d.compute(s, nl);
        int m = d.size();
        double e = 0;
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < m; k++) {
                e += beta[k] * b[i * m + k];
            }
        }
        return e;
    }

    static double phi(MtpDescriptor d, Structure s, NeighborList nl, double[] beta, double a, double[] v, double[] h) {
        int n = s.size(), m = d.size();
        double[] betaAll = new double[n * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(beta, 0, betaAll, i * m, m);
        }
        double[] f = new double[3 * n], w = new double[6];
        d.backpropagate(s, nl, betaAll, f, w);
        double phi = a * phiEnergy(d, s, nl, beta);
        for (int k = 0; k < f.length; k++) {
            phi -= f[k] * v[k];
        }
        // full symmetric virial from Voigt xx yy zz yz xz xy
        double[] wf = {w[0], w[5], w[4], w[5], w[1], w[3], w[4], w[3], w[2]};
        for (int k = 0; k < 9; k++) {
            phi -= h[k] * wf[k];
        }
        return phi;
    }

    @Test
    void descriptorIsInvariantUnderRotationTranslationAndPermutation() {
        MtpDescriptor d = new MtpDescriptor(twoElements(18));
        Structure s = cell(9);
        double[] b = d.compute(s, full(s, 5.3));
        Structure rs = TestStructures.rotated(s, TestStructures.rotation(10), new double[]{0.3, -1.2, 2.1});
        double[] br = d.compute(rs, full(rs, 5.3));
        int[] perm = new int[s.size()];
        for (int i = 0; i < perm.length; i++) {
            perm[i] = (i * 7 + 3) % perm.length;
        }
        Structure ps = s.permuted(perm);
        double[] bp = d.compute(ps, full(ps, 5.3));
        int m = d.size();
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < m; k++) {
                double v = b[i * m + k];
                assertEquals(v, br[i * m + k], 1e-10 * Math.max(1, Math.abs(v)), "rotated, atom " + i + " function " + k);
            }
        }
        for (int i = 0; i < s.size(); i++) {
            for (int k = 0; k < m; k++) {
                double v = b[perm[i] * m + k];
                assertEquals(v, bp[i * m + k], 1e-10 * Math.max(1, Math.abs(v)), "permuted, atom " + i + " function " + k);
            }
        }
    }

    /** Chunks depend on N only: one and two threads give bit-identical descriptors and forces. */
    @Test
    void resultsDoNotDependOnTheThreadCount() {
        MtpDescriptor d = new MtpDescriptor(twoElements(16));
        Structure s = TestStructures.distortedBcc(MO, NB, 3.2, 4, 0.1, 11);
        NeighborList nl = full(s, 5.3);
        int before = Parallel.threads();
        double[] beta = MtpTesting.weights(s.size() * d.size(), 0.1, 12);
        try {
            Parallel.setThreads(1);
            double[] b1 = d.compute(s, nl);
            double[] f1 = new double[3 * s.size()], w1 = new double[6];
            d.backpropagate(s, nl, beta, f1, w1);
            Parallel.setThreads(2);
            double[] b2 = d.compute(s, nl);
            double[] f2 = new double[3 * s.size()], w2 = new double[6];
            d.backpropagate(s, nl, beta, f2, w2);
            assertTrue(java.util.Arrays.equals(b1, b2));
            assertTrue(java.util.Arrays.equals(f1, f2));
            assertTrue(java.util.Arrays.equals(w1, w2));
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** Q_k(r) = cos(k·arccos ξ)·(R − r)² and dQ_k/dr against central differences. */
    @Test
    void chebyshevBasisIsTheClosedForm() {
        ChebyshevRadialBasis rb = new ChebyshevRadialBasis(2.0, 5.0, 9, 1.3);
        double[] q = new double[9], dq = new double[9], qp = new double[9], qm = new double[9];
        for (double r = 2.0; r < 5.0; r += 0.173) {
            rb.evaluate(r, q, dq, 0);
            double xi = (2 * r - 7.0) / 3.0;
            for (int k = 0; k < 9; k++) {
                double expect = 1.3 * Math.cos(k * Math.acos(xi)) * (5.0 - r) * (5.0 - r);
                assertEquals(expect, q[k], 1e-12);
            }
            rb.evaluate(r + 1e-6, qp, new double[9], 0);
            rb.evaluate(r - 1e-6, qm, new double[9], 0);
            for (int k = 0; k < 9; k++) {
                assertEquals((qp[k] - qm[k]) / 2e-6, dq[k], 1e-6);
            }
        }
        rb.evaluate(5.0, q, dq, 0);
        for (int k = 0; k < 9; k++) {
            assertEquals(0.0, q[k], 0.0);
            assertEquals(0.0, dq[k], 0.0);
        }
    }
}
