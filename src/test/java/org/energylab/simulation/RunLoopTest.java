package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunLoopTest {
    private final List<Double> fractions = new ArrayList<>();
    private final List<Integer> streamedPoints = new ArrayList<>();
    private final ProgressSink sink = new ProgressSink() {
        @Override
        public void progress(double fraction) {
            fractions.add(fraction);
        }

        @Override
        public void append(String series, double[] x, double[] y) {
            streamedPoints.add(x.length);
        }
    };

    private final SeriesRecorder recorder =
            new SeriesRecorder(List.of(new SeriesSpec("s", "s", new Axis("x", ""), new Axis("y", ""))));

    @Test
    void reportsAboutTheAskedNumberOfTimesAndAlwaysAtTheLastStep() {
        RunLoop loop = RunLoop.over(new RunContext(null, 0, sink, CancellationSignal.NEVER), 1005, 10);

        for (long i = 1; i <= loop.steps(); i++) {
            recorder.add("s", i, i);
            loop.after(i, recorder);
        }

        // Every 100 steps, and step 1005 at the end.
        assertThat(fractions).hasSize(11).isSorted().endsWith(1.0);
        assertThat(fractions.get(0)).isEqualTo(100 / 1005.0);
        assertThat(streamedPoints.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1005);
    }

    @Test
    void fewerStepsThanReportsReportsEveryStep() {
        RunLoop loop = RunLoop.over(new RunContext(null, 0, sink, CancellationSignal.NEVER), 3, 100);

        for (long i = 1; i <= 3; i++) {
            loop.after(i, recorder);
        }

        assertThat(fractions).containsExactly(1 / 3.0, 2 / 3.0, 1.0);
    }

    @Test
    void aPhaseReportsWithinItsShareOfTheRun() {
        RunLoop loop = RunLoop.over(new RunContext(null, 0, sink, CancellationSignal.NEVER), 4, 4)
                .within(0.5, 0.9);

        for (long i = 1; i <= 4; i++) {
            loop.after(i, recorder);
        }

        assertThat(fractions).containsExactly(0.6, 0.7, 0.8, 0.9);
        assertThatThrownBy(() -> loop.within(0.9, 0.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMilestoneStreamsAndReportsItsFraction() {
        recorder.add("s", 1, 1);
        recorder.add("s", 2, 4);

        RunLoop.milestone(new RunContext(null, 0, sink, CancellationSignal.NEVER), recorder, 0.25);

        assertThat(streamedPoints).containsExactly(2);
        assertThat(fractions).containsExactly(0.25);
    }

    @Test
    void stopsAtTheFirstReportAfterCancellation() {
        CancellationSignal cancelled = () -> {
            throw new RunStoppedException(RunStoppedException.Reason.CANCELLED, "The run was cancelled.");
        };
        RunLoop loop = RunLoop.over(new RunContext(null, 0, sink, cancelled), 100, 10);

        for (long i = 1; i < 10; i++) {
            loop.after(i, recorder); // not a reporting step: no check
        }
        assertThatThrownBy(() -> loop.after(10, recorder)).isInstanceOf(RunStoppedException.class);
        assertThat(fractions).isEmpty();
    }

    @Test
    void aSweepMapsItsFractionOntoItsPhaseAndStopsWhenCancelled() {
        var done = RunLoop.sweep(new RunContext(null, 0, sink, CancellationSignal.NEVER), 0.5, 0.9);
        done.accept(0.5);
        done.accept(1.0);
        assertThat(fractions).containsExactly(0.7, 0.9);

        CancellationSignal cancelled = () -> {
            throw new RunStoppedException(RunStoppedException.Reason.CANCELLED, "The run was cancelled.");
        };
        var stopped = RunLoop.sweep(new RunContext(null, 0, sink, cancelled), 0, 1);
        assertThatThrownBy(() -> stopped.accept(0.5)).isInstanceOf(RunStoppedException.class);
        assertThat(fractions).hasSize(2);
        assertThatThrownBy(() -> RunLoop.sweep(new RunContext(null, 0, sink, CancellationSignal.NEVER), 0.5, 0.2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
