package org.energylab.simulation.pendulum;

import org.energylab.simulation.ode.SecondOrderSystem;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The simple pendulum from its Lagrangian L = ½mℓ²θ̇² + mgℓ cos θ (potential zero at the pivot),
 * whose Euler–Lagrange equation with linear damping is θ̈ = −(g/ℓ) sin θ − γθ̇.
 */
record PendulumModel(double length, double mass, double gravity, double damping) {

    double kinetic(double omega) {
        return 0.5 * mass * length * length * omega * omega;
    }

    double potential(double theta) {
        return -mass * gravity * length * Math.cos(theta);
    }

    /** The scale of the energies: mgℓ. */
    double energyScale() {
        return mass * gravity * length;
    }

    /** The equations for one pendulum, as plain arrays of length 1. */
    SecondOrderSystem<double[]> single() {
        double w2 = gravity / length;
        return (q, v, out) -> out[0] = -w2 * Math.sin(q[0]) - damping * v[0];
    }

    /** The same equations applied element-wise to a whole ensemble, one ND4J call per term. */
    SecondOrderSystem<INDArray> ensemble() {
        double w2 = gravity / length;
        return (q, v, out) -> {
            out.assign(q);
            Transforms.sin(out, false);
            out.muli(-w2);
            if (damping != 0) {
                Nd4j.getBlasWrapper().level1().axpy(v.length(), -damping, v, out);
            }
        };
    }
}
