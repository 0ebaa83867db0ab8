package org.peierls.descriptor;

import java.util.Arrays;
import org.peierls.atoms.Element;

/**
 * Parameters of the SNAP bispectrum descriptor, with LAMMPS's names ({@code pair_style snap},
 * {@code compute sna/atom}).
 *
 * <p>The pair (i, j) is a neighbor when r_ij &lt; R_ij = rcutfac·(radelem_i + radelem_j); the
 * neighbor's density contribution is weighted by wj of its element and, with {@code switchFlag},
 * by f_c(r) = ½(cos(π(r − rmin0)/(R_ij − rmin0)) + 1) (Thompson et al., J. Comput. Phys. 285, 316
 * (2015), eq. 5). The map onto the 3-sphere uses θ0 = rfac0·π·(r − rmin0)/(R_ij − rmin0)
 * (eq. 3).</p>
 *
 * @param rcutfac   cutoff scale, Å
 * @param twojmax   2·J_max: band limit of the hyperspherical harmonics (6 → 30 components, 8 → 55)
 * @param rfac0     θ0 scale (0 &lt; rfac0 &lt; 1; 0.99363 in LAMMPS)
 * @param rmin0     inner radius of θ0 and f_c, Å
 * @param switchFlag smooth cutoff function on (LAMMPS default) or off
 * @param bzeroFlag  subtract the bispectrum of an isolated atom, B0_j = j+1 (1 with bnorm)
 * @param bnormFlag  divide Z_{j1 j2 j} by j+1 (LAMMPS's bnormflag)
 * @param elements  atomic numbers of the element types, in the order of the potential's types
 * @param radelem   per-type radius (dimensionless scale of rcutfac)
 * @param wj        per-type neighbor weight
 */
public record BispectrumParameters(double rcutfac, int twojmax, double rfac0, double rmin0, boolean switchFlag,
                                   boolean bzeroFlag, boolean bnormFlag, int[] elements, double[] radelem,
                                   double[] wj) {

    public BispectrumParameters {
        if (!(rcutfac > 0) || !Double.isFinite(rcutfac)) {
            throw new IllegalArgumentException("rcutfac must be positive, got " + rcutfac);
        }
        if (twojmax < 0 || twojmax > 20) {
            throw new IllegalArgumentException("twojmax must be in 0…20, got " + twojmax);
        }
        if (!(rfac0 > 0 && rfac0 <= 1)) {
            throw new IllegalArgumentException("rfac0 must be in (0, 1], got " + rfac0);
        }
        if (!(rmin0 >= 0) || !Double.isFinite(rmin0)) {
            throw new IllegalArgumentException("rmin0 must be ≥ 0, got " + rmin0);
        }
        if (elements.length == 0 || radelem.length != elements.length || wj.length != elements.length) {
            throw new IllegalArgumentException("need one radelem and one wj per element, got " + elements.length
                    + " elements, " + radelem.length + " radelem, " + wj.length + " wj");
        }
        elements = elements.clone();
        radelem = radelem.clone();
        wj = wj.clone();
        for (int t = 0; t < elements.length; t++) {
            Element.symbol(elements[t]); // validates the atomic number
            if (!(radelem[t] > 0) || !Double.isFinite(wj[t])) {
                throw new IllegalArgumentException("element " + Element.symbol(elements[t])
                        + ": radelem must be positive and wj finite, got " + radelem[t] + ", " + wj[t]);
            }
            if (rcutfac * 2 * radelem[t] <= rmin0) {
                throw new IllegalArgumentException("cutoff " + rcutfac * 2 * radelem[t] + " Å of element "
                        + Element.symbol(elements[t]) + " is not beyond rmin0 = " + rmin0);
            }
        }
    }

    /** One element with LAMMPS's defaults for the optional keywords (rfac0 0.99363, rmin0 0, switch on, bzero on). */
    public static BispectrumParameters lammpsDefaults(double rcutfac, int twojmax, int element, double radelem, double wj) {
        return new BispectrumParameters(rcutfac, twojmax, 0.99363, 0.0, true, true, false,
                new int[]{element}, new double[]{radelem}, new double[]{wj});
    }

    /** Number of bispectrum components per atom. */
    public int components() {
        return BispectrumIndex.componentCount(twojmax);
    }

    /** Cutoff of the pair of types (a, b), Å. */
    public double cutoff(int a, int b) {
        return rcutfac * (radelem[a] + radelem[b]);
    }

    /** The largest pair cutoff, Å. */
    public double maxCutoff() {
        double m = 0;
        for (double r : radelem) {
            m = Math.max(m, r);
        }
        return 2 * m * rcutfac;
    }

    @Override
    public int[] elements() {
        return elements.clone();
    }

    @Override
    public double[] radelem() {
        return radelem.clone();
    }

    @Override
    public double[] wj() {
        return wj.clone();
    }

    /** Same parameters with other flags (helper for tests and fitting). */
    public BispectrumParameters withFlags(boolean switchOn, boolean bzeroOn, boolean bnormOn) {
        return new BispectrumParameters(rcutfac, twojmax, rfac0, rmin0, switchOn, bzeroOn, bnormOn, elements, radelem, wj);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BispectrumParameters p && p.rcutfac == rcutfac && p.twojmax == twojmax
                && p.rfac0 == rfac0 && p.rmin0 == rmin0 && p.switchFlag == switchFlag && p.bzeroFlag == bzeroFlag
                && p.bnormFlag == bnormFlag && Arrays.equals(p.elements, elements)
                && Arrays.equals(p.radelem, radelem) && Arrays.equals(p.wj, wj);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[]{rcutfac, twojmax, rfac0, rmin0}) * 31 + Arrays.hashCode(elements);
    }

    @Override
    public String toString() {
        return "BispectrumParameters[rcutfac=" + rcutfac + ", twojmax=" + twojmax + ", rfac0=" + rfac0 + ", rmin0="
                + rmin0 + ", switch=" + switchFlag + ", bzero=" + bzeroFlag + ", bnorm=" + bnormFlag + ", elements="
                + Arrays.toString(elements) + ", radelem=" + Arrays.toString(radelem) + ", wj=" + Arrays.toString(wj) + "]";
    }
}
