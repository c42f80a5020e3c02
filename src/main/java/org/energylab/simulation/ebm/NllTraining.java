package org.energylab.simulation.ebm;

import java.util.SplittableRandom;
import org.energylab.simulation.data.CircleData;
import org.energylab.simulation.nn.Adam;
import org.energylab.simulation.nn.BatchPass;
import org.energylab.simulation.training.TrainingStep;

/**
 * Trains a conditional energy F(x, y) by the negative log-likelihood of the Gibbs distribution at
 * β = 1, P(y | x) = exp(−F(x, y)) / Z(x) with Z(x) = ∫ exp(−F(x, y')) dy' over y' in [−1.5, 1.5]:
 *
 * <p>L_i = F(x_i, y_i) + log Z(x_i) + α F(x_i, y_i)².
 *
 * <p>The first term pushes the energy down at the data, the second pushes it up everywhere else,
 * weighted by the model's own probabilities: these are the contrastive negatives. Z(x_i) is
 * estimated by stratified sampling: the interval is cut into K equal cells and one ŷ is drawn
 * uniformly in each, so log Z ≈ log(Δ Σ_k exp(−F(x_i, ŷ_k))) with Δ = 3/K. The negatives move at
 * every step, so the network cannot hide low energies between fixed grid points. The NLL does not
 * change if a function of x alone is added to F; the small last term fixes that freedom by holding
 * the data's energies near 0, which makes the heat map readable.
 *
 * <p>Every step goes through one pass of the network, of b(K + 1) rows, and arrays made once.
 */
final class NllTraining implements TrainingStep {
    static final double Y_MIN = -1.5;
    static final double Y_MAX = 1.5;
    /** Weight α of the term that holds the data's energy near 0. */
    static final double ANCHOR = 0.05;

    private final CircleData data;
    private final int batch;
    private final int negatives;
    private final Adam adam;
    private final SplittableRandom rng;
    private final BatchPass pass;
    private final double[] rows;
    private final double[] weights;

    NllTraining(
            EnergyNetwork network,
            CircleData data,
            int batch,
            int negatives,
            double learningRate,
            SplittableRandom rng) {
        this.data = data;
        this.batch = batch;
        this.negatives = negatives;
        this.adam = new Adam(network.mlp(), learningRate);
        this.rng = rng;
        this.pass = network.mlp().pass(batch * (negatives + 1));
        this.rows = new double[2 * batch * (negatives + 1)];
        this.weights = new double[negatives];
    }

    /** One Adam step on a mini-batch drawn with replacement; returns its mean NLL (without the anchor term). */
    @Override
    public double step(long step) {
        int b = batch;
        int k = negatives;
        double cell = (Y_MAX - Y_MIN) / k;
        // Rows 0..b−1: the data pairs; then b·k rows of negatives, k per data point.
        for (int i = 0; i < b; i++) {
            int index = rng.nextInt(data.size());
            double x = data.x(index);
            rows[2 * i] = x;
            rows[2 * i + 1] = data.y(index);
            for (int j = 0; j < k; j++) {
                int row = b + i * k + j;
                rows[2 * row] = x;
                rows[2 * row + 1] = Y_MIN + (j + rng.nextDouble()) * cell;
            }
        }
        pass.input(rows);
        pass.forward();
        double[] energies = pass.outputValues();
        double[] gradient = pass.outputGradient();
        double logCell = Math.log(cell);
        double loss = 0;
        for (int i = 0; i < b; i++) {
            int first = b + i * k;
            // w_ij = exp(−F_ij) / Σ_j exp(−F_ij), computed from −F − max(−F) so that nothing overflows.
            double rowMax = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                rowMax = Math.max(rowMax, -energies[first + j]);
            }
            double rowSum = 0;
            for (int j = 0; j < k; j++) {
                weights[j] = Math.exp(-energies[first + j] - rowMax);
                rowSum += weights[j];
            }
            double logZ = Math.log(rowSum) + rowMax + logCell;
            loss += energies[i] + logZ;
            // ∂L/∂F: (1 + 2αF_i)/b at the data, −w_ij/b at the negatives.
            gradient[i] = (energies[i] * (2 * ANCHOR) + 1.0) / b;
            for (int j = 0; j < k; j++) {
                gradient[first + j] = -(weights[j] / rowSum) / b;
            }
        }
        pass.backward(false);
        adam.update(pass);
        return loss / b;
    }
}
