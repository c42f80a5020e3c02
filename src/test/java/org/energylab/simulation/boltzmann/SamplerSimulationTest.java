package org.energylab.simulation.boltzmann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.Scalar;
import org.energylab.simulation.Series;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The samplers against exact results, with Monte Carlo error bounds derived rather than guessed.
 *
 * <p>Most checks run many independent chains for a burn-in long enough to forget the start and then
 * take exactly one sample from each (steps = burn-in + 1): the samples are then independent draws, so
 * the standard error of a mean of C of them is σ/√C and of a sample variance σ²√(2/(C − 1))
 * (Gaussian), and a fraction p has the binomial error √(p(1 − p)/C). The bounds are 4 standard
 * errors, which a correct sampler misses with probability 6e-5 per check; the seed is fixed, so a
 * test that passes once passes always.
 */
class SamplerSimulationTest {
    private static final SamplerSimulation SIM = new SamplerSimulation();
    private static final int CHAINS = 10_000;

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> raw(Object... keyValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        return raw;
    }

    private static Parameters params(Object... keyValues) {
        return SimulationRegistry.validate(SIM, raw(keyValues));
    }

    private static SimulationResult runWithSeed(long seed, Object... keyValues) {
        return SIM.run(RunContext.of(params(keyValues), seed));
    }

    private static SimulationResult run(Object... keyValues) {
        return runWithSeed(7, keyValues);
    }

    private static double value(SimulationResult result, String scalar) {
        Scalar s = result.scalar(scalar);
        assertThat(s.available()).as("%s available: %s", scalar, s.note()).isTrue();
        return s.value();
    }

    /** One sample from each of {@link #CHAINS} independent chains after {@code burnIn} steps, harmonic well. */
    private static SimulationResult harmonicSnapshot(String method, double beta, double k, double step, int burnIn) {
        double sigma = 1 / Math.sqrt(beta * k);
        return run(
                "landscape",
                "harmonic",
                "k",
                k,
                "beta",
                beta,
                "method",
                method,
                "stepSize",
                step,
                "yMin",
                -12 * sigma,
                "yMax",
                12 * sigma,
                "y0",
                0.5 * sigma,
                "chains",
                CHAINS,
                "steps",
                burnIn + 1,
                "burnIn",
                burnIn);
    }

