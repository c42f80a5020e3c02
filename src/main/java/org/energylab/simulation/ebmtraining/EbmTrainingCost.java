package org.energylab.simulation.ebmtraining;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.NetworkCost;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of {@link EbmTrainingSimulation}: every sweep of the network (training passes,
 * Langevin steps, frames, the final samples) costs a fixed overhead per pass and a time per row and
 * multiply-add.
 */
final class EbmTrainingCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {1.43e-10, 4.39e-5, 0};

    static final CostModel INSTANCE = new EbmTrainingCost();

    static final long LANGEVIN_TEMPORARIES = 72 * Cost.MEGABYTE;

    @Override
    public List<String> terms() {
        return List.of("row × multiply-add", "pass", "run");
    }

    @Override
    public double[] work(Parameters p) {
        double[] sweeps = sweeps(p);
        return new double[] {sweeps[0] * multiplyAdds(p), sweeps[1], 1};
    }

    /** {rows swept forward and backward, passes}, the backward sweep counted as one more forward. */
    static double[] sweeps(Parameters p) {
        double steps = p.integer("steps");
        int b = EbmTrainingSimulation.BATCH;
        double rows;
        double passes;
        if (p.choice("loss").equals(EnergyLoss.SCORE_MATCHING.id())) {
            rows = steps * 2 * (b + 2.0 * b);
            passes = steps * 2;
        } else {
            rows = steps * 2 * 2.0 * b;
            passes = steps;
            if (p.choice("negatives").equals(NegativeSource.LANGEVIN.id())) {
                // k Langevin steps and the restart's energy and gradient, each over b chains.
                double langevin = p.integer("langevinSteps") + 2.0;
                rows += steps * langevin * 2 * b;
                passes += steps * langevin;
            }
        }
        double frameRows = (EbmTrainingSimulation.FRAMES + 2.0)
                * (EbmTrainingSimulation.GRID_SIZE * EbmTrainingSimulation.GRID_SIZE
                        + 2.0 * EbmTrainingSimulation.TRAINING_POINTS);
        double samplingRows = (EbmTrainingSimulation.SAMPLE_STEPS + 2.0) * 2 * EbmTrainingSimulation.SAMPLE_CHAINS;
        rows += frameRows + samplingRows;
        passes += EbmTrainingSimulation.SAMPLE_STEPS + frameRows / 128;
        return new double[] {rows, passes};
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    @Override
    public long bytes(Parameters p) {
        int width = p.integer("hiddenUnits");
        long frames = (EbmTrainingSimulation.FRAMES + 2L)
                * EbmTrainingSimulation.GRID_SIZE
                * EbmTrainingSimulation.GRID_SIZE
                * Double.BYTES;
        long buffer = 2L * Negatives.BUFFER_CAPACITY * Double.BYTES;
        // The Langevin chains' ND4J temporaries, which the garbage collector frees in its own time: the
        // resident size grew by 55–74 MB in CostCalibration's runs with Langevin negatives, 6–18 MB without.
        long langevin = p.choice("negatives").equals(NegativeSource.LANGEVIN.id())
                        && !p.choice("loss").equals(EnergyLoss.SCORE_MATCHING.id())
                ? LANGEVIN_TEMPORARIES
                : 0;
        return NetworkCost.trainingBytes(
                        2L * EbmTrainingSimulation.BATCH + EbmTrainingSimulation.SAMPLE_CHAINS, 2, width, 2, 1)
                + frames
                + buffer
                + langevin
                + 4 * Cost.MEGABYTE;
    }

    private static double multiplyAdds(Parameters p) {
        return NetworkCost.multiplyAdds(2, p.integer("hiddenUnits"), 2, 1);
    }
}
