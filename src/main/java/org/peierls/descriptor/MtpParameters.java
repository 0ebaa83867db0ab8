package org.peierls.descriptor;

import java.util.Arrays;

/**
 * Everything that fixes the MTP descriptor: the element types, the basis program, the radial
 * basis and the radial coefficients c. The radial function μ between a central atom of type t_i
 * and a neighbor of type t_j is f_μ(r) = Σ_k c[t_i, t_j, μ, k]·Q_k(r) (MLIP's
 * {@code radial_coeffs}, block "t_i-t_j").
 *
 * @param species            atomic numbers of the types, in type order {@code [T]}
 * @param basis              the basis functions
 * @param radial             the radial basis (its max_dist is the cutoff)
 * @param radialCoefficients c {@code [T·T·K·R]} at {@code ((t_i·T + t_j)·K + μ)·R + k}, K =
 *                           {@link MomentTensorBasis#radialFunctions()}, R = radial basis size
 */
public record MtpParameters(int[] species, MomentTensorBasis basis, ChebyshevRadialBasis radial,
                            double[] radialCoefficients) {

    public MtpParameters {
        if (species.length == 0) {
            throw new IllegalArgumentException("an MTP needs at least one element type");
        }
        species = species.clone();
        radialCoefficients = radialCoefficients.clone();
        int need = species.length * species.length * basis.radialFunctions() * radial.size();
        if (radialCoefficients.length != need) {
            throw new IllegalArgumentException("MTP radial coefficients: " + radialCoefficients.length + " given, "
                    + need + " needed (" + species.length + "² pairs × " + basis.radialFunctions() + " functions × "
                    + radial.size() + " basis functions)");
        }
        for (double v : radialCoefficients) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("MTP radial coefficient is not finite: " + v);
            }
        }
    }

    /** Number of element types T. */
    public int types() {
        return species.length;
    }

    /** Number of radial coefficients T²·K·R. */
    public int radialCoefficientCount() {
        return radialCoefficients.length;
    }

    /** Index of c[t_i, t_j, μ, k]. */
    public int index(int ti, int tj, int mu, int k) {
        return ((ti * species.length + tj) * basis.radialFunctions() + mu) * radial.size() + k;
    }

    /** A copy with other radial coefficients. */
    public MtpParameters withRadialCoefficients(double[] c) {
        return new MtpParameters(species, basis, radial, c);
    }

    @Override
    public int[] species() {
        return species.clone();
    }

    @Override
    public double[] radialCoefficients() {
        return radialCoefficients.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MtpParameters p && Arrays.equals(species, p.species) && basis.equals(p.basis)
                && radial.equals(p.radial) && Arrays.equals(radialCoefficients, p.radialCoefficients);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(radialCoefficients) * 31 + basis.hashCode();
    }

    @Override
    public String toString() {
        return "MtpParameters[" + basis.describe() + ", " + radial + "]";
    }
}
