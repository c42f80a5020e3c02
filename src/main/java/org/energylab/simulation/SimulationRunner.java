package org.energylab.simulation;

import jakarta.annotation.PreDestroy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The one bounded executor every run goes through, from the browser and from the API: a fixed
 * number of workers, a bounded queue served in fair turns across learners, a cap per learner, a
 * wall-clock limit per run, and a cache of finished results. Identical runs (same simulation,
 * parameters and seed) are computed once: a finished one is replayed from the cache without taking
 * a worker, one in progress is joined.
 */
@Service
@EnableConfigurationProperties(RunLimits.class)
public class SimulationRunner {
    private static final Logger log = LoggerFactory.getLogger(SimulationRunner.class);

    private final RunLimits limits;
    private final ExecutorService workers;
    private final ResultCache cache;
    // Guarded by this runner's lock:
    private final FairQueue<Computation> queue;
    private final Map<RunKey, Computation> inProgress = new HashMap<>();
    private final Map<LearnerKey, Integer> admitted = new HashMap<>();
    private int busyWorkers;

    public SimulationRunner(RunLimits limits) {
        this.limits = limits;
        Nd4jRuntime.startInBackground();
        this.workers = Executors.newFixedThreadPool(limits.workers(), workerThreads());
        this.queue = new FairQueue<>(limits.runningPerLearner());
        this.cache = new ResultCache(limits.cacheSize());
        log.info(
                "Run executor: {} workers, queue {}, {} runs per learner ({} computing), {} s per run, {} of results",
                limits.workers(),
                limits.queueCapacity(),
                limits.perLearner(),
                limits.runningPerLearner(),
                limits.timeLimit().toSeconds(),
                limits.cacheSize());
    }

    public RunLimits limits() {
        return limits;
    }

    /**
     * Submits a run. A result already computed is replayed to {@code progress} at once; a run
     * identical to one in progress joins it; any other waits for its turn.
     *
     * @param learner who asked, for the per-learner cap and the fair turns
     * @throws RunRefusedException when the queue is full or the learner has too many runs going
     */
    public RunHandle submit(
            Simulation simulation, Parameters parameters, long seed, LearnerKey learner, ProgressSink progress) {
        RunKey key = new RunKey(simulation.id(), parameters, seed);
        RunHandle handle = new RunHandle(learner, progress, this::cancelled);
        SimulationResult cached;
        synchronized (this) {
            // Looked up under the lock: a run finishing meanwhile is either cached or still in progress.
            cached = cache.get(key);
            if (cached == null) {
                admit(handle, key, simulation);
            }
        }
        if (cached != null) {
            // A finished result takes no worker and no slot; the replay runs outside the lock.
            ResultCache.replay(cached, progress);
            handle.result().complete(cached);
        }
        return handle;
    }

    /** Joins the identical run in progress or queues a new one, within the learner's cap and the queue's bound. */
    private void admit(RunHandle handle, RunKey key, Simulation simulation) {
        LearnerKey learner = handle.learner();
        if (admitted.getOrDefault(learner, 0) >= limits.perLearner()) {
            throw new RunRefusedException(
                    RunRefusedException.Reason.SESSION_LIMIT,
                    "You already have " + limits.perLearner()
                            + " runs going. Wait for one to finish or cancel it, then try again.");
        }
        Computation computation = cache.enabled() ? inProgress.get(key) : null;
        if (computation == null) {
            if (queue.size() >= limits.queueCapacity()) {
                throw new RunRefusedException(
                        RunRefusedException.Reason.SERVER_BUSY, "The server is busy, try again in a moment.");
            }
            computation = new Computation(
                    key,
                    simulation,
                    learner,
                    cache.enabled(),
                    limits.timeLimit().toNanos());
            queue.add(learner, computation);
            if (cache.enabled()) {
                inProgress.put(key, computation);
            }
        }
        computation.attach(handle);
        admitted.merge(learner, 1, Integer::sum);
        startWaitingRuns();
    }

    /** Hands waiting runs to free workers, in the queue's fair order. */
    private void startWaitingRuns() {
        while (busyWorkers < limits.workers()) {
            Computation next = queue.next();
            if (next == null) {
                return;
            }
            busyWorkers++;
            workers.execute(() -> execute(next));
        }
    }

    private void execute(Computation computation) {
        SimulationResult result = null;
        Throwable failure = null;
        try {
            Nd4jRuntime.ensureStarted();
            result = computation.run();
        } catch (RunStoppedException e) {
            failure = e;
        } catch (RuntimeException | Error e) {
            log.error("Simulation {} failed with {}", computation.simulation().id(), computation.key(), e);
            failure = e;
        }
        // The learners' slots are free and the result cached before anyone hears of the outcome,
        // so a caller may start its next run from the completion callback.
        List<RunHandle> waiting;
        synchronized (this) {
            busyWorkers--;
            queue.finished(computation.owner());
            if (failure == null) {
                cache.put(computation.key(), result);
            }
            inProgress.remove(computation.key(), computation);
            waiting = computation.detachAll();
            waiting.forEach(h -> release(h.learner()));
            startWaitingRuns();
        }
        for (RunHandle handle : waiting) {
            if (failure == null) {
                handle.result().complete(result);
            } else {
                handle.result().completeExceptionally(failure);
            }
        }
        // Hand what the run's native arrays held back to the system once its learners have the result.
        NativeMemory.releaseAfterRun();
    }

    /**
     * A handle gave up: its slot is free at once. The computation leaves the queue (or stops at its
     * next progress step) only when nobody else waits for it.
     */
    private void cancelled(RunHandle handle) {
        synchronized (this) {
            Computation computation = handle.computation();
            if (computation == null || !computation.detach(handle)) {
                return; // finished already
            }
            release(handle.learner());
            if (computation.abandoned()) {
                inProgress.remove(computation.key(), computation);
                queue.remove(computation.owner(), computation);
            }
        }
        handle.result().completeExceptionally(RunHandle.cancellation());
    }

    private void release(LearnerKey learner) {
        admitted.computeIfPresent(learner, (key, count) -> count <= 1 ? null : count - 1);
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
        workers.shutdownNow();
    }
}
