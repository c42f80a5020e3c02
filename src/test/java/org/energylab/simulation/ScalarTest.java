package org.energylab.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A scalar is a number or nothing: NaN and infinities become "not measured" with a note. */
class ScalarTest {
    @Test
    void aNonFiniteScalarHasNoValueAndANote() {
        for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Scalar s = new Scalar("Drift", v, "J", "a caveat about a measured value");
            assertThat(s.available()).isFalse();
            assertThat(s.value()).isNull();
            assertThat(s.note()).isEqualTo(Scalar.NOT_FINITE);
            assertThat(Scalar.of("Drift", v, "").available()).isFalse();
        }
        Scalar fine = new Scalar("Drift", 0.5, "J", "a caveat");
        assertThat(fine.value()).isEqualTo(0.5);
        assertThat(fine.note()).isEqualTo("a caveat");
    }
}
