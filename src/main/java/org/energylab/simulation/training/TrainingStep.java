package org.energylab.simulation.training;

/**
 * One optimisation step of a training run: draw a batch, sweep the network forward and backward and
 * let the optimiser (the engine's Adam or gradient descent, owned by the step) update the parameters.
 * A step reuses buffers made once, so it allocates nothing. A step that holds native memory of its own,
 * beyond the network's (a sampler's chains, say), frees it in {@link #close()}.
 */
@FunctionalInterface
public interface TrainingStep extends AutoCloseable {

    /**
     * Performs step {@code step} (counted from 1) and returns its loss. A non-finite loss means the
     * training diverged: the {@link TrainingLoop} stops there.
     */
    double step(long step);

    /** Frees what the step holds besides the network; nothing by default. */
    @Override
    default void close() {}
}
