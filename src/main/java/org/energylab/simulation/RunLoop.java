package org.energylab.simulation;

import java.util.function.DoubleConsumer;

/**
 * The bookkeeping of a run's main loop over steps 1..n, kept out of the model's code: every so many
 * steps (so that a run reports about {@code progressSteps} times) it checks whether the run must stop,
 * streams the points recorded since the last report and says how far the run has got.
 */
public final class RunLoop {
    private final RunContext context;
    private final long steps;
    private final long every;
    private final double from;
    private final double to;

    private RunLoop(RunContext context, long steps, long every, double from, double to) {
        this.context = context;
        this.steps = steps;
        this.every = every;
        this.from = from;
        this.to = to;
    }

    /**
     * A milestone of a run that is not a loop (the data drawn, a sweep's chunk done): stops the run if
     * it was cancelled or is out of time, streams what {@code recorder} holds and reports {@code
     * fraction} done.
     *
     * @throws RunStoppedException when the run must stop
     */
    public static void milestone(RunContext context, SeriesRecorder recorder, double fraction) {
        context.cancellation().check();
        recorder.flush(context.progress());
        context.progress().progress(fraction);
    }

    /**
     * For a sweep that reports its own fraction done (a heat map computed in blocks of rows): a
     * callback that stops the run if it was cancelled or is out of time and maps the sweep's fraction
     * onto {@code from} to {@code to} of the whole run.
     *
     * @throws IllegalArgumentException when the phase does not lie within [0, 1]
     */
    public static DoubleConsumer sweep(RunContext context, double from, double to) {
        checkPhase(from, to);
        return done -> {
            context.cancellation().check();
            context.progress().progress(from + (to - from) * done);
        };
    }

    /** A loop over steps 1..{@code steps} (none when 0) that reports about {@code progressSteps} times. */
    public static RunLoop over(RunContext context, long steps, int progressSteps) {
        if (steps < 0 || progressSteps < 1) {
            throw new IllegalArgumentException("a run loop needs a step count and at least one progress step");
        }
        return new RunLoop(context, steps, Math.max(1, steps / progressSteps), 0, 1);
    }

    /**
     * The same loop as one phase of a longer run: its progress goes from {@code from} to {@code to}
     * of the whole, say 0 to 0.8 for training and the rest for what follows.
     */
    public RunLoop within(double from, double to) {
        checkPhase(from, to);
        return new RunLoop(context, steps, every, from, to);
    }

    private static void checkPhase(double from, double to) {
        if (!(0 <= from && from <= to && to <= 1)) {
            throw new IllegalArgumentException("a phase lies within [0, 1]: " + from + " to " + to);
        }
    }

    public long steps() {
        return steps;
    }

    /** Whether step {@code i} is one where the run reports: every {@code steps / progressSteps}, and the last. */
    public boolean reportsAt(long i) {
        return i % every == 0 || i == steps;
    }

    /**
     * Stops the run if it was cancelled or is out of time.
     *
     * @throws RunStoppedException when the run must stop
     */
    public void check() {
        context.cancellation().check();
    }

    /** Ends the loop early: streams what {@code recorder} holds and reports this loop's part done. */
    public void finish(SeriesRecorder recorder) {
        recorder.flush(context.progress());
        context.progress().progress(to);
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
            context.progress().progress(from + (to - from) * i / steps);
        }
    }
}
