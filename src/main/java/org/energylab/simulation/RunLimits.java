package org.energylab.simulation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the shared run executor, set with {@code energylab.runs.*} properties.
 *
 * @param workers runs computed at once (default: the number of cores)
 * @param queueCapacity runs waiting for a worker before new ones are refused as "busy"
 * @param perSession runs one browser session (or API client) may have queued or running at once
 * @param timeLimit wall-clock limit of one run, counted from when it starts computing
 */
@ConfigurationProperties("energylab.runs")
public record RunLimits(Integer workers, Integer queueCapacity, Integer perSession, Duration timeLimit) {
    public RunLimits {
        workers = workers == null || workers < 1 ? Runtime.getRuntime().availableProcessors() : workers;
        queueCapacity = queueCapacity == null || queueCapacity < 1 ? 64 : queueCapacity;
        perSession = perSession == null || perSession < 1 ? 3 : perSession;
        timeLimit = timeLimit == null ? Duration.ofSeconds(60) : timeLimit;
    }
}
