package org.energylab.simulation.regularized;

import java.util.SplittableRandom;

/**
 * K-means as a latent-variable energy-based model: the code z is one-hot over K values, the decoder
 * is the matrix W of the K centroids, E(y, z) = ‖y − Wz‖², and F(y) = min_k ‖y − w_k‖², the squared
 * distance to the nearest centroid. Fitted by Lloyd's algorithm (assign every point to its nearest
 * centroid, move every centroid to the mean of its points) from a k-means++ start, which is
 * coordinate descent on the mean F of the data: the same alternation as fitting the decoder of
 * lesson 4.2.
 *
 * @param centroids {@code centroids[k] = {w₁, w₂}}
 */
record KMeans(double[][] centroids, int iterations) implements ReconstructionEnergy {
    /** Lloyd iterations at most; on these data sets the assignments settle in a few dozen. */
    static final int MAX_ITERATIONS = 100;

    static KMeans fit(double[][] points, int clusters, SplittableRandom random) {
        if (clusters < 1 || clusters > points.length) {
            throw new IllegalArgumentException("K must be between 1 and the number of points, not " + clusters);
        }
        double[][] centroids = plusPlusStart(points, clusters, random);
        int[] assignment = new int[points.length];
        java.util.Arrays.fill(assignment, -1);
        int iteration = 0;
        boolean changed = true;
        while (changed && iteration < MAX_ITERATIONS) {
            iteration++;
            changed = false;
            for (int i = 0; i < points.length; i++) {
                int nearest = nearest(centroids, points[i][0], points[i][1]);
                if (nearest != assignment[i]) {
                    assignment[i] = nearest;
                    changed = true;
                }
            }
            moveToMeans(points, assignment, centroids);
        }
        return new KMeans(centroids, iteration);
    }

    /**
     * k-means++ (Arthur and Vassilvitskii 2007): the first centroid a uniformly drawn point, each
     * next one a point drawn with probability proportional to its squared distance to the nearest
     * centroid so far.
     */
    private static double[][] plusPlusStart(double[][] points, int clusters, SplittableRandom random) {
        double[][] centroids = new double[clusters][];
        centroids[0] = points[random.nextInt(points.length)].clone();
        double[] distance = new double[points.length];
        for (int k = 1; k < clusters; k++) {
            double total = 0;
            for (int i = 0; i < points.length; i++) {
                distance[i] = squaredDistanceToNearest(centroids, k, points[i][0], points[i][1]);
                total += distance[i];
            }
            int chosen = points.length - 1;
            double target = random.nextDouble() * total;
            for (int i = 0; i < points.length; i++) {
                target -= distance[i];
                if (target < 0) {
                    chosen = i;
                    break;
                }
            }
            centroids[k] = points[chosen].clone();
        }
        return centroids;
    }

    /** Every centroid to the mean of its points; a centroid left without points keeps its place. */
    private static void moveToMeans(double[][] points, int[] assignment, double[][] centroids) {
        double[][] sums = new double[centroids.length][2];
        int[] counts = new int[centroids.length];
        for (int i = 0; i < points.length; i++) {
            sums[assignment[i]][0] += points[i][0];
            sums[assignment[i]][1] += points[i][1];
            counts[assignment[i]]++;
        }
        for (int k = 0; k < centroids.length; k++) {
            if (counts[k] > 0) {
                centroids[k][0] = sums[k][0] / counts[k];
                centroids[k][1] = sums[k][1] / counts[k];
            }
        }
    }

    static int nearest(double[][] centroids, double y1, double y2) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < centroids.length; k++) {
            double d1 = y1 - centroids[k][0];
            double d2 = y2 - centroids[k][1];
            double d = d1 * d1 + d2 * d2;
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    private static double squaredDistanceToNearest(double[][] centroids, int count, double y1, double y2) {
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            double d1 = y1 - centroids[k][0];
            double d2 = y2 - centroids[k][1];
            best = Math.min(best, d1 * d1 + d2 * d2);
        }
        return best;
    }

    int clusters() {
        return centroids.length;
    }

    @Override
    public double energy(double y1, double y2) {
        return squaredDistanceToNearest(centroids, centroids.length, y1, y2);
    }
}
