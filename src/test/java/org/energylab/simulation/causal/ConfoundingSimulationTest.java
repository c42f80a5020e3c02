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
 * Lesson 6.1 against the algebra of the linear model: the naive slope converges to c + a·b·σ_z²/(a²σ_z²
 * + σ_x²), the slope adjusted for z and the slope under do(x) converge to c, each within a stated
 * number of its own standard errors, and those standard errors match the asymptotic formulas. The
 * running regressions are checked against a two-pass least squares on the same units, the intervals
 * against their coverage over many seeds.
 */
class ConfoundingSimulationTest {
    private static final ConfoundingSimulation SIM = new ConfoundingSimulation();
    /** An estimate within this many of its standard errors of its limit: a miss has odds below 1 in 15 000. */
    private static final double STANDARD_ERRORS = 4;

    private static double standardError(SimulationResult result, String key) {
        return (scalar(result, key + "High") - scalar(result, key + "Low")) / (2 * LeastSquares.Z_95);
    }

    @ParameterizedTest(name = "a = {0}, b = {1}, c = {2}, σ_z = {3}, σ_x = {4}, σ_y = {5}")
    @CsvSource({
        "1, 1, 0.5, 1, 1, 0.5",
        "2, -1, 1, 0.5, 1, 1",
        "-1.5, 2, -0.5, 1.5, 0.3, 0.2",
        "0, 2, 1, 1, 1, 1",
        "3, 3, 0, 3, 0.05, 3"
    })
    void theNaiveSlopeIsBiasedAndTheOtherTwoRecoverC(
            double a, double b, double c, double sigmaZ, double sigmaX, double sigmaY) {
        SimulationResult result = run(
                SIM, 7, "a", a, "b", b, "c", c, "sigmaZ", sigmaZ, "sigmaX", sigmaX, "sigmaY", sigmaY, "samples",
                100_000);

        double varianceX = a * a * sigmaZ * sigmaZ + sigmaX * sigmaX;
        double bias = a * b * sigmaZ * sigmaZ / varianceX;
        assertThat(scalar(result, "analyticBias")).isCloseTo(bias, within(1e-12));
        assertThat(scalar(result, "analyticNaive")).isCloseTo(c + bias, within(1e-12));
        assertThat(scalar(result, "naiveEstimate"))
                .isCloseTo(c + bias, within(STANDARD_ERRORS * standardError(result, "naive")));
        assertThat(scalar(result, "adjustedEstimate"))
                .isCloseTo(c, within(STANDARD_ERRORS * standardError(result, "adjusted")));
        assertThat(scalar(result, "interventionalEstimate"))
                .isCloseTo(c, within(STANDARD_ERRORS * standardError(result, "interventional")));

        // Asymptotic standard errors, from the population moments of (x, y, z): residual variance over n Var(x).
        int n = 100_000;
        double covXY = c * varianceX + a * b * sigmaZ * sigmaZ;
        double varianceY =
                c * c * varianceX + b * b * sigmaZ * sigmaZ + 2 * c * a * b * sigmaZ * sigmaZ + sigmaY * sigmaY;
        double naiveResidual = varianceY - covXY * covXY / varianceX;
        double doResidual = b * b * sigmaZ * sigmaZ + sigmaY * sigmaY;
        assertThat(standardError(result, "naive"))
                .isCloseTo(Math.sqrt(naiveResidual / (n * varianceX)), withinPercent(3));
        // Given z, x varies by σ_x alone, and y by σ_y.
        assertThat(standardError(result, "adjusted"))
                .isCloseTo(Math.sqrt(sigmaY * sigmaY / (n * sigmaX * sigmaX)), withinPercent(3));
        assertThat(standardError(result, "interventional"))
                .isCloseTo(Math.sqrt(doResidual / (n * varianceX)), withinPercent(3));
    }

    private static org.assertj.core.data.Percentage withinPercent(double percent) {
        return org.assertj.core.data.Percentage.withPercentage(percent);
    }

    @Test
    void theBiasHasTheSignOfAB() {
        SimulationResult opposite = run(SIM, 3, "a", 1, "b", -2, "c", 0.5, "samples", 20_000);
        assertThat(scalar(opposite, "analyticBias")).isCloseTo(-1, within(1e-12));
        assertThat(scalar(opposite, "naiveHigh")).isLessThan(0.5);
        assertThat(scalar(opposite, "adjustedLow")).isLessThan(0.5);
        assertThat(scalar(opposite, "adjustedHigh")).isGreaterThan(0.5);
    }

