package org.peierls.potential.eam;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.peierls.util.InputException;

/**
 * The analytic embedded-atom model of X. W. Zhou, R. A. Johnson and H. N. G. Wadley,
 * Phys. Rev. B 69, 144113 (2004), for Cu Ag Au Ni Pd Pt Al Pb Fe Mo Ta W Mg Co Ti Zr and their
 * alloys, with the parameter table LAMMPS distributes ({@code tools/eam_database/EAM_code}).
 *
 * <p>With x = r/r<sub>e</sub> of the element:</p>
 * <ul>
 * <li>density of one atom f(r) = f<sub>e</sub> exp[−β₁(x − 1)] / [1 + (x − λ₁)<sup>20</sup>];</li>
 * <li>pair energy φ(r) = A exp[−α(x − 1)] / [1 + (x − κ)<sup>20</sup>] − B exp[−β(x − 1)] /
 *     [1 + (x − λ)<sup>20</sup>]; between unlike atoms
 *     φ<sub>ab</sub> = ½[(f<sub>b</sub>/f<sub>a</sub>)φ<sub>aa</sub> + (f<sub>a</sub>/f<sub>b</sub>)φ<sub>bb</sub>];</li>
 * <li>embedding energy, three pieces joined at ρ<sub>n</sub> = c<sub>lo</sub>ρ<sub>e</sub> and
 *     ρ<sub>0</sub> = c<sub>hi</sub>ρ<sub>e</sub>: Σ<sub>i</sub> F<sub>ni</sub>(ρ/ρ<sub>n</sub> − 1)<sup>i</sup>
 *     below ρ<sub>n</sub>; Σ<sub>i</sub> F<sub>i</sub>(ρ/ρ<sub>e</sub> − 1)<sup>i</sup> up to ρ<sub>0</sub> (the
 *     cubic coefficient of the table's line 19 below ρ<sub>e</sub> and of line 24 above);
 *     F<sub>e</sub>[1 − η ln(ρ/ρ<sub>s</sub>)](ρ/ρ<sub>s</sub>)<sup>η</sup> above.</li>
 * </ul>
 * <p>The cutoff is the one LAMMPS's generator uses: √10/2 × the largest √2·r<sub>e</sub> of the
 * elements (the fifth fcc shell of the largest element). Pt uses c<sub>lo</sub> = 0.25 (its F<sub>n</sub>
 * are continuous only so).</p>
 */
public final class Zhou2004 implements EamFunctions {

