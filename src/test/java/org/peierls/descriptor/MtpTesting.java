package org.peierls.descriptor;

import java.util.Random;

/** Random MTP parameters for tests. */
public final class MtpTesting {
    private MtpTesting() {
    }

    /**
     * A level-L MTP with random radial coefficients of size ~{@code scale} (moments of order one
     * for ~50 neighbors between 2 and 5 Å), Chebyshev basis of {@code size} on [minDist, maxDist].
     */
    public static MtpParameters random(int level, int[] species, double minDist, double maxDist, int size, double scale,
                                       long seed) {
        MomentTensorBasis basis = MomentTensorBasis.ofLevel(level);
        int t = species.length;
        double[] c = new double[t * t * basis.radialFunctions() * size];
        Random r = new Random(seed);
        for (int k = 0; k < c.length; k++) {
            c[k] = scale * r.nextGaussian();
        }
        return new MtpParameters(species, basis, new ChebyshevRadialBasis(minDist, maxDist, size), c);
    }

    /** Random shared weights ξ {@code [n]} of size ~{@code scale}. */
    public static double[] weights(int n, double scale, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = scale * r.nextGaussian();
        }
        return x;
    }
}
