package org.energylab.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.energylab.simulation.ParameterSchema;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.RunStoppedException;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationDescriptor;
import org.energylab.simulation.SimulationResult;

/**
 * A simulation for API tests that computes until its gate opens, polling its cancellation signal,
 * and records when it started and when it was stopped.
 */
class GatedSimulation implements Simulation {
    static final long WAIT_SECONDS = 10;

    volatile CountDownLatch started;
    volatile CountDownLatch stopped;
    volatile CountDownLatch gate;

    GatedSimulation() {
        reset();
    }

    /** New latches, for the next test. */
    void reset() {
        started = new CountDownLatch(1);
        stopped = new CountDownLatch(1);
        gate = new CountDownLatch(1);
    }

    @Override
    public SimulationDescriptor descriptor() {
        return new SimulationDescriptor(
                "gated",
                "Gated",
                "Computes until the test lets it finish.",
                ParameterSchema.of(ParameterSpec.integer("n", "n", "", 0, 1000, 0, "")),
                List.of(),
                List.of(),
                List.of());
    }

    @Override
    public SimulationResult run(RunContext context) {
        CountDownLatch gate = this.gate;
        CountDownLatch stopped = this.stopped;
        started.countDown();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        try {
            while (gate.getCount() > 0 && System.nanoTime() < end) {
                context.cancellation().check();
                Thread.sleep(1);
            }
        } catch (RunStoppedException e) {
            stopped.countDown();
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new SimulationResult(Map.of(), Map.of(), Map.of());
    }
}
