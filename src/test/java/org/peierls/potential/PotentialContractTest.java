package org.peierls.potential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Mat3;
import org.peierls.atoms.Structure;
import org.peierls.neighbors.NeighborList;
import org.peierls.testutil.TestCells;
import org.peierls.util.Parallel;

/**
 * Checks every potential inherits: forces and stress are derivatives of the energy (central
 * finite differences), per-atom energies add up, the energy is invariant under rotation,
 * translation, wrapping and permutation and extensive under supercells, and results do not depend
 * on the number of threads or on the kind of neighbor list.
 *
 * <p>Subclasses give the potential, the elements to place and a lattice near the potential's
 * equilibrium. Test cells are rattled (±{@link #rattle()} Å), strained (±3 %) triclinic
 * crystals, one larger and one smaller than twice the cutoff (where atoms see their own images).</p>
 */
public abstract class PotentialContractTest {

    /** The potential under test (may be built once and reused). */
    protected abstract Potential potential();

    /** Atomic numbers to place at random on the lattice sites. */
    protected abstract int[] elements();

    /** Cubic lattice constant of the test crystals, Å. */
    protected abstract double latticeConstant();

    /** True for fcc test crystals, false for bcc. */
    protected boolean fcc() {
        return true;
    }

    /** Largest random displacement per Cartesian component, Å. */
    protected double rattle() {
        return 0.1;
    }

    /**
     * Allowed |F − F_fd| per component, eV/Å. The central difference with h = 1e-5 Å has a
     * truncation error ~h²·E‴ ≈ 1e-9 and round-off ~1e-16·|E|/h ≈ 1e-8 for these cells; tabulated
     * potentials whose interpolant has a jump in the second derivative at every knot add ~h·Δφ″,
     * so they may widen this.
     */
    protected double forceTolerance() {
        return 1e-6;
    }

    /** Allowed error of the stress against ±1e-6 strain differences, eV/Å³. */
    protected double stressTolerance() {
        return 1e-7;
    }

    protected static final double H = 1e-5;
    protected static final double STRAIN = 1e-6;

    /** A rattled triclinic cell several times the cutoff across (about 100–250 atoms). */
    protected Structure largeCell(long seed) {
        double a = latticeConstant();
        int reps = Math.max(2, (int) Math.ceil(2.0 * potential().cutoff() / a + 0.5));
        reps = Math.min(reps, 4);
        return TestCells.rattled(elements(), a, fcc(), reps, reps, Math.max(2, reps - 1), 0.03, rattle(), seed, false);
    }

    /** A rattled triclinic cell of one conventional cube: narrower than twice the cutoff. */
    protected Structure smallCell(long seed) {
        return TestCells.rattled(elements(), latticeConstant(), fcc(), 1, 1, 1, 0.03, rattle(), seed, false);
    }

    protected double energy(Structure s) {
        return potential().compute(s).energy();
    }

    // ----------------------------------------------------------------------------------------

    @Test
    void forcesAreMinusTheEnergyGradientInALargeCell() {
        checkForces(largeCell(11), 12);
    }

    @Test
    void forcesAreMinusTheEnergyGradientInACellSmallerThanTwiceTheCutoff() {
        Structure s = smallCell(12);
        double w = Math.min(Math.min(s.cell().perpendicularWidths()[0], s.cell().perpendicularWidths()[1]),
                s.cell().perpendicularWidths()[2]);
        assertTrue(w < 2 * potential().cutoff(), "the small cell must be narrower than twice the cutoff");
        checkForces(s, s.size());
    }

    private void checkForces(Structure s, int atomsToCheck) {
        Results r = potential().compute(s);
        double[] x = s.positions();
        Random rnd = new Random(5);
        double worst = 0;
        for (int c = 0; c < atomsToCheck; c++) {
            int i = atomsToCheck >= s.size() ? c : rnd.nextInt(s.size());
            for (int k = 0; k < 3; k++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[3 * i + k] += H;
                xm[3 * i + k] -= H;
                double fd = -(energy(s.withPositions(xp)) - energy(s.withPositions(xm))) / (2 * H);
                worst = Math.max(worst, Math.abs(fd - r.forces()[3 * i + k]));
                assertEquals(fd, r.forces()[3 * i + k], forceTolerance(), "force component " + k + " of atom " + i);
            }
        }
        System.out.printf("%s: largest |F - F_fd| = %.2e eV/Å (%d atoms)%n", potential().describe(), worst, s.size());
    }

