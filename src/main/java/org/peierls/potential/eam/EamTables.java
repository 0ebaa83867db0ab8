package org.peierls.potential.eam;

import java.nio.file.Path;
import java.util.List;
import org.peierls.util.InputException;

/**
 * The tabulated functions of an EAM potential on one common grid, exactly as LAMMPS holds them
 * after reading its files ({@code file2array} in {@code pair_eam*.cpp}), before splining.
 *
 * <p>Energy: E = Σ<sub>i</sub> F<sub>t(i)</sub>(ρ̄<sub>i</sub>) + ½ Σ<sub>i≠j</sub>
 * φ<sub>t(i)t(j)</sub>(r<sub>ij</sub>), ρ̄<sub>i</sub> = Σ<sub>j≠i</sub>
 * ρ<sub>t(i)←t(j)</sub>(r<sub>ij</sub>); F is sampled at ρ = k·drho (k &lt; nrho), ρ and r·φ at
 * r = k·dr (k &lt; nr).</p>
 *
 * @param label     what it was made from ("eam Cu_u3.eam")
 * @param numbers   atomic numbers of the element types {@code [ne]}
 * @param masses    amu {@code [ne]}
 * @param nrho      F samples
 * @param drho      ρ spacing
 * @param rhomax    the density above which LAMMPS extrapolates F linearly
 * @param nr        r samples
 * @param dr        r spacing, Å
 * @param cutoff    force cutoff, Å (pairs with r ≥ cutoff do not interact)
 * @param embedding {@code [ne][nrho]} F, eV
 * @param density   {@code [ne·ne][nr]}: entry {@code a·ne + b} is the density at an atom of type a
 *                  due to a neighbor of type b
 * @param rphi      {@code [ne(ne+1)/2][nr]} r·φ, eV·Å, index {@link SetflFile#pairIndex}
 */
