package org.energylab.simulation.causal;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of {@link FisherSimulation}: one Gaussian draw and a few operations per
 * observation, repetitions × the sum of the sample sizes on the curve, in plain Java; the scores of
 * the largest sample cost one more pass over it per repetition. An observation of a slope, with its
 * input, costs about twice one of a mean; a median sorts each sample. Memory is one sample's arrays.
 */
final class FisherCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration (CPU time), 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {1.3e-8, 3.0e-8, 1.0e-7, 6.3e-4};

    static final CostModel INSTANCE = new FisherCost();

    @Override
    public List<String> terms() {
        return List.of("observation of a mean", "observation of a slope", "observation sorted for a median", "run");
    }

    @Override
    public double[] work(Parameters p) {
        double draws = FisherSimulation.draws(p);
        FisherModel model = p.choice("model", FisherModel.class);
        return new double[] {
            model == FisherModel.GAUSSIAN_MEAN ? draws : 0,
            model == FisherModel.REGRESSION_SLOPE ? draws : 0,
            model == FisherModel.GAUSSIAN_MEDIAN ? draws : 0,
            1
        };
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    /** One sample and its inputs, and a few megabytes of small objects and series. */
    @Override
    public long bytes(Parameters p) {
        return 2L * Double.BYTES * p.integer("maxSamples") + 4 * Cost.MEGABYTE;
    }
}