    /**
     * The 27 parameters of each element, in the order of {@code EAM_code}: r_e, f_e, ρ_e, ρ_s, α,
     * β, A, B, κ, λ, F_n0…F_n3, F_0…F_3, η, F_e, Z, mass, F_3 (ρ ≥ ρ_e), β₁, λ₁, ρ_n/ρ_e, ρ_0/ρ_e.
     */
    private static final String[][] TABLE = {
        {"Cu", "2.556162 1.554485 21.175871 21.175395 8.127620 4.334731 0.396620 0.548085 0.308782 0.756515 -2.170269 -0.263788 1.088878 -0.817603 -2.19 0.00 0.561830 -2.100595 0.310490 -2.186568 29 63.546 -2.100595 4.334731 0.756515 0.85 1.15"},
        {"Ag", "2.891814 1.106232 14.604100 14.604144 9.132010 4.870405 0.277758 0.419611 0.339710 0.750758 -1.729364 -0.255882 0.912050 -0.561432 -1.75 0.00 0.744561 -1.150650 0.783924 -1.748423 47 107.8682 -1.150650 4.870405 0.750758 0.85 1.15"},
        {"Au", "2.885034 1.529021 19.991632 19.991509 9.516052 5.075228 0.229762 0.356666 0.356570 0.748798 -2.937772 -0.500288 1.601954 -0.835530 -2.98 0.00 1.706587 -1.134778 1.021095 -2.978815 79 196.96654 -1.134778 5.075228 0.748798 0.85 1.15"},
        {"Ni", "2.488746 2.007018 27.562015 27.562031 8.383453 4.471175 0.429046 0.633531 0.443599 0.820658 -2.693513 -0.076445 0.241442 -2.375626 -2.70 0.00 0.265390 -0.152856 0.445470 -2.7 28 58.6934 -0.152856 4.471175 0.820658 0.85 1.15"},
        {"Pd", "2.750897 1.595417 21.335246 21.940073 8.697397 4.638612 0.406763 0.598880 0.397263 0.754799 -2.321006 -0.473983 1.615343 -0.231681 -2.36 0.00 1.481742 -1.675615 1.130000 -2.352753 46 106.42 -1.675615 4.638612 0.754799 0.85 1.15"},
        {"Pt", "2.771916 2.336509 33.367564 35.205357 7.105782 3.789750 0.556398 0.696037 0.385255 0.770510 -1.455568 -2.149952 0.528491 1.222875 -4.17 0.00 3.010561 -2.420128 1.450000 -4.145597 78 195.08 -2.420128 3.789750 0.770510 0.25 1.15"},
        {"Al", "2.863924 1.403115 20.418205 23.195740 6.613165 3.527021 0.314873 0.365551 0.379846 0.759692 -2.807602 -0.301435 1.258562 -1.247604 -2.83 0.00 0.622245 -2.488244 0.785902 -2.824528 13 26.981539 -2.488244 3.527021 0.759692 0.85 1.15"},
        {"Pb", "3.499723 0.647872 8.450154 8.450063 9.121799 5.212457 0.161219 0.236884 0.250805 0.764955 -1.422370 -0.210107 0.682886 -0.529378 -1.44 0.00 0.702726 -0.538766 0.935380 -1.439436 82 207.2 -0.538766 5.212457 0.764955 0.85 1.15"},
        {"Fe", "2.481987 1.885957 20.041463 20.041463 9.818270 5.236411 0.392811 0.646243 0.170306 0.340613 -2.534992 -0.059605 0.193065 -2.282322 -2.54 0.00 0.200269 -0.148770 0.391750 -2.539945 26 55.847 -0.148770 5.236411 0.340613 0.85 1.15"},
        {"Mo", "2.728100 2.723710 29.354065 29.354065 8.393531 4.476550 0.708787 1.120373 0.137640 0.275280 -3.692913 -0.178812 0.380450 -3.133650 -3.71 0.00 0.875874 0.776222 0.790879 -3.712093 42 95.94 0.776222 4.476550 0.275280 0.85 1.15"},
        {"Ta", "2.860082 3.086341 33.787168 33.787168 8.489528 4.527748 0.611679 1.032101 0.176977 0.353954 -5.103845 -0.405524 1.112997 -3.585325 -5.14 0.00 1.640098 0.221375 0.848843 -5.141526 73 180.9479 0.221375 4.527748 0.353954 0.85 1.15"},
        {"W", "2.740840 3.487340 37.234847 37.234847 8.900114 4.746728 0.882435 1.394592 0.139209 0.278417 -4.946281 -0.148818 0.365057 -4.432406 -4.96 0.00 0.661935 0.348147 0.582714 -4.961306 74 183.84 0.348147 4.746728 0.278417 0.85 1.15"},
        {"Mg", "3.196291 0.544323 7.132600 7.132600 10.228708 5.455311 0.137518 0.225930 0.5 1.0 -0.896473 -0.044291 0.162232 -0.689950 -0.90 0.00 0.122838 -0.226010 0.431425 -0.899702 12 24.305 -0.226010 5.455311 1.0 0.85 1.15"},
        {"Co", "2.505979 1.975299 27.206789 27.206789 8.679625 4.629134 0.421378 0.640107 0.5 1.0 -2.541799 -0.219415 0.733381 -1.589003 -2.56 0.00 0.705845 -0.687140 0.694608 -2.559307 27 58.9332 -0.687140 4.629134 1.0 0.85 1.15"},
        {"Ti", "2.933872 1.863200 25.565138 25.565138 8.775431 4.680230 0.373601 0.570968 0.5 1.0 -3.203773 -0.198262 0.683779 -2.321732 -3.22 0.00 0.608587 -0.750710 0.558572 -3.219176 22 47.88 -0.750710 4.680230 1.0 0.85 1.15"},
        {"Zr", "3.199978 2.230909 30.879991 30.879991 8.559190 4.564902 0.424667 0.640054 0.5 1.0 -4.485793 -0.293129 0.990148 -3.202516 -4.51 0.00 0.928602 -0.981870 0.597133 -4.509025 40 91.224 -0.981870 4.564902 1.0 0.85 1.15"},
    };

    /** Below this distance (Å) LAMMPS's generator tabulates the functions' value at it. */
    public static final double R_MIN_TABLE = 0.5;

    /**
     * One element's parameters (see the class comment; densities in the model's arbitrary unit).
     */
    public record Parameters(String element, double re, double fe, double rhoe, double rhos, double alpha, double beta,
                             double a, double b, double kappa, double lambda, double[] fn, double[] f, double eta,
                             double fE, int z, double mass, double f3Above, double beta1, double lambda1,
                             double lowFactor, double highFactor) {

        static Parameters parse(String element, String numbers) {
            String[] t = numbers.trim().split("\\s+");
            double[] v = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                v[i] = Double.parseDouble(t[i]);
            }
            return new Parameters(element, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
                    new double[]{v[10], v[11], v[12], v[13]}, new double[]{v[14], v[15], v[16], v[17]}, v[18], v[19],
                    (int) v[20], v[21], v[22], v[23], v[24], v[25], v[26]);
        }

