package org.energylab.simulation.data;

import java.util.SplittableRandom;
import org.energylab.simulation.ChoiceOption;

/**
 * Two-class data sets in the plane. Point i belongs to class i mod 2, so the classes are balanced
 * and any leading slice of the data holds both; every coordinate gets Gaussian noise of standard
 * deviation {@code noise}.
 */
public enum TwoClassData implements ChoiceOption {
    /** Two interleaved half circles of radius 1: (cos t, sin t) and (1 − cos t, ½ − sin t), t ∈ [0, π]. */
    MOONS("moons", "Two moons") {
        @Override
        public double[] clean(int label, SplittableRandom rng) {
            double t = Math.PI * rng.nextDouble();
            return label == 0
                    ? new double[] {Math.cos(t), Math.sin(t)}
                    : new double[] {1 - Math.cos(t), 0.5 - Math.sin(t)};
        }
    },
    /** Concentric circles: class 0 on radius 1, class 1 on radius ½. */
    CIRCLES("circles", "Circles") {
        @Override
        public double[] clean(int label, SplittableRandom rng) {
            double angle = 2 * Math.PI * rng.nextDouble();
            double radius = label == 0 ? 1.0 : 0.5;
            return new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
        }
    },
    /**
     * Two interleaved spirals of 1½ turns: r = 0.1 + 0.9u, angle 3πu (+ π for class 1), u uniform in
     * [0, 1]; neighbouring arms are 0.3 apart.
     */
    SPIRALS("spirals", "Spirals") {
        @Override
        public double[] clean(int label, SplittableRandom rng) {
            double u = rng.nextDouble();
            double radius = 0.1 + 0.9 * u;
            double angle = 3 * Math.PI * u + (label == 0 ? 0 : Math.PI);
            return new double[] {radius * Math.cos(angle), radius * Math.sin(angle)};
        }
    },
    /** Uniform in the square [−1, 1]²: class 0 in the quadrants where x₁x₂ > 0, class 1 where x₁x₂ < 0. */
    XOR("xor", "XOR") {
        @Override
        public double[] clean(int label, SplittableRandom rng) {
            double a = 2 * rng.nextDouble() - 1;
            double b = rng.nextDouble();
            double sign = Math.signum(a) * (label == 0 ? 1 : -1);
            return new double[] {a, sign * b};
        }
    };

    private final String id;
    private final String label;

    TwoClassData(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** A noise-free point of the given class. */
    public abstract double[] clean(int label, SplittableRandom rng);

    /** n points with their labels, drawn from {@code rng}. */
    public LabelledPoints generate(int n, double noise, SplittableRandom rng) {
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            double[] point = clean(label, rng);
            point[0] += noise * rng.nextGaussian();
            point[1] += noise * rng.nextGaussian();
            x[i] = point;
            y[i] = label;
        }
        return new LabelledPoints(x, y);
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
