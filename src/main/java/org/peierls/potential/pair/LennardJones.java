package org.peierls.potential.pair;

import org.peierls.atoms.Structure;
import org.peierls.util.InputException;

/**
 * The 12-6 Lennard-Jones potential shifted to zero at the cutoff (LAMMPS {@code lj/cut} with
 * {@code pair_modify shift yes}): φ(r) = 4ε[(σ/r)<sup>12</sup> − (σ/r)<sup>6</sup>] − φ<sub>LJ</sub>(r<sub>c</sub>)
 * for r &lt; r<sub>c</sub>, the same for every element.
 */
public final class LennardJones extends PairPotential {

    private final double epsilon;
    private final double sigma;
    private final double cutoff;
    private final double shift;

    /**
     * @param epsilon well depth ε, eV (&gt; 0)
     * @param sigma   zero-crossing distance σ of the unshifted potential, Å (&gt; 0)
     * @param cutoff  r<sub>c</sub>, Å (&gt; 0)
     */
    public LennardJones(double epsilon, double sigma, double cutoff) {
        if (!(epsilon > 0) || !(sigma > 0) || !(cutoff > 0) || !Double.isFinite(epsilon + sigma + cutoff)) {
            throw new InputException("lj: epsilon, sigma and cutoff must be positive, got " + epsilon + ", " + sigma + ", " + cutoff);
        }
        this.epsilon = epsilon;
        this.sigma = sigma;
        this.cutoff = cutoff;
        this.shift = raw(cutoff);
    }

    private double raw(double r) {
        double sr6 = Math.pow(sigma / r, 6);
        return 4.0 * epsilon * (sr6 * sr6 - sr6);
    }

    @Override
    protected double energy(int ti, int tj, double r, double[] derivative) {
        double s2 = sigma * sigma / (r * r);
        double sr6 = s2 * s2 * s2;
        derivative[0] = -24.0 * epsilon * (2.0 * sr6 * sr6 - sr6) / r;
        return 4.0 * epsilon * (sr6 * sr6 - sr6) - shift;
    }

    @Override
    protected int[] types(Structure structure) {
        return new int[structure.size()];
    }

    /** The parameter epsilon of the constructor. */
    public double epsilon() {
        return epsilon;
    }

    /** The parameter sigma of the constructor. */
    public double sigma() {
        return sigma;
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
        return "lj:" + epsilon + "," + sigma + "," + cutoff;
    }
}
