package org.energylab.simulation.ode;

/** Equations of motion q̈ = a(q, q̇), the form the Euler–Lagrange equations take for our models. */
@FunctionalInterface
public interface SecondOrderSystem<V> {
    /** Writes the acceleration at (q, v) into {@code out}. */
    void acceleration(V q, V v, V out);
}
