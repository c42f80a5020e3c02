package org.energylab.simulation.backprop;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.NetworkCost;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of {@link BackpropLagrangianSimulation}. A pass over a batch costs a fixed
 * ND4J overhead per layer (Adam adds its own per layer and per parameter) plus a time per multiply-add of
 * the forward pass (the backward pass is counted in the constant); the whole data set is evaluated
 * at most {@value BackpropLagrangianSimulation#MAX_RECORDS} times, the decision-boundary grid once
 * and the autodiff check at a few checkpoints.
 */
final class BackpropLagrangianCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {0, 0, 0, 4.85e-10, 0, 3.11e-10, 3.48e-3};

    static final CostModel INSTANCE = new BackpropLagrangianCost();

    @Override
    public List<String> terms() {
        return List.of(
                "step × layer",
                "Adam step × layer",
                "Adam step × parameter",
                "trained point × multiply-add",
                "evaluation × layer",
                "evaluated point × multiply-add",
                "autodiff check × layer");
    }

    @Override
    public double[] work(Parameters p) {
        int layers = p.integer("depth") + 1;
        double steps = p.integer("steps");
        double macs = multiplyAdds(p);
        int records = Math.min(p.integer("steps"), BackpropLagrangianSimulation.MAX_RECORDS) + 1;
        int grid = BackpropLagrangianSimulation.GRID_SIZE * BackpropLagrangianSimulation.GRID_SIZE;
        int checkBatch = Math.min(BackpropLagrangianSimulation.CHECK_BATCH, p.integer("samples"));
        boolean adam = p.choice("optimiser").equals("adam");
        return new double[] {
            steps * layers,
            adam ? steps * layers : 0,
            adam ? steps * NetworkCost.parameters(2, p.integer("width"), p.integer("depth"), 1) : 0,
            steps * batchSize(p) * macs,
            records * layers,
            (records * (double) p.integer("samples")
                            + grid
                            + BackpropLagrangianSimulation.GAP_CHECKPOINTS * 2.0 * checkBatch)
                    * macs,
            BackpropLagrangianSimulation.GAP_CHECKPOINTS * layers
        };
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    /** Training on the largest batch: the grid, the data set or a training batch. */
    @Override
    public long bytes(Parameters p) {
        long rows = Math.max(
                BackpropLagrangianSimulation.GRID_SIZE * BackpropLagrangianSimulation.GRID_SIZE,
                Math.max(p.integer("samples"), batchSize(p)));
        return NetworkCost.trainingBytes(rows, 2, p.integer("width"), p.integer("depth"), 1) + 4 * Cost.MEGABYTE;
    }

    static double multiplyAdds(Parameters p) {
        return NetworkCost.multiplyAdds(2, p.integer("width"), p.integer("depth"), 1);
    }

    static int batchSize(Parameters p) {
        return Math.min(p.integer("batchSize"), p.integer("samples"));
    }
}