public record EamTables(String label, int[] numbers, double[] masses, int nrho, double drho, double rhomax,
                        int nr, double dr, double cutoff, double[][] embedding, double[][] density, double[][] rphi) {

    /** Hartree·Bohr in eV·Å as LAMMPS writes it for funcfl pair terms: 27.2 × 0.529. */
    public static final double HARTREE_BOHR = 27.2 * 0.529;

    /** Number of element types. */
    public int size() {
        return numbers.length;
    }

    /**
     * LAMMPS's conversion of one or more funcfl files (one per element type) to a common grid: the
     * grid takes the largest dr, drho, (nr−1)·dr and (nrho−1)·drho over the files, with
     * nr = ⌊r<sub>max</sub>/dr + ½⌋ and nrho = ⌊ρ<sub>max</sub>/drho + ½⌋ points; each file's
     * F, ρ and Z are resampled onto it by 4-point Lagrange interpolation (clamped to the file's
     * interior nodes, extrapolating at most two steps); the pair term between elements i and j is
     * r·φ = 27.2·0.529·Z<sub>i</sub>(r)Z<sub>j</sub>(r) — the effective charges multiply (their
     * geometric mean squared), so unlike pairs need no extra parameters. The cutoff is the largest
     * file cutoff.
     *
     * @throws InputException when two files describe the same element
     */
    public static EamTables fromFuncfl(List<FuncflFile> files) {
        int ne = files.size();
        if (ne == 0) {
            throw new InputException("eam: no funcfl file given");
        }
        double dr = 0, drho = 0, rmax = 0, rhomax = 0, cut = 0;
        int[] numbers = new int[ne];
        double[] masses = new double[ne];
        StringBuilder label = new StringBuilder("eam");
        for (int a = 0; a < ne; a++) {
            FuncflFile f = files.get(a);
            for (int b = 0; b < a; b++) {
                if (numbers[b] == f.z()) {
                    throw new InputException("eam: funcfl files " + files.get(b).file() + " and " + f.file()
                            + " both describe " + f.element());
                }
            }
            numbers[a] = f.z();
            masses[a] = f.mass();
            dr = Math.max(dr, f.dr());
            drho = Math.max(drho, f.drho());
            rmax = Math.max(rmax, (f.nr() - 1) * f.dr());
            rhomax = Math.max(rhomax, (f.nrho() - 1) * f.drho());
            cut = Math.max(cut, f.cutoff());
            label.append(a == 0 ? " " : ",").append(f.file() == null ? f.element() : f.file().getFileName());
        }
        int nr = (int) (rmax / dr + 0.5);
        int nrho = (int) (rhomax / drho + 0.5);
        double[][] emb = new double[ne][nrho];
        double[][] dens = new double[ne * ne][];
        double[][] zr = new double[ne][nr];
        for (int a = 0; a < ne; a++) {
            FuncflFile f = files.get(a);
            for (int m = 0; m < nrho; m++) {
                emb[a][m] = lagrange(f.embedding(), f.drho(), m * drho);
            }
            double[] rho = new double[nr];
            for (int m = 0; m < nr; m++) {
                double r = m * dr;
                rho[m] = lagrange(f.density(), f.dr(), r);
                zr[a][m] = lagrange(f.charge(), f.dr(), r);
            }
            // the density an atom receives depends only on its neighbor's element
            for (int b = 0; b < ne; b++) {
                dens[b * ne + a] = rho;
            }
        }
        double[][] rphi = new double[ne * (ne + 1) / 2][nr];
        for (int a = 0; a < ne; a++) {
            for (int b = 0; b <= a; b++) {
                double[] t = rphi[SetflFile.pairIndex(a, b)];
                for (int m = 0; m < nr; m++) {
                    t[m] = HARTREE_BOHR * zr[a][m] * zr[b][m];
                }
            }
        }
        return new EamTables(label.toString(), numbers, masses, nrho, drho, rhomax, nr, dr, cut, emb, dens, rphi);
    }

    /**
     * 4-point Lagrange interpolation of samples {@code f} (spacing h, node k at k·h) at x, as
     * LAMMPS resamples funcfl tables: the stencil starts one node before the interval holding x,
     * is kept inside the table, and the local coordinate is capped at 2 (constant extrapolation of
     * the cubic beyond two steps past the last stencil).
     */
    static double lagrange(double[] f, double h, double x) {
        int n = f.length;
        // 1-based node index as in LAMMPS, so that round-off decisions match
        double p = x / h + 1.0;
        int k = (int) p;
        k = Math.min(k, n - 2);
        k = Math.max(k, 2);
        p -= k;
        p = Math.min(p, 2.0);
        double sixth = 1.0 / 6.0;
        double c1 = -sixth * p * (p - 1.0) * (p - 2.0);
        double c2 = 0.5 * (p * p - 1.0) * (p - 2.0);
        double c3 = -0.5 * p * (p + 1.0) * (p - 2.0);
        double c4 = sixth * p * (p * p - 1.0);
        // 1-based f[k-1], f[k], f[k+1], f[k+2] are 0-based k-2 … k+1
        return c1 * f[k - 2] + c2 * f[k - 1] + c3 * f[k] + c4 * f[k + 1];
    }

    /**
     * The tables of a setfl file (eam/alloy or eam/fs) restricted to {@code use} (element symbols
     * in the file, in the order wanted; null or empty for all), as LAMMPS's pair_coeff maps them.
     *
     * @throws InputException when an element is not in the file
     */
    public static EamTables fromSetfl(SetflFile file, List<String> use) {
        int[] pick;
        if (use == null || use.isEmpty()) {
            pick = new int[file.size()];
            for (int a = 0; a < pick.length; a++) {
                pick[a] = a;
            }
        } else {
            pick = new int[use.size()];
            for (int a = 0; a < pick.length; a++) {
                pick[a] = -1;
                for (int e = 0; e < file.size(); e++) {
                    if (file.elements()[e].equals(use.get(a))) {
                        pick[a] = e;
                    }
                }
                if (pick[a] < 0) {
                    throw new InputException("element " + use.get(a) + " is not in " + file.file()
                            + " (it has " + String.join(",", file.elements()) + ")");
                }
            }
        }
        int ne = pick.length;
        int[] numbers = new int[ne];
        double[] masses = new double[ne];
        double[][] emb = new double[ne][];
        double[][] dens = new double[ne * ne][];
        double[][] rphi = new double[ne * (ne + 1) / 2][];
        for (int a = 0; a < ne; a++) {
            int fa = pick[a];
            numbers[a] = file.numbers()[fa];
            masses[a] = file.masses()[fa];
            emb[a] = file.embedding()[fa];
            for (int b = 0; b < ne; b++) {
                int fb = pick[b];
                // density at an atom of type a due to a neighbor of type b
                dens[a * ne + b] = file.finnisSinclair() ? file.density()[fb][fa] : file.density()[fb][0];
                if (b <= a) {
                    rphi[SetflFile.pairIndex(a, b)] = file.rphi()[SetflFile.pairIndex(fa, fb)];
                }
            }
        }
        String style = file.finnisSinclair() ? "eam/fs" : "eam/alloy";
        Path p = file.file();
        String label = style + " " + (p == null ? String.join(",", file.elements()) : p.getFileName().toString());
        return new EamTables(label, numbers, masses, file.nrho(), file.drho(), (file.nrho() - 1) * file.drho(),
                file.nr(), file.dr(), file.cutoff(), emb, dens, rphi);
    }
}
