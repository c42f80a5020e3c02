package org.energylab.simulation.ode;

/** {@link VectorOps} on plain arrays: the fastest choice for a few degrees of freedom. */
public final class DoubleArrayOps implements VectorOps<double[]> {
    public static final DoubleArrayOps INSTANCE = new DoubleArrayOps();

    private DoubleArrayOps() {}

    @Override
    public double[] like(double[] v) {
        return new double[v.length];
    }

    @Override
    public void assign(double[] target, double[] source) {
        System.arraycopy(source, 0, target, 0, source.length);
    }

    @Override
    public void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
