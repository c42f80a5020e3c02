package org.energylab.simulation.ebmtraining;

import java.util.SplittableRandom;

/** Mini-batches of 2-D points drawn with replacement from a training set held row by row. */
final class Batches {
    private Batches() {}

    /** Fills {@code target} with rows drawn uniformly, with replacement, from {@code points}. */
    static void draw(double[] points, double[] target, SplittableRandom random) {
        int n = points.length / 2;
        for (int i = 0; i < target.length / 2; i++) {
            int k = random.nextInt(n);
            target[2 * i] = points[2 * k];
            target[2 * i + 1] = points[2 * k + 1];
        }
    }
}
