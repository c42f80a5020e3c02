package org.energylab.simulation.causal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.energylab.simulation.causal.CausalRuns.params;
import static org.energylab.simulation.causal.CausalRuns.run;
import static org.energylab.simulation.causal.CausalRuns.scalar;

import java.util.SplittableRandom;
import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.Series;
import org.energylab.simulation.SimulationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lesson 6.3: the Fisher information of a Gaussian mean is 1/σ², that of a slope Σx²/σ² (in closed form
 * (n² − 1)/(3nσ²) for the inputs at the midpoints of n cells of [−1, 1]); the score has mean 0 and
 * variance I; the estimators' variance approaches the Cramér–Rao bound σ²/n and σ²/Σx², within the
 * sampling error of a variance estimated from R repetitions, relative standard deviation √(2/(R − 1)).
 */
class FisherSimulationTest {
    private static final FisherSimulation SIM = new FisherSimulation();

    @ParameterizedTest(name = "σ = {0}, θ = {1}")
    @CsvSource({"1, 1", "0.3, -2", "4, 7"})
    void theSampleMeanReachesTheBoundSigmaSquaredOverN(double sigma, double theta) {
        int repetitions = 2000;
        SimulationResult result =
                run(SIM, 3, "sigma", sigma, "trueValue", theta, "maxSamples", 400, "repetitions", repetitions);

        assertThat(scalar(result, "fisherInformation")).isCloseTo(1 / (sigma * sigma), within(1e-12));
        assertThat(scalar(result, "cramerRaoBound")).isCloseTo(sigma * sigma / 400, within(1e-15));
        double relative = 5 * Math.sqrt(2.0 / (repetitions - 1));
        assertThat(scalar(result, "empiricalVariance"))
                .isCloseTo(sigma * sigma / 400, within(relative * sigma * sigma / 400));
        Series variance = result.series("varianceVsN");
        Series bound = result.series("boundVsN");
        assertThat(variance.xs()).containsExactly(bound.xs());
        assertThat(variance.xs()[0]).isEqualTo(2);
        for (int k = 0; k < variance.size(); k++) {
            double n = variance.xs()[k];
            assertThat(bound.ys()[k]).isCloseTo(sigma * sigma / n, within(1e-12 * sigma * sigma));
            assertThat(variance.ys()[k])
                    .as("variance at n = %s", n)
                    .isCloseTo(bound.ys()[k], within(relative * bound.ys()[k]));
        }
        // Unbiased: the mean estimate is θ within five standard errors of a mean of R estimates.
        assertThat(scalar(result, "meanEstimate")).isCloseTo(theta, within(5 * sigma / Math.sqrt(400.0 * repetitions)));
    }

    @ParameterizedTest(name = "n = {0}, σ = {1}")
    @CsvSource({"10, 1", "400, 0.5", "1000, 2"})
    void theSlopesInformationIsTheSumOfSquaredInputsOverSigmaSquared(int n, double sigma) {
        int repetitions = 2000;
        SimulationResult result =
                run(SIM, 5, "model", "regression-slope", "sigma", sigma, "maxSamples", n, "repetitions", repetitions);

        double sumOfSquares = (n * (double) n - 1) / (3.0 * n);
        assertThat(scalar(result, "fisherInformation") * n)
                .isCloseTo(sumOfSquares / (sigma * sigma), within(1e-9 / (sigma * sigma)));
        double bound = sigma * sigma / sumOfSquares;
        assertThat(scalar(result, "cramerRaoBound")).isCloseTo(bound, within(1e-12 * bound));
        assertThat(scalar(result, "empiricalVariance"))
                .isCloseTo(bound, within(5 * Math.sqrt(2.0 / (repetitions - 1)) * bound));
    }

    /** The median is unbiased but not efficient: variance πσ²/(2n) for large n, efficiency 2/π. */
    @Test
    void theMedianStaysAboveTheBoundByAFactorPiOverTwo() {
        int repetitions = 2000;
        double sigma = 1.5;
        SimulationResult result =
                run(SIM, 6, "model", "gaussian-median", "sigma", sigma, "maxSamples", 1001, "repetitions", repetitions);
        assertThat(scalar(result, "fisherInformation")).isCloseTo(1 / (sigma * sigma), within(1e-12));
        double bound = sigma * sigma / 1001;
        assertThat(scalar(result, "cramerRaoBound")).isCloseTo(bound, within(1e-15));
        // The sampling error of the variance, plus the O(1/n) of the large-sample formula.
        double tolerance = 5 * Math.sqrt(2.0 / (repetitions - 1)) + 0.01;
        assertThat(scalar(result, "empiricalVariance"))
                .isCloseTo(Math.PI / 2 * bound, within(tolerance * Math.PI / 2 * bound));
        assertThat(scalar(result, "efficiency")).isCloseTo(2 / Math.PI, within(0.12));
        assertThat(scalar(result, "meanEstimate"))
                .isCloseTo(1, within(5 * Math.sqrt(Math.PI / 2 * bound / repetitions)));
    }

