package org.energylab.simulation.boltzmann;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of {@link SamplerSimulation}: every step moves all chains with a fixed number
 * of ND4J operations (more for the methods that follow the gradient) and adds their positions to
 * the histogram in plain Java.
 */
final class SamplerCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {1.6e-4, 5.9e-8, 1.0e-4, 1.2e-8, 0.01};

    static final CostModel INSTANCE = new SamplerCost();

    @Override
    public List<String> terms() {
        return List.of("step", "chain step", "gradient step", "gradient chain step", "run");
    }

    @Override
    public double[] work(Parameters p) {
        double steps = p.integer("steps");
        double chainSteps = steps * p.integer("chains");
        boolean gradient = !p.choice("method").equals("metropolis");
        return new double[] {steps, chainSteps, gradient ? steps : 0, gradient ? chainSteps : 0, 1};
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    /** The chains' state and a dozen work vectors, and the recorded trace. */
    @Override
    public long bytes(Parameters p) {
        return Double.BYTES * (16L * p.integer("chains") + 2L * SamplerSimulation.MAX_TRACE_POINTS) + 2 * Cost.MEGABYTE;
    }
}
