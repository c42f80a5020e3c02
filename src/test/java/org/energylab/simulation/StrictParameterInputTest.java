package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.energylab.simulation.pendulum.PendulumSimulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks the form and the API share beyond ranges: numbers written as plain decimals, the seed
 * as digits, and no value for a parameter the other settings switch off.
 */
class StrictParameterInputTest {
    private static final ParameterSchema SCHEMA = ParameterSchema.of(
            ParameterSpec.number("length", "Length", "m", 0.1, 10, 1, ""),
            ParameterSpec.choice(
                    "shape",
                    "Shape",
                    "round",
                    List.of(new Choice("round", "Round"), new Choice("custom", "Custom")),
                    ""),
            ParameterSpec.number("width", "Width", "m", 0.1, 10, 2, "").activeWhen("shape", "custom"));

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Runnable check, String field) {
        return assertThatThrownBy(check::run)
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field())
                        .isEqualTo(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1p1", "0x2", "2d", "2f", "2D", "1_0", "1e", "e3", ".", "+-1", "1.2.3", "٣"})
    void textThatIsNotAPlainDecimalIsRefused(String text) {
        refused(() -> SCHEMA.validate(Map.of("length", text)), "length")
                .hasMessageContaining("must be a number")
                .hasMessageContaining(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2", "2.", ".5", "+2", "2.50", "5e-1", "0.05E2", " 3 "})
    void plainDecimalsAreRead(String text) {
        assertThat(SCHEMA.validate(Map.of("length", text)).number("length")).isEqualTo(Double.parseDouble(text.trim()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Infinity", "-Infinity", "inf", "NaN", "nan"})
    void nonFiniteWordsAreRefusedAsNotFinite(String text) {
        refused(() -> SCHEMA.validate(Map.of("length", text)), "length").hasMessageContaining("finite");
    }

    @Test
    void aLongRunOfDigitsIsRefusedQuickly() {
        // Possessive matching: a 16 000-digit string with a bad last character fails in linear time.
        String text = "1".repeat(16_000) + "x";
        refused(() -> SCHEMA.validate(Map.of("length", text)), "length").hasMessageContaining("must be a number");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"1e3", "42.0", "4.2e1", "0x2a", "-1", "+42", "42 0", "2147483648", "99999999999999999999", ""})
    void aSeedIsWrittenWithDigitsAndInRange(String text) {
        refused(() -> Seed.parse(text), Seed.FIELD).hasMessageStartingWith("Seed");
    }

    @Test
    void seedsAsTheyComeFromTheFormAndTheApi() {
        assertThat(Seed.parse("42")).isEqualTo(42);
        assertThat(Seed.parse(" 7 ")).isEqualTo(7);
        assertThat(Seed.parse("0")).isZero();
        assertThat(Seed.parse("000000000042")).isEqualTo(42);
        assertThat(Seed.parse("2147483647")).isEqualTo(Seed.MAX);
        assertThat(Seed.parse(7)).isEqualTo(7);
        assertThat(Seed.parse(7L)).isEqualTo(7);
        refused(() -> Seed.parse(1.7), Seed.FIELD).hasMessageContaining("1.7");
        refused(() -> Seed.parse(42.0), Seed.FIELD).hasMessageContaining("whole number");
        refused(() -> Seed.parse(new BigInteger("99999999999999999999")), Seed.FIELD)
                .hasMessageContaining("between 0 and 2147483647");
        refused(() -> Seed.parse(null), Seed.FIELD).hasMessageContaining("required");
        refused(() -> Seed.parse(true), Seed.FIELD);
    }

    @Test
    void aValueForASwitchedOffParameterIsRefusedUnlessItIsTheDefault() {
        Map<String, Object> raw = Map.of("width", 3.0);
        Parameters parameters = SCHEMA.validate(raw);
        refused(() -> SCHEMA.refuseInactive(raw, parameters), "width")
                .hasMessageContaining("Width only applies when shape is \"custom\" (here it is \"round\")");

        Map<String, Object> same = Map.of("width", "2");
        SCHEMA.refuseInactive(same, SCHEMA.validate(same));
        Map<String, Object> active = Map.of("shape", "custom", "width", 3.0);
        SCHEMA.refuseInactive(active, SCHEMA.validate(active));
        SCHEMA.refuseInactive(Map.of(), SCHEMA.defaults());
    }

    @Test
    void thePendulumsGravityCountsOnlyForACustomPlanet() {
        ParameterSchema pendulum = new PendulumSimulation().schema();
        Map<String, Object> moon = Map.of("planet", "moon", "gravity", 1.62);
        refused(() -> pendulum.refuseInactive(moon, pendulum.validate(moon)), "gravity");
    }
}
