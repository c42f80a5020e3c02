package org.energylab.chart;

/**
 * One data set of a chart: points (x[i], y[i]) drawn as a line or as markers.
 *
 * @param color a CSS colour
 */
public record ChartDataset(String label, String color, boolean showLine, boolean filled, double[] x, double[] y) {
    public ChartDataset {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length");
        }
    }

    public ChartDataset(String label, String color, boolean showLine, double[] x, double[] y) {
        this(label, color, showLine, false, x, y);
    }

    /** A line whose area down to y = 0 is shaded. */
    public static ChartDataset filledLine(String label, String color) {
        return new ChartDataset(label, color, true, true, new double[0], new double[0]);
    }

    public static ChartDataset line(String label, String color) {
        return new ChartDataset(label, color, true, new double[0], new double[0]);
    }

    public static ChartDataset points(String label, String color) {
        return new ChartDataset(label, color, false, new double[0], new double[0]);
    }

    public ChartDataset withData(double[] x, double[] y) {
        return new ChartDataset(label, color, showLine, filled, x, y);
    }
}
