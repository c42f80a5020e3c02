package org.energylab.chart;

/**
 * A grid drawn as coloured cells under a chart's data sets, with a colour bar titled {@code
 * valueTitle}. {@code values[i][j]} is the value at {@code (xs[j], ys[i])}; cell edges lie halfway
 * between grid points. Non-finite values are left blank.
 */
public record HeatMap(double[] xs, double[] ys, double[][] values, String valueTitle) {
    public HeatMap {
        if (values.length != ys.length) {
            throw new IllegalArgumentException("one row of values per y");
        }
        for (double[] row : values) {
            if (row.length != xs.length) {
                throw new IllegalArgumentException("one column of values per x");
            }
        }
    }

    /** The smallest and largest finite values, for the colour scale. */
    public double[] range() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return min > max ? new double[] {0, 1} : new double[] {min, max};
    }
}
