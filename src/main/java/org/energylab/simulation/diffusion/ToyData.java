package org.energylab.simulation.diffusion;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.energylab.simulation.Choice;

/** Two-dimensional data sets whose spread is of order one, like the standard normal noise mixed into them. */
enum ToyData {
    /**
     * Two interleaved half-circles of radius 1, the usual "two moons" in their usual place: not centred
     * (the mean is near (0.5, 0.25)), so noising visibly pulls the cloud toward the origin.
     */
    TWO_MOONS("two-moons", "two moons") {
        @Override
        void sample(SplittableRandom random, double[] point) {
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
        void sample(SplittableRandom random, double[] point) {
            double angle = 2 * Math.PI * random.nextInt(8) / 8;
            point[0] = RADIUS * Math.cos(angle) + BLOB_STD * random.nextGaussian();
            point[1] = RADIUS * Math.sin(angle) + BLOB_STD * random.nextGaussian();
        }
    },
    /** A thin ring of radius √2 (each coordinate then has variance about 1). */
    RING("ring", "ring") {
        @Override
        void sample(SplittableRandom random, double[] point) {
            double angle = 2 * Math.PI * random.nextDouble();
            double r = RADIUS + RING_WIDTH * random.nextGaussian();
            point[0] = r * Math.cos(angle);
            point[1] = r * Math.sin(angle);
        }
    };

    static final double MOONS_NOISE = 0.05;
    static final double RADIUS = Math.sqrt(2);
    static final double BLOB_STD = 0.1;
    static final double RING_WIDTH = 0.05;

    private final String id;
    private final String label;

    ToyData(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** Writes one sample into {@code point}. */
    abstract void sample(SplittableRandom random, double[] point);

    /** n samples as {first coordinates, second coordinates}. */
    double[][] sample(int n, SplittableRandom random) {
        double[][] samples = new double[2][n];
        double[] point = new double[2];
        for (int i = 0; i < n; i++) {
            sample(random, point);
            samples[0][i] = point[0];
            samples[1][i] = point[1];
        }
        return samples;
    }

    static ToyData byId(String id) {
        return Arrays.stream(values())
                .filter(d -> d.id.equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown data set " + id));
    }

    static List<Choice> choices() {
        return Arrays.stream(values()).map(d -> new Choice(d.id, d.label)).toList();
    }
}
