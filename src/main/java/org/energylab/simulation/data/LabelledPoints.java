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

    /** The points with the given indices, as a batch of inputs (rows) and labels (a column). */
    public Batch batch(int[] indices) {
        double[][] xs = new double[indices.length][];
        double[][] ys = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            xs[i] = x[indices[i]];
            ys[i] = new double[] {y[indices[i]]};
        }
        return new Batch(Nd4j.createFromArray(xs), Nd4j.createFromArray(ys));
    }

    /** Inputs, one row per point, and labels, one per row. */
    public record Batch(INDArray x, INDArray y) {}

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
