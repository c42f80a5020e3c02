package org.energylab.simulation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A submitted run. Its result completes with the simulation's result, or exceptionally with a
 * {@link RunStoppedException} (cancelled or out of time) or the simulation's own failure.
 */
public final class RunHandle implements CancellationSignal {
    private final CompletableFuture<SimulationResult> result = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final long timeLimitNanos;
    private volatile long deadline = Long.MAX_VALUE;

    RunHandle(long timeLimitNanos) {
        this.timeLimitNanos = timeLimitNanos;
    }

    public CompletableFuture<SimulationResult> result() {
        return result;
    }

    /** Asks the run to stop; it does so at its next progress step. A queued run never starts. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    void started() {
        deadline = System.nanoTime() + timeLimitNanos;
    }

    @Override
    public void check() {
        if (cancelled.get()) {
            throw new RunStoppedException(RunStoppedException.Reason.CANCELLED, "The run was cancelled.");
        }
        if (System.nanoTime() > deadline) {
            throw new RunStoppedException(
                    RunStoppedException.Reason.TIME_LIMIT,
                    "The run took longer than the limit of " + describe(timeLimitNanos)
                            + " and was stopped. Try a shorter duration, a larger time step or fewer samples.");
        }
    }

    private static String describe(long nanos) {
        return nanos >= 1_000_000_000L ? nanos / 1_000_000_000L + " s" : nanos / 1_000_000L + " ms";
    }
}
