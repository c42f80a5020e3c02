package org.energylab.simulation.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected network z_k = σ_k(z_{k−1} W_k + b_k), k = 1..K, over whole batches (rows are
 * samples), whose backward pass is written out as the Lagrange-multiplier recursion of lesson 1.3.
 *
 * <p>Sign convention: with the Lagrangian 𝓛 = C(z_K) + Σ_k λ_kᵀ (z_k − f_k(z_{k−1}, W_k)),
 * stationarity gives λ_K = −∂C/∂z_K and λ_k = (∂f_{k+1}/∂z_k)ᵀ λ_{k+1}; the gradient of the cost
 * with respect to W_k is −(∂f_k/∂W_k)ᵀ λ_k. So λ_k is minus the back-propagated gradient ∂C/∂z_k.
 */
public final class Mlp {
    private final List<INDArray> weights = new ArrayList<>();
    private final List<INDArray> biases = new ArrayList<>();
    private final Activation hidden;
    private final Activation output;

    /**
     * @param sizes layer widths, input first and output last, e.g. {2, 16, 16, 1}
     * @param rng the source of the initial weights (Glorot-uniform), so a seed fixes the network
     */
    public Mlp(int[] sizes, Activation hidden, Activation output, SplittableRandom rng) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs an input and an output size");
        }
        this.hidden = hidden;
        this.output = output;
        for (int k = 1; k < sizes.length; k++) {
            int in = sizes[k - 1];
            int out = sizes[k];
            double limit = Math.sqrt(6.0 / (in + out));
            double[] w = new double[in * out];
            for (int i = 0; i < w.length; i++) {
                w[i] = (2 * rng.nextDouble() - 1) * limit;
            }
            weights.add(Nd4j.createFromArray(w).reshape(in, out));
            biases.add(Nd4j.zeros(1, out));
        }
    }

    public int layers() {
        return weights.size();
    }

    public List<INDArray> weights() {
        return weights;
    }

    public List<INDArray> biases() {
        return biases;
    }

    private Activation activation(int layer) {
        return layer == weights.size() - 1 ? output : hidden;
    }

    /** The values a forward pass produced: z_0 = x, pre-activations s_k and layer outputs z_k. */
    public record Forward(List<INDArray> preActivations, List<INDArray> outputs) {
        /** The network's output z_K. */
        public INDArray result() {
            return outputs.get(outputs.size() - 1);
        }
    }

    /** Runs the forward pass (the constraints z_k = f_k(z_{k−1}, W_k)) on a batch. */
    public Forward forward(INDArray x) {
        List<INDArray> pre = new ArrayList<>();
        List<INDArray> outputs = new ArrayList<>();
        outputs.add(x);
        INDArray z = x;
        for (int k = 0; k < weights.size(); k++) {
            INDArray s = z.mmul(weights.get(k)).addiRowVector(biases.get(k));
            pre.add(s);
            z = activation(k).apply(s);
            outputs.add(z);
        }
        return new Forward(pre, outputs);
    }

    /** The output for a batch, without keeping intermediate values. */
    public INDArray predict(INDArray x) {
        return forward(x).result();
    }

    /**
     * The multipliers and gradients of one backward sweep.
     *
     * @param multipliers λ_1 … λ_K, each batch × width_k (λ_K = −∂C/∂z_K)
     * @param inputMultiplier λ_0 = −∂C/∂x, the sensitivity of the cost to the input
     * @param weightGradients ∂C/∂W_k, each in × out
     * @param biasGradients ∂C/∂b_k, each 1 × out
     */
    public record Backward(
            List<INDArray> multipliers,
            INDArray inputMultiplier,
            List<INDArray> weightGradients,
            List<INDArray> biasGradients) {}

    /**
     * The backward recursion for the multipliers, layer by layer, given ∂C/∂z_K for the batch.
     * With f_k(z, W) = σ(zW + b): λ_{k−1} = (λ_k ⊙ σ'(s_k)) W_kᵀ and ∂C/∂W_k = −z_{k−1}ᵀ (λ_k ⊙ σ'(s_k)).
     */
    public Backward backward(Forward forward, INDArray costGradientAtOutput) {
        int layerCount = weights.size();
        INDArray[] lambdas = new INDArray[layerCount];
        INDArray[] weightGradients = new INDArray[layerCount];
        INDArray[] biasGradients = new INDArray[layerCount];
        INDArray lambda = costGradientAtOutput.neg();
        for (int k = layerCount - 1; k >= 0; k--) {
            lambdas[k] = lambda;
            INDArray s = forward.preActivations().get(k);
            INDArray a = forward.outputs().get(k + 1);
            // λ_k ⊙ σ'(s_k): the multiplier carried back through the activation.
            INDArray carried = lambda.mul(activation(k).derivative(s, a));
            weightGradients[k] =
                    forward.outputs().get(k).transpose().mmul(carried).negi();
            biasGradients[k] = carried.sum(true, 0).negi();
            lambda = carried.mmul(weights.get(k).transpose());
        }
        return new Backward(List.of(lambdas), lambda, List.of(weightGradients), List.of(biasGradients));
    }

    /** Plain gradient descent: W ← W − η ∂C/∂W. */
    public void descend(Backward backward, double learningRate) {
        for (int k = 0; k < weights.size(); k++) {
            weights.get(k).subi(backward.weightGradients().get(k).mul(learningRate));
            biases.get(k).subi(backward.biasGradients().get(k).mul(learningRate));
        }
    }

    /** All parameters, W_1, b_1, …, in order, for optimisers and checks. */
    public List<INDArray> parameters() {
        List<INDArray> all = new ArrayList<>();
        for (int k = 0; k < weights.size(); k++) {
            all.add(weights.get(k));
            all.add(biases.get(k));
        }
        return all;
    }

    /** The gradients in the order of {@link #parameters()}. */
    public static List<INDArray> gradients(Backward backward) {
        List<INDArray> all = new ArrayList<>();
        for (int k = 0; k < backward.weightGradients().size(); k++) {
            all.add(backward.weightGradients().get(k));
            all.add(backward.biasGradients().get(k));
        }
        return all;
    }
}
