package org.energylab.simulation.data;

import java.util.SplittableRandom;

/**
 * Samples on an ellipse with Gaussian noise: y = (a cos z, b sin z) + σ ξ, with z uniform in [0, 2π)
 * and ξ standard normal in two dimensions.
 */
public record EllipseData(double[] y1, double[] y2) {

    public static EllipseData sample(double a, double b, double noise, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y1 = new double[n];
        double[] y2 = new double[n];
        for (int i = 0; i < n; i++) {
            double z = 2 * Math.PI * random.nextDouble();
            y1[i] = a * Math.cos(z) + noise * random.nextGaussian();
            y2[i] = b * Math.sin(z) + noise * random.nextGaussian();
        }
        return new EllipseData(y1, y2);
    }

    public int size() {
        return y1.length;
    }
}
