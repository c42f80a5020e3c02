package org.energylab.simulation.causal;

import java.util.List;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of {@link FisherSimulation}: one Gaussian draw and a few operations per
 * observation, repetitions × the sum of the sample sizes on the curve, in plain Java; the scores of
 * the largest sample cost one more pass over it per repetition. Memory is one sample's array.
 */
final class FisherCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {1.5e-8, 1.0e-3};

    static final CostModel INSTANCE = new FisherCost();

    @Override
    public List<String> terms() {
        return List.of("observation", "run");
    }

    @Override
    public double[] work(Parameters p) {
        return new double[] {FisherSimulation.draws(p), 1};
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    @Override
    public long bytes(Parameters p) {
        return Double.BYTES * (long) p.integer("maxSamples") + (1L << 20);
    }
}
