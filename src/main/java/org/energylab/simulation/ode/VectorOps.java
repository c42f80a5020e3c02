package org.energylab.simulation.ode;

/**
 * The little linear algebra an integrator needs, so one integrator serves a single trajectory
 * ({@code double[]}, plain Java) and a vectorised ensemble (ND4J arrays) alike.
 */
public interface VectorOps<V> {
    /** A new vector of the same shape, contents unspecified. */
    V like(V v);

    /** {@code target = source}. */
    void assign(V target, V source);

    /** {@code y += a·x}. */
    void axpy(double a, V x, V y);
}
