package org.energylab.simulation.ebmtraining;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.energylab.simulation.nn.Adam;
import org.energylab.simulation.nn.BatchPass;
import org.energylab.simulation.nn.Mlp;
import org.energylab.simulation.training.TrainingStep;

/**
 * Denoising score matching (Vincent, 2011) for an energy F: noise each data point, ỹ = y + σξ, and fit
 * −∇F(ỹ) to the score of the noise kernel, −(ỹ − y)/σ² = −ξ/σ. The loss, weighted by σ² so that it is
 * of order one,
 *
 * <pre>
 *     L = (σ²/b) Σᵢ ‖∇F(ỹᵢ) − ξᵢ/σ‖²,
 * </pre>
 *
 * is minimised by −∇F = ∇ log p_σ, the score of the data blurred by N(0, σ²I) (the Tweedie link of
 * lesson 4.3). Its gradient in θ needs ∂θ of ∇F, a second derivative. Writing rᵢ = ∇F(ỹᵢ) − ξᵢ/σ,
 * ∂L/∂θ = (2σ²/b) Σᵢ ∂θ(rᵢ · ∇F(ỹᵢ)) with rᵢ held fixed, and rᵢ · ∇F is a directional derivative, so a
 * central difference along uᵢ = rᵢ/‖rᵢ‖ turns it into energies the network already differentiates:
 *
 * <pre>
 *     ∂L/∂θ ≈ (2σ²/b) Σᵢ ‖rᵢ‖ (∂θF(ỹᵢ + εuᵢ) − ∂θF(ỹᵢ − εuᵢ)) / (2ε),
 * </pre>
 *
 * exact to O(ε²). One pass computes ∇F at the b noised points, a second of 2b rows the parameter
 * gradient with the weights ±σ²‖rᵢ‖/(bε).
 */
final class ScoreMatchingStep implements TrainingStep {
    /** The noise σ of the score the model learns: small, so that it is close to the data's own. */
    static final double NOISE = 0.1;
    /** The central difference's half-step ε along the residual. */
    static final double EPSILON = 1e-3;

    private final double[] data;
    private final int batch;
    private final double noise;
    private final Adam adam;
    private final SplittableRandom random;
    private final BatchPass slopes;
    private final BatchPass shifted;
    private final double[] noised;
    private final double[] noiseRows;
    private final double[] shiftedRows;
    private final double[] batchRows;

    ScoreMatchingStep(
            Mlp network, double[] data, int batch, double noise, double learningRate, SplittableRandom random) {
        this.data = data;
        this.batch = batch;
        this.noise = noise;
        this.adam = new Adam(network, learningRate);
        this.random = random;
        this.slopes = network.pass(batch);
        this.shifted = network.pass(2 * batch);
        this.noised = new double[2 * batch];
        this.noiseRows = new double[2 * batch];
        this.shiftedRows = new double[4 * batch];
        this.batchRows = new double[2 * batch];
    }

    @Override
    public double step(long step) {
        Batches.draw(data, batchRows, random);
        for (int i = 0; i < noised.length; i++) {
            noiseRows[i] = random.nextGaussian();
            noised[i] = batchRows[i] + noise * noiseRows[i];
        }
        // ∇F(ỹ) = −λ₀ from a backward sweep with ∂C/∂F = 1.
        slopes.input(noised);
        slopes.forward();
        Arrays.fill(slopes.outputGradient(), 1.0);
        slopes.backward(true);
        double[] lambda0 = slopes.inputMultiplierValues();
        double[] weights = shifted.outputGradient();
        double loss = 0;
        double sigma2 = noise * noise;
        for (int i = 0; i < batch; i++) {
            double rx = -lambda0[2 * i] - noiseRows[2 * i] / noise;
            double ry = -lambda0[2 * i + 1] - noiseRows[2 * i + 1] / noise;
            double norm = Math.hypot(rx, ry);
            loss += sigma2 * norm * norm;
            double ux = norm > 0 ? rx / norm : 0;
            double uy = norm > 0 ? ry / norm : 0;
            // Row i: ỹᵢ + εuᵢ; row b + i: ỹᵢ − εuᵢ.
            shiftedRows[2 * i] = noised[2 * i] + EPSILON * ux;
            shiftedRows[2 * i + 1] = noised[2 * i + 1] + EPSILON * uy;
            shiftedRows[2 * (batch + i)] = noised[2 * i] - EPSILON * ux;
            shiftedRows[2 * (batch + i) + 1] = noised[2 * i + 1] - EPSILON * uy;
            double weight = sigma2 * norm / (batch * EPSILON);
            weights[i] = weight;
            weights[batch + i] = -weight;
        }
        shifted.input(shiftedRows);
        shifted.forward();
        shifted.backward(false);
        adam.update(shifted);
        return loss / batch;
    }
}
