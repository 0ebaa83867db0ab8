package org.peierls.model;

/**
 * E_i = β0 + β·B_i (linear SNAP, Thompson et al. (2015), eq. 14); β_i = β for every atom.
 * Parameters in the order (β0, β1, …, βn), which is also LAMMPS's {@code .snapcoeff} order.
 */
public final class LinearModel implements Model {

    private final double bias;
    private final double[] weights;

    /**
     * @param bias    β0, eV
     * @param weights β {@code [size]}, eV per descriptor unit
     */
    public LinearModel(double bias, double[] weights) {
        this.bias = bias;
        this.weights = weights.clone();
        for (double v : weights) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("linear model coefficient is not finite: " + v);
            }
        }
    }

    /** From LAMMPS's coefficient list {β0, β1, …, βn}. */
    public static LinearModel fromCoefficients(double[] c) {
        if (c.length < 1) {
            throw new IllegalArgumentException("a linear model needs at least β0");
        }
        return new LinearModel(c[0], java.util.Arrays.copyOfRange(c, 1, c.length));
    }

    public double bias() {
        return bias;
    }

    public double[] weights() {
        return weights.clone();
    }

    @Override
    public int descriptorSize() {
        return weights.length;
    }

    @Override
    public int parameterCount() {
        return weights.length + 1;
    }

    @Override
    public double evaluate(double[] b, int offset, double[] beta, int betaOffset) {
        double e = bias;
        for (int k = 0; k < weights.length; k++) {
            e += weights[k] * b[offset + k];
        }
        System.arraycopy(weights, 0, beta, betaOffset, weights.length);
        return e;
    }

    /** ∂E_i/∂θ = (1, B_i). */
    @Override
    public double parameterGradient(double[] b, int offset, double[] gradient, int gradientOffset) {
        gradient[gradientOffset] = 1;
        double e = bias;
        for (int k = 0; k < weights.length; k++) {
            double v = b[offset + k];
            gradient[gradientOffset + 1 + k] = v;
            e += weights[k] * v;
        }
        return e;
    }

    @Override
    public double[] parameters() {
        double[] c = new double[weights.length + 1];
        c[0] = bias;
        System.arraycopy(weights, 0, c, 1, weights.length);
        return c;
    }
}
