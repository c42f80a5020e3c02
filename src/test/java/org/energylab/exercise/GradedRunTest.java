package org.energylab.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradedRunTest {

    @Test
    void theLinkCarriesEveryParameterInOrderAndTheSeedLast() {
        GradedRun run = new GradedRun(
                "sampler",
                new LinkedHashMap<>(Map.of("beta", "10")),
                7L,
                "fractionInRightWell",
                "Fraction of samples with y > 0",
                "",
                0.41);

        assertThat(run.link()).isEqualTo("/simulations/sampler?beta=10&seed=7");
        assertThat(run.shownValue()).isEqualTo(String.format("%.4g", 0.41));
    }

    @Test
    void whatIsKeptIsBounded() {
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i <= GradedRun.MAX_PARAMETERS; i++) {
            many.put("p" + i, "1");
        }
        assertThatThrownBy(() -> new GradedRun("pendulum", many, null, "x", "X", "", 1.0))
                .hasMessageStartingWith("parameters: at most " + GradedRun.MAX_PARAMETERS);
        assertThatThrownBy(() -> new GradedRun("pendulum", Map.of("dt", "1".repeat(41)), null, "x", "X", "", 1.0))
                .hasMessageContaining("cannot be kept");
        assertThatThrownBy(() -> new GradedRun("pendulum", Map.of("dt", "a&b=c"), null, "x", "X", "", 1.0))
                .hasMessageContaining("cannot be kept");
        assertThatThrownBy(() -> new GradedRun("../admin", Map.of(), null, "x", "X", "", 1.0))
                .hasMessageStartingWith("simulation:");
        assertThatThrownBy(() -> new GradedRun("pendulum", Map.of(), -1L, "x", "X", "", 1.0))
                .hasMessageStartingWith("seed:");
    }

    @Test
    void aNumberIsKeptAsTheTextThatReadsBackToIt() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("dt", 1e-4);
        parameters.put("theta0", 1.0 / 3);
        parameters.put("steps", 300L);
        parameters.put("method", "mala");
        GradedRun run = GradedRun.of(
                        ExerciseServiceContract.RUN,
                        new Answer.Run("pendulum", parameters, 3L, ExerciseServiceContract.drift(0.5)))
                .orElseThrow();

        assertThat(run.parameters())
                .containsExactly(
                        Map.entry("dt", "1e-4"),
                        Map.entry("theta0", Double.toString(1.0 / 3)),
                        Map.entry("steps", "300"),
                        Map.entry("method", "mala"));
        assertThat(Double.parseDouble(run.parameters().get("theta0"))).isEqualTo(1.0 / 3);
        assertThat(run.label()).isEqualTo("Energy drift");
    }
}
