package org.energylab.simulation.doublependulum;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.ode.IntegrationWork;

/** Run time and memory of {@link DoublePendulumSimulation}: the pendulum and its twin, stepped in plain Java. */
final class DoublePendulumCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {2.3e-7, 9.3e-3};

    static final CostModel INSTANCE = new DoublePendulumCost();

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

    /** The recorded series: at most {@value DoublePendulumSimulation#MAX_POINTS} points each. */
    @Override
    public long bytes(Parameters p) {
        return Double.BYTES * 16L * DoublePendulumSimulation.MAX_POINTS * 2 + 2 * Cost.MEGABYTE;
    }
}
