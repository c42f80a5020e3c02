package org.energylab.simulation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The noisy ellipse of the latent-variable lesson. */
class EllipseDataTest {

    @Test
    void withoutNoiseEveryPointLiesOnTheEllipse() {
        EllipseData data = EllipseData.sample(1.5, 0.5, 0, 400, 3);
        assertThat(data.size()).isEqualTo(400);
        for (int i = 0; i < data.size(); i++) {
            double u = data.y1()[i] / 1.5;
            double v = data.y2()[i] / 0.5;
            assertThat(u * u + v * v).isCloseTo(1, within(1e-12));
        }
    }

    @Test
    void theSeedDecidesThePoints() {
        EllipseData a = EllipseData.sample(1, 2, 0.1, 50, 8);
        EllipseData b = EllipseData.sample(1, 2, 0.1, 50, 8);
        EllipseData c = EllipseData.sample(1, 2, 0.1, 50, 9);
        assertThat(b.y1()).containsExactly(a.y1());
        assertThat(b.y2()).containsExactly(a.y2());
        assertThat(c.y1()).isNotEqualTo(a.y1());
    }
}
