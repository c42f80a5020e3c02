package org.energylab.simulation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.energylab.simulation.Choice;
import org.energylab.simulation.ChoiceOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The two-class data sets of the back-propagation lesson. */
class TwoClassDataTest {

    @ParameterizedTest
    @EnumSource(TwoClassData.class)
    void noiseFreeDataLieOnTheirCurves(TwoClassData dataSet) {
        LabelledPoints points = dataSet.generate(400, 0.0, new SplittableRandom(2));

        for (int i = 0; i < points.size(); i++) {
            double x1 = points.x()[i][0];
            double x2 = points.x()[i][1];
            double label = points.y()[i];
            assertThat(label).isEqualTo(i % 2);
            switch (dataSet) {
                case MOONS -> {
                    double centre = label == 0 ? 0 : 1;
                    double centreY = label == 0 ? 0 : 0.5;
                    assertThat(Math.hypot(x1 - centre, x2 - centreY)).isCloseTo(1.0, within(1e-12));
                    assertThat(label == 0 ? x2 >= 0 : x2 <= 0.5).isTrue();
                }
                case CIRCLES -> assertThat(Math.hypot(x1, x2)).isCloseTo(label == 0 ? 1.0 : 0.5, within(1e-12));
                case SPIRALS -> {
                    // r = 0.1 + 0.9u and angle = 3πu (+ π): the angle is fixed by the radius, modulo 2π
                    double u = (Math.hypot(x1, x2) - 0.1) / 0.9;
                    double angle = 3 * Math.PI * u + (label == 0 ? 0 : Math.PI);
                    assertThat(x1).isCloseTo(Math.hypot(x1, x2) * Math.cos(angle), within(1e-9));
                    assertThat(x2).isCloseTo(Math.hypot(x1, x2) * Math.sin(angle), within(1e-9));
                }
                case XOR -> {
                    assertThat(Math.max(Math.abs(x1), Math.abs(x2))).isLessThanOrEqualTo(1.0);
                    assertThat(x1 * x2 >= 0).isEqualTo(label == 0);
                }
            }
        }
    }

    @Test
    void dataSetsAreChosenByTheirStableIds() {
        assertThat(ChoiceOption.choices(TwoClassData.class).stream().map(Choice::value))
                .containsExactly("moons", "circles", "spirals", "xor");
        for (TwoClassData d : TwoClassData.values()) {
            assertThat(ChoiceOption.byId(TwoClassData.class, d.id())).isSameAs(d);
        }
        assertThatThrownBy(() -> ChoiceOption.byId(TwoClassData.class, "nope"))
                .hasMessageContaining("No TwoClassData with id nope");
    }

    @Test
    void theSeedDecidesThePoints() {
        LabelledPoints a = TwoClassData.SPIRALS.generate(50, 0.1, new SplittableRandom(3));
        LabelledPoints b = TwoClassData.SPIRALS.generate(50, 0.1, new SplittableRandom(3));
        assertThat(b.x()).isDeepEqualTo(a.x());
        assertThat(b.y()).containsExactly(a.y());
    }
}
