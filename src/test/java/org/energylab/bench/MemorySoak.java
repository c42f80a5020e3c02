package org.energylab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;
import org.energylab.simulation.Cost;
import org.energylab.simulation.NativeMemory;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationClasses;

/**
 * Runs every simulation at the largest parameters its cost model accepts, three rounds in one
 * process, two runs at a time as the two workers of the server do, and prints the process's memory
 * after each run and after a collection: goals, never above 3 GB resident, and back within 200 MB of
 * the start once collected. Slow (minutes) and not part of the build; run it alone on the machine:
 * {@code OMP_NUM_THREADS=1 MALLOC_ARENA_MAX=2 mvn -q test-compile exec:java
 * -Dexec.mainClass=org.energylab.bench.MemorySoak -Dexec.classpathScope=test}. It sets the same
 * JavaCPP limits as the application; the heap limit is the launcher's: run Maven with {@code
 * MAVEN_OPTS=-Xmx1g}, or {@code java -Xmx1g -cp …} directly.
 */
public final class MemorySoak {
    private static final int ROUNDS = 3;
    private static final int WORKERS = 2;
    private static final long GOAL_PEAK = 3L << 30;
    private static final long GOAL_RETURN = 200 * Cost.MEGABYTE;

    public static void main(String[] args) throws Exception {
        NativeMemory.applyDefaultLimits();
        Nd4jRuntime.ensureStarted();
        System.out.printf(
                "limits: heap %d MB, JavaCPP maxBytes %d MB, maxPhysicalBytes %d MB, MALLOC_ARENA_MAX=%s%n",
                Runtime.getRuntime().maxMemory() / Cost.MEGABYTE,
                Pointer.maxBytes() / Cost.MEGABYTE,
                Pointer.maxPhysicalBytes() / Cost.MEGABYTE,
                System.getenv("MALLOC_ARENA_MAX"));
        List<Simulation> simulations = new ArrayList<>();
        List<Parameters> maxima = new ArrayList<>();
        for (Simulation simulation : SimulationClasses.instantiateAll()) {
            for (Map<String, Object> values : MaximumParameters.of(simulation)) {
                Parameters parameters = simulation.schema().validate(values);
                simulations.add(simulation);
                maxima.add(parameters);
                System.out.printf(
                        "%-22s estimate %-20s %s%n",
                        simulation.id(), simulation.costModel().estimate(parameters), values);
            }
        }

        NativeMemory.Snapshot start = collected();
        System.out.printf("%nstart, after GC + trim:     %s%n", start);
        AtomicLong peak = new AtomicLong(start.residentBytes());
        Thread watcher = watch(peak);
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        long soakStart = System.nanoTime();
        for (int round = 1; round <= ROUNDS; round++) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < simulations.size(); i++) {
                Simulation simulation = simulations.get(i);
                Parameters parameters = maxima.get(i);
                int r = round;
                runs.add(workers.submit(() -> run(simulation, parameters, r)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
            System.out.printf(
                    "round %d done, after GC + trim: %s (peak so far %.0f MB)%n%n",
                    round, collected(), peak.get() / (double) Cost.MEGABYTE);
        }
        workers.shutdown();
        watcher.interrupt();
        NativeMemory.Snapshot end = collected();
        long growth = end.residentBytes() - start.residentBytes();
        System.out.printf(
                "%d runs in %.0f s; peak resident %.0f MB (goal under %d MB: %s); after GC + trim %s, %+.0f MB from"
                        + " the start (goal within %d MB: %s)%n",
                ROUNDS * simulations.size(),
                (System.nanoTime() - soakStart) / 1e9,
                peak.get() / (double) Cost.MEGABYTE,
                GOAL_PEAK / Cost.MEGABYTE,
                peak.get() < GOAL_PEAK ? "met" : "MISSED",
                end,
                growth / (double) Cost.MEGABYTE,
                GOAL_RETURN / Cost.MEGABYTE,
                growth < GOAL_RETURN ? "met" : "MISSED");
        System.exit(0);
    }

    private static void run(Simulation simulation, Parameters parameters, int round) {
        long begin = System.nanoTime();
        String outcome = "done";
        try {
            simulation.run(RunContext.of(parameters, round));
        } catch (RuntimeException | OutOfMemoryError e) {
            outcome = "FAILED: " + e;
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf(
                "round %d %-22s %6.1f s %s%n         after the run:        %s%n",
                round, simulation.id(), seconds, outcome, NativeMemory.snapshot());
        NativeMemory.releaseAfterRun();
        System.out.printf("         after releaseAfterRun: %s%n", NativeMemory.snapshot());
    }

    /** A full collection, time for ND4J's deallocator threads to free the buffers, then malloc_trim. */
    private static NativeMemory.Snapshot collected() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(500);
        }
        NativeMemory.trim();
        return NativeMemory.snapshot();
    }

    private static Thread watch(AtomicLong peak) {
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(NativeMemory.snapshot().residentBytes(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }
}
