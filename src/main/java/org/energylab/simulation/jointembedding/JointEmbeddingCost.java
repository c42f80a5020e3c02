package org.energylab.simulation.jointembedding;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.NetworkCost;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of {@link JointEmbeddingSimulation}. A training step encodes both views of a
 * batch (an overhead per layer plus a time per multiply-add of each row) and compares every view
 * with every other (batch² pairs); the whole data set and its two fixed views are encoded again at
 * each of the {@value #MEASUREMENTS} measurements.
 */
final class JointEmbeddingCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {2.72e-6, 3.88e-10, 1.30e-8, 2.13e-11, 5.18e-4};

    static final CostModel INSTANCE = new JointEmbeddingCost();

    /** Encodings of the whole data set: before training, at each progress step and at the end. */
    static final int MEASUREMENTS = 102;

    @Override
    public List<String> terms() {
        return List.of("step × layer", "view × multiply-add", "step × pair", "measured row × multiply-add", "run");
    }

    @Override
    public double[] work(Parameters p) {
        double steps = p.integer("steps");
        double batch = p.integer("batchSize");
        double macs = multiplyAdds(p);
        return new double[] {
            steps * (p.integer("depth") + 1),
            steps * 2 * batch * macs,
            steps * batch * batch,
            MEASUREMENTS * 3.0 * p.integer("points") * macs,
            1
        };
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    /** Encoding three copies of the data set, or training on a batch and its batch² distances. */
    @Override
    public long bytes(Parameters p) {
        int width = p.integer("width");
        int depth = p.integer("depth");
        long measured = NetworkCost.trainingBytes(3L * p.integer("points"), 2, width, depth, 2);
        long batch = p.integer("batchSize");
        long trained = NetworkCost.trainingBytes(2 * batch, 2, width, depth, 2) + Double.BYTES * 4 * batch * batch;
        return Math.max(measured, trained) + 4 * Cost.MEGABYTE;
    }

    private static double multiplyAdds(Parameters p) {
        return NetworkCost.multiplyAdds(2, p.integer("width"), p.integer("depth"), 2);
    }
}
