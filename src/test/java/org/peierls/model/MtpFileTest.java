package org.peierls.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peierls.atoms.Structure;
import org.peierls.descriptor.MomentTensorBasis;
import org.peierls.descriptor.MtpParameters;
import org.peierls.descriptor.MtpTesting;
import org.peierls.descriptor.TestStructures;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.Results;
import org.peierls.util.InputException;

/**
 * The MLIP {@code .mtp} format: exact round trip of every number, the same energies and forces
 * from the file as from the potential written, a hand-written file in MLIP's own layout (tabs,
 * C++ scientific notation, a global scaling, a level-6 program as in MLIP-2's 06.mtp) evaluated
 * against the closed form of its five basis functions, and one-line errors for bad input.
 */
class MtpFileTest {

    @TempDir
    Path dir;

    static MtpFile random(int level, int[] z, long seed) {
        MtpParameters p = MtpTesting.random(level, z, 1.7, 4.9, 7, 0.03, seed);
        double[] s = MtpTesting.weights(z.length, 3.0, seed + 1);
        double[] xi = MtpTesting.weights(p.basis().size(), 0.02, seed + 2);
        return new MtpFile(MtpFile.defaultName(z, level), z, p, s, xi);
    }

    @Test
    void roundTripIsExact() {
        MtpFile f = random(16, new int[]{42, 41}, 1);
        Path path = dir.resolve("pot.mtp");
        f.write(path);
        MtpFile g = MtpFile.read(path, null);
        assertEquals(f.name(), g.name());
        assertArrayEquals(f.species(), g.species());
        assertEquals(f.parameters(), g.parameters());
        assertArrayEquals(f.speciesCoeffs(), g.speciesCoeffs());
        assertArrayEquals(f.momentCoeffs(), g.momentCoeffs());
        assertEquals(f.text(), g.text());
        // same numbers, same results
        Structure s = TestStructures.distortedBcc(42, 41, 3.2, 2, 0.1, 3);
        Results a = f.potential("a").compute(s), b = g.potential("b").compute(s);
        assertEquals(a.energy(), b.energy(), 0);
        assertArrayEquals(a.forces(), b.forces(), 0);
    }

    @Test
    void specsLoadFilesWithAndWithoutElementNames() {
        MtpFile f = random(10, new int[]{42}, 2);
        Path ours = dir.resolve("ours.mtp");
        f.write(ours);
        Structure s = TestStructures.distortedBcc(42, 0, 3.16, 2, 0.1, 4);
        double e = f.potential("x").compute(s).energy();
        assertEquals(e, PotentialSpecs.parse("mtp:" + ours).compute(s).energy(), 0);
        assertEquals(e, PotentialSpecs.parse(ours.toString()).compute(s).energy(), 0);
        // an MLIP file does not name its species
        Path theirs = dir.resolve("theirs.mtp");
        MtpFile g = new MtpFile("MTP1m", f.species(), f.parameters(), f.speciesCoeffs(), f.momentCoeffs());
        g.write(theirs);
        InputException ex = assertThrows(InputException.class, () -> PotentialSpecs.parse("mtp:" + theirs));
        assertTrue(ex.getMessage().contains("give the elements"), ex.getMessage());
        Potential p = PotentialSpecs.parse("mtp:" + theirs + ":Mo");
        assertEquals(e, p.compute(s).energy(), 0);
    }