    /** The running sums against a plain two-pass least squares, and the adjustment by Frisch–Waugh–Lovell. */
    @Test
    void theEstimatesAreTheLeastSquaresOfTheDrawnUnits() {
        int n = 3000;
        SimulationResult result = run(SIM, 11, "a", 1.3, "b", -0.7, "c", 0.8, "samples", n);
        LinearConfounder.Units units =
                new LinearConfounder(1.3, -0.7, 0.8, 1, 1, 0.5).draw(n, new SplittableRandom(11));

        assertThat(scalar(result, "naiveEstimate")).isCloseTo(slope(units.x(), units.y()), within(1e-10));
        assertThat(scalar(result, "interventionalEstimate")).isCloseTo(slope(units.xDo(), units.yDo()), within(1e-10));
        // FWL: the coefficient of x given z is the slope of y's residual on x's residual, both regressed on z.
        double[] xGivenZ = residuals(units.z(), units.x());
        double[] yGivenZ = residuals(units.z(), units.y());
        assertThat(scalar(result, "adjustedEstimate")).isCloseTo(slope(xGivenZ, yGivenZ), within(1e-10));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double slope(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    private static double[] residuals(double[] on, double[] v) {
        double beta = slope(on, v);
        double mo = mean(on);
        double mv = mean(v);
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[i] - mv - beta * (on[i] - mo);
        }
        return r;
    }

    /** Over 300 seeds, the 95 % intervals of the two unbiased estimates contain c 95 % of the time. */
    @Test
    void theIntervalsCoverCNineteenTimesInTwenty() {
        int seeds = 300;
        int adjusted = 0;
        int interventional = 0;
        int naive = 0;
        for (long seed = 0; seed < seeds; seed++) {
            SimulationResult result = run(SIM, seed, "samples", 400);
            adjusted += covers(result, "adjusted", 0.5) ? 1 : 0;
            interventional += covers(result, "interventional", 0.5) ? 1 : 0;
            naive += covers(result, "naive", 0.5) ? 1 : 0;
        }
        // Binomial(300, 0.95): standard deviation 3.8 runs; allow four of them either way.
        assertThat(adjusted).isBetween(270, 300);
        assertThat(interventional).isBetween(270, 300);
        assertThat(naive)
                .as("the naive interval, centred near 1, almost never holds c = 0.5")
                .isZero();
    }

    private static boolean covers(SimulationResult result, String key, double value) {
        return scalar(result, key + "Low") <= value && value <= scalar(result, key + "High");
    }

    @Test
    void theCurvesEndAtTheFinalEstimatesAndTheScatterIsCapped() {
        SimulationResult result = run(SIM, 5, "samples", 5000);
        Series naive = result.series("estimateVsSamplesNaive");
        assertThat(naive.xs()[0]).isEqualTo(10);
        assertThat(naive.xs()[naive.size() - 1]).isEqualTo(5000);
        assertThat(naive.ys()[naive.size() - 1]).isEqualTo(scalar(result, "naiveEstimate"));
        Series adjusted = result.series("estimateVsSamplesAdjusted");
        assertThat(adjusted.ys()[adjusted.size() - 1]).isEqualTo(scalar(result, "adjustedEstimate"));
        Series intervened = result.series("estimateVsSamplesInterventional");
        assertThat(intervened.ys()[intervened.size() - 1]).isEqualTo(scalar(result, "interventionalEstimate"));
        assertThat(result.series("naiveLimit").ys()).containsOnly(1.0);
        assertThat(result.series("causalEffect").ys()).containsOnly(0.5);
        assertThat(result.series("observed").size()).isEqualTo(ConfoundingSimulation.SCATTER_POINTS);
        assertThat(result.series("intervened").size()).isEqualTo(ConfoundingSimulation.SCATTER_POINTS);
        Series fit = result.series("naiveFit");
        double fitted = (fit.ys()[1] - fit.ys()[0]) / (fit.xs()[1] - fit.xs()[0]);
        assertThat(fitted).isCloseTo(scalar(result, "naiveEstimate"), within(1e-9));
    }

    /** The same units under do(x) differ from the observed ones only in x: same z, same noise of y. */
    @Test
    void doXKeepsEachUnitsZAndNoise() {
        LinearConfounder model = new LinearConfounder(2, 1, 0.5, 1, 1, 0.5);
        LinearConfounder.Units units = model.draw(1000, new SplittableRandom(1));
        for (int i = 0; i < units.size(); i++) {
            double noise = units.y()[i] - 0.5 * units.x()[i] - units.z()[i];
            double noiseDo = units.yDo()[i] - 0.5 * units.xDo()[i] - units.z()[i];
            assertThat(noiseDo).isCloseTo(noise, within(1e-12));
        }
        // x listens to z when observed (correlation a σ_z/√Var(x) = 0.89), not under do(x).
        assertThat(correlation(units.z(), units.x())).isCloseTo(2 / Math.sqrt(5), within(0.03));
        assertThat(correlation(units.z(), units.xDo())).isCloseTo(0, within(0.1));
    }

    private static double correlation(double[] u, double[] v) {
        return slope(u, v) * Math.sqrt(variance(u) / variance(v));
    }

    private static double variance(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return s / v.length;
    }
}
