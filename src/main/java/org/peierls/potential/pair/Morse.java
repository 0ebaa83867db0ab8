package org.peierls.potential.pair;

import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

/**
 * The Morse potential shifted to zero at the cutoff (LAMMPS {@code morse} with
 * {@code pair_modify shift yes}): φ(r) = D<sub>0</sub>[e<sup>−2α(r−r<sub>0</sub>)</sup> −
 * 2e<sup>−α(r−r<sub>0</sub>)</sup>] − φ<sub>M</sub>(r<sub>c</sub>) for r &lt; r<sub>c</sub>, the same
 * for every element.
 */
public final class Morse extends PairPotential {

    private final double d0;
    private final double alpha;
    private final double r0;
    private final double cutoff;
    private final double shift;

    /**
     * @param d0     well depth D<sub>0</sub>, eV (&gt; 0)
     * @param alpha  stiffness α, Å⁻¹ (&gt; 0)
     * @param r0     equilibrium distance, Å (&gt; 0)
     * @param cutoff r<sub>c</sub>, Å (&gt; 0)
     */
    public Morse(double d0, double alpha, double r0, double cutoff) {
        if (!(d0 > 0) || !(alpha > 0) || !(r0 > 0) || !(cutoff > 0) || !Double.isFinite(d0 + alpha + r0 + cutoff)) {
            throw new InputException("morse: D0, alpha, r0 and cutoff must be positive, got " + d0 + ", " + alpha
                    + ", " + r0 + ", " + cutoff);
        }
        this.d0 = d0;
        this.alpha = alpha;
        this.r0 = r0;
        this.cutoff = cutoff;
        double e = Math.exp(-alpha * (cutoff - r0));
        this.shift = d0 * (e * e - 2.0 * e);
    }

    @Override
    protected double energy(int ti, int tj, double r, double[] derivative) {
        double e = Math.exp(-alpha * (r - r0));
        derivative[0] = 2.0 * alpha * d0 * (e - e * e);
        return d0 * (e * e - 2.0 * e) - shift;
    }

    @Override
    protected int[] types(Structure structure) {
        return new int[structure.size()];
    }

    /** The parameter d0 of the constructor. */
    public double d0() {
        return d0;
    }

    /** The parameter alpha of the constructor. */
    public double alpha() {
        return alpha;
    }

    /** The parameter r0 of the constructor. */
    public double r0() {
        return r0;
    }

    @Override
    public double cutoff() {
        return cutoff;
    }

    @Override
    public int[] species() {
        return new int[0];
    }

    @Override
    public String describe() {
        return "morse:" + d0 + "," + alpha + "," + r0 + "," + cutoff;
    }
}
