package org.peierls.testutil;

/**
 * Mean of a correlated time series with its standard error by block averaging (Flyvbjerg &amp;
 * Petersen 1989): the series is cut into {@code blocks} consecutive blocks, and the error is the
 * standard deviation of the block means over √(blocks − 1). Blocks much longer than the
 * correlation time make the error honest.
 */
public final class BlockAverage {
    private final double[] values;
    private int n;

    public BlockAverage(int capacity) {
        values = new double[capacity];
    }

    public void add(double v) {
        values[n++] = v;
    }

    public int count() {
        return n;
    }

    public double mean() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += values[i];
        }
        return s / n;
    }

    /** Standard deviation of the samples themselves. */
    public double standardDeviation() {
        double m = mean();
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (values[i] - m) * (values[i] - m);
        }
        return Math.sqrt(s / (n - 1));
    }

    /** Standard error of the mean from {@code blocks} blocks. */
    public double error(int blocks) {
        int len = n / blocks;
        double[] means = new double[blocks];
        double m = 0;
        for (int b = 0; b < blocks; b++) {
            double s = 0;
            for (int i = b * len; i < (b + 1) * len; i++) {
                s += values[i];
            }
            means[b] = s / len;
            m += means[b] / blocks;
        }
        double v = 0;
        for (double bm : means) {
            v += (bm - m) * (bm - m);
        }
        return Math.sqrt(v / (blocks - 1) / blocks);
    }
}