    /**
     * A level-6 file laid out as MLIP-2 writes it: 5 basis functions M00, M10, M00², M01·M01,
     * M00³ (the program of 06.mtp), one species, two radial functions, a global scaling 2.
     * Its site energy is s + ξ·B with B computed here by hand from the neighbor vectors.
     */
    @Test
    void readsMlipLayoutAndEvaluatesTheLevel6Basis() throws Exception {
        String text = String.join("\n",
                "MTP",
                "version = 1.1.0",
                "potential_name = MTP1m",
                "scaling = 2.000000000000000e+00",
                "species_count = 1",
                "potential_tag = ",
                "radial_basis_type = RBChebyshev",
                "\tmin_dist = 2.000000000000000e+00",
                "\tmax_dist = 5.000000000000000e+00",
                "\tradial_basis_size = 3",
                "\tradial_funcs_count = 2",
                "\tradial_coeffs",
                "\t\t0-0",
                "\t\t\t{1.000000000000000e-01, -2.000000000000000e-02, 3.000000000000000e-03}",
                "\t\t\t{-5.000000000000000e-02, 4.000000000000000e-02, 1.000000000000000e-02}",
                "alpha_moments_count = 8",
                "alpha_index_basic_count = 5",
                "alpha_index_basic = {{0, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}, {1, 0, 0, 0}}",
                "alpha_index_times_count = 5",
                "alpha_index_times = {{0, 0, 1, 5}, {1, 1, 1, 6}, {2, 2, 1, 6}, {3, 3, 1, 6}, {0, 5, 1, 7}}",
                "alpha_scalar_moments = 5",
                "alpha_moment_mapping = {0, 4, 5, 6, 7}",
                "species_coeffs = {-1.000000000000000e+01}",
                "moment_coeffs = {1.000000000000000e-01, -2.000000000000000e-01, 3.000000000000000e-02, 4.000000000000000e-02, -5.000000000000000e-03}",
                "");
        Path path = dir.resolve("06.mtp");
        Files.writeString(path, text);
        MtpFile f = MtpFile.read(path, List.of("Mo"));
        assertEquals(5, f.parameters().basis().size());
        assertEquals(2.0, f.parameters().radial().scaling(), 0);
        Structure s = TestStructures.distortedBcc(42, 0, 3.16, 2, 0.12, 5);
        Results r = f.potential("06").computePerAtom(s);
        // by hand for atom 0
        var nl = org.peierls.neighbors.NeighborList.build(s, 5.0, org.peierls.neighbors.NeighborList.Kind.FULL);
        double[] vec = nl.vectorsFor(s);
        double m00 = 0, m10 = 0, vx = 0, vy = 0, vz = 0;
        double[][] c = {{0.1, -0.02, 0.003}, {-0.05, 0.04, 0.01}};
        for (int e = nl.offsetsArray()[0]; e < nl.offsetsArray()[1]; e++) {
            double x = vec[3 * e], y = vec[3 * e + 1], z = vec[3 * e + 2];
            double d = Math.sqrt(x * x + y * y + z * z);
            if (d >= 5.0) {
                continue;
            }
            double xi = (2 * d - 7.0) / 3.0, env = 2.0 * (d - 5.0) * (d - 5.0);
            double[] q = {env, xi * env, (2 * xi * xi - 1) * env};
            double f0 = c[0][0] * q[0] + c[0][1] * q[1] + c[0][2] * q[2];
            double f1 = c[1][0] * q[0] + c[1][1] * q[1] + c[1][2] * q[2];
            m00 += f0;
            m10 += f1;
            vx += f0 * x / d;
            vy += f0 * y / d;
            vz += f0 * z / d;
        }
        double[] b = {m00, m10, m00 * m00, vx * vx + vy * vy + vz * vz, m00 * m00 * m00};
        double[] xiw = {0.1, -0.2, 0.03, 0.04, -0.005};
        double e0 = -10;
        for (int k = 0; k < 5; k++) {
            e0 += xiw[k] * b[k];
        }
        assertEquals(e0, r.energies()[0], 1e-12);
        // the level-6 program of MLIP's template is ours, basis functions in another order
        MomentTensorBasis ours = MomentTensorBasis.ofLevel(6), theirs = f.parameters().basis();
        assertEquals(ours.slots(), theirs.slots());
        for (int q = 0; q < ours.basicCount(); q++) {
            assertArrayEquals(ours.basic(q), theirs.basic(q));
        }
        for (int q = 0; q < ours.timesCount(); q++) {
            assertArrayEquals(ours.times(q), theirs.times(q));
        }
        java.util.Set<Integer> a = new java.util.TreeSet<>(), bSet = new java.util.TreeSet<>();
        for (int q = 0; q < 5; q++) {
            a.add(ours.scalarSlot(q));
            bSet.add(theirs.scalarSlot(q));
        }
        assertEquals(a, bSet);
    }

    @Test
    void badFilesGiveOneLineErrorsWithTheLine() throws Exception {
        Path good = dir.resolve("good.mtp");
        random(8, new int[]{42}, 3).write(good);
        String text = Files.readString(good);
        String[][] cases = {
            {"MTP\n", "XYZ\n"},
            {"version = 1.1.0", "version = 1.0.0"},
            {"radial_basis_type = RBChebyshev", "radial_basis_type = RBShapeev"},
            {"alpha_scalar_moments = 9", "alpha_scalar_moments = 10"},
            {"species_count = 1", "species_count = 2"},
        };
        for (String[] c : cases) {
            assertTrue(text.contains(c[0]), c[0]);
            Path bad = dir.resolve("bad.mtp");
            Files.writeString(bad, text.replace(c[0], c[1]));
            InputException ex = assertThrows(InputException.class, () -> MtpFile.read(bad, null), c[1]);
            assertTrue(ex.getMessage().contains("bad.mtp"), ex.getMessage());
            assertTrue(!ex.getMessage().contains("\n"), ex.getMessage());
        }
        String untrained = text.substring(0, text.indexOf("species_coeffs"));
        Path u = dir.resolve("untrained.mtp");
        Files.writeString(u, untrained);
        InputException ex = assertThrows(InputException.class, () -> MtpFile.read(u, null));
        assertTrue(ex.getMessage().contains("not trained"), ex.getMessage());
    }
}
