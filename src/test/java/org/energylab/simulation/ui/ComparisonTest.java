package org.energylab.simulation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationClasses;
import org.junit.jupiter.api.Test;

/** What a side-by-side comparison shares and how an address presets its two sides. */
class ComparisonTest {
    private static Simulation simulation(String id) {
        return SimulationClasses.instantiateAll().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void onlySimulationsThatDrawAHeatMapCanBeCompared() {
        assertThat(Comparison.comparable(simulation("ebm-regularized"))).isTrue();
        assertThat(Comparison.comparable(simulation("latent-ebm"))).isTrue();
        assertThat(Comparison.comparable(simulation("pendulum"))).isFalse();
    }

    @Test
    void bothSidesShareTheDataSetAndTheSeed() {
        assertThat(Comparison.sharedParameters(simulation("ebm-regularized"))).containsExactly("dataset", "seed");
        // The ellipse has no data-set choice: only its seed is shared.
        assertThat(Comparison.sharedParameters(simulation("latent-ebm"))).containsExactly("seed");
    }

    @Test
    void unprefixedValuesGoToBothSidesAndPrefixedOnesWinOnTheirSide() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("b.method", List.of("pca"));
        query.put("method", List.of("sparse-coding"));
        query.put("dataset", List.of("rings"));
        query.put("a.clusters", List.of("4"));
        query.put("empty", List.of());
        Comparison.Presets presets = Comparison.presets(query);
        assertThat(presets.a())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("method", "sparse-coding", "dataset", "rings", "clusters", "4"));
        assertThat(presets.b()).containsExactlyInAnyOrderEntriesOf(Map.of("method", "pca", "dataset", "rings"));
    }

    @Test
    void aLockedFieldStaysGreyedOutWhenOtherFieldsChangeAndStillCounts() {
        ParameterForm form = new ParameterForm(simulation("ebm-regularized"), true);
        form.lock("dataset");
        // Components only counts for PCA: choosing PCA would enable it, were it not locked.
        form.lock("components");
        form.setValues(Map.of("method", "pca", "dataset", "rings"));
        assertThat(enabled(form, "param-dataset")).isFalse();
        assertThat(enabled(form, "param-components")).isFalse();
        assertThat(enabled(form, "param-clusters")).isFalse();
        form.setValues(Map.of("method", "kmeans"));
        assertThat(enabled(form, "param-clusters")).isTrue();
        assertThat(form.text("dataset")).isEqualTo("rings");
        assertThat(form.validate().orElseThrow().choice("dataset")).isEqualTo("rings");
        assertThat(form.text("no-such-field")).isNull();
    }

    /** Whether the field with this id, or the text field inside a number field's box, is enabled. */
    private static boolean enabled(ParameterForm form, String id) {
        return form.getChildren()
                .flatMap(c -> java.util.stream.Stream.concat(java.util.stream.Stream.of(c), c.getChildren()))
                .filter(c -> c.getId().orElse("").equals(id))
                .map(c -> ((com.vaadin.flow.component.HasEnabled) c).isEnabled())
                .findFirst()
                .orElseThrow();
    }
}
