package org.energylab.simulation.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.energylab.simulation.Grid;
import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.Series;
import org.energylab.simulation.SimulationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The forward process of lesson 4.3 against independent computations: ᾱ_t as a product written out
 * again here and, for the cosine schedule, the closed form f(t)/f(0); the noised data's mean and
 * covariance against √ᾱ μ₀ and ᾱ Σ₀ + (1 − ᾱ) I within a few standard errors; the noise itself
 * recovered from two runs; the free-energy map against the Gaussian mixture density point by point.
 */
class DiffusionScheduleSimulationTest {
    private static final DiffusionScheduleSimulation SIM = new DiffusionScheduleSimulation();

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    private static Parameters params(Object... keyValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return SIM.schema().validate(raw);
    }

    private static SimulationResult run(long seed, Object... keyValues) {
        Parameters p = params(keyValues);
        SIM.checkCombination(p);
        return SIM.run(RunContext.of(p, seed));
    }

    /** β_s of the linear schedule: 1e-4 … 0.02 over 1000 steps, both ends scaled by 1000/T, at most 0.999. */
    private static double linearBeta(int s, int steps) {
        double scale = 1000.0 / steps;
        return Math.min(0.999, scale * (1e-4 + (0.02 - 1e-4) * (s - 1) / (steps - 1)));
    }

    private static double cosineF(double t, int steps) {
        return Math.pow(Math.cos((t / steps + 0.008) / 1.008 * Math.PI / 2), 2);
    }

    private static double cosineBeta(int s, int steps) {
        return Math.min(0.999, 1 - cosineF(s, steps) / cosineF(s - 1, steps));
    }

    // ---------------------------------------------------------------- ᾱ_t

    @ParameterizedTest(name = "T = {0}")
    @ValueSource(ints = {10, 50, 1000, 4000})
    void alphaBarIsTheProductOfOneMinusBeta(int steps) {
        SimulationResult result = run(1, "steps", steps, "t", 1, "samples", 100);
        double[] linear = result.series("alphaBarLinear").ys();
        double[] cosine = result.series("alphaBarCosine").ys();
        assertThat(linear).hasSize(steps);
        assertThat(cosine).hasSize(steps);
        double linearProduct = 1;
        double cosineProduct = 1;
        for (int s = 1; s <= steps; s++) {
            linearProduct *= 1 - linearBeta(s, steps);
            cosineProduct *= 1 - cosineBeta(s, steps);
            assertThat(linear[s - 1]).as("linear ᾱ_%d", s).isCloseTo(linearProduct, within(1e-12 * linearProduct));
            assertThat(cosine[s - 1]).as("cosine ᾱ_%d", s).isCloseTo(cosineProduct, within(1e-12 * cosineProduct));
            assertThat(result.series("betaLinear").ys()[s - 1]).isCloseTo(linearBeta(s, steps), within(1e-15));
        }
    }

    @ParameterizedTest(name = "T = {0}")
    @ValueSource(ints = {10, 100, 1000, 4000})
    void cosineAlphaBarIsTheClosedFormWhereverClippingIsInactive(int steps) {
        double[] cosine = run(1, "steps", steps, "t", 1, "samples", 100)
                .series("alphaBarCosine")
                .ys();
        int checked = 0;
        for (int t = 1; t <= steps; t++) {
            if (cosineBeta(t, steps) >= 0.999) {
                break; // from here on ᾱ_t is the clipped product, no longer f(t)/f(0)
            }
            double closedForm = cosineF(t, steps) / cosineF(0, steps);
            assertThat(cosine[t - 1]).as("ᾱ_%d", t).isCloseTo(closedForm, within(1e-10 * closedForm));
            checked++;
        }
        // Only the last step of a schedule is clipped (its β would be 1).
        assertThat(checked).isEqualTo(steps - 1);
    }

