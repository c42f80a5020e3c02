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
                .containsExactly("two-moons", "eight-gaussians", "ring", "spiral", "rings");
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
        assertThat(List.of(DensityData.values())).hasSize(5);
    }

    /** The three rings hold 1/6, 2/6 and 3/6 of the points, in proportion to their lengths, each near its radius. */
    @Test
    void threeRingsShareThePointsByLength() {
        int n = 6000;
        int[] counts = new int[3];
        for (double[] p : DensityData.RINGS.rows(n, new SplittableRandom(5))) {
            double r = Math.hypot(p[0], p[1]);
            int ring = (int) Math.round(r / 0.5) - 1;
            assertThat(r).isCloseTo(0.5 * (ring + 1), within(5 * DensityData.RING_WIDTH));
            counts[ring]++;
        }
        // Binomial standard errors: 29, 37 and 39 points; 4 of them each side.
        assertThat(counts[0]).isBetween(1000 - 116, 1000 + 116);
        assertThat(counts[1]).isBetween(2000 - 146, 2000 + 146);
        assertThat(counts[2]).isBetween(3000 - 155, 3000 + 155);
    }

    /** Every spiral point lies within 6 noise deviations (in 2-D) of the arm r = 2θ/(3π), θ ≤ 3π, traced densely. */
    @Test
    void spiralPointsLieNearTheArm() {
        int arm = 20_000;
        double[][] curve = new double[arm + 1][];
        for (int k = 0; k <= arm; k++) {
            double angle = DensityData.SPIRAL_TURN * k / arm;
            double r = DensityData.SPIRAL_RADIUS * angle / DensityData.SPIRAL_TURN;
            curve[k] = new double[] {r * Math.cos(angle), r * Math.sin(angle)};
        }
        for (double[] p : DensityData.SPIRAL.rows(1000, new SplittableRandom(6))) {
            double nearest = Double.POSITIVE_INFINITY;
            for (double[] c : curve) {
                nearest = Math.min(nearest, Math.hypot(p[0] - c[0], p[1] - c[1]));
            }
            assertThat(nearest).isLessThan(6 * DensityData.SPIRAL_NOISE);
        }
    }
}
