package org.energylab.simulation.data;

import java.util.SplittableRandom;

/**
 * Points on the unit circle seen as input–output pairs: x ~ U(−1, 1) and y = s·√(1 − x²) + ε, with
 * s = ±1 equally likely and ε ~ N(0, σ²). For every x there are two possible outputs, the upper and
 * the lower branch: the smallest example of a multi-modal future.
 */
public final class CircleData {
    private final double[] xs;
    private final double[] ys;

    private CircleData(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
    }

    /**
     * @param upperOnly draw every point on the upper branch (s = +1): one future instead of two
     */
    public static CircleData sample(int count, double noise, boolean upperOnly, SplittableRandom rng) {
        double[] xs = new double[count];
        double[] ys = new double[count];
        for (int i = 0; i < count; i++) {
            double x = 2 * rng.nextDouble() - 1;
            double sign = upperOnly || rng.nextBoolean() ? 1 : -1;
            xs[i] = x;
            ys[i] = sign * branch(x) + noise * rng.nextGaussian();
        }
        return new CircleData(xs, ys);
    }

    /** The upper branch √(1 − x²); the lower one is its negative. */
    public static double branch(double x) {
        return Math.sqrt(Math.max(0, 1 - x * x));
    }

    /**
     * The expected squared distance of y from the conditional mean E[y | x], averaged over x ~ U(−1,
     * 1): E[1 − x²] + σ² = 2/3 + σ² with two branches. That is the smallest MSE any predictor ŷ(x) can
     * reach. With the upper branch alone E[y | x] = √(1 − x²) and only σ² is left.
     */
    public static double conditionalMeanMse(double noise, boolean upperOnly) {
        return (upperOnly ? 0 : 2.0 / 3.0) + noise * noise;
    }

    public int size() {
        return xs.length;
    }

    public double x(int i) {
        return xs[i];
    }

    public double y(int i) {
        return ys[i];
    }

    /** The inputs x_i, a copy. */
    public double[] xs() {
        return xs.clone();
    }

    /** The outputs y_i, a copy. */
    public double[] ys() {
        return ys.clone();
    }
}
