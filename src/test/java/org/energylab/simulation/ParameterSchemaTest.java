package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractThrowableAssert;
import org.energylab.simulation.pendulum.PendulumSimulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterSchemaTest {
    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.number("length", "Length", "m", 0.1, 10, 1, "Rod length"),
            ParameterSpec.integer("count", "Count", "", 1, 100, 5, "How many"),
            ParameterSpec.choice(
                    "method", "Method", "euler", List.of(new Choice("euler", "Euler"), new Choice("rk4", "RK4")), ""));

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Map<String, ?> raw, String field) {
        return assertThatThrownBy(() -> SCHEMA.validate(raw))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field())
                        .isEqualTo(field));
    }

    /** The two numbers of "... between A and B ...", parsed back. */
    private static double[] bounds(String message) {
        Matcher m = Pattern.compile("between (\\S+) and (\\S+)").matcher(message);
        assertThat(m.find()).as("message names a range: %s", message).isTrue();
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    @Test
    void defaultsAreFilledInSchemaOrderAndCanonicalTypes() {
        Parameters defaults = SCHEMA.defaults();
        assertThat(defaults.asMap())
                .containsExactly(Map.entry("length", 1.0), Map.entry("count", 5L), Map.entry("method", "euler"));
        assertThat(defaults.number("length")).isEqualTo(1.0);
        assertThat(defaults.integer("count")).isEqualTo(5);
        assertThat(defaults.choice("method")).isEqualTo("euler");
        assertThat(SCHEMA.validate(Map.of())).isEqualTo(defaults);
    }

    @Test
    void givenValuesReplaceOnlyTheirDefaults() {
        Parameters p = SCHEMA.validate(Map.of("count", 7));
        assertThat(p.asMap())
                .containsExactly(Map.entry("length", 1.0), Map.entry("count", 7L), Map.entry("method", "euler"));
    }

    @Test
    void stringsFromAUrlAreAccepted() {
        Parameters p = SCHEMA.validate(Map.of("length", "2.0", "count", "3", "method", "rk4"));
        assertThat(p.number("length")).isEqualTo(2.0);
        assertThat(p.integer("count")).isEqualTo(3);
        assertThat(p.asMap().get("count")).isEqualTo(3L);
        assertThat(p.choice("method")).isEqualTo("rk4");
        // Whitespace around a value, an integer written as "4.0", and scientific notation.
        Parameters q = SCHEMA.validate(Map.of("length", " 2.5 ", "count", "4.0", "method", " rk4 "));
        assertThat(q.number("length")).isEqualTo(2.5);
        assertThat(q.integer("count")).isEqualTo(4);
        assertThat(q.choice("method")).isEqualTo("rk4");
        assertThat(SCHEMA.validate(Map.of("length", "1e-1")).number("length")).isEqualTo(0.1);
    }

    @Test
    void boundsAreInclusive() {
        assertThat(SCHEMA.validate(Map.of("length", 0.1, "count", 100)).number("length"))
                .isEqualTo(0.1);
        assertThat(SCHEMA.validate(Map.of("length", 10, "count", 1)).integer("count"))
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0999, 10.0001, -1, 1e9})
    void outOfRangeNamesTheRange(double value) {
        refused(Map.of("length", value), "length")
                .hasMessageContaining("Length")
                .hasMessageContaining("between 0.1 and 10 m");
    }

    @Test
    void outOfRangeTextIsRefusedToo() {
        refused(Map.of("length", "11"), "length").hasMessageContaining("between 0.1 and 10 m");
        refused(Map.of("count", "0"), "count").hasMessageContaining("between 1 and 100");
        refused(Map.of("count", 101L), "count").hasMessageContaining("between 1 and 100");
    }

    @Test
    void nanIsRefusedAsNumberAndAsText() {
        refused(Map.of("length", Double.NaN), "length")
                .hasMessageContaining("Length")
                .hasMessageContaining("finite");
        refused(Map.of("length", "NaN"), "length")
                .hasMessageContaining("Length")
                .hasMessageContaining("finite");
        refused(Map.of("count", Double.NaN), "count").hasMessageContaining("Count");
        refused(Map.of("length", Double.POSITIVE_INFINITY), "length").hasMessageContaining("finite");
        refused(Map.of("length", "-Infinity"), "length").hasMessageContaining("finite");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyValuesAreRequired(String empty) {
        refused(Map.of("length", empty), "length")
                .hasMessageContaining("Length")
                .hasMessageContaining("required");
        refused(Map.of("method", empty), "method")
                .hasMessageContaining("Method")
                .hasMessageContaining("required");
    }

    @Test
    void nullIsRequiredToo() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("count", null);
        refused(raw, "count").hasMessageContaining("required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1,5", "2 m", "one"})
    void nonNumericTextIsRefused(String text) {
        refused(Map.of("length", text), "length")
                .hasMessageContaining("Length")
                .hasMessageContaining("must be a number")
                .hasMessageContaining(text);
    }

    @Test
    void aValueOfTheWrongKindIsRefused() {
        refused(Map.of("length", List.of(1.0)), "length").hasMessageContaining("must be a number");
    }

    @Test
    void unknownNamesAreRefusedWithThatName() {
        refused(Map.of("lenght", 2.0), "lenght").hasMessageContaining("lenght");
        refused(Map.of("length", 2.0, "colour", "red"), "colour").hasMessageContaining("colour");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.5", "3.000001"})
    void aNonIntegerForAnIntegerParameterIsRefused(String value) {
        refused(Map.of("count", value), "count").hasMessageContaining("Count").hasMessageContaining("whole number");
        refused(Map.of("count", Double.parseDouble(value)), "count").hasMessageContaining("whole number");
    }

    @Test
    void aBadChoiceNamesTheChoices() {
        refused(Map.of("method", "leapfrog"), "method")
                .hasMessageContaining("Method")
                .hasMessageContaining("euler")
                .hasMessageContaining("rk4");
        // The label is what a person reads, the value is what the schema takes.
        refused(Map.of("method", "RK4"), "method").hasMessageContaining("euler, rk4");
    }

    @Test
    void theFirstBadFieldIsTheOneReported() {
        // Unknown names are checked before values.
        refused(Map.of("length", -5.0, "bogus", 1), "bogus");
    }

    // ---------------------------------------------------------------- the pendulum's schema

    @Test
    void pendulumDefaultsAreTheCurriculumOnes() {
        // curriculum.md §1.1: ℓ 1 m, m 1 kg, g 9.81, θ₀ 1.0, ω₀ 0, γ 0, RK4, Δt 0.01, 20 s, ensemble 1.
        Parameters p = new PendulumSimulation().schema().defaults();
        assertThat(p.number("length")).isEqualTo(1.0);
        assertThat(p.number("mass")).isEqualTo(1.0);
        assertThat(p.number("gravity")).isEqualTo(9.81);
        assertThat(p.number("theta0")).isEqualTo(1.0);
        assertThat(p.number("omega0")).isEqualTo(0.0);
        assertThat(p.number("damping")).isEqualTo(0.0);
        assertThat(p.choice("integrator")).isEqualTo("rk4");
        assertThat(p.number("dt")).isEqualTo(0.01);
        assertThat(p.number("duration")).isEqualTo(20.0);
        assertThat(p.integer("ensemble")).isEqualTo(1);
    }

    @Test
    void pendulumRangesAreTheCurriculumOnes() {
        // curriculum.md §1.1 ranges, checked through the messages of values just outside them.
        ParameterSchema schema = new PendulumSimulation().schema();
        Object[][] cases = {
            {"length", 0.1, 10.0}, {"mass", 0.1, 10.0}, {"gravity", 0.1, 30.0}, {"theta0", -3.1, 3.1},
            {"omega0", -10.0, 10.0}, {"damping", 0.0, 5.0}, {"dt", 1e-4, 0.1}, {"duration", 0.1, 200.0},
            {"ensemble", 1.0, 10_000.0}
        };
        for (Object[] c : cases) {
            String name = (String) c[0];
            double min = (Double) c[1];
            double max = (Double) c[2];
            // Just below the minimum (a whole step below it for the integer ensemble size), well above the maximum.
            double below = name.equals("ensemble") ? min - 1 : min - 1e-6;
            for (double outside : new double[] {below, max + 1}) {
                assertThatThrownBy(() -> schema.validate(Map.of(name, outside)))
                        .as("%s = %s", name, outside)
                        .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                            assertThat(e.field()).isEqualTo(name);
                            assertThat(bounds(e.getMessage())).containsExactly(min, max);
                        });
            }
        }
        assertThatThrownBy(() -> schema.validate(Map.of("planet", "mars")))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field())
                        .isEqualTo("planet"))
                .hasMessageContaining("earth")
                .hasMessageContaining("moon")
                .hasMessageContaining("jupiter")
                .hasMessageContaining("custom");
        assertThat(schema.find("gravity").orElseThrow().activeWhen())
                .isEqualTo(new ParameterSpec.Condition("planet", "custom"));
        assertThat(schema.find("dt").orElseThrow().logScale()).isTrue();
    }

    @Test
    void boundsAreFormattedAsAPersonWritesThem() {
        assertThat(ParameterSpec.format(10)).isEqualTo("10");
        assertThat(ParameterSpec.format(0.1)).isEqualTo("0.1");
        assertThat(ParameterSpec.format(-3.1)).isEqualTo("-3.1");
        assertThat(ParameterSpec.format(10_000)).isEqualTo("10000");
    }

    /** The Javadoc of ParameterSpec.format promises "1e-4"; Double.toString gives "1.0E-4", so it returns "1.0e-4". */
    @Test
    void smallBoundsAreFormattedWithoutATrailingZero() {
        assertThat(ParameterSpec.format(1e-4)).isEqualTo("1e-4");
    }
}
