package org.energylab.simulation;

/**
 * A named 2-D field, for heat maps: {@code values[i][j]} is the value at {@code (xs[j], ys[i])}.
 */
public record Grid(String label, Axis x, Axis y, Axis value, double[] xs, double[] ys, double[][] values) {
    public Grid {
        if (values.length != ys.length) {
            throw new IllegalArgumentException("one row of values per y");
        }
        for (double[] row : values) {
            if (row.length != xs.length) {
                throw new IllegalArgumentException("one column of values per x");
            }
        }
    }
}
