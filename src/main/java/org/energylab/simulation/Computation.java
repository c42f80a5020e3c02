package org.energylab.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * One computation of a simulation, shared by every handle that asked for the same {@link RunKey}
 * while it was waiting or running. It stops when its time is up or when every handle gave up.
 *
 * <p>The handles are guarded by the runner's lock.
 */
final class Computation implements CancellationSignal {
    private final RunKey key;
    private final Simulation simulation;
    private final LearnerKey owner;
    private final SharedProgress progress;
    private final long timeLimitNanos;
    private final List<RunHandle> handles = new ArrayList<>();
    private volatile boolean abandoned;
    private volatile long deadline = Long.MAX_VALUE;

    Computation(RunKey key, Simulation simulation, LearnerKey owner, boolean joinable, long timeLimitNanos) {
        this.key = key;
        this.simulation = simulation;
        this.owner = owner;
        this.progress = new SharedProgress(joinable);
        this.timeLimitNanos = timeLimitNanos;
    }

    RunKey key() {
        return key;
    }

    /** The learner in whose queue the computation waits and on whose share of workers it runs. */
    LearnerKey owner() {
        return owner;
    }

    Simulation simulation() {
        return simulation;
    }

    void attach(RunHandle handle) {
        handles.add(handle);
        handle.waitFor(this);
        progress.attach(handle.progress());
    }

    /**
     * Lets a handle go; once the last one has gone the computation is abandoned.
     *
     * @return false if the handle was not waiting for this computation (any more)
     */
    boolean detach(RunHandle handle) {
        if (!handles.removeIf(h -> h == handle)) {
            return false;
        }
        progress.detach(handle.progress());
        if (handles.isEmpty()) {
            abandoned = true;
        }
        return true;
    }

    /** Every handle still waiting, which the caller then completes. */
    List<RunHandle> detachAll() {
        List<RunHandle> waiting = List.copyOf(handles);
        handles.clear();
        return waiting;
    }

    boolean abandoned() {
        return abandoned;
    }

    /** Computes on the calling thread; the time limit counts from here. */
    SimulationResult run() {
        deadline = System.nanoTime() + timeLimitNanos;
        check();
        return simulation.run(new RunContext(key.parameters(), key.seed(), progress, this));
    }

    @Override
    public void check() {
        if (abandoned) {
            throw RunHandle.cancellation();
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