        /** The fcc lattice constant the model is built for, √2·r_e, Å. */
        public double fccLatticeConstant() {
            return Math.sqrt(2.0) * re;
        }
    }

    private static final List<Parameters> ALL = new ArrayList<>();

    static {
        for (String[] row : TABLE) {
            ALL.add(Parameters.parse(row[0], row[1]));
        }
    }

    /** The 16 elements of the table, in its order. */
    public static List<String> elements() {
        List<String> e = new ArrayList<>();
        for (Parameters p : ALL) {
            e.add(p.element());
        }
        return e;
    }

    /**
     * Parameters of one element.
     *
     * @throws InputException naming the element and the 16 available when it is not in the table
     */
    public static Parameters parameters(String element) {
        for (Parameters p : ALL) {
            if (p.element().equalsIgnoreCase(element.trim())) {
                return p;
            }
        }
        throw new InputException("zhou2004: no parameters for element '" + element + "' (available: "
                + String.join(",", elements()) + ")");
    }

    private final Parameters[] p;
    private final int[] numbers;
    private final double cutoff;

    private Zhou2004(List<String> elements) {
        if (elements.isEmpty()) {
            throw new InputException("zhou2004: give at least one element, e.g. zhou2004:Cu,Ta");
        }
        p = new Parameters[elements.size()];
        numbers = new int[p.length];
        double maxLattice = 0;
        for (int a = 0; a < p.length; a++) {
            p[a] = parameters(elements.get(a));
            numbers[a] = p[a].z();
            for (int b = 0; b < a; b++) {
                if (numbers[b] == numbers[a]) {
                    throw new InputException("zhou2004: element " + p[a].element() + " given twice");
                }
            }
            maxLattice = Math.max(maxLattice, Math.sqrt(2.0) * p[a].re());
        }
        cutoff = Math.sqrt(10.0) / 2.0 * maxLattice;
    }

    /** The model for these elements (symbols, in the order wanted for the types). */
    public static Zhou2004 of(List<String> elements) {
        return new Zhou2004(elements);
    }

    /** The model for these elements. */
    public static Zhou2004 of(String... elements) {
        return new Zhou2004(List.of(elements));
    }

    /** The analytic potential for these elements. */
    public static AnalyticEamPotential potential(List<String> elements) {
        return new AnalyticEamPotential(of(elements));
    }

    /** Parameters of type a. */
    public Parameters parameters(int a) {
        return p[a];
    }

    @Override
    public int[] numbers() {
        return numbers.clone();
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("zhou2004:");
        for (int a = 0; a < p.length; a++) {
            sb.append(a == 0 ? "" : ",").append(p[a].element());
        }
        return sb.toString();
    }

    /** c·exp[−k(x−1)]/[1 + (x−s)<sup>20</sup>] and, in d[0], its derivative with respect to x. */
    private static double term(double c, double k, double s, double x, double[] d) {
        double t = x - s;
        double t2 = t * t, t4 = t2 * t2, t8 = t4 * t4, t16 = t8 * t8;
        double t19 = t16 * t2 * t;
        double t20 = t19 * t;
        double den = 1.0 + t20;
        double v = c * Math.exp(-k * (x - 1.0)) / den;
        d[0] = v * (-k - 20.0 * t19 / den);
        return v;
    }

    /** The atomic density f_a(r) of element type a; df/dr in d[0]. */
    public double atomicDensity(int a, double r, double[] d) {
        Parameters q = p[a];
        double x = r / q.re();
        double v = term(q.fe(), q.beta1(), q.lambda1(), x, d);
        d[0] /= q.re();
        return v;
    }

    /** The like-atom pair energy φ_aa(r), eV; dφ/dr in d[0]. */
    public double pairSelf(int a, double r, double[] d) {
        Parameters q = p[a];
        double x = r / q.re();
        double rep = term(q.a(), q.alpha(), q.kappa(), x, d);
        double drep = d[0];
        double att = term(q.b(), q.beta(), q.lambda(), x, d);
        d[0] = (drep - d[0]) / q.re();
        return rep - att;
    }

    @Override
    public double density(int a, int b, double r, double[] d) {
        // the density at an atom comes from its neighbor's element b
        return atomicDensity(b, r, d);
    }

    @Override
    public double pair(int a, int b, double r, double[] d) {
        if (a == b) {
            return pairSelf(a, r, d);
        }
        double fa = atomicDensity(a, r, d);
        double dfa = d[0];
        double fb = atomicDensity(b, r, d);
        double dfb = d[0];
        double paa = pairSelf(a, r, d);
        double dpaa = d[0];
        double pbb = pairSelf(b, r, d);
        double dpbb = d[0];
        double ba = fb / fa, ab = fa / fb;
        double dba = (dfb * fa - fb * dfa) / (fa * fa);
        double dab = (dfa * fb - fa * dfb) / (fb * fb);
        d[0] = 0.5 * (dba * paa + ba * dpaa + dab * pbb + ab * dpbb);
        return 0.5 * (ba * paa + ab * pbb);
    }

    @Override
    public double embedding(int a, double rho, double[] d) {
        Parameters q = p[a];
        double rhoN = q.lowFactor() * q.rhoe();
        double rho0 = q.highFactor() * q.rhoe();
        if (rho < rhoN) {
            double u = rho / rhoN - 1.0;
            double[] c = q.fn();
            d[0] = (c[1] + u * (2.0 * c[2] + u * 3.0 * c[3])) / rhoN;
            return c[0] + u * (c[1] + u * (c[2] + u * c[3]));
        } else if (rho < rho0) {
            double u = rho / q.rhoe() - 1.0;
            double[] c = q.f();
            double c3 = rho < q.rhoe() ? c[3] : q.f3Above();
            d[0] = (c[1] + u * (2.0 * c[2] + u * 3.0 * c3)) / q.rhoe();
            return c[0] + u * (c[1] + u * (c[2] + u * c3));
        } else {
            double s = rho / q.rhos();
            double ln = Math.log(s);
            double se = Math.pow(s, q.eta());
            d[0] = -q.fE() * q.eta() * q.eta() * ln * se / rho;
            return q.fE() * (1.0 - q.eta() * ln) * se;
        }
    }

    /**
     * A setfl ({@code eam/alloy}) table of this model as LAMMPS's generator ({@code create.f},
     * {@code create_eam.py}) writes it: r-grid r<sub>i</sub> = i·dr, dr = r<sub>c</sub>/(nr − 1) with
     * the {@linkplain #cutoff() cutoff} r<sub>c</sub>; functions evaluated at max(r<sub>i</sub>, 0.5 Å);
     * ρ-grid j·drho with drho = ρ<sub>max</sub>/(nrho − 1), ρ<sub>max</sub> = max(largest tabulated
     * density, 2·max ρ<sub>e</sub>, 100); r·φ stored for pairs (1,1), (2,1), (2,2), …; element lines
     * "Z mass √2·r_e fcc". Computed in double precision.
     */
    public SetflFile setfl(int nrho, int nr) {
        if (nrho < 5 || nr < 5) {
            throw new InputException("zhou2004 setfl: nrho and nr must be at least 5, got " + nrho + " and " + nr);
        }
        int ne = p.length;
        double dr = cutoff / (nr - 1.0);
        double[] d = new double[1];
        double[][] dens = new double[ne][nr];
        double rhoMax = 100.0;
        for (int a = 0; a < ne; a++) {
            rhoMax = Math.max(rhoMax, 2.0 * p[a].rhoe());
            for (int i = 0; i < nr; i++) {
                double r = Math.max(i * dr, R_MIN_TABLE);
                dens[a][i] = atomicDensity(a, r, d);
                rhoMax = Math.max(rhoMax, dens[a][i]);
            }
        }
        double drho = rhoMax / (nrho - 1.0);
        double[][] emb = new double[ne][nrho];
        double[][][] rho = new double[ne][1][];
        double[] masses = new double[ne];
        String[] lattice = new String[ne];
        String[] symbols = new String[ne];
        for (int a = 0; a < ne; a++) {
            for (int j = 0; j < nrho; j++) {
                emb[a][j] = embedding(a, j * drho, d);
            }
            rho[a][0] = dens[a];
            masses[a] = p[a].mass();
            lattice[a] = String.format(Locale.ROOT, "%.5f fcc", p[a].fccLatticeConstant());
            symbols[a] = p[a].element();
        }
        double[][] rphi = new double[ne * (ne + 1) / 2][nr];
        for (int a = 0; a < ne; a++) {
            for (int b = 0; b <= a; b++) {
                double[] t = rphi[SetflFile.pairIndex(a, b)];
                for (int i = 0; i < nr; i++) {
                    double r = Math.max(i * dr, R_MIN_TABLE);
                    t[i] = r * pair(a, b, r, d);
                }
            }
        }
        String[] comments = {
            "Zhou, Johnson, Wadley, Phys. Rev. B 69, 144113 (2004) analytic EAM",
            "tabulated by Peierls (double precision) for " + String.join(" ", symbols),
            "",
        };
        return new SetflFile(null, comments, symbols, numbers.clone(), masses, lattice, false, nrho, drho, nr, dr,
                cutoff, emb, rho, rphi);
    }

    /**
     * Writes the setfl file of {@code elements} (see {@link #setfl}) to {@code path} atomically.
     *
     * @param nrho ρ samples (LAMMPS's generator uses 2000)
     * @param nr   r samples (2000)
     */
    public static void writeSetfl(Path path, List<String> elements, int nrho, int nr) {
        of(elements).setfl(nrho, nr).write(path);
    }
}