    @Test
    void stressIsTheStrainDerivativeOfTheEnergy() {
        checkStress(largeCell(21));
        checkStress(smallCell(22));
    }

    private void checkStress(Structure s) {
        double[] sigma = potential().compute(s).stress();
        double v = s.cell().volume();
        int[][] comp = {{0, 0}, {1, 1}, {2, 2}, {1, 2}, {0, 2}, {0, 1}};
        double worst = 0;
        for (int q = 0; q < 6; q++) {
            double[] ep = Mat3.identity();
            double[] em = Mat3.identity();
            int a = comp[q][0], b = comp[q][1];
            double e = a == b ? STRAIN : STRAIN / 2;   // symmetric shear: ε_ab = ε_ba = e
            ep[3 * a + b] += e;
            em[3 * a + b] -= e;
            if (a != b) {
                ep[3 * b + a] += e;
                em[3 * b + a] -= e;
            }
            double fd = (energy(strained(s, ep)) - energy(strained(s, em))) / (2 * STRAIN) / v;
            worst = Math.max(worst, Math.abs(fd - sigma[q]));
            assertEquals(fd, sigma[q], stressTolerance(), "stress component " + q);
        }
        System.out.printf("%s: largest |σ - σ_fd| = %.2e eV/Å³%n", potential().describe(), worst);
    }

