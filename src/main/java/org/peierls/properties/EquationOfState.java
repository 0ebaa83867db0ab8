package org.peierls.properties;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.peierls.atoms.Cell;
import org.peierls.atoms.Lattice;
import org.peierls.atoms.LatticeType;
import org.peierls.atoms.Structure;
import org.peierls.atoms.Units;
import org.peierls.potential.Potential;
import org.peierls.util.Charts;
import org.peierls.util.InputException;

/**
 * Lattice constant, cohesive energy and bulk modulus of a one-element bcc, fcc or hcp crystal.
 *
 * <ol>
 *   <li>The lattice constant is the minimum of the energy per atom E(a) of the perfect crystal
 *       (cubic: the conventional cell; hcp: the orthohexagonal cell at the c/a from a full cell
 *       relaxation), located by a scan (from a guess, or inward from a nearest-neighbour distance
 *       of 4.5 Å, taking the first minimum met, so that spurious deep minima of a badly fitted
 *       model at short distances are not taken) and refined by golden-section search to 10⁻⁶ Å.</li>
 *   <li>Around it, E(V) per atom on {@code points} volumes V₀(1 + s), |s| ≤ {@code volumeStrain},
 *       is fitted with the fourth-order Birch–Murnaghan equation of state (Birch, Phys. Rev. 71
 *       (1947) 809; J. Geophys. Res. 83 (1978) 1257), a quartic polynomial in V^(−2/3): the bulk
 *       modulus B₀ = V d²E/dV² and its pressure derivative B₀′ follow from that polynomial at its
 *       minimum. (The third-order form, a cubic, misses the quartic term of tabulated EAM
 *       potentials: for Mishin's Cu it gives B₀ 0.6 % above the zero-pressure curvature on ±2 %.)</li>
 *   <li>The cohesive energy is E_atom − E₀, with E_atom the energy of one isolated atom (for
 *       potentials with a per-atom constant, as machine-learned ones have, it is not zero).</li>
 * </ol>
 */
public final class EquationOfState {

    /**
     * @param points       number of volumes in the fit (≥ 5)
     * @param volumeStrain half-width of the volume range as a fraction of V₀ (e.g. 0.05)
     * @param guessA       starting lattice constant a, Å, or NaN to scan
     * @param relax        settings of the hcp cell relaxation (c/a)
     */
    public record Options(int points, double volumeStrain, double guessA, RelaxSettings relax) {
        public Options {
            if (points < 5 || !(volumeStrain > 0 && volumeStrain < 0.3)) {
                throw new IllegalArgumentException("equation of state needs ≥ 5 points and 0 < volume strain < 0.3");
            }
        }

        /** 11 volumes within ±2 % (B₀ is then the zero-pressure curvature to ~0.2 %), lattice constant scanned. */
        public static Options defaults() {
            return new Options(11, 0.02, Double.NaN, RelaxSettings.defaults().withFmax(1e-5));
        }

        public Options withGuess(double a) {
            return new Options(points, volumeStrain, a, relax);
        }
    }

    /**
     * @param crystal          the reference crystal at the minimum (a, c, energy per atom)
     * @param cohesiveEnergy   E_atom − E₀, eV per atom (positive for a bound crystal)
     * @param isolatedAtom     energy of one isolated atom, eV
     * @param bulkModulusGpa   B₀, GPa
     * @param bulkModulusPrime B₀′ (dimensionless)
     * @param fitVolume        V₀ of the Birch–Murnaghan fit, Å³ per atom
     * @param fitEnergy        E₀ of the fit, eV per atom
     * @param volumes          sampled volumes, Å³ per atom
     * @param energies         energy per atom at each volume, eV
     * @param fitRmsMev        root-mean-square residual of the fit, meV per atom
     * @param curveVolumes     the fitted curve sampled on 100 volumes over the range, Å³ per atom
     * @param curveEnergies    the fitted energy there, eV per atom
     */
    public record Result(ReferenceCrystal crystal, double cohesiveEnergy, double isolatedAtom, double bulkModulusGpa,
                         double bulkModulusPrime, double fitVolume, double fitEnergy, double[] volumes, double[] energies,
                         double fitRmsMev, double[] curveVolumes, double[] curveEnergies) {

        /** JSON fields (snake_case, units in the names). */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lattice", crystal.lattice().label());
            m.put("lattice_constant_a", crystal.a());
            if (!crystal.cubic()) {
                m.put("lattice_constant_c", crystal.c());
                m.put("c_over_a", crystal.c() / crystal.a());
            }
            m.put("energy_per_atom_ev", crystal.energyPerAtom());
            m.put("isolated_atom_energy_ev", isolatedAtom);
            m.put("cohesive_energy_ev", cohesiveEnergy);
            m.put("bulk_modulus_gpa", bulkModulusGpa);
            m.put("bulk_modulus_derivative", bulkModulusPrime);
            m.put("volume_per_atom_a3", fitVolume);
            m.put("fit_rms_mev_per_atom", fitRmsMev);
            m.put("volumes_a3", volumes);
            m.put("energies_ev_per_atom", energies);
            return m;
        }

