package org.energylab.simulation.ode;

import org.energylab.simulation.ChoiceOption;

/** The four fixed-step methods the course compares. Each keeps its scratch vectors between steps. */
public enum IntegrationMethod implements ChoiceOption {
    EXPLICIT_EULER("explicit-euler", "Explicit Euler") {
        @Override
        public <V> Integrator<V> create(SecondOrderSystem<V> system, VectorOps<V> ops, V like) {
            V a = ops.like(like);
            return (q, v, dt) -> {
                // q' = q + dt·v, v' = v + dt·a(q, v): both from the old state.
                system.acceleration(q, v, a);
                ops.axpy(dt, v, q);
                ops.axpy(dt, a, v);
            };
        }
    },
    SYMPLECTIC_EULER("symplectic-euler", "Symplectic Euler") {
        @Override
        public <V> Integrator<V> create(SecondOrderSystem<V> system, VectorOps<V> ops, V like) {
            V a = ops.like(like);
            return (q, v, dt) -> {
                // Kick then drift: the position uses the new velocity, which makes the map symplectic.
                system.acceleration(q, v, a);
                ops.axpy(dt, a, v);
                ops.axpy(dt, v, q);
            };
        }
    },
    VELOCITY_VERLET("velocity-verlet", "Velocity Verlet") {
        @Override
        public <V> Integrator<V> create(SecondOrderSystem<V> system, VectorOps<V> ops, V like) {
            V a = ops.like(like);
            V vEnd = ops.like(like);
            return (q, v, dt) -> {
                // Half kick, drift, half kick. With velocity-dependent forces (damping) the second
                // acceleration needs an end-of-step velocity: predicting it as v½ + (dt/2)·a₀ keeps
                // second order; for position-only forces it changes nothing.
                system.acceleration(q, v, a);
                ops.axpy(dt / 2, a, v);
                ops.axpy(dt, v, q);
                ops.assign(vEnd, v);
                ops.axpy(dt / 2, a, vEnd);
                system.acceleration(q, vEnd, a);
                ops.axpy(dt / 2, a, v);
            };
        }
    },
    RK4("rk4", "Runge–Kutta 4") {
        @Override
        public <V> Integrator<V> create(SecondOrderSystem<V> system, VectorOps<V> ops, V like) {
            V qs = ops.like(like);
            V vs = ops.like(like);
            V qSum = ops.like(like);
            V vSum = ops.like(like);
            V a = ops.like(like);
            double[] weights = {2, 2, 1};
            double[] fractions = {0.5, 0.5, 1};
            return (q, v, dt) -> {
                // Classical RK4 on (q, v)' = (v, a(q, v)). Stage i evaluates at (qs, vs); its slope is
                // (vs, a). qSum and vSum collect k1 + 2k2 + 2k3 + k4.
                ops.assign(vs, v);
                system.acceleration(q, v, a);
                ops.assign(qSum, v);
                ops.assign(vSum, a);
                for (int stage = 0; stage < 3; stage++) {
                    double h = fractions[stage] * dt;
                    ops.assign(qs, q);
                    ops.axpy(h, vs, qs); // uses the previous stage's velocity slope
                    ops.assign(vs, v);
                    ops.axpy(h, a, vs);
                    system.acceleration(qs, vs, a);
                    ops.axpy(weights[stage], vs, qSum);
                    ops.axpy(weights[stage], a, vSum);
                }
                ops.axpy(dt / 6, qSum, q);
                ops.axpy(dt / 6, vSum, v);
            };
        }
    };

    private final String id;
    private final String label;

    IntegrationMethod(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    public abstract <V> Integrator<V> create(SecondOrderSystem<V> system, VectorOps<V> ops, V like);
}
