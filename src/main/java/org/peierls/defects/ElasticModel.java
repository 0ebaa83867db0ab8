package org.peierls.defects;

import org.peierls.atoms.Mat3;

/**
 * Which elastic solution a dislocation builder uses: isotropic (Volterra, Poisson ratio ν) or
 * anisotropic (Stroh, from the cubic constants). Immutable.
 *
 * @param cubic the stiffness in the cube frame (anisotropic), or null
 * @param nu    the Poisson ratio (isotropic), or NaN
 */
public record ElasticModel(Stiffness cubic, double nu) {

    /** Isotropic elasticity with Poisson ratio ν (ν is irrelevant for a pure screw). */
    public static ElasticModel isotropic(double nu) {
        return new ElasticModel(null, nu);
    }

    /** Anisotropic elasticity of a cubic crystal (any stress unit; GPa typical). */
    public static ElasticModel cubic(double c11, double c12, double c44) {
        return new ElasticModel(Stiffness.cubic(c11, c12, c44), Double.NaN);
    }

    /**
     * Isotropic elasticity with the Voigt-average Poisson ratio of a cubic crystal:
     * μ = (C11 − C12 + 3C44)/5, λ = (C11 + 4C12 − 2C44)/5, ν = λ / (2(λ + μ)).
     */
    public static ElasticModel voigtAverage(double c11, double c12, double c44) {
        double mu = (c11 - c12 + 3 * c44) / 5;
        double lambda = (c11 + 4 * c12 - 2 * c44) / 5;
        return isotropic(lambda / (2 * (lambda + mu)));
    }

    public boolean anisotropic() {
        return cubic != null;
    }

    /**
     * The field of a dislocation whose frame is given by {@code rotation} (rows = unit vectors of
     * x, y, z = line in cube coordinates, e.g. {@link org.peierls.atoms.Lattice#rotation}) and
     * whose Burgers vector is {@code burgersCube} in cube coordinates (Å).
     */
    public DislocationField field(double[] rotation, double[] burgersCube) {
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            b[i] = rotation[3 * i] * burgersCube[0] + rotation[3 * i + 1] * burgersCube[1] + rotation[3 * i + 2] * burgersCube[2];
            if (Math.abs(b[i]) < 1e-12 * Mat3.norm(burgersCube)) {
                b[i] = 0;
            }
        }
        if (cubic == null) {
            return new IsotropicDislocation(b, nu);
        }
        return new StrohDislocation(cubic.rotated(rotation), b);
    }
}
