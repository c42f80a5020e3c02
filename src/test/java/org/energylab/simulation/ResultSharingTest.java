package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.energylab.simulation.RunnerFixture.await;
import static org.energylab.simulation.RunnerFixture.pass;
import static org.energylab.simulation.RunnerFixture.result;
import static org.energylab.simulation.RunnerFixture.stopReason;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.energylab.simulation.RunnerFixture.TestSimulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/**
 * Identical runs (simulation, parameters, seed) are computed once: a finished result is replayed
 * from the cache, a run in progress is joined, and each handle can still be cancelled on its own.
 */
class ResultSharingTest {
    private static final Axis AXIS = new Axis("t", "");

    private RunnerFixture fixture;

    @AfterEach
    void tearDown() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static SimulationResult resultWith(double... ys) {
        double[] xs = new double[ys.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
        }
        return new SimulationResult(
                Map.of("mean", Scalar.of("Mean", ys.length == 0 ? 0 : ys[0], "")),
                Map.of("curve", new Series("curve", AXIS, AXIS, xs, ys)),
                Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pendulum", "gibbs-reaction", "boltzmann", "diffusion-schedule", "latent-ebm"})
    void aCachedResultIsIdenticalToAFreshRun(String id) throws Exception {
        fixture = new RunnerFixture(1, 8, 3, DataSize.ofMegabytes(64));
        Simulation simulation = SimulationClasses.instantiateAll().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
        Parameters parameters = simulation.schema().defaults();
        RunHandle computed =
                fixture.runner.submit(simulation, parameters, 7, new LearnerKey("alice"), ProgressSink.NONE);
        result(computed);

        RunHandle hit = fixture.runner.submit(simulation, parameters, 7, new LearnerKey("bob"), ProgressSink.NONE);
        assertThat(hit.result().isDone())
                .as("answered from the cache, without a worker")
                .isTrue();
        SimulationResult cached = result(hit);
        SimulationResult fresh = simulation.run(RunContext.of(parameters, 7));

        assertThat(cached.scalars()).isEqualTo(fresh.scalars());
        assertThat(cached.series().keySet())
                .containsExactlyElementsOf(fresh.series().keySet());
        fresh.series().forEach((name, series) -> {
            assertThat(cached.series(name).xs()).as(name).containsExactly(series.xs());
            assertThat(cached.series(name).ys()).as(name).containsExactly(series.ys());
            assertThat(cached.series(name).label()).isEqualTo(series.label());
        });
        assertThat(cached.grids().keySet())
                .containsExactlyElementsOf(fresh.grids().keySet());
        fresh.grids().forEach((name, grid) -> {
            Grid other = cached.grids().get(name);
            assertThat(other.xs()).as(name).containsExactly(grid.xs());
            assertThat(other.ys()).as(name).containsExactly(grid.ys());
            for (int i = 0; i < grid.values().length; i++) {
                assertThat(other.values()[i]).as(name + " row " + i).containsExactly(grid.values()[i]);
            }
        });
    }

    @Test
    void aHitIsAnsweredEvenWhileEveryWorkerIsBusyAndOtherSeedsAreComputed() throws Exception {
        fixture = new RunnerFixture(1, 8, 3, DataSize.ofMegabytes(64));
        AtomicInteger calls = new AtomicInteger();
        Simulation counted = new TestSimulation("counted", context -> {
            calls.incrementAndGet();
            return resultWith(context.seed());
        });
        result(fixture.submit(counted, "alice", 1));
        CountDownLatch gate = fixture.gate();
        CountDownLatch started = new CountDownLatch(1);
        RunHandle busy = fixture.submit(
                new TestSimulation("blocking", context -> {
                    started.countDown();
                    pass(gate, context);
                    return RunnerFixture.EMPTY;
                }),
                "carol",
                0);
        await(started);

        RunHandle hit = fixture.submit(counted, "bob", 1);
        assertThat(hit.result().isDone()).isTrue();
        assertThat(result(hit).series("curve").ys()).containsExactly(1);
        RunHandle otherSeed = fixture.submit(counted, "bob", 2);
        gate.countDown();
        assertThat(result(otherSeed).series("curve").ys()).containsExactly(2);
        result(busy);
        assertThat(calls).as("seed 1 computed once, seed 2 once").hasValue(2);
    }

    @Test
    void identicalRunsInProgressAreComputedOnce() throws Exception {
        fixture = new RunnerFixture(2, 8, 3, DataSize.ofMegabytes(64));
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch gate = fixture.gate();
        Simulation shared = new TestSimulation("shared", context -> {
            calls.incrementAndGet();
            pass(gate, context);
            return resultWith(1, 2, 3);
        });
        List<RunHandle> handles = new ArrayList<>();
        for (int learner = 0; learner < 30; learner++) {
            handles.add(fixture.submit(shared, "learner-" + learner, 42));
        }
        gate.countDown();
        SimulationResult first = result(handles.get(0));
        for (RunHandle handle : handles) {
            assertThat(result(handle)).isSameAs(first);
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void cancellingOneJoinedRunLeavesTheOthersResultIntact() throws Exception {
        fixture = new RunnerFixture(2, 8, 3, DataSize.ofMegabytes(64));
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch gate = fixture.gate();
        CountDownLatch started = new CountDownLatch(1);
        Simulation shared = new TestSimulation("shared", context -> {
            calls.incrementAndGet();
            started.countDown();
            pass(gate, context);
            return resultWith(4, 5, 6);
        });
        RunHandle alice = fixture.submit(shared, "alice", 42);
        await(started);
        RunHandle bob = fixture.submit(shared, "bob", 42);
        RunHandle carol = fixture.submit(shared, "carol", 42);

        alice.cancel(); // the learner who started it gives up first
        assertThat(stopReason(alice)).isEqualTo(RunStoppedException.Reason.CANCELLED);
        bob.cancel();
        assertThat(stopReason(bob)).isEqualTo(RunStoppedException.Reason.CANCELLED);
        gate.countDown();
        assertThat(result(carol).series("curve").ys()).containsExactly(4, 5, 6);
        assertThat(calls).hasValue(1);
    }

    @Test
    void whenEveryJoinedRunIsCancelledTheComputationStops() throws Exception {
        fixture = new RunnerFixture(1, 8, 3, DataSize.ofMegabytes(64));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch gate = fixture.gate();
        Simulation shared = new TestSimulation("shared", context -> {
            started.countDown();
            try {
                pass(gate, context);
            } catch (RunStoppedException e) {
                stopped.countDown();
                throw e;
            }
            return resultWith(1);
        });
        RunHandle alice = fixture.submit(shared, "alice", 42);
        await(started);
        RunHandle bob = fixture.submit(shared, "bob", 42);
        alice.cancel();
        bob.cancel();
        await(stopped);
        assertThat(stopReason(bob)).isEqualTo(RunStoppedException.Reason.CANCELLED);
        // Nothing was cached: the next identical run computes again (and the worker is free for it).
        gate.countDown();
        RunHandle again = fixture.submit(shared, "alice", 42);
        assertThat(result(again).series("curve").ys()).containsExactly(1);
    }

    @Test
    void failuresAreNotCached() throws Exception {
        fixture = new RunnerFixture(1, 8, 3, DataSize.ofMegabytes(64));
        AtomicInteger calls = new AtomicInteger();
        Simulation flaky = new TestSimulation("flaky", context -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first run fails");
            }
            return resultWith(9);
        });
        RunHandle failed = fixture.submit(flaky, "alice", 1);
        assertThatThrownBy(() -> failed.result().get(RunnerFixture.WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseMessage("first run fails");
        assertThat(result(fixture.submit(flaky, "alice", 1)).series("curve").ys())
                .containsExactly(9);
        assertThat(calls).hasValue(2);
    }

    /** Records what reaches a progress sink: the points per series, the fractions and the grids previewed. */
    private static final class RecordingSink implements ProgressSink {
        final Map<String, List<Double>> ys = new LinkedHashMap<>();
        final List<Double> fractions = new ArrayList<>();
        final List<Grid> grids = new ArrayList<>();

        @Override
        public synchronized void grid(String name, Grid grid) {
            grids.add(grid);
        }

        @Override
        public synchronized void progress(double fraction) {
            fractions.add(fraction);
        }

        @Override
        public synchronized void append(String series, double[] x, double[] y) {
            List<Double> points = ys.computeIfAbsent(series, s -> new ArrayList<>());
            for (double v : y) {
                points.add(v);
            }
        }
    }

    @Test
    void aHitIsReplayedToTheSinkInProgressSteps() throws Exception {
        fixture = new RunnerFixture(1, 8, 3, DataSize.ofMegabytes(64));
        double[] ys = new double[23];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = i * i;
        }
        Simulation simulation = new TestSimulation("curve", context -> resultWith(ys));
        result(fixture.submit(simulation, "alice", 0));

        RecordingSink sink = new RecordingSink();
        RunHandle hit = fixture.runner.submit(simulation, RunnerFixture.NO_PARAMETERS, 0, new LearnerKey("bob"), sink);
        assertThat(result(hit).series("curve").ys()).containsExactly(ys);
        assertThat(sink.ys.get("curve"))
                .containsExactly(java.util.Arrays.stream(ys).boxed().toArray(Double[]::new));
        assertThat(sink.fractions).hasSize(ResultCache.REPLAY_STEPS).isSorted().endsWith(1.0);
    }

    @Test
    void aLearnerWhoJoinsHalfwayReceivesThePointsSoFarThenTheRest() throws Exception {
        fixture = new RunnerFixture(1, 8, 3, DataSize.ofMegabytes(64));
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch gate = fixture.gate();
        Axis axis = new Axis("y", "");
        double[] xs = {0, 1};
        Grid before = new Grid("F", axis, axis, axis, xs, xs, new double[][] {{1, 2}, {3, 4}});
        Grid latest = new Grid("F", axis, axis, axis, xs, xs, new double[][] {{0, 2}, {3, 4}});
        Grid after = new Grid("F", axis, axis, axis, xs, xs, new double[][] {{5, 6}, {7, 8}});
        Simulation streaming = new TestSimulation("streaming", context -> {
            context.progress().append("curve", new double[] {0, 1}, new double[] {10, 11});
            context.progress().grid("energy", before);
            context.progress().grid("energy", latest);
            context.progress().progress(0.5);
            halfway.countDown();
            pass(gate, context);
            context.progress().append("curve", new double[] {2}, new double[] {12});
            context.progress().grid("energy", after);
            context.progress().progress(1);
            return resultWith(10, 11, 12);
        });
        RecordingSink first = new RecordingSink();
        RecordingSink late = new RecordingSink();
        RunHandle alice =
                fixture.runner.submit(streaming, RunnerFixture.NO_PARAMETERS, 0, new LearnerKey("alice"), first);
        await(halfway);
        RunHandle bob = fixture.runner.submit(streaming, RunnerFixture.NO_PARAMETERS, 0, new LearnerKey("bob"), late);
        gate.countDown();
        result(alice);
        result(bob);
        assertThat(first.ys.get("curve")).containsExactly(10.0, 11.0, 12.0);
        assertThat(late.ys.get("curve")).containsExactly(10.0, 11.0, 12.0);
        assertThat(late.fractions).containsExactly(0.5, 1.0);
        // Of the grids previewed before they joined, a late learner receives the latest only.
        assertThat(first.grids).containsExactly(before, latest, after);
        assertThat(late.grids).containsExactly(latest, after);
    }

    @Test
    void withTheCacheOffIdenticalRunsAreEachComputed() throws Exception {
        fixture = new RunnerFixture(1, 8, 3, DataSize.ofBytes(0));
        AtomicInteger calls = new AtomicInteger();
        Simulation counted = new TestSimulation("counted", context -> {
            calls.incrementAndGet();
            return resultWith(1);
        });
        result(fixture.submit(counted, "alice", 1));
        result(fixture.submit(counted, "alice", 1));
        assertThat(calls).hasValue(2);
    }
}
