package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.util.unit.DataSize;

/**
 * A runner under test with simulations whose runs the test controls: each blocks on a gate the
 * test opens, and every gate is opened (and the runner shut down) by {@link #close()}.
 */
final class RunnerFixture implements AutoCloseable {
    static final long WAIT_SECONDS = 5;
    static final Parameters NO_PARAMETERS = ParameterSchema.of().defaults();
    static final SimulationResult EMPTY = new SimulationResult(Map.of(), Map.of(), Map.of());

    final SimulationRunner runner;
    private final List<CountDownLatch> gates = new ArrayList<>();

    RunnerFixture(int workers, int queueCapacity, int perLearner, DataSize cacheSize) {
        runner = new SimulationRunner(
                new RunLimits(workers, queueCapacity, perLearner, Duration.ofSeconds(30), cacheSize, List.of()));
    }

    @Override
    public void close() {
        gates.forEach(CountDownLatch::countDown);
        runner.shutdown();
    }

    /** A simulation whose run is the given function. */
    record TestSimulation(String id, Function<RunContext, SimulationResult> body) implements Simulation {
        @Override
        public SimulationDescriptor descriptor() {
            return new SimulationDescriptor(
                    id,
                    "Test",
                    "A simulation for the runner tests.",
                    ParameterSchema.of(),
                    List.of(),
                    List.of(),
                    List.of());
        }

        @Override
        public SimulationResult run(RunContext context) {
            return body.apply(context);
        }
    }

    /** A closed gate, opened by the test or at {@link #close()}. */
    CountDownLatch gate() {
        CountDownLatch gate = new CountDownLatch(1);
        gates.add(gate);
        return gate;
    }

    /**
     * Waits for the gate (far longer than any test waits for a result) while polling the
     * cancellation signal, so a run blocked here can still be cancelled.
     */
    static void pass(CountDownLatch gate, RunContext context) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(6 * WAIT_SECONDS);
        try {
            while (!gate.await(1, TimeUnit.MILLISECONDS)) {
                context.cancellation().check();
                if (System.nanoTime() > end) {
                    throw new IllegalStateException("gate never opened");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    RunHandle submit(Simulation simulation, String learner, long seed) {
        return runner.submit(simulation, NO_PARAMETERS, seed, new LearnerKey(learner), ProgressSink.NONE);
    }

    static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(WAIT_SECONDS, TimeUnit.SECONDS))
                .as("latch reached")
                .isTrue();
    }

    static SimulationResult result(RunHandle handle) throws Exception {
        return handle.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Why the run stopped, waiting at most WAIT_SECONDS. */
    static RunStoppedException.Reason stopReason(RunHandle handle) throws Exception {
        try {
            SimulationResult result = handle.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
            return fail("expected the run to stop, but it returned %s", result);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(RunStoppedException.class);
            return ((RunStoppedException) e.getCause()).reason();
        }
    }

    static RunRefusedException.Reason refusal(Runnable submit) {
        try {
            submit.run();
        } catch (RunRefusedException e) {
            return e.reason();
        }
        return fail("expected the run to be refused");
    }
}
