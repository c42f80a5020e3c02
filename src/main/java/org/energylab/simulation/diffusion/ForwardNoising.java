package org.energylab.simulation.diffusion;

import java.util.SplittableRandom;

/** The forward process in one jump: y_t = √ᾱ_t y₀ + √(1 − ᾱ_t) ε with ε standard normal, i.e. q(y_t | y₀). */
final class ForwardNoising {
    private ForwardNoising() {}

    /** Noised copies of the points {first coordinates, second coordinates}. */
    static double[][] noise(double[][] clean, double alphaBar, SplittableRandom random) {
        double signal = Math.sqrt(alphaBar);
        double spread = Math.sqrt(1 - alphaBar);
        int n = clean[0].length;
        double[][] noised = new double[2][n];
        for (int i = 0; i < n; i++) {
            noised[0][i] = signal * clean[0][i] + spread * random.nextGaussian();
            noised[1][i] = signal * clean[1][i] + spread * random.nextGaussian();
        }
        return noised;
    }

    /** Half the trace of the sample covariance: the variance per coordinate. */
    static double meanVariance(double[][] points) {
        return (variance(points[0]) + variance(points[1])) / 2;
    }

    private static double variance(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return sum / (values.length - 1);
    }
}
