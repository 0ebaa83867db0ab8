package org.peierls.sim.neb;

import java.util.List;
import java.util.Locale;
import org.peierls.optim.Minimization;

/**
 * The relaxed band.
 *
 * @param points        every image's point, end points included (for atoms: free position
 *                      components, Å)
 * @param energies      every image's energy, eV
 * @param pathLength    cumulative distance along the band at each image (reaction coordinate), Å
 * @param tangentForces true force along the tangent at each image, eV/Å (0 at the end points)
 * @param saddleImage   index of the highest-energy image (the climbing image when climbing)
 * @param climbed       whether the climbing image was active at the end
 * @param minimization  how the last FIRE stage ended
 * @param steps         FIRE iterations over both stages
 */
public record NebResult(List<double[]> points, double[] energies, double[] pathLength, double[] tangentForces,
                        int saddleImage, boolean climbed, Minimization minimization, int steps) {

    /** Forward barrier: highest image energy minus the initial energy, eV. */
    public double barrier() {
        return energies[saddleImage] - energies[0];
    }

    /** Reverse barrier: highest image energy minus the final energy, eV. */
    public double reverseBarrier() {
        return energies[saddleImage] - energies[energies.length - 1];
    }

    /** Reaction energy: final minus initial, eV. */
    public double reactionEnergy() {
        return energies[energies.length - 1] - energies[0];
    }

    public boolean converged() {
        return minimization.converged();
    }

    /** The energy profile as an aligned text table: image, reaction coordinate, E − E₀, F∥. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%6s %14s %14s %14s%n", "image", "path_A", "energy_eV", "f_tangent"));
        for (int i = 0; i < energies.length; i++) {
            sb.append(String.format(Locale.ROOT, "%6d %14.6f %14.6f %14.6f%s%n", i, pathLength[i], energies[i] - energies[0],
                    tangentForces[i], i == saddleImage ? "  saddle" : ""));
        }
        return sb.toString();
    }

    /**
     * The profile E(s) − E₀ on a fine grid by piecewise cubic Hermite interpolation through the
     * image energies with slopes dE/ds = −F∥ (as ASE's NEBTools does).
     *
     * @return {@code [2][points]}: s (Å) and E − E₀ (eV)
     */
    public double[][] spline(int samples) {
        int m = energies.length;
        double[][] out = new double[2][samples];
        double total = pathLength[m - 1];
        int seg = 0;
        for (int p = 0; p < samples; p++) {
            double s = total * p / (samples - 1);
            while (seg < m - 2 && s > pathLength[seg + 1]) {
                seg++;
            }
            double s0 = pathLength[seg], s1 = pathLength[seg + 1];
            double h = s1 - s0;
            double t = h > 0 ? (s - s0) / h : 0;
            double e0 = energies[seg] - energies[0], e1 = energies[seg + 1] - energies[0];
            double d0 = -tangentForces[seg] * h, d1 = -tangentForces[seg + 1] * h;
            double t2 = t * t, t3 = t2 * t;
            out[0][p] = s;
            out[1][p] = (2 * t3 - 3 * t2 + 1) * e0 + (t3 - 2 * t2 + t) * d0 + (-2 * t3 + 3 * t2) * e1 + (t3 - t2) * d1;
        }
        return out;
    }
}