    /** The structure deformed homogeneously by F (positions and cell). */
    protected static Structure strained(Structure s, double[] f) {
        double[] x = s.positions();
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                y[i + k] = f[3 * k] * x[i] + f[3 * k + 1] * x[i + 1] + f[3 * k + 2] * x[i + 2];
            }
        }
        return new Structure(s.cell().deformed(f), s.numbers(), y);
    }

    /**
     * A slab (the large cell opened along c): forces are still the energy gradient, the virial is
     * still reported, but there is no stress — Results.volumeOf's rule, the same for every potential
     * (and for sums of them), so a command never prints a stress that depends on the vacuum gap.
     */
    @Test
    void aCellOpenInOneDirectionHasForcesButNoStress() {
        Structure bulk = largeCell(41);
        Structure slab = bulk.withCell(bulk.cell().withPbc(new boolean[]{true, true, false}));
        Results r = potential().compute(slab);
        assertEquals(0.0, r.volume(), "volume of a slab");
        assertTrue(!r.hasStress(), "a slab has no stress");
        for (double v : r.stress()) {
            assertTrue(Double.isNaN(v), "stress of a slab is NaN, got " + v);
        }
        assertTrue(potential().compute(bulk).hasStress(), "the periodic cell has a stress");
        checkForces(slab, 3);
        Results twice = r.plus(potential().compute(slab));
        assertEquals(0.0, twice.volume(), "a sum keeps the rule");
    }

    @Test
    void perAtomEnergiesSumToTheTotal() {
        for (Structure s : new Structure[]{largeCell(31), smallCell(32)}) {
            Results r = potential().computePerAtom(s);
            double sum = 0;
            for (double e : r.energies()) {
                sum += e;
            }
            assertEquals(r.energy(), sum, 1e-10 * Math.max(1, Math.abs(r.energy())));
            Results t = potential().compute(s);
            assertEquals(t.energy(), r.energy(), 1e-12 * Math.max(1, Math.abs(r.energy())), "totals with and without per-atom energies");
        }
    }

    @Test
    void rotationRotatesForcesAndVirial() {
        Structure s = largeCell(41);
        double[] q = TestCells.rotation(42);
        double[] h = s.cell().matrix();
        double[] hr = Mat3.mul(h, Mat3.transpose(q));         // rows a' = Q a
        double[] x = s.positions();
        double[] xr = new double[x.length];
        for (int i = 0; i < x.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                xr[i + k] = q[3 * k] * x[i] + q[3 * k + 1] * x[i + 1] + q[3 * k + 2] * x[i + 2];
            }
        }
        Structure sr = new Structure(Cell.periodic(hr), s.numbers(), xr);
        Results a = potential().compute(s);
        Results b = potential().compute(sr);
        double scale = Math.max(1, Math.abs(a.energy()));
        assertEquals(a.energy(), b.energy(), 1e-11 * scale);
        for (int i = 0; i < x.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                double expected = q[3 * k] * a.forces()[i] + q[3 * k + 1] * a.forces()[i + 1] + q[3 * k + 2] * a.forces()[i + 2];
                assertEquals(expected, b.forces()[i + k], 1e-9, "rotated force");
            }
        }
        double[] w = Mat3.fromVoigt(a.virial());
        double[] wr = Mat3.toVoigt(Mat3.mul(Mat3.mul(q, w), Mat3.transpose(q)));
        for (int v = 0; v < 6; v++) {
            assertEquals(wr[v], b.virial()[v], 1e-9 * scale, "rotated virial " + v);
        }
    }

    @Test
    void translationAndWrappingChangeNothing() {
        Structure s = largeCell(51);
        Results a = potential().compute(s);
        double[] x = s.positions();
        for (int i = 0; i < x.length; i += 3) {
            x[i] += 7.3;
            x[i + 1] -= 2.9;
            x[i + 2] += 0.77;
        }
        Structure moved = s.withPositions(x);
        for (Structure t : new Structure[]{moved, moved.wrapped(), s.wrapped()}) {
            Results b = potential().compute(t);
            assertClose(a, b, 1e-11, 1e-9);
        }
    }

    @Test
    void permutingAtomsPermutesForces() {
        Structure s = largeCell(61);
        int n = s.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (i * 7 + 3) % n;
        }
        if (gcd(7, n) != 1) {
            for (int i = 0; i < n; i++) {
                order[i] = n - 1 - i;
            }
        }
        Results a = potential().compute(s);
        Results b = potential().compute(s.permuted(order));
        assertEquals(a.energy(), b.energy(), 1e-11 * Math.max(1, Math.abs(a.energy())));
        for (int k = 0; k < n; k++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(a.forces()[3 * order[k] + c], b.forces()[3 * k + c], 1e-10);
            }
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Test
    void supercellsAreExtensive() {
        Structure s = smallCell(71);
        Structure big = s.repeat(2, 1, 3);
        Results a = potential().compute(s);
        Results b = potential().compute(big);
        double scale = Math.max(1, Math.abs(a.energy()));
        assertEquals(6 * a.energy(), b.energy(), 1e-10 * 6 * scale, "energy of the 2×1×3 supercell");
        for (int v = 0; v < 6; v++) {
            assertEquals(6 * a.virial()[v], b.virial()[v], 1e-9 * 6 * scale, "virial " + v);
        }
        int n = s.size();
        for (int i = 0; i < big.size(); i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(a.forces()[3 * (i % n) + c], b.forces()[3 * i + c], 1e-9, "force on image atom " + i);
            }
        }
    }

    @Test
    void resultsDoNotDependOnThreadsOrListKind() {
        // more atoms than one work chunk (512 for the pair kernels), so that several threads really
        // split the work (one chunk, or one thread, takes the serial path)
        Structure s = largeCell(81);
        s = s.repeat((1100 + s.size() - 1) / s.size(), 1, 1);
        int before = Parallel.threads();
        try {
            Parallel.setThreads(1);
            Results one = potential().compute(s);
            Parallel.setThreads(3);
            Results three = potential().compute(s);
            assertClose(one, three, 1e-13, 1e-12);
            Results full = potential().compute(s, NeighborList.build(s, potential().cutoff(), NeighborList.Kind.FULL),
                    Potential.Output.PER_ATOM);
            Results skin = potential().compute(s, NeighborList.build(s, potential().cutoff() + 1.0, potential().preferredList()),
                    Potential.Output.PER_ATOM);
            assertClose(one, full, 1e-12, 1e-10);
            assertClose(one, skin, 1e-12, 1e-10);
        } finally {
            Parallel.setThreads(before);
        }
    }

    /** Energies equal to {@code relE} relative, forces and virial/atom to {@code absF}. */
    protected static void assertClose(Results a, Results b, double relE, double absF) {
        double scale = Math.max(1, Math.abs(a.energy()));
        assertEquals(a.energy(), b.energy(), relE * scale, "energy");
        for (int k = 0; k < a.forces().length; k++) {
            assertEquals(a.forces()[k], b.forces()[k], absF, "force component " + k);
        }
        for (int v = 0; v < 6; v++) {
            assertEquals(a.virial()[v], b.virial()[v], absF * Math.max(1, a.forces().length), "virial " + v);
        }
    }
}
