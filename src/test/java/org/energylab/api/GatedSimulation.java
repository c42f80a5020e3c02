package org.energylab.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.ParameterSchema;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.RunStoppedException;
import org.energylab.simulation.SeriesSpec;
import org.energylab.simulation.Simulation;
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
    public String id() {
        return "gated";
    }

    @Override
    public String title() {
        return "Gated";
    }

    @Override
    public String summary() {
        return "Computes until the test lets it finish.";
    }

    @Override
    public ParameterSchema schema() {
        return ParameterSchema.of(ParameterSpec.integer("n", "n", "", 0, 1000, 0, ""));
    }

    @Override
    public List<SeriesSpec> series() {
        return List.of();
    }

    @Override
    public List<ChartSpec> charts() {
        return List.of();
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
