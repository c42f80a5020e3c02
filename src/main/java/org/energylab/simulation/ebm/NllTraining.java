package org.energylab.simulation.ebm;

import java.util.SplittableRandom;
import org.energylab.simulation.data.CircleData;
import org.energylab.simulation.nn.Adam;
import org.energylab.simulation.nn.Mlp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

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
 */
final class NllTraining {
    static final double Y_MIN = -1.5;
    static final double Y_MAX = 1.5;
    /** Weight α of the term that holds the data's energy near 0. */
    static final double ANCHOR = 0.05;

    private final EnergyNetwork network;
    private final CircleData data;
    private final int batch;
    private final int negatives;
    private final Adam adam;
    private final SplittableRandom rng;

    NllTraining(
            EnergyNetwork network,
            CircleData data,
            int batch,
            int negatives,
            double learningRate,
            SplittableRandom rng) {
        this.network = network;
        this.data = data;
        this.batch = batch;
        this.negatives = negatives;
        this.adam = new Adam(network.mlp().parameters(), learningRate);
        this.rng = rng;
    }

    /** One Adam step on a mini-batch drawn with replacement; returns its mean NLL (without the anchor term). */
    double step() {
        int b = batch;
        int k = negatives;
        double cell = (Y_MAX - Y_MIN) / k;
        // Rows 0..b−1: the data pairs; then b·k rows of negatives, k per data point.
        double[][] rows = new double[b * (k + 1)][];
        for (int i = 0; i < b; i++) {
            int index = rng.nextInt(data.size());
            double x = data.x(index);
            rows[i] = new double[] {x, data.y(index)};
            for (int j = 0; j < k; j++) {
                rows[b + i * k + j] = new double[] {x, Y_MIN + (j + rng.nextDouble()) * cell};
            }
        }
        Mlp mlp = network.mlp();
        Mlp.Forward forward = mlp.forward(Nd4j.createFromArray(rows));
        INDArray energies = forward.result();
        INDArray dataEnergy = energies.get(NDArrayIndex.interval(0, b), NDArrayIndex.all());
        INDArray negativeEnergy = energies.get(NDArrayIndex.interval(b, b * (k + 1)), NDArrayIndex.all())
                .reshape(b, k);
        // w_ij = exp(−F_ij) / Σ_j exp(−F_ij), computed from −F − max(−F) so that nothing overflows.
        INDArray shifted = negativeEnergy.neg();
        INDArray rowMax = shifted.max(true, 1);
        shifted.subiColumnVector(rowMax);
        INDArray weights = Transforms.exp(shifted, false);
        INDArray rowSum = weights.sum(true, 1);
        weights.diviColumnVector(rowSum);
        INDArray logZ = Transforms.log(rowSum, false).addi(rowMax).addi(Math.log(cell));
        double loss = dataEnergy.add(logZ).meanNumber().doubleValue();

        // ∂L/∂F: (1 + 2αF_i)/b at the data, −w_ij/b at the negatives.
        INDArray gradient = Nd4j.concat(
                0,
                dataEnergy.mul(2 * ANCHOR).addi(1.0).divi(b),
                weights.reshape((long) b * k, 1).negi().divi(b));
        adam.update(Mlp.gradients(mlp.backward(forward, gradient)));
        return loss;
    }
}
