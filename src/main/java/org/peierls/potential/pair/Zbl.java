package org.peierls.potential.pair;

import org.peierls.atoms.Element;
import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

/**
 * The Ziegler–Biersack–Littmark universal screened nuclear repulsion with LAMMPS's
 * {@code pair_style zbl inner outer} switching, the nuclear charges being the atomic numbers of
 * the atoms (as in LAMMPS SNAP files: {@code pair_coeff * * zbl 73 73} for Ta).
 *
 * <p>E<sub>ZBL</sub>(r) = (Z<sub>i</sub>Z<sub>j</sub>e²/4πε<sub>0</sub>r) φ(r/a),
 * a = 0.46850/(Z<sub>i</sub><sup>0.23</sup> + Z<sub>j</sub><sup>0.23</sup>) Å,
 * φ(x) = 0.18175e<sup>−3.19980x</sup> + 0.50986e<sup>−0.94229x</sup> + 0.28022e<sup>−0.40290x</sup>
 * + 0.02817e<sup>−0.20162x</sup>, e²/4πε<sub>0</sub> = 14.399645 eV·Å (LAMMPS metal units).
 * The switching function S(r) added for r &lt; r<sub>c</sub> (= outer) is the constant C below
 * r<sub>1</sub> (= inner) and A/3·t³ + B/4·t⁴ + C with t = r − r<sub>1</sub> between them, where
 * A = (−3E′ + τE″)/τ², B = (2E′ − τE″)/τ³, C = −E + τE′/2 − τ²E″/12, τ = r<sub>c</sub> − r<sub>1</sub>,
 * the derivatives taken at r<sub>c</sub>: energy, force and curvature vanish at r<sub>c</sub>
 * (LAMMPS documentation of pair_style zbl).</p>
 */
public final class Zbl extends PairPotential {

    /** e²/(4πε₀) in eV·Å as LAMMPS's metal units define it (qqr2e). */
    public static final double COULOMB = 14.399645;
    private static final double PZBL = 0.23;
    private static final double A0 = 0.46850;
    private static final double[] C = {0.02817, 0.28022, 0.50986, 0.18175};
    private static final double[] D = {0.20162, 0.40290, 0.94229, 3.19980};
    private static final int NZ = Element.MAX_Z + 1;
    /** Per (Z_i, Z_j): Z_iZ_j·e², 1/a, A, B, C. */
    private static final int K = 5;

    private final double inner;
    private final double outer;
    private final double[] coef;

    /**
     * @param inner r<sub>1</sub>, where switching starts, Å (&gt; 0)
     * @param outer r<sub>c</sub>, the cutoff, Å (&gt; inner)
     */
    public Zbl(double inner, double outer) {
        if (!(inner > 0) || !(outer > inner) || !Double.isFinite(outer)) {
            throw new InputException("zbl: need 0 < inner < outer, got inner " + inner + ", outer " + outer);
        }
        this.inner = inner;
        this.outer = outer;
        coef = new double[NZ * NZ * K];
        double tc = outer - inner;
        for (int zi = 1; zi < NZ; zi++) {
            for (int zj = 1; zj < NZ; zj++) {
                int o = (zi * NZ + zj) * K;
                double zze = zi * zj * COULOMB;
                double ainv = (Math.pow(zi, PZBL) + Math.pow(zj, PZBL)) / A0;
                double[] e = unswitched(zze, ainv, outer);
                coef[o] = zze;
                coef[o + 1] = ainv;
                coef[o + 2] = (-3.0 * e[1] + tc * e[2]) / (tc * tc);
                coef[o + 3] = (2.0 * e[1] - tc * e[2]) / (tc * tc * tc);
                coef[o + 4] = -e[0] + (tc / 2.0) * e[1] - (tc * tc / 12.0) * e[2];
            }
        }
    }

    /** E, dE/dr and d²E/dr² of the bare ZBL term. */
    static double[] unswitched(double zze, double ainv, double r) {
        double phi = 0, dphi = 0, d2phi = 0;
        for (int k = 0; k < 4; k++) {
            double e = C[k] * Math.exp(-D[k] * ainv * r);
            phi += e;
            dphi -= D[k] * ainv * e;
            d2phi += D[k] * ainv * D[k] * ainv * e;
        }
        double rinv = 1.0 / r;
        double e0 = zze * phi * rinv;
        double e1 = zze * (dphi - phi * rinv) * rinv;
        double e2 = zze * (d2phi - 2.0 * dphi * rinv + 2.0 * phi * rinv * rinv) * rinv;
        return new double[]{e0, e1, e2};
    }

    @Override
    protected double energy(int zi, int zj, double r, double[] derivative) {
        int o = (zi * NZ + zj) * K;
        double zze = coef[o], ainv = coef[o + 1];
        double phi = 0, dphi = 0;
        for (int k = 0; k < 4; k++) {
            double e = C[k] * Math.exp(-D[k] * ainv * r);
            phi += e;
            dphi -= D[k] * ainv * e;
        }
        double rinv = 1.0 / r;
        double energy = zze * phi * rinv + coef[o + 4];
        double de = zze * (dphi - phi * rinv) * rinv;
        if (r > inner) {
            double t = r - inner;
            double a = coef[o + 2], b = coef[o + 3];
            de += t * t * (a + b * t);
            energy += t * t * t * (a / 3.0 + b / 4.0 * t);
        }
        derivative[0] = de;
        return energy;
    }

    @Override
    protected int[] types(Structure structure) {
        return structure.numbers();
    }

    @Override
    public double cutoff() {
        return outer;
    }

    /** r<sub>1</sub>, where switching starts, Å. */
    public double inner() {
        return inner;
    }

    /** r<sub>c</sub>, the cutoff, Å. */
    public double outer() {
        return outer;
    }

    @Override
    public int[] species() {
        return new int[0];
    }

    @Override
    public String describe() {
        return "zbl:" + inner + "," + outer;
    }
}
