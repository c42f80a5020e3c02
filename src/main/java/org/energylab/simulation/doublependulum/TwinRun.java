package org.energylab.simulation.doublependulum;

import org.energylab.simulation.ode.DoubleArrayOps;
import org.energylab.simulation.ode.IntegrationMethod;
import org.energylab.simulation.ode.Integrator;
import org.energylab.simulation.ode.SecondOrderSystem;

/**
 * A second double pendulum started δ away in θ₁, stepped beside the reference run, and a third
 * copy of it that estimates the largest Lyapunov exponent by Benettin's method: every {@code
 * interval} steps its distance d from the reference is measured, ln(d/δ) is added up, and it is
 * pulled back to distance δ along the same direction. The exponent is the sum divided by the
 * elapsed time. The twin itself is never pulled back, so its distance shows the real parting of
 * two nearby starts, saturation included.
 *
 * <p>Distances are Euclidean in the phase space (θ₁, θ₂, θ̇₁, θ̇₂), counting an angular velocity in
 * rad/s as if it were an angle in rad (a time scale of 1 s).
 */
final class TwinRun {
    private final double delta;
    private final int interval;
    private final double[] q;
    private final double[] v;
    private final double[] shadowQ;
    private final double[] shadowV;
    private final Integrator<double[]> twin;
    private final Integrator<double[]> shadow;
    private double logGrowth;
    private double measuredTime;
    private int steps;

    TwinRun(
            SecondOrderSystem<double[]> system,
            IntegrationMethod method,
            double[] q0,
            double[] v0,
            double delta,
            int interval) {
        this.delta = delta;
        this.interval = interval;
        q = new double[] {q0[0] + delta, q0[1]};
        v = v0.clone();
        shadowQ = q.clone();
        shadowV = v.clone();
        twin = method.create(system, DoubleArrayOps.INSTANCE, q);
        shadow = method.create(system, DoubleArrayOps.INSTANCE, shadowQ);
    }

    /** Steps the twin and the shadow by dt; {@code refQ, refV} is the reference state after its own step. */
    void step(double dt, double[] refQ, double[] refV) {
        twin.step(q, v, dt);
        shadow.step(shadowQ, shadowV, dt);
        if (++steps % interval == 0) {
            double d = distance(shadowQ, shadowV, refQ, refV);
            if (d > 0 && Double.isFinite(d)) {
                logGrowth += Math.log(d / delta);
                measuredTime += interval * dt;
                double shrink = delta / d;
                for (int k = 0; k < 2; k++) {
                    shadowQ[k] = refQ[k] + (shadowQ[k] - refQ[k]) * shrink;
                    shadowV[k] = refV[k] + (shadowV[k] - refV[k]) * shrink;
                }
            }
        }
    }

    /** The phase-space distance between the twin and the reference state. */
    double separation(double[] refQ, double[] refV) {
        return distance(q, v, refQ, refV);
    }

    double[] angles() {
        return q;
    }

    /** The Benettin estimate Σ ln(d/δ) / t, or NaN before the first renormalisation. */
    double lyapunovExponent() {
        return measuredTime > 0 ? logGrowth / measuredTime : Double.NaN;
    }

    /** The time the estimate covers. */
    double measuredTime() {
        return measuredTime;
    }

    static double distance(double[] q1, double[] v1, double[] q2, double[] v2) {
        double sum = 0;
        for (int k = 0; k < 2; k++) {
            double dq = q1[k] - q2[k];
            double dv = v1[k] - v2[k];
            sum += dq * dq + dv * dv;
        }
        return Math.sqrt(sum);
    }
}
