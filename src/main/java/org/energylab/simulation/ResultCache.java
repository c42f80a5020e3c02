package org.energylab.simulation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Arrays;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * Finished results by {@link RunKey}, bounded by an estimate of the memory they take; when full,
 * Caffeine keeps the results asked for most often and most recently. Results are shared between
 * learners: nobody may change their arrays.
 */
final class ResultCache {
    /** Progress steps in which a hit is replayed, as a live run streams its points in chunks. */
    static final int REPLAY_STEPS = 5;

    private final Cache<RunKey, SimulationResult> results;

    /** @param size the memory results may take; zero keeps none */
    ResultCache(DataSize size) {
        this.results = size.toBytes() <= 0
                ? null
                : Caffeine.newBuilder()
                        .maximumWeight(size.toBytes())
                        .weigher((RunKey key, SimulationResult result) -> weight(key, result))
                        .executor(Runnable::run)
                        .build();
    }

    boolean enabled() {
        return results != null;
    }

    /** The result of an earlier identical run, or null. */
    SimulationResult get(RunKey key) {
        return results == null ? null : results.getIfPresent(key);
    }

    void put(RunKey key, SimulationResult result) {
        if (results != null) {
            results.put(key, result);
        }
    }

    /** Estimated bytes the cached results take. */
    long weightedSize() {
        return results == null
                ? 0
                : results.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /** Bytes a result takes in memory, estimated from its arrays and strings (with the key's). */
    static int weight(RunKey key, SimulationResult result) {
        long bytes = 256 + 64L * key.parameters().asMap().size();
        for (Map.Entry<String, Scalar> e : result.scalars().entrySet()) {
            Scalar s = e.getValue();
            bytes += 96 + text(e.getKey()) + text(s.label()) + text(s.unit()) + text(s.note());
        }
        for (Map.Entry<String, Series> e : result.series().entrySet()) {
            bytes += 128
                    + text(e.getKey())
                    + text(e.getValue().label())
                    + 16L * e.getValue().size();
        }
        for (Map.Entry<String, Grid> e : result.grids().entrySet()) {
            Grid g = e.getValue();
            bytes += 128 + text(e.getKey()) + text(g.label()) + 8L * (g.xs().length + g.ys().length);
            // The values, or every frame when there are frames (the last one is the values).
            bytes += Math.max(1L, g.frames().size()) * g.ys().length * (16 + 8L * g.xs().length);
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long text(String s) {
        return 40 + 2L * s.length();
    }

    /**
     * Streams a finished result to a sink as a live run would: each series' points in {@link
     * #REPLAY_STEPS} chunks with the progress after each, so a chart fills in the same way.
     */
    static void replay(SimulationResult result, ProgressSink sink) {
        for (int step = 1; step <= REPLAY_STEPS; step++) {
            for (Map.Entry<String, Series> e : result.series().entrySet()) {
                Series s = e.getValue();
                int from = (int) ((long) s.size() * (step - 1) / REPLAY_STEPS);
                int to = (int) ((long) s.size() * step / REPLAY_STEPS);
                if (to > from) {
                    sink.append(e.getKey(), Arrays.copyOfRange(s.xs(), from, to), Arrays.copyOfRange(s.ys(), from, to));
                }
            }
            sink.progress((double) step / REPLAY_STEPS);
        }
    }
}
