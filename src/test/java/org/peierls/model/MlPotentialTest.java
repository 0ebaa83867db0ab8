package org.peierls.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.Bispectrum;
import org.peierls.descriptor.BispectrumParameters;
import org.peierls.descriptor.TestStructures;
import org.peierls.neighbors.NeighborList;
import org.peierls.potential.Potential;
import org.peierls.potential.Results;
import org.peierls.util.InputException;

/**
 * The full SNAP potential against finite differences of its own energy: forces (central
 * differences, h = 1e-5 Å) and virial (±strain), on a rattled triclinic two-element cell whose
 * width is below twice the cutoff, for linear and quadratic models; per-atom energies sum to
 * the total.
 */
class MlPotentialTest {

    static MlPotential snap(boolean quadratic, int twojmax, long seed) {
        BispectrumParameters p = new BispectrumParameters(4.7, twojmax, 0.99363, 0.2, true, true, false,
                new int[]{73, 74}, new double[]{0.5, 0.45}, new double[]{1.0, 0.8});
        Bispectrum bis = new Bispectrum(p);
        int n = bis.size();
        Random r = new Random(seed);
        Model[] models = new Model[2];
        for (int t = 0; t < 2; t++) {
            double[] lin = new double[n];
            for (int k = 0; k < n; k++) {
                lin[k] = 0.02 * r.nextGaussian();
            }
            if (quadratic) {
                double[] q = new double[n * (n + 1) / 2];
                for (int k = 0; k < q.length; k++) {
                    q[k] = 1e-4 * r.nextGaussian();
                }
                models[t] = new QuadraticModel(-3 - t, lin, q);
            } else {
                models[t] = new LinearModel(-3 - t, lin);
            }
        }
        return new MlPotential(bis, models, "test");
    }

    static Stream<Arguments> potentials() {
        return Stream.of(Arguments.of("linear 2J=6", snap(false, 6, 1)), Arguments.of("quadratic 2J=6", snap(true, 6, 2)),
                Arguments.of("linear 2J=8", snap(false, 8, 3)));
    }

    static double energy(Potential p, Structure s) {
        return p.compute(s).energy();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("potentials")
    void forcesAreMinusTheEnergyGradient(String name, Potential pot) {
        Structure s = TestStructures.distortedBcc(73, 74, 3.3, 2, 0.15, 21);
        Results r = pot.computePerAtom(s);
        double sum = 0;
        for (double e : r.energies()) {
            sum += e;
        }
        assertEquals(r.energy(), sum, 1e-10 * Math.abs(r.energy()), "per-atom energies sum to the total");
        double[] x = s.positions();
        double h = 1e-5;
        double worst = 0;
        for (int i = 0; i < s.size(); i += 5) {
            for (int l = 0; l < 3; l++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[3 * i + l] += h;
                xm[3 * i + l] -= h;
                double fd = -(energy(pot, s.withPositions(xp)) - energy(pot, s.withPositions(xm))) / (2 * h);
                worst = Math.max(worst, Math.abs(fd - r.forces()[3 * i + l]));
            }
        }
        // truncation ~h²·E''' and round-off ~1e-16·|E|/h ≈ 1e-9 eV/Å for these ~100 eV cells
        assertTrue(worst < 1e-7, name + ": worst |F_fd − F| = " + worst + " eV/Å");
        double fsum = 0;
        for (int l = 0; l < 3; l++) {
            double t = 0;
            for (int i = 0; i < s.size(); i++) {
                t += r.forces()[3 * i + l];
            }
            fsum = Math.max(fsum, Math.abs(t));
        }
        assertTrue(fsum < 1e-10, "forces sum to zero (translation invariance): " + fsum);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("potentials")
    void virialIsMinusTheStrainDerivative(String name, Potential pot) {
        Structure s = TestStructures.distortedBcc(73, 74, 3.3, 2, 0.15, 22);
        Results r = pot.compute(s);
        int[][] voigt = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
        double h = 1e-6;
        for (int v = 0; v < 6; v++) {
            int a = voigt[v][0], b = voigt[v][1];
            double ep = energy(pot, strained(s, a, b, h));
            double em = energy(pot, strained(s, a, b, -h));
            double w = -(ep - em) / (2 * h);
            // W = −∂E/∂ε; h = 1e-6 gives ~1e-8 eV truncation/round-off on ~100 eV
            assertEquals(w, r.virial()[v], 1e-6, name + " virial " + v);
        }
    }

    /** Symmetric strain ε_ab = ε_ba = h (or ε_aa = h), positions following the cell. */
    static Structure strained(Structure s, int a, int b, double h) {
        double[] f = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        if (a == b) {
            f[3 * a + a] += h;
        } else {
            f[3 * a + b] += h / 2;
            f[3 * b + a] += h / 2;
        }
        Cell c = s.cell().deformed(f);
        double[] x = s.positions();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length / 3; i++) {
            for (int k = 0; k < 3; k++) {
                y[3 * i + k] = f[3 * k] * x[3 * i] + f[3 * k + 1] * x[3 * i + 1] + f[3 * k + 2] * x[3 * i + 2];
            }
        }
        return new Structure(c, s.numbers(), y);
    }

    @Test
    void energyIsTheModelOnTheDescriptor() {
        MlPotential pot = snap(true, 6, 5);
        Structure s = TestStructures.distortedBcc(73, 74, 3.3, 2, 0.1, 23);
        NeighborList nl = NeighborList.build(s, pot.cutoff(), NeighborList.Kind.FULL);
        double[] b = pot.descriptor().compute(s, nl);
        int[] types = pot.descriptor().types(s);
        int m = pot.descriptor().size();
        double e = 0;
        for (int i = 0; i < s.size(); i++) {
            e += pot.model(types[i]).energy(b, i * m);
        }
        assertEquals(e, pot.compute(s, nl, Potential.Output.TOTALS).energy(), 1e-11 * Math.abs(e));
    }

    @Test
    void missingElementIsAnInputError() {
        MlPotential pot = snap(false, 4, 6);
        Structure cu = TestStructures.bcc(29, 3.0, 2, 2, 2);
        InputException ex = assertThrows(InputException.class, () -> pot.compute(cu));
        assertTrue(ex.getMessage().contains("Cu"), ex.getMessage());
    }
}
