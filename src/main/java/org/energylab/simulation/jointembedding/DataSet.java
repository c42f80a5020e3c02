package org.energylab.simulation.jointembedding;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.energylab.simulation.Choice;

/**
 * The 2-D points whose views the encoder learns to match. Both sets are centred on the origin, so
 * that the rotation of an augmentation moves a point along its circle about the origin.
 */
enum DataSet {
    /** Four Gaussian clusters (standard deviation 0.25) centred at (±√2, ±√2), at radius 2. */
    CLUSTERS("clusters", "four clusters") {
        @Override
        double[] point(SplittableRandom rng) {
            int cluster = rng.nextInt(4);
            double angle = Math.PI / 4 + cluster * Math.PI / 2;
            return new double[] {
                2 * Math.cos(angle) + CLUSTER_SPREAD * rng.nextGaussian(),
                2 * Math.sin(angle) + CLUSTER_SPREAD * rng.nextGaussian()
            };
        }
    },
    /** A ring of radius 2 with a radial spread of 0.1 and uniform angle. */
    RING("ring", "ring") {
        @Override
        double[] point(SplittableRandom rng) {
            double angle = 2 * Math.PI * rng.nextDouble();
            double radius = 2 + RING_SPREAD * rng.nextGaussian();
            return new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
        }
    };

    static final double CLUSTER_SPREAD = 0.25;
    static final double RING_SPREAD = 0.1;

    private final String id;
    private final String label;

    DataSet(String id, String label) {
        this.id = id;
        this.label = label;
    }

    abstract double[] point(SplittableRandom rng);

    /** {@code n} points, one per row. */
    double[][] sample(int n, SplittableRandom rng) {
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = point(rng);
        }
        return points;
    }

    static DataSet byId(String id) {
        return Arrays.stream(values())
                .filter(d -> d.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown data set " + id));
    }

    static List<Choice> choices() {
        return Arrays.stream(values()).map(d -> new Choice(d.id, d.label)).toList();
    }
}
