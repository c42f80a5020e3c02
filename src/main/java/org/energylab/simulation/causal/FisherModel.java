package org.energylab.simulation.causal;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.energylab.simulation.ChoiceOption;

/**
 * The models of lesson 6.3 whose parameter θ is estimated again and again, each with its estimator,
 * the score of one observation, ∂ log p/∂θ, and the Fisher information of n observations.
 */
enum FisherModel implements ChoiceOption {
    /**
     * x ~ N(θ, σ²), estimated by the sample mean. Score (x − θ)/σ², information 1/σ² per observation,
     * so the Cramér–Rao bound is σ²/n, which the mean attains.
     */
    GAUSSIAN_MEAN("gaussian-mean", "Gaussian mean: x ~ N(θ, σ²)") {
        @Override
        double sample(double input, double theta, double sigma, SplittableRandom random) {
            return theta + sigma * random.nextGaussian();
        }

        @Override
        double score(double input, double observation, double theta, double sigma) {
            return (observation - theta) / (sigma * sigma);
        }

        @Override
        double estimate(double[] inputs, double[] observations, int n) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += observations[i];
            }
            return sum / n;
        }
    },
    /**
     * The same Gaussian, with the same score and information, estimated by the sample median instead:
     * unbiased, but with variance πσ²/(2n) for large n, so it reaches only 2/π ≈ 0.64 of the bound.
     */
    GAUSSIAN_MEDIAN("gaussian-median", "Gaussian mean, estimated by the median") {
        @Override
        double sample(double input, double theta, double sigma, SplittableRandom random) {
            return GAUSSIAN_MEAN.sample(input, theta, sigma, random);
        }

        @Override
        double score(double input, double observation, double theta, double sigma) {
            return GAUSSIAN_MEAN.score(input, observation, theta, sigma);
        }

        @Override
        double estimate(double[] inputs, double[] observations, int n) {
            Arrays.sort(observations, 0, n);
            return n % 2 == 1 ? observations[n / 2] : (observations[n / 2 - 1] + observations[n / 2]) / 2;
        }
    },
    /**
     * y_i = θ·x_i + ε_i with ε_i ~ N(0, σ²) at inputs x_i set by the experimenter, evenly over [−1, 1].
     * Score x_i(y_i − θx_i)/σ², information Σx_i²/σ² in all; least squares through the origin,
     * Σx_i y_i/Σx_i², has variance σ²/Σx_i² and attains the bound.
     */
    REGRESSION_SLOPE("regression-slope", "Regression slope: y = θ·x + ε, x set on [−1, 1]") {
        @Override
        double sample(double input, double theta, double sigma, SplittableRandom random) {
            return theta * input + sigma * random.nextGaussian();
        }

        @Override
        double score(double input, double observation, double theta, double sigma) {
            return input * (observation - theta * input) / (sigma * sigma);
        }

        @Override
        double estimate(double[] inputs, double[] observations, int n) {
            double xy = 0;
            double xx = 0;
            for (int i = 0; i < n; i++) {
                double x = inputs[i];
                xy += x * observations[i];
                xx += x * x;
            }
            return xy / xx;
        }
    };

    private final String id;
    private final String label;

    FisherModel(String id, String label) {
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

    /** The input x_i of observation i (0-based) out of n: the midpoints of n equal cells of [−1, 1]. */
    static double input(int i, int n) {
        return -1 + (2.0 * i + 1) / n;
    }

    /** The inputs x_0 … x_{n−1} of a sample of n (unused by the Gaussian mean). */
    static double[] inputs(int n) {
        double[] inputs = new double[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = input(i, n);
        }
        return inputs;
    }

    /** One observation at its input, drawn at the true θ. */
    abstract double sample(double input, double theta, double sigma, SplittableRandom random);

    /** ∂ log p(observation | θ)/∂θ at the observation's input. */
    abstract double score(double input, double observation, double theta, double sigma);

    /** The estimate of θ from the first n observations and their inputs; it may reorder the observations. */
    abstract double estimate(double[] inputs, double[] observations, int n);

    /**
     * The Fisher information of n observations, the sum of the variances of their scores: n/σ² for the
     * mean, Σx_i²/σ² for the slope.
     */
    double information(int n, double sigma) {
        if (this != REGRESSION_SLOPE) {
            return n / (sigma * sigma);
        }
        double xx = 0;
        for (int i = 0; i < n; i++) {
            double x = input(i, n);
            xx += x * x;
        }
        return xx / (sigma * sigma);
    }
}
