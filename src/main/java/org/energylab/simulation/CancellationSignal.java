package org.energylab.simulation;

/** Polled by a running simulation once per progress step; it throws when the run must stop. */
public interface CancellationSignal {
    CancellationSignal NEVER = () -> {};

    /**
     * @throws RunStoppedException when the learner cancelled the run or it ran out of time
     */
    void check();
}
