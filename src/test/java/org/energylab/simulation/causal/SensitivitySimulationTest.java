package org.energylab.simulation.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.energylab.simulation.causal.CausalRuns.run;
import static org.energylab.simulation.causal.CausalRuns.scalar;

import java.util.SplittableRandom;
import org.energylab.simulation.Series;
import org.energylab.simulation.SimulationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lesson 6.2: the implied effect c(s) = β̂ − s·σ_z²/Var(x) and the strength that explains the effect
 * away, s* = Cov(x, y)/σ_z², against a two-pass computation on the same units and against their
 * population values c·Var(x)/σ_z² + a·b; the true strength recovers c.
 */
class SensitivitySimulationTest {
    private static final SensitivitySimulation SIM = new SensitivitySimulation();

    @Test
    void theExplainAwayStrengthIsTheCovarianceOverTheConfoundersVariance() {
        int n = 2000;
        double sigmaZ = 1.5;
        SimulationResult result = run(SIM, 9, "a", 0.8, "b", 1.2, "c", 0.4, "sigmaZ", sigmaZ, "samples", n);
        LinearConfounder.Units units =
                new LinearConfounder(0.8, 1.2, 0.4, sigmaZ, 1, 0.5).draw(n, new SplittableRandom(9));
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += units.x()[i] / n;
            my += units.y()[i] / n;
        }
        double cov = 0;
        double varX = 0;
        for (int i = 0; i < n; i++) {
            cov += (units.x()[i] - mx) * (units.y()[i] - my) / (n - 1);
            varX += (units.x()[i] - mx) * (units.x()[i] - mx) / (n - 1);
        }
        assertThat(scalar(result, "explainAwayStrength")).isCloseTo(cov / (sigmaZ * sigmaZ), within(1e-10));
        assertThat(scalar(result, "xVariance")).isCloseTo(varX, within(1e-10));
        assertThat(scalar(result, "naiveEstimate")).isCloseTo(cov / varX, within(1e-10));
    }

    @ParameterizedTest(name = "a = {0}, b = {1}, c = {2}, σ_z = {3}")
    @CsvSource({"1, 1, 0.5, 1", "2, -1, 1, 0.5", "-1.5, 2, -0.5, 1.5", "0.5, 0.5, 0, 2"})
    void theExplainAwayStrengthConvergesAndTheTrueStrengthRecoversC(double a, double b, double c, double sigmaZ) {
        SimulationResult result =
                run(SIM, 4, "a", a, "b", b, "c", c, "sigmaZ", sigmaZ, "samples", 100_000, "assumedStrength", 20);
        double varianceX = a * a * sigmaZ * sigmaZ + 1;
        // s* = Cov(x, y)/σ_z² = (c·Var(x) + a·b·σ_z²)/σ_z² in the population.
        double explainAway = (c * varianceX + a * b * sigmaZ * sigmaZ) / (sigmaZ * sigmaZ);
        double naiveError = (scalar(result, "naiveHigh") - scalar(result, "naiveLow")) / (2 * LeastSquares.Z_95);
        // s* = β̂·Var(x)/σ_z²: its error is that of β̂ scaled, plus the small one of the sample variance.
        double tolerance = 4 * naiveError * varianceX / (sigmaZ * sigmaZ) + 0.02 * Math.abs(explainAway);
        assertThat(scalar(result, "explainAwayStrength")).isCloseTo(explainAway, within(tolerance));
        assertThat(scalar(result, "trueStrength")).isEqualTo(a * b);
        assertThat(scalar(result, "impliedEffectAtTrueStrength"))
                .isCloseTo(c, within(4 * naiveError + 0.02 * Math.abs(a * b * sigmaZ * sigmaZ / varianceX)));
    }

    @Test
    void theImpliedEffectIsALineThroughTheNaiveSlopeThatCrossesZeroAtTheExplainAwayStrength() {
        SimulationResult result = run(SIM, 42, "sigmaZ", 1.2, "assumedStrength", 5);
        Series curve = result.series("effectVsConfounderStrength");
        assertThat(curve.size()).isEqualTo(SensitivitySimulation.CURVE_POINTS);
        assertThat(curve.xs()[0]).isEqualTo(-5);
        assertThat(curve.xs()[curve.size() - 1]).isEqualTo(5);
        double naive = scalar(result, "naiveEstimate");
        double perStrength = 1.44 / scalar(result, "xVariance");
        for (int k = 0; k < curve.size(); k++) {
            assertThat(curve.ys()[k]).isCloseTo(naive - curve.xs()[k] * perStrength, within(1e-12));
        }
        Series point = result.series("explainedAway");
        assertThat(point.xs()[0]).isEqualTo(scalar(result, "explainAwayStrength"));
        assertThat(naive - point.xs()[0] * perStrength).isCloseTo(0, within(1e-12));
        // The band is the naive interval carried along the line.
        assertThat(result.series("effectBandLow").ys()[100]).isCloseTo(scalar(result, "naiveLow"), within(1e-12));
        assertThat(result.series("truth").xs()).containsExactly(1.0);
    }

    @Test
    void itSeesTheSameUnitsAsTheConfoundingSimulation() {
        SimulationResult sensitivity = run(SIM, 13, "samples", 800, "a", 1.7);
        SimulationResult confounding = run(new ConfoundingSimulation(), 13, "samples", 800, "a", 1.7);
        assertThat(scalar(sensitivity, "naiveEstimate")).isEqualTo(scalar(confounding, "naiveEstimate"));
        assertThat(scalar(sensitivity, "analyticBias")).isEqualTo(scalar(confounding, "analyticBias"));
    }

    /** Limiting the confounder's spread limits the bias: zero at σ = 0, towards b/a as σ grows. */
    @Test
    void theBiasGrowsWithTheConfoundersSpreadTowardsBOverA() {
        SimulationResult result = run(SIM, 1, "a", 2, "b", 1, "sigmaX", 0.5);
        Series bias = result.series("biasVsConfounderScale");
        assertThat(bias.ys()[0]).isZero();
        for (int k = 1; k < bias.size(); k++) {
            double s = bias.xs()[k];
            assertThat(bias.ys()[k]).isCloseTo(2 * s * s / (4 * s * s + 0.25), within(1e-12));
            assertThat(bias.ys()[k]).isGreaterThan(bias.ys()[k - 1]).isLessThan(0.5);
        }
        assertThat(bias.ys()[bias.size() - 1]).isCloseTo(0.5, within(0.01));
        assertThat(result.series("chosenScale").ys()).containsExactly(scalar(result, "analyticBias"));
    }

    @Test
    void anExplainAwayStrengthOutsideTheSweptRangeIsNotDrawn() {
        SimulationResult result = run(SIM, 42, "assumedStrength", 1);
        assertThat(scalar(result, "explainAwayStrength")).isGreaterThan(1);
        assertThat(result.series()).doesNotContainKey("explainedAway");
    }
}
