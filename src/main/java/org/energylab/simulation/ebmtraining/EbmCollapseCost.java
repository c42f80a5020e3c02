package org.energylab.simulation.ebmtraining;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.NetworkCost;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of {@link EbmCollapseSimulation}: Adam steps over one pass of b (or 2b) rows,
 * each a fixed overhead plus a time per row and multiply-add, and the frames.
 */
final class EbmCollapseCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {4.76e-11, 1.82e-6, 3.94e-2};

    static final CostModel INSTANCE = new EbmCollapseCost();

    @Override
    public List<String> terms() {
        return List.of("row × multiply-add", "Adam step", "run");
    }

    @Override
    public double[] work(Parameters p) {
        double steps = p.integer("steps");
        double rowsPerStep =
                2.0 * EbmCollapseSimulation.BATCH * (p.choice("contrastive").equals("on") ? 2 : 1);
        double frameRows = (EbmCollapseSimulation.FRAMES + 3.0)
                * (EbmCollapseSimulation.GRID_SIZE * EbmCollapseSimulation.GRID_SIZE
                        + EbmCollapseSimulation.TRAINING_POINTS
                        + EbmCollapseSimulation.REFERENCE_POINTS);
        double multiplyAdds = NetworkCost.multiplyAdds(2, p.integer("hiddenUnits"), 2, EbmCollapseSimulation.OUTPUTS);
        return new double[] {(steps * rowsPerStep + frameRows) * multiplyAdds, steps, 1};
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    @Override
    public long bytes(Parameters p) {
        long frames = (EbmCollapseSimulation.FRAMES + 2L)
                * EbmCollapseSimulation.GRID_SIZE
                * EbmCollapseSimulation.GRID_SIZE
                * Double.BYTES;
        return NetworkCost.trainingBytes(
                        2L * EbmCollapseSimulation.BATCH, 2, p.integer("hiddenUnits"), 2, EbmCollapseSimulation.OUTPUTS)
                + frames
                + 4 * Cost.MEGABYTE;
    }
}
