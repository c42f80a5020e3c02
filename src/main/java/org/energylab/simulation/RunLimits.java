package org.energylab.simulation;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the shared run executor, set with {@code energylab.runs.*} properties.
 *
 * @param workers runs computed at once (default: the number of cores)
 * @param queueCapacity runs waiting for a worker before new ones are refused as "busy"
 * @param perLearner runs one learner (a browser, or an API client) may have queued or running at
 *     once; however many that is, one learner computes on at most {@link #runningPerLearner()}
 *     workers at a time
 * @param timeLimit wall-clock limit of one run, counted from when it starts computing
 * @param cacheSize memory for finished results, so identical runs are computed once; 0 turns the
 *     cache and the sharing of runs in progress off
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} header names the
 *     API client; from any other peer the header is ignored
 */
@ConfigurationProperties("energylab.runs")
public record RunLimits(
        Integer workers,
        Integer queueCapacity,
        Integer perLearner,
        Duration timeLimit,
        DataSize cacheSize,
        List<String> trustedProxies) {
    public RunLimits {
        workers = workers == null || workers < 1 ? Runtime.getRuntime().availableProcessors() : workers;
        queueCapacity = queueCapacity == null || queueCapacity < 1 ? 64 : queueCapacity;
        perLearner = perLearner == null || perLearner < 1 ? 3 : perLearner;
        timeLimit = timeLimit == null ? Duration.ofSeconds(60) : timeLimit;
        cacheSize = cacheSize == null || cacheSize.isNegative() ? DataSize.ofMegabytes(64) : cacheSize;
        trustedProxies = trustedProxies == null
                ? List.of()
                : trustedProxies.stream()
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    /**
     * Runs one learner may compute at once: one worker fewer than there are, so a second learner's
     * run always finds a worker as soon as one is free.
     */
    public int runningPerLearner() {
        return Math.max(1, workers - 1);
    }
}
