package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChoiceOptionTest {
    enum Fruit implements ChoiceOption {
        APPLE("apple", "An apple"),
        BLOOD_ORANGE("blood-orange", "A blood orange");

        private final String id;
        private final String label;

        Fruit(String id, String label) {
            this.id = id;
            this.label = label;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String label() {
            return label;
        }
    }

    @Test
    void choicesFollowTheDeclarationOrder() {
        assertThat(ChoiceOption.choices(Fruit.class))
                .containsExactly(new Choice("apple", "An apple"), new Choice("blood-orange", "A blood orange"));
    }

    @Test
    void parametersGiveTheChosenConstant() {
        ParameterSchema schema = ParameterSchema.of(
                ParameterSpec.choice("fruit", "Fruit", "apple", ChoiceOption.choices(Fruit.class), ""));

        Parameters p = schema.validate(Map.of("fruit", "blood-orange"));

        assertThat(p.choice("fruit", Fruit.class)).isEqualTo(Fruit.BLOOD_ORANGE);
        assertThatThrownBy(() -> ChoiceOption.byId(Fruit.class, "pear"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No Fruit with id pear");
    }
}