    @Test
    void linearScheduleOfHoEtAlLeavesAboutFourHundredthsOfAPercentOfSignal() {
        SimulationResult result = run(1, "steps", 1000, "t", 1000, "schedule", "linear", "samples", 100);
        // ᾱ_1000 = Π(1 − β_s) for β from 1e-4 to 0.02: 4.04e-5, the value quoted for DDPM.
        assertThat(result.scalar("alphaBar").value()).isCloseTo(4.036e-5, within(0.005e-5));
        assertThat(result.scalar("beta").value()).isCloseTo(0.02, within(1e-15));
        // Rescaling β by 1000/T keeps Σβ, and hence ᾱ_T, of the same order for other T.
        for (int steps : new int[] {250, 4000}) {
            double end = run(1, "steps", steps, "t", steps, "samples", 100)
                    .scalar("alphaBar")
                    .value();
            assertThat(Math.log(end)).as("ln ᾱ_T at T = %d", steps).isBetween(-11.0, -9.5);
        }
    }

    @ParameterizedTest(name = "{0}, t = {1}")
    @CsvSource({"linear, 1", "linear, 300", "cosine, 300", "cosine, 999"})
    void scalarsAreTheScheduleAtTheChosenStep(String schedule, int t) {
        SimulationResult result = run(1, "schedule", schedule, "t", t, "samples", 100);
        String name = schedule.equals("linear") ? "alphaBarLinear" : "alphaBarCosine";
        double alphaBar = result.series(name).ys()[t - 1];
        assertThat(result.scalar("alphaBar").value()).isEqualTo(alphaBar);
        assertThat(result.scalar("snr").value()).isCloseTo(alphaBar / (1 - alphaBar), within(1e-12 * alphaBar));
        Series snr = result.series(schedule.equals("linear") ? "snrLinear" : "snrCosine");
        assertThat(snr.xs()[t - 1]).isEqualTo(t);
        assertThat(snr.ys()[t - 1]).isEqualTo(result.scalar("snr").value());
    }

    // ---------------------------------------------------------------- the noised data

