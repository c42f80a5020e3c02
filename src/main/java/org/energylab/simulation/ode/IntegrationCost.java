package org.energylab.simulation.ode;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of a simulation that integrates one trajectory (or a pendulum and its twin) in
 * plain Java with the chosen {@link IntegrationMethod}: a time per evaluation of the acceleration,
 * and the recorded series of at most {@code maxPoints} points each.
 */
public final class IntegrationCost implements CostModel {
    private final double[] secondsPerUnit;
    private final int maxPoints;

    /**
     * @param secondsPerUnit seconds per step × evaluation and per run, fitted by CostCalibration
     * @param maxPoints the most points the simulation keeps per series
     */
    public IntegrationCost(double[] secondsPerUnit, int maxPoints) {
        this.secondsPerUnit = secondsPerUnit.clone();
        this.maxPoints = maxPoints;
    }

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
        return secondsPerUnit.clone();
    }

    /** The recorded series, sixteen of at most {@code maxPoints} points each. */
    @Override
    public long bytes(Parameters p) {
        return Double.BYTES * 16L * maxPoints * 2 + 2 * Cost.MEGABYTE;
    }
}