    @Test
    void theMedianOfASampleIsItsMiddleValue() {
        double[] none = new double[5];
        assertThat(FisherModel.GAUSSIAN_MEDIAN.estimate(none, new double[] {5, 1, 4, 2, 3}, 5))
                .isEqualTo(3);
        assertThat(FisherModel.GAUSSIAN_MEDIAN.estimate(none, new double[] {5, 1, 4, 2, 99}, 4))
                .isEqualTo(3);
    }

    @Test
    void theScoreHasMeanZeroAndVarianceI() {
        int n = 1000;
        int repetitions = 500;
        for (String model : new String[] {"gaussian-mean", "regression-slope"}) {
            SimulationResult result =
                    run(SIM, 8, "model", model, "sigma", 2, "maxSamples", n, "repetitions", repetitions);
            double information = scalar(result, "fisherInformation");
            double count = (double) n * repetitions;
            assertThat(scalar(result, "scoreMean")).as(model).isCloseTo(0, within(5 * Math.sqrt(information / count)));
            // Var of a sample variance is (κ − 1)σ⁴/N, kurtosis κ = 3 for the normal score and 27/5 for x·ε.
            assertThat(scalar(result, "scoreVariance"))
                    .as(model)
                    .isCloseTo(information, within(5 * Math.sqrt(4.4 / count) * information));
            Series histogram = result.series("scoreHistogram");
            double width = histogram.xs()[1] - histogram.xs()[0];
            double mass = 0;
            double second = 0;
            for (int b = 0; b < histogram.size(); b++) {
                mass += histogram.ys()[b] * width;
                second += histogram.ys()[b]
                        * width
                        * histogram.xs()[b]
                        * histogram.xs()[b];
            }
            assertThat(mass).as("histogram mass, %s", model).isCloseTo(1, within(0.001));
            // The binned second moment is the variance up to width²/12 and the tails past ±4 standard deviations.
            assertThat(second).as(model).isCloseTo(information, within(0.03 * information));
        }
    }

    /** The score with respect to θ, against a finite difference of log N(x; θ, σ²); minus the data score ∂ₓ log p. */
    @Test
    void theScoreIsTheDerivativeOfTheLogLikelihoodAndMinusTheSteinScore() {
        double sigma = 1.7;
        double theta = 0.4;
        double h = 1e-5;
        SplittableRandom random = new SplittableRandom(2);
        for (int k = 0; k < 20; k++) {
            double x = theta + sigma * random.nextGaussian();
            double byTheta = (logNormal(x, theta + h, sigma) - logNormal(x, theta - h, sigma)) / (2 * h);
            double byX = (logNormal(x + h, theta, sigma) - logNormal(x - h, theta, sigma)) / (2 * h);
            double score = FisherModel.GAUSSIAN_MEAN.score(0, x, theta, sigma);
            assertThat(score).isCloseTo(byTheta, within(1e-7));
            assertThat(score).isCloseTo(-byX, within(1e-7));
            int n = 7;
            int i = k % n;
            double input = FisherModel.input(i, n);
            double y = theta * input + sigma * random.nextGaussian();
            double slopeScore =
                    (logNormal(y, (theta + h) * input, sigma) - logNormal(y, (theta - h) * input, sigma)) / (2 * h);
            assertThat(FisherModel.REGRESSION_SLOPE.score(input, y, theta, sigma))
                    .isCloseTo(slopeScore, within(1e-7));
        }
    }

    private static double logNormal(double x, double mean, double sigma) {
        return -0.5 * Math.log(2 * Math.PI * sigma * sigma) - (x - mean) * (x - mean) / (2 * sigma * sigma);
    }

    @Test
    void theInputsAreTheMidpointsOfEqualCells() {
        assertThat(FisherModel.input(0, 2)).isEqualTo(-0.5);
        assertThat(FisherModel.input(1, 2)).isEqualTo(0.5);
        assertThat(FisherModel.input(2, 5)).isCloseTo(0, within(1e-15));
        assertThat(FisherModel.REGRESSION_SLOPE.information(4, 1)).isCloseTo(15.0 / 12, within(1e-12));
    }

    @Test
    void refusesARunThatWouldDrawTooManyObservations() {
        assertThatThrownBy(() -> params(SIM, "maxSamples", 10_000, "repetitions", 5000))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("repetitions")
                .extracting(e -> ((InvalidParameterException) e).field())
                .isEqualTo("repetitions");
        assertThat(FisherSimulation.draws(params(SIM))).isLessThan(FisherSimulation.MAX_DRAWS / 10);
    }
}
