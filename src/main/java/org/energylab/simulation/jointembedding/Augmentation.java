package org.energylab.simulation.jointembedding;

import java.util.SplittableRandom;

/**
 * A random view of a point: a rotation about the origin by an angle drawn uniformly from
 * [−maxAngle, maxAngle], then Gaussian noise of standard deviation {@code noise} on each coordinate.
 * Two views of the same point form a positive pair.
 */
record Augmentation(double maxAngle, double noise) {

    double[] view(double[] point, SplittableRandom rng) {
        double angle = maxAngle * (2 * rng.nextDouble() - 1);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        return new double[] {
            cos * point[0] - sin * point[1] + noise * rng.nextGaussian(),
            sin * point[0] + cos * point[1] + noise * rng.nextGaussian()
        };
    }

    /** One view of each listed point: row i is a view of {@code points[indices[i]]}. */
    double[][] views(double[][] points, int[] indices, SplittableRandom rng) {
        double[][] views = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            views[i] = view(points[indices[i]], rng);
        }
        return views;
    }
}
