package org.energylab.simulation.boltzmann;

/**
 * Composite Simpson quadrature on evenly spaced points. With an even number of intervals it is the
 * 1/3 rule throughout (weights h/3 · 1, 4, 2, 4, …, 4, 1); with an odd number the last three
 * intervals use Simpson's 3/8 rule, so every point count from 4 up is integrated to fourth order.
 */
final class Simpson {
    private Simpson() {}

    /** Weights w such that Σ wᵢ f(yᵢ) ≈ ∫ f dy over n points spaced h apart. */
    static double[] weights(int n, double h) {
        if (n < 4) {
            throw new IllegalArgumentException("Simpson's rule here needs at least 4 points, not " + n);
        }
        double[] w = new double[n];
        int end = (n - 1) % 2 == 0 ? n - 1 : n - 4;
        for (int i = 0; i < end; i += 2) {
            w[i] += h / 3;
            w[i + 1] += 4 * h / 3;
            w[i + 2] += h / 3;
        }
        if (end != n - 1) {
            w[end] += 3 * h / 8;
            w[end + 1] += 9 * h / 8;
            w[end + 2] += 9 * h / 8;
            w[end + 3] += 3 * h / 8;
        }
        return w;
    }
}
