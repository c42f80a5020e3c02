package org.energylab.simulation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs waiting for a worker, one queue per learner, served in turns across learners rather than in
 * order of arrival: the next run goes to the learner with the fewest runs computing, and among
 * those to the one served longest ago (a learner new to the queue first). A learner already
 * computing on {@code runningPerLearner} workers waits, so nobody holds every worker.
 *
 * <p>Not thread-safe: the runner calls it under its lock.
 */
final class FairQueue<T> {
    private final int runningPerLearner;
    /** Learners with waiting runs, each run in order of arrival; iteration order is arrival of the learner. */
    private final Map<LearnerKey, Deque<T>> waiting = new LinkedHashMap<>();
    /** Runs computing, per learner; a learner with none has no entry. */
    private final Map<LearnerKey, Integer> running = new HashMap<>();
    /** When each learner with waiting or computing runs was last given a worker (a counter, not a clock). */
    private final Map<LearnerKey, Long> lastServed = new HashMap<>();

    private long turn;
    private int size;

    FairQueue(int runningPerLearner) {
        if (runningPerLearner < 1) {
            throw new IllegalArgumentException("runningPerLearner must be at least 1");
        }
        this.runningPerLearner = runningPerLearner;
    }

    /** Runs waiting, over all learners. */
    int size() {
        return size;
    }

    void add(LearnerKey learner, T run) {
        waiting.computeIfAbsent(learner, key -> new ArrayDeque<>()).addLast(run);
        size++;
    }

    /** Takes a waiting run out of the queue; false if it was not waiting (already started or removed). */
    boolean remove(LearnerKey learner, T run) {
        Deque<T> runs = waiting.get(learner);
        if (runs == null || !runs.removeIf(r -> r == run)) {
            return false;
        }
        size--;
        if (runs.isEmpty()) {
            waiting.remove(learner);
            forgetIfIdle(learner);
        }
        return true;
    }

    /**
     * The next run to compute, now counted as running for its learner until {@link #finished}; null
     * when nothing waits or every waiting learner is at its running cap.
     */
    T next() {
        LearnerKey chosen = null;
        for (LearnerKey learner : waiting.keySet()) {
            if (running(learner) < runningPerLearner && (chosen == null || before(learner, chosen))) {
                chosen = learner;
            }
        }
        if (chosen == null) {
            return null;
        }
        Deque<T> runs = waiting.get(chosen);
        T run = runs.pollFirst();
        if (runs.isEmpty()) {
            waiting.remove(chosen);
        }
        size--;
        running.merge(chosen, 1, Integer::sum);
        lastServed.put(chosen, ++turn);
        return run;
    }

    /** A run {@link #next} handed out has stopped computing. */
    void finished(LearnerKey learner) {
        running.computeIfPresent(learner, (key, count) -> count <= 1 ? null : count - 1);
        forgetIfIdle(learner);
    }

    private boolean before(LearnerKey a, LearnerKey b) {
        int byRunning = Integer.compare(running(a), running(b));
        if (byRunning != 0) {
            return byRunning < 0;
        }
        return lastServed.getOrDefault(a, 0L) < lastServed.getOrDefault(b, 0L);
    }

    private int running(LearnerKey learner) {
        return running.getOrDefault(learner, 0);
    }

    private void forgetIfIdle(LearnerKey learner) {
        if (!waiting.containsKey(learner) && !running.containsKey(learner)) {
            lastServed.remove(learner);
        }
    }
}
