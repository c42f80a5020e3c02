package org.energylab.simulation.constrained;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.ode.IntegrationWork;

/** Run time and memory of {@link ConstrainedPendulumSimulation}: one pendulum in Cartesian coordinates, in plain Java. */
final class ConstrainedPendulumCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {7.3e-8, 1.2e-3};

    static final CostModel INSTANCE = new ConstrainedPendulumCost();

    @Override
    public List<String> terms() {
        return List.of("step × evaluation", "run");
    }

    @Override
    public double[] work(Parameters p) {
        double steps = IntegrationWork.steps(p.number("duration"), p.number("dt"));
        return new double[] {steps * IntegrationWork.accelerations(p.choice("integrator")), 1};
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    /** The recorded series: at most {@value ConstrainedPendulumSimulation#MAX_POINTS} points each. */
    @Override
    public long bytes(Parameters p) {
        return Double.BYTES * 16L * ConstrainedPendulumSimulation.MAX_POINTS * 2 + 2 * Cost.MEGABYTE;
    }
}
