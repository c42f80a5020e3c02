package org.energylab.simulation.energy;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An energy E: ℝᵈ → ℝ evaluated on a whole batch of points at once: {@code x} holds n points, one per
 * row (n × d), and the energies are a vector of n values. The gradient with respect to the points,
 * ∇ₓE (n × d), is what Langevin dynamics and MALA follow. The Boltzmann density of an energy is P(x) ∝
 * exp(−βE(x)).
 *
 * <p>Implementations write into the array they are given and allocate nothing once they have seen a
 * batch size, so that a sampler's inner loop runs on buffers allocated once. An energy may keep
 * scratch buffers for the last batch size, so one instance serves one run at a time (not thread-safe).
 * Inputs are never modified; {@code out} must not be {@code x}.
 *
 * <p>An energy with trainable parameters θ also implements {@link ParametricEnergy}, which adds the
 * gradient with respect to θ that training needs.
 */
public interface Energy {

    /** The dimension d of the points. */
    int dimension();

    /**
     * Writes E(xᵢ) for every row xᵢ of {@code x} (n × d) into {@code out} (a vector of n) and returns
     * {@code out}.
     */
    INDArray energy(INDArray x, INDArray out);

    /** Writes ∇ₓE(xᵢ) for every row of {@code x} (n × d) into {@code out} (n × d) and returns {@code out}. */
    INDArray gradient(INDArray x, INDArray out);

    /** The energies of the rows of {@code x} in a new vector of n. */
    default INDArray energy(INDArray x) {
        return energy(x, Nd4j.create(x.dataType(), x.rows()));
    }

    /** The gradients at the rows of {@code x} in a new n × d array. */
    default INDArray gradient(INDArray x) {
        return gradient(x, x.ulike());
    }

    /** Checks that {@code x} is a batch of rows of this energy's dimension, naming the offending size. */
    default void checkBatch(INDArray x) {
        if (x.rank() != 2 || x.columns() != dimension()) {
            throw new IllegalArgumentException("expected a batch of points n × " + dimension() + ", got shape "
                    + java.util.Arrays.toString(x.shape()));
        }
    }
}
