package org.energylab.simulation;

/** A named curve: y against x, with what each axis measures. */
public record Series(String label, Axis x, Axis y, double[] xs, double[] ys) {
    public Series {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("x and y must have the same length");
        }
    }

    public int size() {
        return xs.length;
    }
}
