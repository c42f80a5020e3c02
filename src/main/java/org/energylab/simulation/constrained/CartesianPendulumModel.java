package org.energylab.simulation.constrained;

import org.energylab.simulation.ode.SecondOrderSystem;

/**
 * The pendulum in Cartesian coordinates: a bob of mass m at (x, y), pivot at the origin, y up,
 * held by the constraint C(x, y) = x² + y² − ℓ² = 0.
 *
 * <p>Sign convention: the constrained Lagrangian is L' = ½m(ẋ² + ẏ²) − mgy + λ·C(x, y), so the
 * Euler–Lagrange equations are mẍ = 2λx and mÿ = −mg + 2λy, and the constraint force is λ∇C =
 * 2λ(x, y). A rod that pulls the bob toward the pivot therefore has λ < 0, and its tension (the
 * inward radial component of the constraint force) is T = −2λr with r = √(x² + y²) (= ℓ on the
 * constraint); the size of the force is |2λ|·r.
 *
 * <p>Index reduction: differentiating C twice along the motion gives C̈ = 2(v² + x ẍ + y ÿ) = 2(v² −
 * g y) + 4λr²/m. Instead of C̈ = 0, which lets numerical errors in C and Ċ drift, we impose
 * Baumgarte's C̈ + 2αĊ + β²C = 0, which pulls a violation back to zero like a damped oscillator.
 * Solving for λ:
 *
 * <pre>λ = −m [2(v² − g y) + 2αĊ + β²C] / (4r²),  Ċ = 2(x ẋ + y ẏ).</pre>
 */
record CartesianPendulumModel(double length, double mass, double gravity, double alpha, double beta) {

    /** C(x, y) = x² + y² − ℓ². */
    double violation(double x, double y) {
        return x * x + y * y - length * length;
    }

    /** The multiplier λ(x, y, ẋ, ẏ) that makes C̈ + 2αĊ + β²C = 0. */
    double multiplier(double x, double y, double vx, double vy) {
        double r2 = x * x + y * y;
        double v2 = vx * vx + vy * vy;
        double rate = 2 * (x * vx + y * vy);
        return -mass * (2 * (v2 - gravity * y) + 2 * alpha * rate + beta * beta * violation(x, y)) / (4 * r2);
    }

    /** The tension T = −2λr: the inward pull of the rod on the bob (negative when the rod pushes). */
    double tension(double x, double y, double lambda) {
        return -2 * lambda * Math.sqrt(x * x + y * y);
    }

    /** The angle from the downward vertical, θ = atan2(x, −y). */
    static double angle(double x, double y) {
        return Math.atan2(x, -y);
    }

    /** The angular velocity θ̇ = (x ẏ − y ẋ)/r². */
    static double angularVelocity(double x, double y, double vx, double vy) {
        return (x * vy - y * vx) / (x * x + y * y);
    }

    /** The tension the angle form of lesson 1.1 predicts: T = m(g cos θ + ℓθ̇²). */
    double analyticTension(double theta, double omega) {
        return mass * (gravity * Math.cos(theta) + length * omega * omega);
    }

    /** The equations of motion for q = (x, y), v = (ẋ, ẏ), with λ eliminated. */
    SecondOrderSystem<double[]> system() {
        return (q, v, out) -> {
            double lambda = multiplier(q[0], q[1], v[0], v[1]);
            out[0] = 2 * lambda * q[0] / mass;
            out[1] = -gravity + 2 * lambda * q[1] / mass;
        };
    }

    /** The state (x, y, ẋ, ẏ) of a bob at angle θ₀ with angular velocity ω₀, on the constraint. */
    double[][] start(double theta0, double omega0) {
        double sin = Math.sin(theta0);
        double cos = Math.cos(theta0);
        return new double[][] {{length * sin, -length * cos}, {length * omega0 * cos, length * omega0 * sin}};
    }
}
