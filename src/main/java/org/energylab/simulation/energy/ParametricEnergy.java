package org.energylab.simulation.energy;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An energy E_θ with trainable parameters θ, flattened into one vector, such as a neural-network
 * energy. Training an energy-based model needs, beside ∇ₓE for the sampler, the gradient with respect
 * to θ of a weighted sum of energies over a batch:
 *
 * <pre>
 *     g = Σᵢ wᵢ ∂E_θ(xᵢ)/∂θ
 * </pre>
 *
 * Contrastive divergence is one such sum: its loss mean E(data) − mean E(samples) takes the weights
 * +1/n on the data points and −1/m on the sampler's points (both batches stacked, or in two calls
 * that accumulate). Maximum likelihood of a normalised model, or a regularised loss, differ only in
 * the weights. Score matching needs second derivatives in x (∇ₓE and its Laplacian differentiated in
 * θ); an energy that supports it adds that as its own method.
 */
public interface ParametricEnergy extends Energy {

    /** The number of parameters, the length of {@link #parameters()}. */
    long parameterCount();

    /**
     * The parameters θ as one flat vector. It is the energy's own storage (a view), so an optimiser
     * that updates it in place updates the energy.
     */
    INDArray parameters();

    /**
     * Adds Σᵢ wᵢ ∂E_θ(xᵢ)/∂θ over the rows xᵢ of {@code x} (n × d), with {@code weights} a vector of n,
     * to {@code gradient} (a vector of {@link #parameterCount()}), so that several batches accumulate
     * into one gradient. Returns {@code gradient}.
     */
    INDArray accumulateParameterGradient(INDArray x, INDArray weights, INDArray gradient);
}
