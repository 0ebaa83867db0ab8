package org.peierls.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.peierls.atoms.Element;
import org.peierls.atoms.Labels;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.descriptor.BispectrumParameters;
import org.peierls.descriptor.TestStructures;
import org.peierls.potential.Potential;
import org.peierls.potential.PotentialSpecs;
import org.peierls.potential.Results;

/** Small labelled data sets for fit tests: distorted, rattled bcc cells labelled by a teacher. */
final class FitTestData {

    private FitTestData() {
    }

    /** A Lennard-Jones teacher (any element). */
    static Potential teacher() {
        return PotentialSpecs.parse("lj:0.2,2.4,5.0");
    }

    /**
     * {@code count} configurations of distorted bcc (2×2×2, 16 atoms, a = 3.2 Å ± 3 %), every second
     * atom of element z2 when z2 &gt; 0 (in {@link #data}, a random 30–70 % of them), labelled by the teacher plus Gaussian noise (energy 5 meV/atom,
     * forces 0.02 eV/Å, stress 0.1 GPa), alternating groups "A" and "B".
     */
    static Dataset data(int count, int z, int z2, long seed) {
        return data(count, z, z2, seed, true);
    }

    /** As {@link #data(int, int, int, long)}; {@code varyComposition} false keeps every second atom z2. */
    static Dataset data(int count, int z, int z2, long seed, boolean varyComposition) {
        Potential teacher = teacher();
        Random rnd = new Random(seed);
        List<Configuration> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double a = 3.2 * (1 + 0.03 * (2 * rnd.nextDouble() - 1));
            Structure s = TestStructures.distortedBcc(z, z2, a, 2, 0.15, seed * 1000 + k);
            if (z2 > 0 && varyComposition) {
                int[] num = s.numbers();
                double frac = 0.3 + 0.4 * rnd.nextDouble();
                for (int i = 0; i < num.length; i++) {
                    num[i] = rnd.nextDouble() < frac ? z2 : z;
                }
                s = new Structure(s.cell(), num, s.positions());
            }
            Results r = teacher.compute(s);
            int n = s.size();
            double[] f = r.forces();
            for (int i = 0; i < f.length; i++) {
                f[i] += 0.02 * rnd.nextGaussian();
            }
            double[] st = r.stress();
            for (int v = 0; v < 6; v++) {
                st[v] += 0.1 / Units.EV_PER_A3_TO_GPA * rnd.nextGaussian();
            }
            double e = r.energy() + n * 0.005 * rnd.nextGaussian() - 3.0 * n;
            out.add(new Configuration("cfg" + k, s, new Labels(e, f, st), k % 2 == 0 ? "A" : "B", Role.TRAIN,
                    Configuration.ALL_STRESS));
        }
        return Dataset.of(out);
    }

    /** Bispectrum parameters for the elements with twojmax 4, rcutfac 4.4 (cutoff 4.4 Å). */
    static BispectrumParameters bispectrum(int... z) {
        double[] rad = new double[z.length];
        double[] wj = new double[z.length];
        for (int t = 0; t < z.length; t++) {
            rad[t] = 0.5;
            wj[t] = 1.0 - 0.1 * t;
        }
        return new BispectrumParameters(4.4, 4, 0.99363, 0.0, true, false, false, z, rad, wj);
    }

    static int z(String symbol) {
        return Element.number(symbol);
    }
}
