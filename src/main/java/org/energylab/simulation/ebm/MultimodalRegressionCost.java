package org.energylab.simulation.ebm;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.NetworkCost;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of {@link MultimodalRegressionSimulation}: full-batch Adam steps, each a fixed
 * ND4J overhead per layer plus a time per multiply-add of every sample's forward pass.
 */
final class MultimodalRegressionCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {1.01e-6, 3.80e-10, 3.00e-3};

    static final CostModel INSTANCE = new MultimodalRegressionCost();

    @Override
    public List<String> terms() {
        return List.of("Adam step × layer", "sample × multiply-add", "run");
    }

    @Override
    public double[] work(Parameters p) {
        double steps = p.integer("steps");
        return new double[] {steps * (p.integer("depth") + 1), steps * p.integer("samples") * multiplyAdds(p), 1};
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    @Override
    public long bytes(Parameters p) {
        long rows = Math.max(p.integer("samples"), MultimodalRegressionSimulation.GRID_POINTS);
        return NetworkCost.trainingBytes(rows, 1, p.integer("width"), p.integer("depth"), 1) + 4 * Cost.MEGABYTE;
    }

    private static double multiplyAdds(Parameters p) {
        return NetworkCost.multiplyAdds(1, p.integer("width"), p.integer("depth"), 1);
    }
}
