package org.energylab.simulation;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The one bounded executor every run goes through, from the browser and from the API: a fixed
 * number of workers, a bounded queue, a cap per session and a wall-clock limit per run.
 */
@Service
@EnableConfigurationProperties(RunLimits.class)
public class SimulationRunner {
    private static final Logger log = LoggerFactory.getLogger(SimulationRunner.class);

    private final RunLimits limits;
    private final ThreadPoolExecutor executor;
    private final Map<String, Integer> activeBySession = new ConcurrentHashMap<>();

    public SimulationRunner(RunLimits limits) {
        this.limits = limits;
        Nd4jRuntime.ensureStarted();
        this.executor = new ThreadPoolExecutor(
                limits.workers(),
                limits.workers(),
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.queueCapacity()),
                workerThreads());
        log.info(
                "Run executor: {} workers, queue {}, {} runs per session, {} s per run",
                limits.workers(),
                limits.queueCapacity(),
                limits.perSession(),
                limits.timeLimit().toSeconds());
    }

    public RunLimits limits() {
        return limits;
    }

    /**
     * Queues a run.
     *
     * @param session who asked (a browser session or an API client), for the per-session cap
     * @throws RunRefusedException when the queue is full or the session has too many runs
     */
    public RunHandle submit(
            Simulation simulation, Parameters parameters, long seed, String session, ProgressSink progress) {
        if (!acquire(session)) {
            throw new RunRefusedException(
                    RunRefusedException.Reason.SESSION_LIMIT,
                    "You already have " + limits.perSession()
                            + " runs going. Wait for one to finish or cancel it, then try again.");
        }
        RunHandle handle = new RunHandle(limits.timeLimit().toNanos());
        try {
            executor.execute(() -> execute(simulation, parameters, seed, progress, handle, session));
        } catch (RejectedExecutionException e) {
            release(session);
            throw new RunRefusedException(
                    RunRefusedException.Reason.SERVER_BUSY, "The server is busy, try again in a moment.");
        }
        return handle;
    }

    private void execute(
            Simulation simulation,
            Parameters parameters,
            long seed,
            ProgressSink progress,
            RunHandle handle,
            String session) {
        // The session's slot is free before anyone hears of the outcome, so a caller may start its
        // next run from the completion callback.
        SimulationResult result = null;
        Throwable failure = null;
        try {
            handle.started();
            handle.check();
            result = simulation.run(new RunContext(parameters, seed, progress, handle));
        } catch (RunStoppedException e) {
            failure = e;
        } catch (RuntimeException | Error e) {
            log.error("Simulation {} failed with {}", simulation.id(), parameters, e);
            failure = e;
        } finally {
            release(session);
        }
        if (failure == null) {
            handle.result().complete(result);
        } else {
            handle.result().completeExceptionally(failure);
        }
    }

    /** Takes one of the session's run slots, if it has one left. */
    private boolean acquire(String session) {
        boolean[] admitted = {false};
        activeBySession.compute(session, (key, count) -> {
            int current = count == null ? 0 : count;
            if (current >= limits.perSession()) {
                return count;
            }
            admitted[0] = true;
            return current + 1;
        });
        return admitted[0];
    }

    private void release(String session) {
        activeBySession.computeIfPresent(session, (key, count) -> count <= 1 ? null : count - 1);
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "simulation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
