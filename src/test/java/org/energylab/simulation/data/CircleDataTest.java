package org.energylab.simulation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The circle seen as input–output pairs, the multi-modal data of lessons 3.1 and 3.2. */
class CircleDataTest {

    @Test
    void theAnalyticBranchVarianceMatchesALargeSample() {
        double noise = 0.1;
        CircleData data = CircleData.sample(200_000, noise, false, new SplittableRandom(7));
        double sum = 0;
        double sumX = 0;
        for (int i = 0; i < data.size(); i++) {
            sum += data.y(i) * data.y(i);
            sumX += data.x(i);
        }
        // Standard error ≈ 0.31/√200000 ≈ 0.0007.
        assertThat(sum / data.size()).isCloseTo(CircleData.conditionalMeanMse(noise, false), within(0.003));
        assertThat(sumX / data.size()).isCloseTo(0, within(0.01));
    }

    @Test
    void withoutNoiseEveryPointLiesOnTheUnitCircleAndOneFutureMeansTheUpperBranch() {
        CircleData both = CircleData.sample(500, 0, false, new SplittableRandom(1));
        CircleData upper = CircleData.sample(500, 0, true, new SplittableRandom(1));
        int lower = 0;
        for (int i = 0; i < both.size(); i++) {
            assertThat(Math.hypot(both.x(i), both.y(i))).isCloseTo(1, within(1e-12));
            assertThat(upper.y(i)).isCloseTo(CircleData.branch(upper.x(i)), within(1e-15));
            lower += both.y(i) < 0 ? 1 : 0;
        }
        // Binomial(500, ½): 4 standard errors are 45.
        assertThat(lower).isBetween(205, 295);
        assertThat(both.xs()).hasSize(500);
        assertThat(both.ys()[3]).isEqualTo(both.y(3));
    }
}
