package org.energylab.simulation.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.energylab.simulation.Axis;
import org.energylab.simulation.CancellationSignal;
import org.energylab.simulation.ProgressSink;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.RunStoppedException;
import org.energylab.simulation.SeriesRecorder;
import org.energylab.simulation.SeriesSpec;
import org.junit.jupiter.api.Test;

class TrainingLoopTest {
    private final List<String> events = new ArrayList<>();
    private final ProgressSink sink = new ProgressSink() {
        @Override
        public void progress(double fraction) {
            events.add("progress " + fraction);
        }

        @Override
        public void append(String series, double[] x, double[] y) {
            events.add("stream " + x.length);
        }
    };
    private final SeriesRecorder recorder =
            new SeriesRecorder(List.of(new SeriesSpec("loss", "loss", new Axis("step", ""), new Axis("loss", ""))));

    /** Records the loss after every step and notes when the loop asks it to measure. */
    private final StepObserver observer = new StepObserver() {
        @Override
        public void afterStep(long step, double loss) {
            recorder.add("loss", step, loss);
            events.add("step " + step);
        }

        @Override
        public void atReport(long step) {
            events.add("measure " + step);
        }
    };

    private RunContext context(CancellationSignal cancellation) {
        return new RunContext(null, 0, sink, cancellation);
    }

    @Test
    void observesEveryStepAndMeasuresStreamsAndReportsAtTheReportingSteps() {
        TrainingLoop loop = TrainingLoop.over(context(CancellationSignal.NEVER), 5, 2);

        TrainingLoop.Outcome outcome = loop.run(step -> 10.0 / step, observer, recorder);

        assertThat(outcome.diverged()).isFalse();
        assertThat(outcome.completedSteps()).isEqualTo(5);
        assertThat(outcome.lastLoss()).isEqualTo(2.0);
        // Every 5 / 2 = 2 steps, and the last.
        assertThat(events)
                .containsExactly(
                        "step 1",
                        "step 2",
                        "measure 2",
                        "stream 2",
                        "progress 0.4",
                        "step 3",
                        "step 4",
                        "measure 4",
                        "stream 2",
                        "progress 0.8",
                        "step 5",
                        "measure 5",
                        "stream 1",
                        "progress 1.0");
        assertThat(recorder.series().get("loss").ys()).containsExactly(10.0, 5.0, 10.0 / 3, 2.5, 2.0);
    }

    @Test
    void reportsItsProgressWithinItsPhaseOfTheRun() {
        TrainingLoop loop =
                TrainingLoop.over(context(CancellationSignal.NEVER), 4, 2).within(0.5, 0.9);

        loop.run(step -> 1.0, StepObserver.NONE, recorder);

        assertThat(events).containsExactly("progress 0.7", "progress 0.9");
    }

    @Test
    void stopsAtTheFirstNonFiniteLossAndClosesItsPhase() {
        TrainingLoop loop =
                TrainingLoop.over(context(CancellationSignal.NEVER), 100, 10).within(0, 0.9);
        List<Long> stepsTaken = new ArrayList<>();

        TrainingLoop.Outcome outcome = loop.run(
                step -> {
                    stepsTaken.add(step);
                    return step < 7 ? 1.0 : Double.POSITIVE_INFINITY;
                },
                observer,
                recorder);

        assertThat(outcome.diverged()).isTrue();
        assertThat(outcome.divergedAt()).isEqualTo(7);
        assertThat(outcome.completedSteps()).isEqualTo(6);
        assertThat(stepsTaken).hasSize(7);
        // The diverged step is not observed; what was recorded before it is streamed.
        assertThat(events)
                .containsExactly(
                        "step 1", "step 2", "step 3", "step 4", "step 5", "step 6", "stream 6", "progress 0.9");
    }

    @Test
    void aNanLossStopsTooButAFiniteOneNeverDoes() {
        TrainingLoop.Outcome nan =
                TrainingLoop.over(context(CancellationSignal.NEVER), 3, 3).run(step -> Double.NaN, observer, recorder);
        assertThat(nan.divergedAt()).isEqualTo(1);

        TrainingLoop.Outcome large = TrainingLoop.over(context(CancellationSignal.NEVER), 3, 3)
                .run(step -> Double.MAX_VALUE, StepObserver.NONE, recorder);
        assertThat(large.diverged()).isFalse();
    }

    @Test
    void stopsAtTheFirstReportAfterCancellationBeforeMeasuring() {
        CancellationSignal cancelled = () -> {
            throw new RunStoppedException(RunStoppedException.Reason.CANCELLED, "The run was cancelled.");
        };
        TrainingLoop loop = TrainingLoop.over(context(cancelled), 100, 10);

        assertThatThrownBy(() -> loop.run(step -> 1.0, observer, recorder)).isInstanceOf(RunStoppedException.class);
        assertThat(events).hasSize(10).allMatch(event -> event.startsWith("step "));
    }

    @Test
    void zeroStepsTrainNothingAndReportNothing() {
        TrainingLoop.Outcome outcome = TrainingLoop.over(context(CancellationSignal.NEVER), 0, 10)
                .run(
                        step -> {
                            throw new AssertionError("no step should run");
                        },
                        observer,
                        recorder);

        assertThat(outcome.completedSteps()).isZero();
        assertThat(outcome.diverged()).isFalse();
        assertThat(events).isEmpty();
    }

    @Test
    void badSizesAreRefusedWithAMessage() {
        RunContext context = context(CancellationSignal.NEVER);
        assertThatThrownBy(() -> TrainingLoop.over(context, -1, 10)).hasMessageContaining("steps");
        assertThatThrownBy(() -> TrainingLoop.over(context, 10, 0)).hasMessageContaining("reports");
        assertThatThrownBy(() -> TrainingLoop.over(context, 10, 10).within(0.8, 0.2))
                .hasMessageContaining("progress phase");
    }
}
