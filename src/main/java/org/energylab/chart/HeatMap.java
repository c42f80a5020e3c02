package org.energylab.chart;

/**
 * A grid drawn as coloured cells under a chart's data sets, with a colour bar titled {@code
 * valueTitle}. {@code values[i][j]} is the value at {@code (xs[j], ys[i])}; cell edges lie halfway
 * between grid points. Non-finite values are left blank. The colours span the values' own range,
 * or {@code colourRange} {min, max} when it is given, so that the frames of an animation share one
 * scale.
 */
public record HeatMap(double[] xs, double[] ys, double[][] values, String valueTitle, double[] colourRange) {
    public HeatMap(double[] xs, double[] ys, double[][] values, String valueTitle) {
        this(xs, ys, values, valueTitle, null);
    }

    public HeatMap {
        if (colourRange != null && (colourRange.length != 2 || !(colourRange[0] <= colourRange[1]))) {
            throw new IllegalArgumentException("a colour range is {min, max} with min ≤ max");
        }
        if (values.length != ys.length) {
            throw new IllegalArgumentException("one row of values per y");
        }
        for (double[] row : values) {
            if (row.length != xs.length) {
                throw new IllegalArgumentException("one column of values per x");
            }
        }
    }

    /** The colour scale: the given range, or the smallest and largest finite values. */
    public double[] range() {
        if (colourRange != null) {
            return colourRange.clone();
        }
        return finiteRange(values);
    }

    /** The smallest and largest finite values of a grid, {0, 1} when there are none. */
    public static double[] finiteRange(double[][] values) {
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