    /** P(y > 0) for a(y² − 1)² + by on [lo, hi], by the midpoint rule on 200 000 cells: independent of the simulation. */
    private static double rightWellMass(double a, double b, double beta, double lo, double hi) {
        int n = 200_000;
        double h = (hi - lo) / n;
        double right = 0;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double y = lo + (i + 0.5) * h;
            double w = Math.exp(-beta * (a * (y * y - 1) * (y * y - 1) + b * y));
            total += w;
            if (y > 0) {
                right += w;
            }
        }
        return right / total;
    }

    // ---------------------------------------------------------------- exactness on the harmonic well

    /**
     * Metropolis and MALA leave exp(−βE) exactly invariant, so one sample from each of 10 000
     * independent chains has mean 0 and variance σ² = 1/(βk) up to Monte Carlo error: |mean| < 4σ/√C
     * and |var − σ²| < 4σ²√(2/(C − 1)). The burn-in of 200 steps is far beyond what these chains need
     * to forget a start half a standard deviation away: their memory of it decays like ρⁿ, with ρ ≈ 1 −
     * ηk ≤ 0.875 for MALA and ρ ≈ 1 − (mean squared jump)/(2σ²) < 0.9 for Metropolis at these step
     * sizes, so what is left of the start, below 0.5σ·0.9²⁰⁰ ≈ 4e-10σ, is far below the standard error
     * 0.01σ.
     */
    @ParameterizedTest(name = "{0}, β = {1}, k = {2}, step {3}")
    @CsvSource({
        "metropolis, 1, 1, 2.4",
        "metropolis, 4, 2.5, 0.3",
        "metropolis, 0.2, 1, 4.8",
        "mala, 1, 1, 0.5",
        "mala, 4, 2.5, 0.05",
        "mala, 0.2, 1, 1"
    })
    void exactSamplersMatchTheHarmonicMeanAndVariance(String method, double beta, double k, double step) {
        SimulationResult result = harmonicSnapshot(method, beta, k, step, 200);
        double variance = 1 / (beta * k);
        double meanError = Math.sqrt(variance / CHAINS);
        double varianceError = variance * Math.sqrt(2.0 / (CHAINS - 1));
        assertThat(value(result, "sampleMean")).isCloseTo(0, within(4 * meanError));
        assertThat(value(result, "sampleVariance")).isCloseTo(variance, within(4 * varianceError));
        // The simulation's own exact moments, by quadrature, agree with the closed form.
        assertThat(value(result, "exactVariance")).isCloseTo(variance, within(1e-9 * variance));
        assertThat(value(result, "exactMean")).isCloseTo(0, within(1e-9));
    }

    /**
     * Unadjusted Langevin on ½ky² is the linear map y ← (1 − ηk)y + √(2η/β)ξ, whose stationary variance
     * solves v = (1 − ηk)²v + 2η/β: v = 1/(βk(1 − ηk/2)). It is biased by a factor 1/(1 − ηk/2) = 1 +
     * O(η), which the samples must show, and which shrinks with η. MALA at the same η has no bias. A
     * burn-in of n = 20/(ηk) steps reduces the start's influence on the variance by (1 − ηk)²ⁿ ≤ e⁻⁴⁰.
     */
    @Test
    void langevinIsBiasedByOrderEtaAndMalaIsNot() {
        double beta = 1;
        double k = 1;
        double previousBias = Double.POSITIVE_INFINITY;
        for (double eta : new double[] {0.4, 0.2, 0.1}) {
            SimulationResult result = harmonicSnapshot("langevin", beta, k, eta, (int) Math.ceil(20 / (eta * k)));
            double stationary = 1 / (beta * k * (1 - eta * k / 2));
            double measured = value(result, "sampleVariance");
            assertThat(measured)
                    .as("variance at η = %s", eta)
                    .isCloseTo(stationary, within(4 * stationary * Math.sqrt(2.0 / (CHAINS - 1))));
            double bias = measured - 1 / (beta * k);
            assertThat(bias).as("bias at η = %s", eta).isLessThan(previousBias);
            previousBias = bias;
            assertThat(result.scalar("acceptanceRate").available()).isFalse();
            assertThat(result.scalar("acceptanceRate").note()).contains("accepts every move");
        }
        // At η = 0.4 the bias (0.25) is 14 standard errors: clearly there. MALA removes it.
        SimulationResult mala = harmonicSnapshot("mala", beta, k, 0.4, 200);
        assertThat(value(mala, "sampleVariance")).isCloseTo(1, within(4 * Math.sqrt(2.0 / (CHAINS - 1))));
    }

    /**
     * For a Gaussian target N(0, σ²) and the proposal y' = y + sξ, the stationary acceptance rate is
     * α = (2/π) arctan(2σ/s). (Detailed balance makes the accepted mass symmetric, so α = 2 P(|y + sξ| <
     * |y|) = 2 P(ξ(2y + sξ) < 0), the probability that two correlated Gaussians have opposite signs.)
     * 1000 chains × 900 counted steps: with a correlation time below 10 steps the standard error is
     * below 0.5/√(9e4) ≈ 1.7e-3; bound 0.006 (measured differences at most 7e-4).
     */
    @ParameterizedTest(name = "s = {0}")
    @CsvSource({"0.5", "2.4", "4.8"})
    void metropolisAcceptsAsOftenAsTheGaussianFormulaSays(double step) {
        SimulationResult result = run(
                "landscape",
                "harmonic",
                "k",
                1.0,
                "beta",
                1.0,
                "method",
                "metropolis",
                "stepSize",
                step,
                "yMin",
                -12.0,
                "yMax",
                12.0,
                "y0",
                0.0,
                "chains",
                1000,
                "steps",
                1000,
                "burnIn",
                100);
        double expected = 2 / Math.PI * Math.atan(2 / step);
        assertThat(value(result, "acceptanceRate")).isCloseTo(expected, within(0.006));
    }

    @Test
    void malaAcceptsNearlyEverythingWithSmallSteps() {
        // MALA's rejection rate vanishes like η^(3/2) as η → 0 (measured acceptance 0.9998 at η = 0.01).
        SimulationResult result = harmonicSnapshot("mala", 1, 1, 0.01, 200);
        assertThat(value(result, "acceptanceRate")).isGreaterThan(0.99);
    }

    /**
     * The walls of the domain are part of the target. On [0, 3] the harmonic well (β = k = 1) gives a
     * normal distribution truncated to [0, 3], with Z = Φ(3) − Φ(0), mean m = (φ(0) − φ(3))/Z = 0.791160
     * and variance 1 − 3φ(3)/Z − m² = 0.347403. Metropolis rejects moves out of the domain, which
     * keeps it exact.
     */
    @Test
    void metropolisRespectsTheWallsOfTheDomain() {
        SimulationResult result = run(
                "landscape",
                "harmonic",
                "k",
                1.0,
                "beta",
                1.0,
                "method",
                "metropolis",
                "stepSize",
                1.0,
                "yMin",
                0.0,
                "yMax",
                3.0,
                "y0",
                1.5,
                "chains",
                CHAINS,
                "steps",
                301,
                "burnIn",
                300);
        double phi0 = 1 / Math.sqrt(2 * Math.PI);
        double phi3 = phi0 * Math.exp(-4.5);
        double z = 0.9986501019683699 - 0.5; // Φ(3) − Φ(0)
        double mean = (phi0 - phi3) / z;
        double variance = 1 - 3 * phi3 / z - mean * mean;
        assertThat(value(result, "exactMean")).isCloseTo(mean, within(1e-9));
        assertThat(value(result, "exactVariance")).isCloseTo(variance, within(1e-9));
        assertThat(value(result, "sampleMean")).isCloseTo(mean, within(4 * Math.sqrt(variance / CHAINS)));
        assertThat(value(result, "sampleVariance"))
                .isCloseTo(variance, within(6 * variance * Math.sqrt(2.0 / (CHAINS - 1))));
        assertThat(java.util.Arrays.stream(result.series("trace").ys()).allMatch(y -> y >= 0 && y <= 3))
                .isTrue();
    }

    /**
     * Unadjusted Langevin cannot reject, so it is reflected at the walls. On the same truncated normal
     * with η = 0.01 its O(η) bias is about 1 %, well inside a bound of 0.04 on the mean (4 standard errors
     * of 4000 independent samples are 0.037; measured mean 0.7913 against 0.7912). With η = 0.3 on the
     * double well the discretisation is unstable (ηE'' = 2.4 > 2 already at the minima y = ±1) and chains
     * are thrown across the domain, yet every position stays inside it.
     */
    @Test
    void langevinIsReflectedAtTheWalls() {
        SimulationResult walled = run(
                "landscape",
                "harmonic",
                "k",
                1.0,
                "beta",
                1.0,
                "method",
                "langevin",
                "stepSize",
                0.01,
                "yMin",
                0.0,
                "yMax",
                3.0,
                "y0",
                1.5,
                "chains",
                4000,
                "steps",
                601,
                "burnIn",
                600);
        assertThat(value(walled, "sampleMean")).isCloseTo(value(walled, "exactMean"), within(0.04));

        SimulationResult wild = run("method", "langevin", "stepSize", 0.3, "chains", 100, "steps", 300);
        double[] trace = wild.series("trace").ys();
        assertThat(java.util.Arrays.stream(trace).allMatch(y -> y >= -3 && y <= 3))
                .isTrue();
        assertThat(java.util.Arrays.stream(trace).distinct().count()).isGreaterThan(250);
    }

    // ---------------------------------------------------------------- convergence and wells

    /**
     * The histogram of all samples approaches the exact density as samples accumulate: at β = 1 the
     * double well mixes quickly, and the TV distance falls as the run grows (measured 0.371, 0.078 and
     * 0.0056 after 10, 100 and 1000 steps of 1000 chains that all start at y₀ = −1).
     */
    @Test
    void theTotalVariationDistanceFallsAsTheRunGrowsLonger() {
        double shortRun = value(run("chains", 1000, "steps", 10, "burnIn", 0), "totalVariation");
        double mediumRun = value(run("chains", 1000, "steps", 100, "burnIn", 0), "totalVariation");
        SimulationResult longRun = run("chains", 1000, "steps", 1000, "burnIn", 0);
        double longTv = value(longRun, "totalVariation");
        assertThat(mediumRun).isLessThan(shortRun / 3);
        assertThat(longTv).isLessThan(mediumRun / 3).isLessThan(0.01);

        Series tv = longRun.series("totalVariationVsStep");
        assertThat(tv.size()).isBetween(40, SamplerSimulation.CHECKPOINTS + 1);
        for (int i = 1; i < tv.size(); i++) {
            assertThat(tv.xs()[i]).isGreaterThan(tv.xs()[i - 1]);
        }
        assertThat(tv.xs()[0]).isEqualTo(1);
        assertThat(tv.xs()[tv.size() - 1]).isEqualTo(1000);
        assertThat(tv.ys()[tv.size() - 1]).isEqualTo(longTv);
        // All chains start at y₀ = −1, so the first histogram is one spike: far from P(y).
        assertThat(tv.ys()[0]).isGreaterThan(0.5);
    }

    /**
     * At β = 10 the barrier a = 1 between the wells is 10 k_BT. Chains that move locally (small
     * Metropolis steps, MALA, Langevin) and start in the left well stay there: crossing takes of the
     * order of e¹⁰ ≈ 2·10⁴ attempts at the barrier. The exact mass of the right well is ½, and the chains
     * put almost none there (measured 0.005, 3e-5 and 0 over 200 chains × 900 counted steps).
     */
    @ParameterizedTest(name = "{0}, step {1}")
    @CsvSource({"metropolis, 0.2", "mala, 0.01", "langevin, 0.01"})
    void coldChainsStayInTheWellTheyStartIn(String method, double step) {
        SimulationResult result =
                run("beta", 10.0, "method", method, "stepSize", step, "chains", 200, "steps", 1000, "burnIn", 100);
        assertThat(value(result, "exactRightWellProbability")).isCloseTo(0.5, within(1e-9));
        assertThat(value(result, "fractionInRightWell")).isLessThan(0.02);
        assertThat(value(result, "totalVariation")).isGreaterThan(0.45);
    }

    /**
     * When hot (β = 0.5 or 1, barrier at most one k_BT) the chains cross freely: one sample from each of
     * 10 000 chains after 500 steps lands in the right well with the exact probability (computed here
     * by an independent quadrature: 0.4377 and 0.3784 for the tilt b = 0.3), within 4 binomial standard
     * errors √(p(1 − p)/C) ≈ 0.005.
     */
    @ParameterizedTest(name = "β = {0}")
    @CsvSource({"0.5", "1"})
    void hotChainsCrossAndFillTheWellsInProportion(double beta) {
        SimulationResult result = run(
                "landscape",
                "tilted-double-well",
                "a",
                1.0,
                "b",
                0.3,
                "beta",
                beta,
                "chains",
                CHAINS,
                "steps",
                501,
                "burnIn",
                500);
        double exact = rightWellMass(1, 0.3, beta, -3, 3);
        assertThat(value(result, "exactRightWellProbability")).isCloseTo(exact, within(1e-8));
        assertThat(value(result, "fractionInRightWell"))
                .isCloseTo(exact, within(4 * Math.sqrt(exact * (1 - exact) / CHAINS)));
    }

    /**
     * The "cross-the-barrier" exercise of lesson 2.3 (β = 10, Metropolis from y₀ = −1, goal: at least
     * 40 % of the samples in the right well): widening the proposal is what works. At s = 0.2 the
     * chains stay trapped; s = 0.6 already gives about 0.41 and passes; from s = 0.8 the fraction is
     * close to the exact 0.5.
     */
    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "2", "3"})
    void aWideProposalCrossesTheBarrier(long seed) {
        Object[] exercise = {
            "landscape",
            "double-well",
            "a",
            1.0,
            "beta",
            10.0,
            "method",
            "metropolis",
            "y0",
            -1.0,
            "yMin",
            -3.0,
            "yMax",
            3.0,
            "chains",
            1000,
            "steps",
            1000
        };
        assertThat(value(runWithSeed(seed, with(exercise, "stepSize", 0.2)), "fractionInRightWell"))
                .isLessThan(0.05);
        assertThat(value(runWithSeed(seed, with(exercise, "stepSize", 0.6)), "fractionInRightWell"))
                .isBetween(0.4, 0.5);
        assertThat(value(runWithSeed(seed, with(exercise, "stepSize", 0.8)), "fractionInRightWell"))
                .isCloseTo(0.5, within(0.05));
    }

    private static Object[] with(Object[] keyValues, String key, Object value) {
        Object[] out = java.util.Arrays.copyOf(keyValues, keyValues.length + 2);
        out[keyValues.length] = key;
        out[keyValues.length + 1] = value;
        return out;
    }

    // ---------------------------------------------------------------- parameters and results

    @Test
    void theSeedDecidesTheSamples() {
        SimulationResult a = runWithSeed(1, "chains", 50, "steps", 200);
        SimulationResult b = runWithSeed(1, "chains", 50, "steps", 200);
        SimulationResult c = runWithSeed(2, "chains", 50, "steps", 200);
        assertThat(b.series("trace").ys()).containsExactly(a.series("trace").ys());
        assertThat(b.scalars()).isEqualTo(a.scalars());
        assertThat(c.series("trace").ys()).isNotEqualTo(a.series("trace").ys());
    }

    @Test
    void impossibleOrTooLargeRunsAreRefusedOnTheRightField() {
        assertThatThrownBy(() -> params("chains", 10_000, "steps", 20_000))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field())
                        .isEqualTo("chains"))
                .hasMessageContaining(Long.toString(SamplerSimulation.MAX_WORK));
        assertThatCode(() -> params("chains", 2000, "steps", 20_000)).doesNotThrowAnyException();
        assertThatThrownBy(() -> params("steps", 100, "burnIn", 100))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field())
                        .isEqualTo("burnIn"));
        assertThatThrownBy(() -> params("y0", 5.0))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field())
                        .isEqualTo("y0"));
        assertThatThrownBy(() -> params("yMin", 1.0, "yMax", 0.0))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field())
                        .isEqualTo("yMax"));
    }

    @Test
    void resultNamesAreExactlyTheDocumentedOnes() {
        SimulationResult result = run();
        assertThat(result.scalars().keySet())
                .containsExactly(
                        "acceptanceRate",
                        "sampleMean",
                        "exactMean",
                        "sampleVariance",
                        "exactVariance",
                        "fractionInRightWell",
                        "exactRightWellProbability",
                        "totalVariation");
        assertThat(result.series().keySet())
                .containsExactly("histogram", "density", "trace", "totalVariationVsStep", "energy");
        assertThat(result.series("histogram").size()).isEqualTo(60);
        assertThat(result.series("trace").size()).isEqualTo(1001); // y₀ and every step
        // The histogram is a density: it integrates to 1 over the bins.
        Series histogram = result.series("histogram");
        double width = histogram.xs()[1] - histogram.xs()[0];
        double integral = 0;
        for (double h : histogram.ys()) {
            integral += h * width;
        }
        assertThat(integral).isCloseTo(1, within(1e-12));
        List<String> charted =
                SIM.charts().stream().flatMap(c -> c.series().stream()).toList();
        assertThat(result.series().keySet()).containsAll(charted);
    }

    @Test
    void longRunsKeepAtMostTwentyThousandTracePoints() {
        for (int steps : new int[] {1, 19_999, 20_000, 12_345}) {
            int stride = SamplerSimulation.traceStride(steps);
            int recorded = 1 + steps / stride + (steps % stride == 0 ? 0 : 1); // y₀, every stride-th step, the last
            assertThat(recorded)
                    .as("points for %d steps", steps)
                    .isLessThanOrEqualTo(SamplerSimulation.MAX_TRACE_POINTS);
        }
        assertThat(SamplerSimulation.traceStride(1000)).isEqualTo(1);
        assertThat(SamplerSimulation.traceStride(20_000)).isEqualTo(2);
    }
}
