package org.energylab.simulation.doublependulum;

import org.energylab.simulation.ode.SecondOrderSystem;

/**
 * The double pendulum: bob 1 (mass m₁) on a massless rod of length ℓ₁ from a fixed pivot, bob 2
 * (mass m₂) on a rod of length ℓ₂ hanging from bob 1; θ₁ and θ₂ are measured from the downward
 * vertical, y points up and the pivot is at the origin, where V = 0.
 *
 * <pre>
 * T = ½(m₁ + m₂)ℓ₁²θ̇₁² + ½m₂ℓ₂²θ̇₂² + m₂ℓ₁ℓ₂θ̇₁θ̇₂ cos(θ₁ − θ₂)
 * V = −(m₁ + m₂)gℓ₁ cos θ₁ − m₂gℓ₂ cos θ₂
 * </pre>
 *
 * The Euler–Lagrange equations of L = T − V, with Δ = θ₁ − θ₂:
 *
 * <pre>
 * (m₁ + m₂)ℓ₁² θ̈₁ + m₂ℓ₁ℓ₂ cos Δ θ̈₂ = −m₂ℓ₁ℓ₂ θ̇₂² sin Δ − (m₁ + m₂)gℓ₁ sin θ₁
 * m₂ℓ₁ℓ₂ cos Δ θ̈₁ + m₂ℓ₂² θ̈₂       =  m₂ℓ₁ℓ₂ θ̇₁² sin Δ − m₂gℓ₂ sin θ₂
 * </pre>
 *
 * a 2×2 linear system for the accelerations whose determinant m₂ℓ₁²ℓ₂²(m₁ + m₂ sin²Δ) is never zero.
 */
record DoublePendulumModel(double mass1, double mass2, double length1, double length2, double gravity) {

    /** The equations of motion for q = (θ₁, θ₂), v = (θ̇₁, θ̇₂), solved for (θ̈₁, θ̈₂) by Cramer's rule. */
    SecondOrderSystem<double[]> system() {
        double total = mass1 + mass2;
        return (q, v, out) -> {
            double delta = q[0] - q[1];
            double cos = Math.cos(delta);
            double sin = Math.sin(delta);
            double coupling = mass2 * length1 * length2 * cos;
            double a11 = total * length1 * length1;
            double a22 = mass2 * length2 * length2;
            double f1 = -mass2 * length1 * length2 * v[1] * v[1] * sin - total * gravity * length1 * Math.sin(q[0]);
            double f2 = mass2 * length1 * length2 * v[0] * v[0] * sin - mass2 * gravity * length2 * Math.sin(q[1]);
            double det = a11 * a22 - coupling * coupling;
            out[0] = (f1 * a22 - coupling * f2) / det;
            out[1] = (a11 * f2 - coupling * f1) / det;
        };
    }

    double kinetic(double[] q, double[] v) {
        return 0.5 * (mass1 + mass2) * length1 * length1 * v[0] * v[0]
                + 0.5 * mass2 * length2 * length2 * v[1] * v[1]
                + mass2 * length1 * length2 * v[0] * v[1] * Math.cos(q[0] - q[1]);
    }

    double potential(double[] q) {
        return -(mass1 + mass2) * gravity * length1 * Math.cos(q[0]) - mass2 * gravity * length2 * Math.cos(q[1]);
    }

    double energy(double[] q, double[] v) {
        return kinetic(q, v) + potential(q);
    }

    /** The depth of the potential well, (m₁ + m₂)gℓ₁ + m₂gℓ₂: the scale of the energies. */
    double energyScale() {
        return (mass1 + mass2) * gravity * length1 + mass2 * gravity * length2;
    }

    /** Position (x₂, y₂) of the second bob. */
    double[] secondBob(double[] q) {
        return new double[] {
            length1 * Math.sin(q[0]) + length2 * Math.sin(q[1]), -length1 * Math.cos(q[0]) - length2 * Math.cos(q[1])
        };
    }
}
