package org.energylab.simulation.data;

import java.util.SplittableRandom;
import org.energylab.simulation.ChoiceOption;

/**
 * The 2-D points whose views the encoder learns to match. Both sets are centred on the origin, so
 * that the rotation of an augmentation moves a point along its circle about the origin.
 */
public enum EmbeddingData implements PointDistribution, ChoiceOption {
    /** Four Gaussian clusters (standard deviation 0.25) centred at (±√2, ±√2), at radius 2. */
    CLUSTERS("clusters", "four clusters") {
        @Override
        public void sample(SplittableRandom rng, double[] point) {
            int cluster = rng.nextInt(4);
            double angle = Math.PI / 4 + cluster * Math.PI / 2;
            point[0] = 2 * Math.cos(angle) + CLUSTER_SPREAD * rng.nextGaussian();
            point[1] = 2 * Math.sin(angle) + CLUSTER_SPREAD * rng.nextGaussian();
        }
    },
    /** A ring of radius 2 with a radial spread of 0.1 and uniform angle. */
    RING("ring", "ring") {
        @Override
        public void sample(SplittableRandom rng, double[] point) {
            double angle = 2 * Math.PI * rng.nextDouble();
            double radius = 2 + RING_SPREAD * rng.nextGaussian();
            point[0] = radius * Math.cos(angle);
            point[1] = radius * Math.sin(angle);
        }
    };

    public static final double CLUSTER_SPREAD = 0.25;
    public static final double RING_SPREAD = 0.1;

    private final String id;
    private final String label;

    EmbeddingData(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }
}
