package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.energylab.simulation.pendulum.PendulumSimulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The bounded executor: per-learner cap, bounded queue, cancellation and the wall-clock limit. */
class SimulationRunnerTest {
    private static final long WAIT_SECONDS = 5;
    private static final Parameters NO_PARAMETERS = ParameterSchema.of().defaults();
    private static final SimulationResult EMPTY = new SimulationResult(Map.of(), Map.of(), Map.of());

    private SimulationRunner runner;
    /** Gates of blocking simulations, opened after each test so no worker stays parked. */
    private final List<CountDownLatch> gates = new ArrayList<>();

    @AfterEach
    void tearDown() {
        gates.forEach(CountDownLatch::countDown);
        if (runner != null) {
            runner.shutdown();
        }
    }

    /** A simulation whose run is the given function. */
    private static Simulation simulation(Function<RunContext, SimulationResult> body) {
        return new RunnerFixture.TestSimulation("test", body);
    }

    /** A gate for {@link #blocking}, opened after the test at the latest. */
    private CountDownLatch gate() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }

    /** Counts down {@code started}, then waits (at most WAIT_SECONDS) for {@code gate}. */
    private static Simulation blocking(CountDownLatch started, CountDownLatch gate) {
        return simulation(context -> {
            started.countDown();
            try {
                if (!gate.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return EMPTY;
        });
    }

    /** Polls the cancellation signal until it throws, for at most WAIT_SECONDS. */
    private static Simulation looping(CountDownLatch started) {
        return simulation(context -> {
            started.countDown();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (System.nanoTime() < end) {
                context.cancellation().check();
                Thread.onSpinWait();
            }
            return EMPTY; // not stopped: the test that expected a stop fails on the result
        });
    }

    /** Limits with the result cache off, so identical test runs are each computed: the scheduler alone. */
    static RunLimits scheduling(int workers, int queueCapacity, int perLearner, Duration timeLimit) {
        return new RunLimits(workers, queueCapacity, perLearner, timeLimit, DataSize.ofBytes(0), List.of());
    }

    private RunHandle submit(Simulation simulation, String session) {
        return runner.submit(simulation, NO_PARAMETERS, 0, new LearnerKey(session), ProgressSink.NONE);
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("latch reached")
                .isTrue();
    }

    /** The exception a run's future completed with, waiting at most WAIT_SECONDS. */
    private static Throwable failure(RunHandle handle) throws InterruptedException, TimeoutException {
        try {
            SimulationResult result = handle.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
            return fail("expected the run to fail, but it returned %s", result);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    private static RunStoppedException.Reason stopReason(RunHandle handle) throws Exception {
        Throwable cause = failure(handle);
        assertThat(cause).isInstanceOf(RunStoppedException.class);
        return ((RunStoppedException) cause).reason();
    }

    private static RunRefusedException.Reason refusal(Runnable submit) {
        try {
            submit.run();
        } catch (RunRefusedException e) {
            return e.reason();
        }
        return fail("expected the run to be refused");
    }

    /** Submits until the session's slot has been released, for at most WAIT_SECONDS. */
    private RunHandle submitOnceReleased(Simulation simulation, String session) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            try {
                return submit(simulation, session);
            } catch (RunRefusedException e) {
                if (System.nanoTime() > end) {
                    throw e;
                }
                Thread.sleep(5);
            }
        }
    }

    @Test
    void aThirdRunOfOneSessionIsRefused() throws Exception {
        runner = new SimulationRunner(scheduling(1, 1, 2, Duration.ofSeconds(5)));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = gate();
        Simulation sim = blocking(started, gate);

        RunHandle running = submit(sim, "alice");
        await(started);
        RunHandle queued = submit(sim, "alice");
        assertThat(refusal(() -> submit(sim, "alice"))).isEqualTo(RunRefusedException.Reason.SESSION_LIMIT);

        gate.countDown();
        assertThat(running.result().get(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(EMPTY);
        assertThat(queued.result().get(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(EMPTY);
        // Both slots come back once the runs are done.
        RunHandle again = submitOnceReleased(sim, "alice");
        RunHandle andAgain = submitOnceReleased(sim, "alice");
        assertThat(again.result().get(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(EMPTY);
        assertThat(andAgain.result().get(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(EMPTY);
    }

    @Test
    void aFullQueueRefusesOtherSessionsAsServerBusy() throws Exception {
        runner = new SimulationRunner(scheduling(1, 1, 2, Duration.ofSeconds(5)));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = gate();
        Simulation sim = blocking(started, gate);

        RunHandle running = submit(sim, "alice");
        await(started);
        RunHandle queued = submit(sim, "bob"); // fills the queue of one
        assertThat(refusal(() -> submit(sim, "carol"))).isEqualTo(RunRefusedException.Reason.SERVER_BUSY);
        assertThat(refusal(() -> submit(sim, "alice"))).isEqualTo(RunRefusedException.Reason.SERVER_BUSY);

        gate.countDown();
        running.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
        queued.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
        // The refused run cost carol nothing: she can now have her full two runs at once.
        CountDownLatch started2 = new CountDownLatch(1);
        CountDownLatch gate2 = gate();
        Simulation sim2 = blocking(started2, gate2);
        RunHandle first = submit(sim2, "carol");
        await(started2);
        RunHandle second = submit(sim2, "carol");
        gate2.countDown();
        first.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
        second.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void cancelStopsARunningRunQuickly() throws Exception {
        runner = new SimulationRunner(scheduling(1, 1, 2, Duration.ofSeconds(5)));
        CountDownLatch started = new CountDownLatch(1);
        RunHandle handle = submit(looping(started), "alice");
        await(started);

        long t0 = System.nanoTime();
        handle.cancel();
        assertThat(handle.isCancelled()).isTrue();
        assertThat(stopReason(handle)).isEqualTo(RunStoppedException.Reason.CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));

        // The worker is free again.
        RunHandle next = submitOnceReleased(simulation(c -> EMPTY), "alice");
        assertThat(next.result().get(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(EMPTY);
    }

    @Test
    void aCancelledQueuedRunNeverStarts() throws Exception {
        runner = new SimulationRunner(scheduling(1, 1, 2, Duration.ofSeconds(5)));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = gate();
        RunHandle running = submit(blocking(started, gate), "alice");
        await(started);
        AtomicInteger calls = new AtomicInteger();
        RunHandle queued = submit(
                simulation(c -> {
                    calls.incrementAndGet();
                    return EMPTY;
                }),
                "bob");

        queued.cancel();
        gate.countDown();
        running.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(stopReason(queued)).isEqualTo(RunStoppedException.Reason.CANCELLED);
        assertThat(calls).hasValue(0);
    }

    @Test
    void aRunLongerThanTheTimeLimitIsStopped() throws Exception {
        runner = new SimulationRunner(scheduling(1, 1, 2, Duration.ofMillis(200)));
        CountDownLatch started = new CountDownLatch(1);
        long t0 = System.nanoTime(); // before the run starts, so at least the limit must pass
        RunHandle handle = submit(looping(started), "alice");
        await(started);
        Throwable cause = failure(handle);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(cause).isInstanceOfSatisfying(RunStoppedException.class, e -> assertThat(e.reason())
                .isEqualTo(RunStoppedException.Reason.TIME_LIMIT));
        assertThat(cause.getMessage()).contains("limit");
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void theTimeLimitCountsFromTheStartNotFromSubmission() throws Exception {
        runner = new SimulationRunner(scheduling(1, 1, 2, Duration.ofMillis(200)));
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = gate();
        RunHandle first = submit(blocking(started, gate), "alice"); // never polls, so never stopped
        await(started);
        // Queued for 400 ms, then computes for 50 ms while polling: within its own 200 ms.
        RunHandle second = submit(
                simulation(context -> {
                    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
                    while (System.nanoTime() < end) {
                        context.cancellation().check();
                        Thread.onSpinWait();
                    }
                    return EMPTY;
                }),
                "bob");
        Thread.sleep(400);
        gate.countDown();
        assertThat(first.result().get(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(EMPTY);
        assertThat(second.result().get(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(EMPTY);
    }

    @Test
    void theRunGetsItsParametersSeedAndSinkAndItsFailuresPropagate() throws Exception {
        runner = new SimulationRunner(scheduling(1, 1, 2, Duration.ofSeconds(5)));
        AtomicReference<RunContext> seen = new AtomicReference<>();
        List<String> reported = new ArrayList<>();
        ProgressSink sink = new ProgressSink() {
            @Override
            public void progress(double fraction) {
                reported.add("progress " + fraction);
            }

            @Override
            public void append(String series, double[] x, double[] y) {
                reported.add(series + " " + x[0] + " " + y[0]);
            }
        };
        RunHandle ok = runner.submit(
                simulation(c -> {
                    seen.set(c);
                    c.progress().append("s", new double[] {1}, new double[] {2});
                    c.progress().progress(0.5);
                    return EMPTY;
                }),
                NO_PARAMETERS,
                42,
                new LearnerKey("alice"),
                sink);
        assertThat(ok.result().get(WAIT_SECONDS, TimeUnit.SECONDS)).isSameAs(EMPTY);
        assertThat(seen.get().seed()).isEqualTo(42);
        assertThat(seen.get().parameters()).isSameAs(NO_PARAMETERS);
        // What the run reports reaches the sink (through the computation's fan-out), in order.
        assertThat(reported).containsExactly("s 1.0 2.0", "progress 0.5");
        assertThat(seen.get().cancellation()).isNotSameAs(CancellationSignal.NEVER);

        IllegalStateException boom = new IllegalStateException("boom");
        RunHandle failing = submitOnceReleased(
                simulation(c -> {
                    throw boom;
                }),
                "alice");
        assertThat(failure(failing)).isSameAs(boom);
        // A failed run gives its slot back too.
        RunHandle after = submitOnceReleased(simulation(c -> EMPTY), "alice");
        RunHandle after2 = submitOnceReleased(simulation(c -> EMPTY), "alice");
        after.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
        after2.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aPendulumRunThroughTheRunnerEqualsADirectRun() throws Exception {
        runner = new SimulationRunner(scheduling(1, 1, 2, Duration.ofSeconds(5)));
        PendulumSimulation pendulum = new PendulumSimulation();
        Parameters p = pendulum.schema().validate(Map.of("theta0", 1.5, "ensemble", 9, "duration", 5.0));
        SimulationResult viaRunner = runner.submit(pendulum, p, 0, new LearnerKey("alice"), ProgressSink.NONE)
                .result()
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        SimulationResult direct = pendulum.run(RunContext.of(p, 0));
        assertThat(viaRunner.scalars()).isEqualTo(direct.scalars());
        for (String name : direct.series().keySet()) {
            assertThat(viaRunner.series(name).ys())
                    .as(name)
                    .containsExactly(direct.series(name).ys());
        }
    }

    /**
     * SimulationRunner.submit releases the session's slot in a whenComplete registered on the result
     * before the handle is returned. CompletableFuture runs dependents newest first, so every
     * callback a caller adds runs while the finished run still counts: a session at its cap that
     * starts its next run from the completion of the last one is refused with SESSION_LIMIT ("You
     * already have 1 runs going"), every time. (After result().get() the same refusal is a race.)
     */
    @Test
    void aSessionCanStartItsNextRunFromTheCompletionOfTheLastOne() throws Exception {
        // A panel that re-runs when the previous run finishes does so from a callback on its result.
        runner = new SimulationRunner(scheduling(1, 1, 1, Duration.ofSeconds(5)));
        Simulation quick = simulation(c -> EMPTY);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch gate = gate();
        RunHandle first = submit(blocking(started, gate), "alice");
        CompletableFuture<Object> next = first.result().handle((r, e) -> {
            try {
                return submit(quick, "alice");
            } catch (RunRefusedException refused) {
                return refused.reason();
            }
        });
        await(started);
        gate.countDown();
        assertThat(next.get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(RunHandle.class);
    }

    @Test
    void limitsDefaultSensibly() {
        RunLimits defaults = new RunLimits(null, null, null, null, null, null);
        assertThat(defaults.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(defaults.queueCapacity()).isEqualTo(64);
        assertThat(defaults.perLearner()).isEqualTo(3);
        assertThat(defaults.timeLimit()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.cacheSize()).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(defaults.trustedProxies()).isEmpty();
        RunLimits zeros = new RunLimits(0, 0, 0, null, null, null);
        assertThat(zeros.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(zeros.queueCapacity()).isEqualTo(64);
        assertThat(zeros.perLearner()).isEqualTo(3);
        assertThat(zeros.runningPerLearner()).isEqualTo(Math.max(1, zeros.workers() - 1));
    }
}
