package org.energylab.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AnswerTest {

    @Test
    void anOverlongTypedAnswerIsRefusedNamingTheField() {
        assertThat(new Answer.Typed("5".repeat(Answer.Typed.MAX_LENGTH)).text()).hasSize(Answer.Typed.MAX_LENGTH);
        assertThatThrownBy(() -> new Answer.Typed("5".repeat(Answer.Typed.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("answer: at most 100 characters");
    }

    @Test
    void aRunIsStoredAsASortedEncodedQueryString() {
        Answer run = new Answer.Run(
                "pendulum", Map.of("theta0", 2.0, "integrator", "velocity-verlet", "label", "a b&c"), null);

        assertThat(run.text()).isEqualTo("integrator=velocity-verlet&label=a+b%26c&theta0=2.0");
    }

    @Test
    void aRunTakesAParameterWithoutAValue() {
        Map<String, Object> parameters = new java.util.HashMap<>();
        parameters.put("seed", null);
        parameters.put("dt", 0.05);

        assertThat(new Answer.Run("pendulum", parameters, null).text()).isEqualTo("dt=0.05&seed=null");
    }

    @Test
    void aChoiceIsStoredAsItsIndexAndNothingPickedAsNull() {
        assertThat(new Answer.Choice(2).text()).isEqualTo("2");
        assertThat(new Answer.Choice(null).text()).isNull();
    }
}
