package org.energylab.simulation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.stream.Stream;
import org.energylab.simulation.pendulum.PendulumSimulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The form built without a browser: the seed is checked like every other field, before any run. */
class ParameterFormTest {
    private final ParameterForm form = new ParameterForm(new PendulumSimulation(), true);

    private static Stream<Component> tree(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ParameterFormTest::tree));
    }

    private TextField field(String name) {
        return tree(form)
                .filter(c -> c instanceof TextField
                        && ("param-" + name).equals(c.getId().orElse("")))
                .map(TextField.class::cast)
                .findFirst()
                .orElseThrow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "42.0", "-1", "4.2e1", "2147483648"})
    void aSeedThatIsNotDigitsInRangeIsMarkedAndNothingRuns(String seed) {
        TextField field = field("seed");
        field.setValue(seed);

        assertThat(field.isInvalid()).as("marked as the learner types").isTrue();
        assertThat(field.getErrorMessage()).startsWith("Seed must be");
        assertThat(form.validate()).as("no parameters, so no run").isEmpty();
        assertThat(field.isInvalid()).isTrue();
    }

    @Test
    void aSeedFromALinkIsCheckedToo() {
        form.setValues(Map.of("seed", "1e3"));
        assertThat(field("seed").isInvalid()).isTrue();
        assertThat(form.validate()).isEmpty();
    }

    @Test
    void aWholeSeedRuns() {
        field("seed").setValue("1000");
        assertThat(form.validate()).isPresent();
        assertThat(form.seed()).isEqualTo(1000);
        assertThat(field("seed").isInvalid()).isFalse();
        assertThat(form.changedValues()).containsEntry("seed", "1000");
    }

    @Test
    void theDefaultSeedIs42() {
        assertThat(form.validate()).isPresent();
        assertThat(form.seed()).isEqualTo(42);
        assertThat(form.changedValues()).doesNotContainKey("seed");
    }

    @Test
    void otherNumberFieldsRefuseTextThatIsNotAPlainDecimal() {
        form.setValues(Map.of("length", "0x1p1"));
        assertThat(field("length").isInvalid()).isTrue();
        assertThat(field("length").getErrorMessage()).contains("must be a number");
        assertThat(form.validate()).isEmpty();
    }
}
