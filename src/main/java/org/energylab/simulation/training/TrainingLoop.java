package org.energylab.simulation.training;

import org.energylab.simulation.RunContext;
import org.energylab.simulation.RunLoop;
import org.energylab.simulation.SeriesRecorder;

/**
 * The training loop every network simulation shares: steps 1..n of a {@link TrainingStep}, a {@link
 * StepObserver} that records after each one, and the run's bookkeeping. About {@code progressSteps}
 * times it checks whether the run must stop, lets the observer take its measurements, streams what
 * has been recorded and reports how far training has got, as a fraction of the phase of the run's
 * progress bar it was given with {@link #within}. A step that returns a non-finite loss ends the
 * training there: what was recorded is streamed, the phase is reported done and the outcome says at
 * which step it diverged.
 */
public final class TrainingLoop {
    private final RunLoop loop;

    private TrainingLoop(RunLoop loop) {
        this.loop = loop;
    }

    /**
     * A loop over steps 1..{@code steps} that reports about {@code progressSteps} times, over the whole
     * progress bar. Zero steps train nothing and report nothing.
     */
    public static TrainingLoop over(RunContext context, long steps, int progressSteps) {
        if (steps < 0) {
            throw new IllegalArgumentException("a training loop needs zero or more steps, not " + steps);
        }
        if (progressSteps < 1) {
            throw new IllegalArgumentException(
                    "a training loop reports at least once, not " + progressSteps + " times");
        }
        return new TrainingLoop(RunLoop.over(context, steps, progressSteps));
    }

    /** The same loop reporting its progress from {@code from} to {@code to} of the run's progress bar. */
    public TrainingLoop within(double from, double to) {
        if (!(0 <= from && from <= to && to <= 1)) {
            throw new IllegalArgumentException("a progress phase lies within [0, 1], not [" + from + ", " + to + "]");
        }
        return new TrainingLoop(loop.within(from, to));
    }

    public long steps() {
        return loop.steps();
    }

    /** Whether the loop reports after step {@code step}: every {@code steps / progressSteps} steps, and the last. */
    public boolean reportsAt(long step) {
        return loop.reportsAt(step);
    }

    /**
     * Runs the training: after each step the observer records, and at a reporting step the run stops if
     * it was cancelled or is out of time, the observer measures, and {@code recorder} streams.
     *
     * @throws org.energylab.simulation.RunStoppedException when the run must stop
     */
    public Outcome run(TrainingStep step, StepObserver observer, SeriesRecorder recorder) {
        double loss = Double.NaN;
        for (long i = 1; i <= loop.steps(); i++) {
            loss = step.step(i);
            if (!Double.isFinite(loss)) {
                loop.finish(recorder);
                return new Outcome(i - 1, i, loss);
            }
            observer.afterStep(i, loss);
            if (loop.reportsAt(i)) {
                loop.check();
                observer.atReport(i);
            }
            loop.after(i, recorder);
        }
        return new Outcome(loop.steps(), 0, loss);
    }

    /**
     * How training ended: the steps completed, the step whose loss was not finite (0 if none was) and
     * the last loss (NaN when no step ran).
     */
    public record Outcome(long completedSteps, long divergedAt, double lastLoss) {
        public boolean diverged() {
            return divergedAt > 0;
        }
    }
}
