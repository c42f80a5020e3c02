package org.energylab.simulation.pendulum;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.ode.IntegrationWork;

/**
 * Run time and memory of {@link PendulumSimulation}: the single pendulum in plain Java, and the
 * ensemble as ND4J vectors, whose every step costs a fixed overhead per acceleration evaluation
 * (a handful of array operations) plus a time per pendulum.
 */
final class PendulumCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {1.7e-7, 2.5e-5, 1.4e-8, 1.3e-3};

    static final CostModel INSTANCE = new PendulumCost();

    @Override
    public List<String> terms() {
        return List.of("step", "ensemble step × evaluation", "pendulum step × evaluation", "run");
    }

    @Override
    public double[] work(Parameters p) {
        double steps = IntegrationWork.steps(p.number("duration"), p.number("dt"));
        int ensemble = p.integer("ensemble");
        double evaluations = ensemble > 1 ? steps * IntegrationWork.accelerations(p.choice("integrator")) : 0;
        return new double[] {steps, evaluations, evaluations * ensemble, 1};
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    /** The ensemble's state and scratch vectors, its two recorded clouds, and the recorded series. */
    @Override
    public long bytes(Parameters p) {
        long ensemble = p.integer("ensemble");
        return Double.BYTES * (12 * ensemble + 4 * ensemble + 8L * PendulumSimulation.MAX_POINTS * 2)
                + 2 * Cost.MEGABYTE;
    }
}