        /** E(V) points and the Birch–Murnaghan curve. */
        public byte[] png(String title) {
            XYChart chart = Charts.xy(title, "volume per atom (Å³)", "energy per atom (eV)");
            XYSeries pts = chart.addSeries("computed", volumes, energies);
            pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            XYSeries fit = chart.addSeries(String.format(java.util.Locale.ROOT, "Birch–Murnaghan: B = %.1f GPa, B' = %.2f",
                    bulkModulusGpa, bulkModulusPrime), curveVolumes, curveEnergies);
            fit.setMarker(SeriesMarkers.NONE);
            return Charts.png(chart);
        }

    }

    private EquationOfState() {
    }

    /**
     * Runs the calculation.
     *
     * @throws InputException when E(a) has no minimum in the scanned range
     */
    public static Result compute(Potential potential, String element, LatticeType lattice, Options options) {
        double cOverA = Lattice.IDEAL_C_OVER_A;
        DoubleUnaryOperator perAtom = a -> energyPerAtom(potential, element, lattice, a, Lattice.IDEAL_C_OVER_A * a);
        double a0 = minimumAlong(perAtom, lattice, options.guessA());
        double c0 = Double.NaN;
        if (lattice == LatticeType.HCP) {
            Structure cell = Lattice.hcpOrthogonal(element, a0, cOverA * a0);
            RelaxSettings.Relaxed r = options.relax().relaxWithCell(cell, potential, new boolean[]{true, true, true, false, false, false});
            double[] len = r.structure().cell().lengths();
            a0 = len[0];
            cOverA = len[2] / a0;
            double ratio = cOverA;
            a0 = golden(a -> energyPerAtom(potential, element, lattice, a, ratio * a), a0 * 0.99, a0 * 1.01);
            c0 = cOverA * a0;
        }
        ReferenceCrystal crystal = ReferenceCrystal.at(potential, element, lattice, a0, c0);
        double v0 = crystal.volumePerAtom();
        int np = options.points();
        double[] vol = new double[np], en = new double[np], x = new double[np];
        for (int p = 0; p < np; p++) {
            double s = -options.volumeStrain() + 2 * options.volumeStrain() * p / (np - 1);
            vol[p] = v0 * (1 + s);
            double a = a0 * Math.cbrt(1 + s);
            en[p] = energyPerAtom(potential, element, lattice, a, lattice == LatticeType.HCP ? cOverA * a : Double.NaN);
            x[p] = Math.pow(vol[p], -2.0 / 3);
        }
        Polynomials.Fit fit = Polynomials.fit(x, en, 4);
        // the stationary point of the quartic E(x) nearest x(V₀) (Newton from there)
        double xs = Math.pow(v0, -2.0 / 3);
        for (int it = 0; it < 100; it++) {
            double step = fit.derivative(xs, 1) / fit.derivative(xs, 2);
            xs -= step;
            if (Math.abs(step) < 1e-15 * xs) {
                break;
            }
        }
        double vf = Math.pow(xs, -1.5);
        double e1 = fit.derivative(xs, 2), e3 = fit.derivative(xs, 3);
        double xp = -2.0 / 3 * Math.pow(vf, -5.0 / 3);
        double xpp = 10.0 / 9 * Math.pow(vf, -8.0 / 3);
        double b0 = vf * e1 * xp * xp;
        double bPrime = -1 - vf * vf / b0 * (e3 * xp * xp * xp + 3 * e1 * xp * xpp);
        double rms = 0;
        for (int p = 0; p < np; p++) {
            double r = fit.value(x[p]) - en[p];
            rms += r * r;
        }
        rms = Math.sqrt(rms / np) * 1e3;
        double isolated = isolatedAtomEnergy(potential, element);
        int nc = 100;
        double[] cv = new double[nc], ce = new double[nc];
        for (int p = 0; p < nc; p++) {
            cv[p] = vol[0] + (vol[np - 1] - vol[0]) * p / (nc - 1);
            ce[p] = fit.value(Math.pow(cv[p], -2.0 / 3));
        }
        return new Result(crystal, isolated - crystal.energyPerAtom(), isolated, b0 * Units.EV_PER_A3_TO_GPA, bPrime, vf,
                fit.value(xs), vol, en, rms, cv, ce);
    }

    /** Energy per atom of the perfect crystal (cubic: conventional cell; hcp: orthohexagonal cell), eV. */
    static double energyPerAtom(Potential potential, String element, LatticeType lattice, double a, double c) {
        Structure s = lattice == LatticeType.HCP ? Lattice.hcpOrthogonal(element, a, c) : Lattice.cubic(lattice, new String[]{element}, a);
        return potential.compute(s).energy() / s.size();
    }

    /** Energy of one atom alone in a periodic box wider than twice the cutoff, eV. */
    static double isolatedAtomEnergy(Potential potential, String element) {
        double l = 2 * potential.cutoff() + 5;
        Structure s = Structure.builder(Cell.orthorhombic(l, l, l)).add(element, 0.5 * l, 0.5 * l, 0.5 * l).build();
        return potential.compute(s).energy();
    }

    /** Nearest-neighbour distance / a. */
    static double nnFactor(LatticeType lattice) {
        return switch (lattice) {
            case BCC -> Math.sqrt(3) / 2;
            case FCC -> Math.sqrt(0.5);
            default -> 1.0;
        };
    }

    /**
     * The minimum of E(a): a scan (±8 % around the guess in 0.5 % steps, or inward from d_nn = 4.5 Å
     * to 1.5 Å in 0.02 Å steps, taking the first local minimum) refined by golden-section search.
     */
    static double minimumAlong(DoubleUnaryOperator e, LatticeType lattice, double guess) {
        double[] grid;
        if (Double.isNaN(guess)) {
            double f = nnFactor(lattice);
            int n = (int) Math.round((4.5 - 1.5) / 0.02) + 1;
            grid = new double[n];
            for (int i = 0; i < n; i++) {
                grid[i] = (4.5 - 0.02 * i) / f;
            }
        } else {
            if (!(guess > 0)) {
                throw new InputException("lattice constant guess must be positive, got " + guess);
            }
            int n = 33;
            grid = new double[n];
            for (int i = 0; i < n; i++) {
                grid[i] = guess * (1.08 - 0.005 * i);
            }
        }
        double prev2 = Double.NaN, prev = e.applyAsDouble(grid[0]);
        for (int i = 1; i < grid.length; i++) {
            double cur = e.applyAsDouble(grid[i]);
            if (i >= 2 && prev < prev2 && prev <= cur) {
                return golden(e, grid[i], grid[i - 2]);
            }
            prev2 = prev;
            prev = cur;
        }
        throw new InputException(String.format(java.util.Locale.ROOT,
                "the energy of the perfect %s crystal has no minimum for a in [%.3f, %.3f] Å (give --a0 near the expected value?)",
                lattice.label(), grid[grid.length - 1], grid[0]));
    }

    /** Golden-section search for the minimum of e on [lo, hi] to 10⁻⁷ Å. */
    static double golden(DoubleUnaryOperator e, double lo, double hi) {
        double g = (Math.sqrt(5) - 1) / 2;
        double a = lo, b = hi;
        double x1 = b - g * (b - a), x2 = a + g * (b - a);
        double f1 = e.applyAsDouble(x1), f2 = e.applyAsDouble(x2);
        while (b - a > 1e-7) {
            if (f1 < f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - g * (b - a);
                f1 = e.applyAsDouble(x1);
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + g * (b - a);
                f2 = e.applyAsDouble(x2);
            }
        }
        return 0.5 * (a + b);
    }
}
