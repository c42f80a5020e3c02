package org.energylab.simulation.data;

import java.util.SplittableRandom;
import org.energylab.simulation.ChoiceOption;

/**
 * Two-dimensional data sets whose spread is of order one, like the standard normal noise a diffusion
 * model mixes into them: the densities that generative models (diffusion, energy-based models) learn.
 */
public enum DensityData implements PointDistribution, ChoiceOption {
    /**
     * Two interleaved half-circles of radius 1, the usual "two moons" in their usual place: not centred
     * (the mean is near (0.5, 0.25)), so noising visibly pulls the cloud toward the origin.
     */
    TWO_MOONS("two-moons", "two moons") {
        @Override
        public void sample(SplittableRandom random, double[] point) {
            double angle = Math.PI * random.nextDouble();
            boolean upper = random.nextBoolean();
            double x = upper ? Math.cos(angle) : 1 - Math.cos(angle);
            double y = upper ? Math.sin(angle) : 0.5 - Math.sin(angle);
            point[0] = x + MOONS_NOISE * random.nextGaussian();
            point[1] = y + MOONS_NOISE * random.nextGaussian();
        }
    },
    /** Eight Gaussian blobs of standard deviation 0.1 evenly spaced on a circle of radius √2. */
    EIGHT_GAUSSIANS("eight-gaussians", "8 Gaussians") {
        @Override
        public void sample(SplittableRandom random, double[] point) {
            double angle = 2 * Math.PI * random.nextInt(8) / 8;
            point[0] = RADIUS * Math.cos(angle) + BLOB_STD * random.nextGaussian();
            point[1] = RADIUS * Math.sin(angle) + BLOB_STD * random.nextGaussian();
        }
    },
    /** A thin ring of radius √2 (each coordinate then has variance about 1). */
    RING("ring", "ring") {
        @Override
        public void sample(SplittableRandom random, double[] point) {
            double angle = 2 * Math.PI * random.nextDouble();
            double r = RADIUS + RING_WIDTH * random.nextGaussian();
            point[0] = r * Math.cos(angle);
            point[1] = r * Math.sin(angle);
        }
    };

    public static final double MOONS_NOISE = 0.05;
    public static final double RADIUS = Math.sqrt(2);
    public static final double BLOB_STD = 0.1;
    public static final double RING_WIDTH = 0.05;

    private final String id;
    private final String label;

    DensityData(String id, String label) {
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
