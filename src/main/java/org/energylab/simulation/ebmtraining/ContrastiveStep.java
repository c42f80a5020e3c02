package org.energylab.simulation.ebmtraining;

import java.util.SplittableRandom;
import org.energylab.simulation.nn.Adam;
import org.energylab.simulation.nn.BatchPass;
import org.energylab.simulation.nn.Mlp;
import org.energylab.simulation.training.TrainingStep;

/**
 * One step of contrastive training: a batch of b data points drawn with replacement, m negatives from
 * {@link Negatives}, both sets through one pass of the network (data rows first), the loss's ∂L/∂F
 * swept backward, and one Adam update. The step allocates nothing; closing it frees the negatives'
 * chains.
 */
final class ContrastiveStep implements TrainingStep {
    private final EnergyLoss loss;
    private final double[] data;
    private final int batch;
    private final Negatives negatives;
    private final Adam adam;
    private final SplittableRandom random;
    private final BatchPass pass;
    private final double[] rows;
    private final double[] batchRows;

    ContrastiveStep(
            EnergyLoss loss,
            Mlp network,
            double[] data,
            int batch,
            Negatives negatives,
            double learningRate,
            SplittableRandom random) {
        if (loss == EnergyLoss.SCORE_MATCHING) {
            throw new IllegalArgumentException("score matching is trained by its own step");
        }
        if (loss.pairwise() && negatives.count() != batch) {
            throw new IllegalArgumentException("a pairwise loss needs one negative per data point");
        }
        this.loss = loss;
        this.data = data;
        this.batch = batch;
        this.negatives = negatives;
        this.adam = new Adam(network, learningRate);
        this.random = random;
        this.pass = network.pass(batch + negatives.count());
        this.rows = new double[2 * (batch + negatives.count())];
        this.batchRows = new double[2 * batch];
    }

    @Override
    public double step(long step) {
        Batches.draw(data, batchRows, random);
        double[] negative = negatives.draw(batchRows);
        System.arraycopy(batchRows, 0, rows, 0, batchRows.length);
        System.arraycopy(negative, 0, rows, batchRows.length, negative.length);
        pass.input(rows);
        double[] energies = pass.forward();
        double value = loss.apply(energies, batch, negatives.count(), pass.outputGradient());
        pass.backward(false);
        adam.update(pass);
        return value;
    }

    @Override
    public void close() {
        negatives.close();
    }
}
