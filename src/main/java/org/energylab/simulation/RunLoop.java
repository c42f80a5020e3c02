package org.energylab.simulation;

/**
 * The bookkeeping of a run's main loop over steps 1..n, kept out of the model's code: every so many
 * steps (so that a run reports about {@code progressSteps} times) it checks whether the run must stop,
 * streams the points recorded since the last report and says how far the run has got.
 */
public final class RunLoop {
    private final RunContext context;
    private final long steps;
    private final long every;

    private RunLoop(RunContext context, long steps, int progressSteps) {
        if (steps < 1 || progressSteps < 1) {
            throw new IllegalArgumentException("a run loop needs at least one step and one progress step");
        }
        this.context = context;
        this.steps = steps;
        this.every = Math.max(1, steps / progressSteps);
    }

    /** A loop over steps 1..{@code steps} that reports about {@code progressSteps} times. */
    public static RunLoop over(RunContext context, long steps, int progressSteps) {
        return new RunLoop(context, steps, progressSteps);
    }

    public long steps() {
        return steps;
    }

    /** Whether step {@code i} is one where the run reports: every {@code steps / progressSteps}, and the last. */
    public boolean reportsAt(long i) {
        return i % every == 0 || i == steps;
    }

    /**
     * Called after step {@code i}: at a reporting step, stops the run if it was cancelled or is out of
     * time, streams what {@code recorder} holds and reports the fraction done.
     *
     * @throws RunStoppedException when the run must stop
     */
    public void after(long i, SeriesRecorder recorder) {
        if (reportsAt(i)) {
            context.cancellation().check();
            recorder.flush(context.progress());
            context.progress().progress((double) i / steps);
        }
    }
}
