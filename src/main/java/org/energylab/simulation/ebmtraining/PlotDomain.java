package org.energylab.simulation.ebmtraining;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.energylab.simulation.sampling.Box;

/**
 * The square [−3, 3]² on which the energy is drawn, sampled and measured: every data set of {@link
 * org.energylab.simulation.data.TrainingDensity} lies well inside it. Its grid of {@code size × size}
 * points, the uniform points that stand for "anywhere", and the statistics of an energy over them.
 */
final class PlotDomain {
    static final double HALF_WIDTH = 3;
    static final Box BOX = new Box(-HALF_WIDTH, HALF_WIDTH);

    private final int size;
    private final double[] axis;
    private final double[] points;

    PlotDomain(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a grid needs at least 2 points a side, not " + size);
        }
        this.size = size;
        axis = new double[size];
        for (int j = 0; j < size; j++) {
            axis[j] = -HALF_WIDTH + 2 * HALF_WIDTH * j / (size - 1);
        }
        // Point k = i·size + j is (axis[j], axis[i]): rows of the grid are values of the second coordinate.
        points = new double[2 * size * size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                int k = i * size + j;
                points[2 * k] = axis[j];
                points[2 * k + 1] = axis[i];
            }
        }
    }

    int size() {
        return size;
    }

    double[] axis() {
        return axis.clone();
    }

    /** The grid's points row by row, {@code size²} of them: read only. */
    double[] points() {
        return points;
    }

    int count() {
        return size * size;
    }

    /** Energies of the grid points, in the order of {@link #points()}, as rows of a heat map. */
    double[][] asGrid(double[] energies) {
        double[][] values = new double[size][];
        for (int i = 0; i < size; i++) {
            values[i] = Arrays.copyOfRange(energies, i * size, (i + 1) * size);
        }
        return values;
    }

    /** n points drawn uniformly in the square, row by row. */
    static double[] uniformPoints(int n, SplittableRandom random) {
        double[] out = new double[2 * n];
        for (int i = 0; i < out.length; i++) {
            out[i] = BOX.min() + BOX.length() * random.nextDouble();
        }
        return out;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The population standard deviation. */
    static double standardDeviation(double[] values) {
        double mean = mean(values);
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }

    /** The fraction of the values at most τ. */
    static double fractionAtMost(double[] values, double tau) {
        int count = 0;
        for (double v : values) {
            if (v <= tau) {
                count++;
            }
        }
        return (double) count / values.length;
    }

    /** The q-quantile (0 ≤ q ≤ 1) of the values, by linear interpolation between order statistics. */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * The mean over the points of {@code from} (row by row, 2-D) of the distance to the nearest point of
     * {@code to}.
     */
    static double meanNearestDistance(double[] from, double[] to) {
        int n = from.length / 2;
        int m = to.length / 2;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < m; k++) {
                double dx = from[2 * i] - to[2 * k];
                double dy = from[2 * i + 1] - to[2 * k + 1];
                best = Math.min(best, dx * dx + dy * dy);
            }
            sum += Math.sqrt(best);
        }
        return sum / n;
    }
}
