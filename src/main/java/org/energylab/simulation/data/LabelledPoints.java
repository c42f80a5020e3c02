package org.energylab.simulation.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Points in the plane, {@code x[i] = {x₁, x₂}}, with labels 0 or 1. */
public record LabelledPoints(double[][] x, double[] y) {

    public int size() {
        return y.length;
    }

    /** The inputs as an n × 2 array, one row per point. */
    public INDArray inputs() {
        return Nd4j.createFromArray(x);
    }

    /** The labels as an n × 1 column. */
    public INDArray labels() {
        return Nd4j.createFromArray(y).reshape(y.length, 1);
    }

    /** The inputs row by row, {x₁, x₂, x₁, x₂, …}. */
    public double[] flatInputs() {
        double[] flat = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            flat[2 * i] = x[i][0];
            flat[2 * i + 1] = x[i][1];
        }
        return flat;
    }

    /** The points with the given indices into reused arrays: inputs row by row, and labels. */
    public void fill(int[] indices, double[] xs, double[] ys) {
        for (int i = 0; i < indices.length; i++) {
            double[] point = x[indices[i]];
            xs[2 * i] = point[0];
            xs[2 * i + 1] = point[1];
            ys[i] = y[indices[i]];
        }
    }

    /** The first {@code count} points (both classes, since labels alternate). */
    public LabelledPoints first(int count) {
        double[][] xs = new double[count][];
        double[] ys = new double[count];
        System.arraycopy(x, 0, xs, 0, count);
        System.arraycopy(y, 0, ys, 0, count);
        return new LabelledPoints(xs, ys);
    }

    /** {min x₁, max x₁, min x₂, max x₂}. */
    public double[] bounds() {
        double[] b = {
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
        };
        for (double[] point : x) {
            b[0] = Math.min(b[0], point[0]);
            b[1] = Math.max(b[1], point[0]);
            b[2] = Math.min(b[2], point[1]);
            b[3] = Math.max(b[3], point[1]);
        }
        return b;
    }
}