    @ParameterizedTest(name = "{0}, t = {1}")
    @CsvSource({"linear, 50", "linear, 200", "cosine, 400", "cosine, 700", "cosine, 1000"})
    void noisedMomentsAreThoseOfTheForwardProcess(String schedule, int t) {
        int n = 5000;
        SimulationResult result =
                run(11, "schedule", schedule, "t", t, "samples", n, "data", "two-moons", "gridSize", 21);
        double alphaBar = result.scalar("alphaBar").value();
        double[][] clean = {result.series("data").xs(), result.series("data").ys()};
        double[][] noised = {
            result.series("noisedData").xs(), result.series("noisedData").ys()
        };

        // Given y₀, mean(y_t) − √ᾱ mean(y₀) = √(1 − ᾱ) mean(ε), whose standard error is √((1 − ᾱ)/n).
        double meanError = Math.sqrt((1 - alphaBar) / n);
        for (int c = 0; c < 2; c++) {
            assertThat(mean(noised[c]))
                    .as("mean of coordinate %d", c)
                    .isCloseTo(Math.sqrt(alphaBar) * mean(clean[c]), within(5 * meanError));
        }
        // Cov(y_t) = ᾱ Σ₀ + (1 − ᾱ) I. A sample covariance entry of n draws has the standard error
        // √((Σᵢᵢ Σⱼⱼ + Σᵢⱼ²)/(n − 1)) for Gaussian data; given y₀ only the noise varies, which is less.
        double[][] predicted = new double[2][2];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                predicted[i][j] = alphaBar * covariance(clean[i], clean[j]) + (i == j ? 1 - alphaBar : 0);
            }
        }
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double error =
                        Math.sqrt((predicted[i][i] * predicted[j][j] + predicted[i][j] * predicted[i][j]) / (n - 1));
                assertThat(covariance(noised[i], noised[j]))
                        .as("covariance entry (%d, %d)", i, j)
                        .isCloseTo(predicted[i][j], within(5 * error));
            }
        }
        assertThat(result.scalar("predictedVariance").value())
                .isCloseTo((predicted[0][0] + predicted[1][1]) / 2, within(1e-12));
        assertThat(result.scalar("noisedVariance").value())
                .isCloseTo((covariance(noised[0], noised[0]) + covariance(noised[1], noised[1])) / 2, within(1e-12));
    }

    /**
     * Lesson 4.3 quotes the two moons' variance: it is not the same in both coordinates. Worked out
     * from the generator (angle uniform on [0, π], upper moon (cos, sin), lower (1 − cos, ½ − sin),
     * noise 0.05): Var x = ½ + ¼ + 0.0025 = 0.7525, Var y = 9/16 − 1/π + 0.0025 = 0.2467; the
     * scalars report their mean, 0.4996.
     */
    @Test
    void theTwoMoonsVarianceIsThreeQuartersInXAndAQuarterInY() {
        int n = 5000;
        SimulationResult result = run(11, "schedule", "cosine", "t", 500, "samples", n, "data", "two-moons");
        double varianceX =
                covariance(result.series("data").xs(), result.series("data").xs());
        double varianceY =
                covariance(result.series("data").ys(), result.series("data").ys());
        double exactX = 0.75 + 0.05 * 0.05;
        double exactY = 9.0 / 16 - 1 / Math.PI + 0.05 * 0.05;
        assertThat(varianceX).isCloseTo(exactX, within(0.03));
        assertThat(varianceY).isCloseTo(exactY, within(0.015));
        double alphaBar = result.scalar("alphaBar").value();
        double cleanMean = (result.scalar("predictedVariance").value() - (1 - alphaBar)) / alphaBar;
        assertThat(cleanMean).isCloseTo((varianceX + varianceY) / 2, within(1e-9));
        assertThat(cleanMean).isCloseTo((exactX + exactY) / 2, within(0.02));
    }

    @Test
    void theMomentChecksWouldCatchAWrongScaling() {
        // At ᾱ ≈ 0.5 the moons' mean (0.5, 0.25) scaled by ᾱ instead of √ᾱ is off by 0.1 in y₁, many
        // standard errors (√(0.5/5000) = 0.01): the bound above has the power to fail.
        SimulationResult result = run(11, "schedule", "cosine", "t", 500, "samples", 5000, "gridSize", 21);
        double alphaBar = result.scalar("alphaBar").value();
        double wrong = alphaBar * mean(result.series("data").xs());
        assertThat(Math.abs(mean(result.series("noisedData").xs()) - wrong))
                .isGreaterThan(5 * Math.sqrt((1 - alphaBar) / 5000));
    }

    @Test
    void theSameNoiseIsUsedAtEveryStep() {
        // y_t = √ᾱ y₀ + √(1 − ᾱ) ε: solving for ε in runs at two steps gives the same ε, standard normal.
        SimulationResult early = run(5, "t", 30, "schedule", "cosine", "data", "eight-gaussians", "gridSize", 21);
        SimulationResult late = run(5, "t", 800, "schedule", "linear", "data", "eight-gaussians", "gridSize", 21);
        double[] y0 = early.series("data").xs();
        assertThat(late.series("data").xs()).isEqualTo(y0);
        double[] epsEarly = noise(early, y0);
        double[] epsLate = noise(late, y0);
        for (int i = 0; i < y0.length; i++) {
            assertThat(epsLate[i]).isCloseTo(epsEarly[i], within(1e-9));
        }
        assertThat(mean(epsEarly)).isCloseTo(0, within(5 / Math.sqrt(y0.length)));
        assertThat(covariance(epsEarly, epsEarly)).isCloseTo(1, within(5 * Math.sqrt(2.0 / y0.length)));
    }

    private static double[] noise(SimulationResult result, double[] y0) {
        double alphaBar = result.scalar("alphaBar").value();
        double[] yt = result.series("noisedData").xs();
        double[] eps = new double[yt.length];
        for (int i = 0; i < yt.length; i++) {
            eps[i] = (yt[i] - Math.sqrt(alphaBar) * y0[i]) / Math.sqrt(1 - alphaBar);
        }
        return eps;
    }

    // ---------------------------------------------------------------- the free energy of the noised data

    /** −2σ² ln((1/n) Σᵢ exp(−‖y − √ᾱ y₀ᵢ‖²/(2σ²))): the mixture density's energy, point by point. */
    private static double referenceFreeEnergy(double y1, double y2, double[][] clean, double alphaBar) {
        double variance = 1 - alphaBar;
        double[] energies = new double[clean[0].length];
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < energies.length; i++) {
            double d1 = y1 - Math.sqrt(alphaBar) * clean[0][i];
            double d2 = y2 - Math.sqrt(alphaBar) * clean[1][i];
            energies[i] = d1 * d1 + d2 * d2;
            min = Math.min(min, energies[i]);
        }
        double sum = 0;
        for (double e : energies) {
            sum += Math.exp(-(e - min) / (2 * variance));
        }
        return min - 2 * variance * Math.log(sum / energies.length);
    }

    @ParameterizedTest(name = "{0}, t = {1}")
    @CsvSource({"cosine, 1", "cosine, 300", "linear, 300", "cosine, 1000"})
    void freeEnergyMapIsTheEnergyOfTheNoisedDensity(String schedule, int t) {
        SimulationResult result = run(2, "schedule", schedule, "t", t, "samples", 400, "gridSize", 31);
        double alphaBar = result.scalar("alphaBar").value();
        assertThat(result.scalar("effectiveBeta").value()).isCloseTo(1 / (2 * (1 - alphaBar)), within(1e-12));
        double[][] clean = {result.series("data").xs(), result.series("data").ys()};
        Grid map = result.grids().get("noisedFreeEnergy");
        assertThat(map.xs()).hasSize(31).startsWith(-3.0).endsWith(3.0);
        int[][] nodes = {{0, 0}, {15, 15}, {12, 20}, {30, 4}, {20, 30}};
        for (int[] node : nodes) {
            double y1 = map.xs()[node[1]];
            double y2 = map.ys()[node[0]];
            double value = map.values()[node[0]][node[1]];
            assertThat(value)
                    .as("F_t at (%s, %s)", y1, y2)
                    .isCloseTo(referenceFreeEnergy(y1, y2, clean, alphaBar), within(1e-10));
            if (t == 1000) {
                // ᾱ ≈ 2e-9: every centre is at the origin to within 1e-4, p_t is N(0, I), F_t = ‖y‖².
                assertThat(value).isCloseTo(y1 * y1 + y2 * y2, within(2e-3));
            }
            if (t == 1) {
                // Cold: F_t lies between the squared distance to the nearest centre and ln(n)/β above it.
                double nearest = Double.POSITIVE_INFINITY;
                for (int i = 0; i < clean[0].length; i++) {
                    double d1 = y1 - Math.sqrt(alphaBar) * clean[0][i];
                    double d2 = y2 - Math.sqrt(alphaBar) * clean[1][i];
                    nearest = Math.min(nearest, d1 * d1 + d2 * d2);
                }
                assertThat(value).isBetween(nearest, nearest + 2 * (1 - alphaBar) * Math.log(400));
            }
        }
    }

    @Test
    void seedFixesTheNumbersAndAnotherSeedChangesThem() {
        SimulationResult first = run(3, "data", "ring", "t", 250);
        SimulationResult again = run(3, "data", "ring", "t", 250);
        SimulationResult other = run(4, "data", "ring", "t", 250);
        assertThat(again.series("noisedData").xs())
                .isEqualTo(first.series("noisedData").xs());
        assertThat(again.series("noisedData").ys())
                .isEqualTo(first.series("noisedData").ys());
        assertThat(again.scalars()).isEqualTo(first.scalars());
        assertThat(other.series("noisedData").xs())
                .isNotEqualTo(first.series("noisedData").xs());
    }

    @Test
    void aStepPastTheLastIsRefused() {
        assertThatThrownBy(() -> SIM.checkCombination(params("steps", 100, "t", 101)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("T = 100")
                .extracting(e -> ((InvalidParameterException) e).field())
                .isEqualTo("t");
        SIM.checkCombination(params("steps", 100, "t", 100));
        assertThatThrownBy(() -> SIM.checkCombination(params("samples", 5000, "gridSize", 101)))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining(String.valueOf(DiffusionScheduleSimulation.MAX_DISTANCES));
        SIM.checkCombination(params("samples", 5000, "gridSize", 61));
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double covariance(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += (x[i] - mx) * (y[i] - my);
        }
        return sum / (x.length - 1);
    }
}
