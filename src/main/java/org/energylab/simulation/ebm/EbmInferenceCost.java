package org.energylab.simulation.ebm;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.NetworkCost;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of {@link EbmInferenceSimulation}: NLL training on batches of data points
 * with their negatives (a fixed overhead per layer plus a time per multiply-add of every row), then
 * gradient descent on y for all starts together (an overhead per iteration and layer).
 */
final class EbmInferenceCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {4.08e-5, 3.57e-10, 1.72e-6, 3.47e-3};

    static final CostModel INSTANCE = new EbmInferenceCost();

    /** Rows of one training step: the batch and its negatives. */
    private static final int ROWS = EbmInferenceSimulation.BATCH * (EbmInferenceSimulation.NEGATIVES + 1);

    @Override
    public List<String> terms() {
        return List.of("training step × layer", "training row × multiply-add", "descent iteration × layer", "run");
    }

    @Override
    public double[] work(Parameters p) {
        int layers = p.integer("depth") + 1;
        double steps = p.integer("trainingSteps");
        double macs = NetworkCost.multiplyAdds(2, p.integer("width"), p.integer("depth"), 1);
        return new double[] {steps * layers, steps * ROWS * macs, (double) p.integer("iterations") * layers, 1};
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    @Override
    public long bytes(Parameters p) {
        long rows = Math.max(ROWS, EbmInferenceSimulation.MAP_CELLS * EbmInferenceSimulation.MAP_CELLS);
        return NetworkCost.trainingBytes(rows, 2, p.integer("width"), p.integer("depth"), 1) + 4 * Cost.MEGABYTE;
    }
}
