package org.energylab.simulation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.RunLimits;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationClasses;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The comparison page built without a browser: its two sides, what they share and how B follows A. */
class ComparisonViewTest {
    // Nothing is run here, so the runner's pool never starts a thread.
    private static SimulationRunner runner;
    private static SimulationRegistry registry;

    @BeforeAll
    static void start() {
        runner = new SimulationRunner(new RunLimits(1, 8, 3, Duration.ofSeconds(30), null, List.of()));
        registry = new SimulationRegistry(SimulationClasses.instantiateAll());
    }

    private static ComparisonView show(String id, Map<String, List<String>> query) {
        ComparisonView view = new ComparisonView(registry, runner);
        Simulation simulation = registry.find(id).orElseThrow();
        view.show(simulation, query);
        return view;
    }

    @Test
    void theAddressPresetsBothSidesAndBTakesTheDataAndSeedFromA() {
        ComparisonView view = show(
                "ebm-regularized",
                Map.of(
                        "dataset", List.of("rings"),
                        "a.method", List.of("pca"),
                        "b.method", List.of("kmeans"),
                        "b.clusters", List.of("24"),
                        "b.dataset", List.of("spiral")));
        ParameterForm a = view.sideA.form();
        ParameterForm b = view.sideB.form();
        assertThat(a.text("method")).isEqualTo("pca");
        assertThat(b.text("method")).isEqualTo("kmeans");
        assertThat(b.text("clusters")).isEqualTo("24");
        // B's own data set is overridden: both sides run on A's.
        assertThat(a.text("dataset")).isEqualTo("rings");
        assertThat(b.text("dataset")).isEqualTo("rings");
        assertThat(b.seed()).isEqualTo(a.seed());

        a.setValues(Map.of("dataset", "two-moons", "seed", "7"));
        assertThat(b.text("dataset")).isEqualTo("two-moons");
        assertThat(b.seed()).isEqualTo(7);
        // Settings that are not shared stay each side's own.
        assertThat(b.text("method")).isEqualTo("kmeans");
        assertThat(b.validate()).isPresent();
    }

    @Test
    void aSimulationWithoutADataSetSharesItsSeedOnly() {
        ComparisonView view = show("latent-ebm", Map.of("a.beta", List.of("0.01"), "b.beta", List.of("1000")));
        assertThat(view.sideA.form().text("beta")).isEqualTo("0.01");
        assertThat(view.sideB.form().text("beta")).isEqualTo("1000");
        view.sideA.form().setValues(Map.of("seed", "3", "a", "1.2"));
        assertThat(view.sideB.form().seed()).isEqualTo(3);
        assertThat(view.sideB.form().text("a")).isEqualTo("1.5");
    }
}
