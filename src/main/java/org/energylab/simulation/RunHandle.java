package org.energylab.simulation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One learner's submitted run. Its result completes with the simulation's result, or exceptionally
 * with a {@link RunStoppedException} (cancelled or out of time) or the simulation's own failure.
 * Several handles may wait for one computation when their runs are identical.
 */
public final class RunHandle {
    private final CompletableFuture<SimulationResult> result = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final LearnerKey learner;
    private final ProgressSink progress;
    private final Consumer<RunHandle> onCancel;
    /** What the run waits for; none for a result replayed from the cache. Guarded by the runner's lock. */
    private Computation computation;

    RunHandle(LearnerKey learner, ProgressSink progress, Consumer<RunHandle> onCancel) {
        this.learner = learner;
        this.progress = progress;
        this.onCancel = onCancel;
    }

    public CompletableFuture<SimulationResult> result() {
        return result;
    }

    public LearnerKey learner() {
        return learner;
    }

    /**
     * Gives up the run: unless it has already finished, its result completes at once with a
     * cancellation and the learner's slot is free. The computation itself stops at its next progress
     * step, or leaves the queue, unless other learners still wait for the same result.
     */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            onCancel.accept(this);
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    Computation computation() {
        return computation;
    }

    void waitFor(Computation computation) {
        this.computation = computation;
    }

    ProgressSink progress() {
        return progress;
    }

    static RunStoppedException cancellation() {
        return new RunStoppedException(RunStoppedException.Reason.CANCELLED, "The run was cancelled.");
    }
}
