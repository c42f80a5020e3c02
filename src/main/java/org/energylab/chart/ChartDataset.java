package org.energylab.chart;

/**
 * One data set of a chart: points (x[i], y[i]) drawn as a line or as markers.
 *
 * @param color a CSS colour
 */
public record ChartDataset(String label, String color, boolean showLine, double[] x, double[] y) {
    public ChartDataset {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same length");
        }
    }

    public static ChartDataset line(String label, String color) {
        return new ChartDataset(label, color, true, new double[0], new double[0]);
    }

    public static ChartDataset points(String label, String color) {
        return new ChartDataset(label, color, false, new double[0], new double[0]);
    }

    public ChartDataset withData(double[] x, double[] y) {
        return new ChartDataset(label, color, showLine, x, y);
    }
}
