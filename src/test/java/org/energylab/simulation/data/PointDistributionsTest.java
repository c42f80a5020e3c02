package org.energylab.simulation.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.energylab.simulation.Choice;
import org.energylab.simulation.ChoiceOption;
import org.energylab.simulation.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The unlabelled 2-D data sets: stable ids, the same points in every layout, and their shapes. */
class PointDistributionsTest {

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    static Stream<PointDistribution> distributions() {
        return Stream.concat(Stream.of(DensityData.values()), Stream.of(EmbeddingData.values()));
    }

    @Test
    void dataSetsAreChosenByTheirStableIds() {
        assertThat(ChoiceOption.choices(DensityData.class).stream().map(Choice::value))
                .containsExactly("two-moons", "eight-gaussians", "ring");
        assertThat(ChoiceOption.choices(EmbeddingData.class).stream().map(Choice::value))
                .containsExactly("clusters", "ring");
        for (DensityData d : DensityData.values()) {
            assertThat(ChoiceOption.byId(DensityData.class, d.id())).isSameAs(d);
        }
        for (EmbeddingData d : EmbeddingData.values()) {
            assertThat(ChoiceOption.byId(EmbeddingData.class, d.id())).isSameAs(d);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("distributions")
    void rowsColumnsAndMatrixHoldTheSamePointsForTheSameSeed(PointDistribution data) {
        double[][] rows = data.rows(300, new SplittableRandom(9));
        double[][] columns = data.columns(300, new SplittableRandom(9));
        double[][] matrix = data.matrix(300, new SplittableRandom(9)).toDoubleMatrix();
        for (int i = 0; i < 300; i++) {
            assertThat(rows[i]).containsExactly(columns[0][i], columns[1][i]);
            assertThat(matrix[i]).containsExactly(rows[i]);
        }
        assertThat(data.rows(300, new SplittableRandom(10))[0]).isNotEqualTo(rows[0]);
    }

    /** Every point of the rings lies within 5 radial standard deviations of the circle (fails with p < 1e-6 × n). */
    @Test
    void ringsLieOnTheirCircles() {
        for (double[] p : DensityData.RING.rows(2000, new SplittableRandom(1))) {
            assertThat(Math.hypot(p[0], p[1])).isCloseTo(DensityData.RADIUS, within(5 * DensityData.RING_WIDTH));
        }
        for (double[] p : EmbeddingData.RING.rows(2000, new SplittableRandom(1))) {
            assertThat(Math.hypot(p[0], p[1])).isCloseTo(2, within(5 * EmbeddingData.RING_SPREAD));
        }
    }

    /** Each of the 8 Gaussians gets an eighth of the points, and every point lies near one of the centres. */
    @Test
    void eightGaussiansFillTheirBlobsEvenly() {
        int n = 8000;
        int[] counts = new int[8];
        for (double[] p : DensityData.EIGHT_GAUSSIANS.rows(n, new SplittableRandom(4))) {
            int k = (int) Math.round(Math.atan2(p[1], p[0]) / (Math.PI / 4));
            int blob = Math.floorMod(k, 8);
            double angle = blob * Math.PI / 4;
            double distance = Math.hypot(
                    p[0] - DensityData.RADIUS * Math.cos(angle), p[1] - DensityData.RADIUS * Math.sin(angle));
            assertThat(distance).isLessThan(6 * DensityData.BLOB_STD);
            counts[blob]++;
        }
        // Binomial(8000, 1/8): 4 standard errors are 118.
        for (int count : counts) {
            assertThat(count).isBetween(1000 - 118, 1000 + 118);
        }
        assertThat(List.of(DensityData.values())).hasSize(3);
    }
}
