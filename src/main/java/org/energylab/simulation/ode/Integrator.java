package org.energylab.simulation.ode;

/** Advances positions and velocities in place by one time step. */
public interface Integrator<V> {
    void step(V q, V v, double dt);
}
