package org.energylab.simulation.data;

import java.util.SplittableRandom;
import org.energylab.simulation.ChoiceOption;

/**
 * The four 2-D densities that module 5 trains energies on, all inside the square [−2.5, 2.5]²: the
 * eight Gaussians and the two moons of {@link DensityData}, a spiral and two concentric rings. Each
 * is a thin set (blobs, curves) in the plane, so that a good energy is low on a small part of the
 * square and a collapsed one is low everywhere.
 */
public enum TrainingDensity implements PointDistribution, ChoiceOption {
    EIGHT_GAUSSIANS(DensityData.EIGHT_GAUSSIANS),
    TWO_MOONS(DensityData.TWO_MOONS),
    /**
     * One arm of an Archimedean spiral over 1½ turns: radius 0.2 + 1.6u at angle 3πu, u uniform in
     * [0, 1], plus Gaussian noise of standard deviation {@value #CURVE_NOISE}; successive turns are
     * about 1.1 apart.
     */
    SPIRAL("spiral", "spiral") {
        @Override
        public void sample(SplittableRandom random, double[] point) {
            double u = random.nextDouble();
            double radius = 0.2 + 1.6 * u;
            double angle = 3 * Math.PI * u;
            point[0] = radius * Math.cos(angle) + CURVE_NOISE * random.nextGaussian();
            point[1] = radius * Math.sin(angle) + CURVE_NOISE * random.nextGaussian();
        }
    },
    /**
     * Two concentric rings about the origin, of radii {@value #INNER_RADIUS} and {@value
     * #OUTER_RADIUS}, with as many points on each per unit of length (so the outer ring gets more),
     * and a radial spread of {@value #CURVE_NOISE}.
     */
    RINGS("rings", "two rings") {
        @Override
        public void sample(SplittableRandom random, double[] point) {
            double angle = 2 * Math.PI * random.nextDouble();
            boolean outer = random.nextDouble() < OUTER_RADIUS / (INNER_RADIUS + OUTER_RADIUS);
            double radius = (outer ? OUTER_RADIUS : INNER_RADIUS) + CURVE_NOISE * random.nextGaussian();
            point[0] = radius * Math.cos(angle);
            point[1] = radius * Math.sin(angle);
        }
    };

    /** Half-width of the square every data set lies in, with room to spare. */
    public static final double EXTENT = 2.5;

    public static final double CURVE_NOISE = 0.05;
    public static final double INNER_RADIUS = 0.8;
    public static final double OUTER_RADIUS = 1.8;

    private final String id;
    private final String label;
    private final PointDistribution source;

    TrainingDensity(String id, String label) {
        this.id = id;
        this.label = label;
        this.source = null;
    }

    TrainingDensity(DensityData source) {
        this.id = source.id();
        this.label = source.label();
        this.source = source;
    }

    @Override
    public void sample(SplittableRandom random, double[] point) {
        source.sample(random, point);
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
