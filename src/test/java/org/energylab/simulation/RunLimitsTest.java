package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** The energylab.runs.* properties as the application binds them. */
class RunLimitsTest {
    private static RunLimits bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("energylab.runs", RunLimits.class);
    }

    @Test
    void theShippedPropertiesBind() {
        RunLimits limits = bind(Map.of(
                "energylab.runs.workers", "2",
                "energylab.runs.queue-capacity", "64",
                "energylab.runs.per-learner", "3",
                "energylab.runs.cache-size", "64MB",
                "energylab.runs.trusted-proxies", "",
                "energylab.runs.time-limit", "60s"));
        assertThat(limits.workers()).isEqualTo(2);
        assertThat(limits.perLearner()).isEqualTo(3);
        assertThat(limits.runningPerLearner()).isEqualTo(1);
        assertThat(limits.cacheSize()).isEqualTo(DataSize.ofMegabytes(64));
        assertThat(limits.trustedProxies()).isEmpty();
    }

    @Test
    void trustedProxiesAreACommaSeparatedList() {
        RunLimits limits = bind(Map.of("energylab.runs.trusted-proxies", "10.0.0.1, 10.0.0.2"));
        assertThat(limits.trustedProxies()).containsExactly("10.0.0.1", "10.0.0.2");
    }

    @Test
    void aLearnerKeepsAWorkerFreeForOthers() {
        assertThat(bind(Map.of("energylab.runs.workers", "1")).runningPerLearner())
                .isEqualTo(1);
        assertThat(bind(Map.of("energylab.runs.workers", "4")).runningPerLearner())
                .isEqualTo(3);
    }
}
