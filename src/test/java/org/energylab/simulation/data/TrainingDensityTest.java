package org.energylab.simulation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The four densities of module 5: where their points fall, checked against their definitions. */
class TrainingDensityTest {
    private static final int N = 20_000;

    @ParameterizedTest
    @EnumSource(TrainingDensity.class)
    void everyPointLiesInsideThePlottedSquare(TrainingDensity density) {
        for (double[] p : density.rows(N, new SplittableRandom(1))) {
            assertThat(Math.abs(p[0])).isLessThan(TrainingDensity.EXTENT);
            assertThat(Math.abs(p[1])).isLessThan(TrainingDensity.EXTENT);
        }
    }

    @Test
    void theEightGaussiansAndTheTwoMoonsAreThoseOfTheDiffusionLessons() {
        double[][] ours = TrainingDensity.EIGHT_GAUSSIANS.rows(100, new SplittableRandom(3));
        double[][] theirs = DensityData.EIGHT_GAUSSIANS.rows(100, new SplittableRandom(3));
        assertThat(ours).isDeepEqualTo(theirs);
        assertThat(TrainingDensity.TWO_MOONS.rows(100, new SplittableRandom(3)))
                .isDeepEqualTo(DensityData.TWO_MOONS.rows(100, new SplittableRandom(3)));
        assertThat(TrainingDensity.TWO_MOONS.id()).isEqualTo("two-moons");
    }

    @Test
    void theRingsHaveTheirRadiiAndAShareOfPointsProportionalToTheirLength() {
        int outer = 0;
        double outerRadius = 0;
        double innerRadius = 0;
        for (double[] p : TrainingDensity.RINGS.rows(N, new SplittableRandom(2))) {
            double r = Math.hypot(p[0], p[1]);
            if (r > (TrainingDensity.INNER_RADIUS + TrainingDensity.OUTER_RADIUS) / 2) {
                outer++;
                outerRadius += r;
            } else {
                innerRadius += r;
            }
        }
        double share = TrainingDensity.OUTER_RADIUS / (TrainingDensity.INNER_RADIUS + TrainingDensity.OUTER_RADIUS);
        // Binomial standard deviation √(p(1 − p)/N) ≈ 0.0033: five of them.
        assertThat((double) outer / N).isCloseTo(share, within(0.017));
        assertThat(outerRadius / outer).isCloseTo(TrainingDensity.OUTER_RADIUS, within(0.005));
        assertThat(innerRadius / (N - outer)).isCloseTo(TrainingDensity.INNER_RADIUS, within(0.005));
    }

    @Test
    void theSpiralRadiusGrowsWithItsAngle() {
        // Without noise a point at parameter u has radius 0.2 + 1.6u and angle 3πu, so along the arm the
        // radius is 0.2 + 1.6·θ/(3π) for the unwrapped angle θ; with noise σ = 0.05 it stays within 5σ.
        for (double[] p : TrainingDensity.SPIRAL.rows(N, new SplittableRandom(4))) {
            double r = Math.hypot(p[0], p[1]);
            double angle = Math.atan2(p[1], p[0]);
            double best = Double.POSITIVE_INFINITY;
            for (int turn = -1; turn <= 2; turn++) {
                double theta = angle + 2 * Math.PI * turn;
                // Noise near the ends can push the angle a little past them.
                double u = Math.min(1, Math.max(0, theta / (3 * Math.PI)));
                if (theta >= -1 && theta <= 3 * Math.PI + 1) {
                    best = Math.min(best, Math.abs(r - (0.2 + 1.6 * u)));
                }
            }
            assertThat(best).isLessThan(5 * TrainingDensity.CURVE_NOISE + 0.02);
        }
    }
}
