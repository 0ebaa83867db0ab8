package org.peierls.fit;

import org.peierls.descriptor.BispectrumParameters;
import org.peierls.util.InputException;

/**
 * The options of a (quadratic) SNAP fit ({@code peierls fit --model snap|qsnap}, a study's SNAP
 * student): the bispectrum's hyper-parameters and the least-squares solver. Lists are candidates
 * that cross-validation chooses from (several 2J_max, rcutfac or ridge penalties).
 *
 * @param twojmax    candidate 2J_max values
 * @param rcutfac    candidate rcutfac values, Å
 * @param rfac0      θ0 scale
 * @param rmin0      inner radius, Å
 * @param switchFlag smooth cutoff function
 * @param bzeroFlag  subtract the isolated-atom bispectrum
 * @param radelem    per element (null: 0.5 each)
 * @param wj         per element (null: 1.0 each)
 * @param solver     svd, qr or ridge
 * @param rcond      SVD cut-off relative to the largest singular value
 * @param ridge      candidate ridge penalties λ (with solver ridge)
 */
public record SnapOptions(int[] twojmax, double[] rcutfac, double rfac0, double rmin0, boolean switchFlag, boolean bzeroFlag,
                          double[] radelem, double[] wj, String solver, double rcond, double[] ridge) {

    public SnapOptions {
        if (twojmax == null || twojmax.length == 0 || rcutfac == null || rcutfac.length == 0) {
            throw new InputException("--twojmax and --rcutfac need at least one value");
        }
        for (int j : twojmax) {
            if (j < 0 || j > 20) {
                throw new InputException("twojmax must be in 0…20, got " + j);
            }
        }
        for (double r : rcutfac) {
            if (!(r > 0)) {
                throw new InputException("rcutfac must be positive, got " + r);
            }
        }
        ridge = ridge == null || ridge.length == 0 ? new double[]{0} : ridge.clone();
        for (double l : ridge) {
            if (!(l >= 0)) {
                throw new InputException("--ridge must be ≥ 0, got " + l);
            }
        }
        solver = solver == null ? "svd" : solver;
        if (!(rcond >= 0 && rcond < 1)) {
            throw new InputException("--rcond must be in [0, 1), got " + rcond);
        }
        Solver.named(solver, rcond, 0); // an unknown solver is an error before any descriptor is computed
    }

    /** The solvers to try: one per ridge penalty with the ridge solver, else the one named. */
    public java.util.List<Solver> solvers() {
        java.util.List<Solver> out = new java.util.ArrayList<>();
        if (solver.equalsIgnoreCase("ridge")) {
            for (double l : ridge) {
                out.add(new RidgeSolver(l));
            }
        } else {
            out.add(Solver.named(solver, rcond == 0 ? SvdSolver.FITSNAP_RCOND : rcond, 0));
        }
        return out;
    }

    /** The fit settings of one candidate on these elements. */
    SnapSettings settings(boolean quadratic, int[] z, int j, double rc, Reference reference, boolean fitBias, Solver s) {
        double[] rad = radelem != null ? radelem : filled(z.length, 0.5);
        double[] w = wj != null ? wj : filled(z.length, 1.0);
        if (rad.length != z.length || w.length != z.length) {
            throw new InputException("--radelem and --wj need one value per element (" + FitRunner.symbols(z) + ")");
        }
        BispectrumParameters p;
        try {
            p = new BispectrumParameters(rc, j, rfac0, rmin0, switchFlag, bzeroFlag, false, z, rad, w);
        } catch (IllegalArgumentException e) {
            throw new InputException("bispectrum: " + e.getMessage());
        }
        return new SnapSettings(p, quadratic, fitBias, reference, s);
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
