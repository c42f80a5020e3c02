package org.energylab.simulation.boltzmann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.ChartSpec;
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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Boltzmann distribution against closed forms (the harmonic well's Gaussian integrals, Laplace's
 * method at large β, the uniform limit at small β), against independent quadratures of the
 * recorded P(y) and E(y), and against thermodynamic identities: ⟨E⟩ = −d ln Z/dβ, S = −∫ P ln P,
 * F = ⟨E⟩ − S/β, and ⟨E⟩ and S falling as β grows.
 */
class BoltzmannSimulationTest {
    private static final BoltzmannSimulation SIM = new BoltzmannSimulation();
    private static final List<String> LANDSCAPES = List.of("harmonic", "double-well", "tilted-double-well", "custom");

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

    private static SimulationResult run(Object... keyValues) {
        return SIM.run(RunContext.of(params(keyValues), 0));
    }

    private static double value(SimulationResult result, String scalar) {
        Scalar s = result.scalar(scalar);
        assertThat(s.available()).as("%s available: %s", scalar, s.note()).isTrue();
        return s.value();
    }

    /** ∫ f dy by the trapezoidal rule over a recorded series: an independent quadrature of what the run shows. */
    private static double trapezoid(double[] xs, double[] fs) {
        double sum = 0;
        for (int i = 1; i < xs.length; i++) {
            sum += (xs[i] - xs[i - 1]) * (fs[i] + fs[i - 1]) / 2;
        }
        return sum;
    }

    // ---------------------------------------------------------------- closed forms

    /**
     * ½ky² on a domain wide enough that the tails beyond it are below 1e-20: Z = √(2π/(βk)), ⟨E⟩ =
     * 1/(2β), F = −(1/β) ln Z, S = ½ ln(2πe/(βk)). The grid has at least 20 points per standard
     * deviation, where Simpson's rule on a Gaussian is accurate to round-off: measured errors are at
     * most 7e-16, so 1e-9 leaves room for other platforms' libm without hiding a real error.
     */
    @ParameterizedTest(name = "β = {0}, k = {1}, domain ±{2}")
    @CsvSource({"0.01, 1, 100", "0.1, 1, 50", "1, 1, 50", "1, 4, 20", "10, 0.5, 20", "100, 1, 5", "100, 100, 2"})
    void harmonicWellMatchesTheGaussianIntegrals(double beta, double k, double half) {
        SimulationResult result =
                run("landscape", "harmonic", "k", k, "beta", beta, "yMin", -half, "yMax", half, "gridPoints", 20_001);
        double z = Math.sqrt(2 * Math.PI / (beta * k));
        assertThat(value(result, "partitionFunction")).isCloseTo(z, within(1e-9 * z));
        assertThat(value(result, "logPartitionFunction")).isCloseTo(Math.log(z), within(1e-9));
        assertThat(value(result, "freeEnergy")).isCloseTo(-Math.log(z) / beta, within(1e-9 / beta));
        assertThat(value(result, "meanEnergy")).isCloseTo(1 / (2 * beta), within(1e-9 / beta));
        assertThat(value(result, "entropy")).isCloseTo(0.5 * Math.log(2 * Math.PI * Math.E / (beta * k)), within(1e-9));
        assertThat(value(result, "meanPosition")).isCloseTo(0, within(1e-9));
        assertThat(value(result, "rightWellProbability")).isCloseTo(0.5, within(1e-9));
    }

    // ---------------------------------------------------------------- independent quadratures and identities

    /**
     * The scalars against the recorded curves integrated by the trapezoidal rule: ∫P = 1, ⟨E⟩ = ∫EP,
     * S = −∫P ln P, and then F = ⟨E⟩ − S/β built from those two independent numbers. On 4001 points
     * over [−3, 3] the trapezoidal rule's O(h²) error is at most 4e-8 here (measured); bound 1e-5.
     */
    @ParameterizedTest(name = "{0}, β = {1}")
    @CsvSource({
        "harmonic, 0.3",
        "harmonic, 3",
        "double-well, 0.3",
        "double-well, 3",
        "tilted-double-well, 0.3",
        "tilted-double-well, 3",
        "custom, 0.3",
        "custom, 3"
    })
    void scalarsAgreeWithIntegralsOfTheRecordedDensity(String landscape, double beta) {
        SimulationResult result = run("landscape", landscape, "beta", beta, "gridPoints", 4001);
        double[] ys = result.series("probability").xs();
        double[] p = result.series("probability").ys();
        double[] e = result.series("energy").ys();
        assertThat(result.series("energy").xs()).containsExactly(ys);

        double[] ep = new double[ys.length];
        double[] plogp = new double[ys.length];
        for (int i = 0; i < ys.length; i++) {
            ep[i] = e[i] * p[i];
            plogp[i] = p[i] > 0 ? -p[i] * Math.log(p[i]) : 0;
        }
        double mean = trapezoid(ys, ep);
        double entropy = trapezoid(ys, plogp);
        assertThat(trapezoid(ys, p)).isCloseTo(1, within(1e-5));
        assertThat(value(result, "meanEnergy")).isCloseTo(mean, within(1e-5));
        assertThat(value(result, "entropy")).isCloseTo(entropy, within(1e-5));
        assertThat(value(result, "freeEnergy")).isCloseTo(mean - entropy / beta, within(1e-5 * (1 + 1 / beta)));
        assertThat(value(result, "logPartitionFunction")).isCloseTo(-beta * value(result, "freeEnergy"), within(1e-12));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"harmonic", "double-well", "tilted-double-well", "custom"})
    void theProbabilitiesIntegrateToOneAtEveryTemperature(String landscape) {
        // Trapezoidal rule over the 2001 recorded points: measured error at most 1.4e-7.
        for (double beta : new double[] {0.01, 1, 100}) {
            Series p = run("landscape", landscape, "beta", beta).series("probability");
            assertThat(trapezoid(p.xs(), p.ys())).as("∫P dy at β = %s", beta).isCloseTo(1, within(1e-6));
        }
    }

    /**
     * ⟨E⟩ = −d ln Z/dβ, by a central difference with δβ/β = 1e-4: its truncation error is about
     * (δβ)²/6 times the third cumulant of E and its round-off about 1e-16/δβ, both below 1e-8 here (measured at most 2e-9).
     */
    @ParameterizedTest(name = "{0}, β = {1}")
    @CsvSource({"double-well, 0.05", "double-well, 2", "tilted-double-well, 0.7", "custom, 5", "harmonic, 20"})
    void meanEnergyIsMinusTheDerivativeOfLogZ(String landscape, double beta) {
        double d = 1e-4 * beta;
        double up = value(run("landscape", landscape, "beta", beta + d), "logPartitionFunction");
        double down = value(run("landscape", landscape, "beta", beta - d), "logPartitionFunction");
        double mean = value(run("landscape", landscape, "beta", beta), "meanEnergy");
        assertThat(-(up - down) / (2 * d)).isCloseTo(mean, within(1e-7 * Math.max(1, Math.abs(mean))));
    }

    /** d⟨E⟩/dβ = −Var(E) ≤ 0 and dS/dβ = −β Var(E) ≤ 0: colder means lower mean energy and lower entropy. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"harmonic", "double-well", "tilted-double-well", "custom"})
    void meanEnergyAndEntropyFallAsBetaGrows(String landscape) {
        SimulationResult result = run("landscape", landscape);
        for (String name : List.of("meanEnergyVsBeta", "entropyVsBeta")) {
            double[] ys = result.series(name).ys();
            for (int i = 1; i < ys.length; i++) {
                assertThat(ys[i]).as("%s[%d]", name, i).isLessThanOrEqualTo(ys[i - 1] + 1e-12);
            }
            assertThat(ys[ys.length - 1]).as(name).isLessThan(ys[0] - 0.5);
        }
    }

    @Test
    void theSweepCoversBetaFromOneHundredthToOneHundredAndMatchesSingleRuns() {
        SimulationResult sweep = run("landscape", "tilted-double-well", "b", 0.8);
        double[] betas = sweep.series("freeEnergyVsBeta").xs();
        assertThat(betas).hasSize(BoltzmannSimulation.SWEEP_POINTS);
        assertThat(betas[0]).isCloseTo(0.01, within(1e-15));
        assertThat(betas[betas.length - 1]).isEqualTo(100);
        for (int i = 1; i < betas.length; i++) {
            assertThat(betas[i] / betas[i - 1]).isCloseTo(Math.pow(10, 0.05), within(1e-12));
        }
        for (int i : new int[] {0, 20, 40, 55, 80}) {
            SimulationResult single = run("landscape", "tilted-double-well", "b", 0.8, "beta", betas[i]);
            assertThat(sweep.series("freeEnergyVsBeta").ys()[i])
                    .isCloseTo(
                            value(single, "freeEnergy"), within(1e-12 * (1 + Math.abs(value(single, "freeEnergy")))));
            assertThat(sweep.series("meanEnergyVsBeta").ys()[i]).isCloseTo(value(single, "meanEnergy"), within(1e-12));
            assertThat(sweep.series("entropyVsBeta").ys()[i]).isCloseTo(value(single, "entropy"), within(1e-12));
        }
    }

    // ---------------------------------------------------------------- the two limits of β

    /**
     * At β = 100 the tilted well a(y² − 1)² + by (a = 1, b = 0.5) puts all its mass in the deeper left
     * well. Laplace's method around the minimum y* (found here by Newton's method) gives ⟨y⟩ = y* +
     * O(1/β), ⟨E⟩ = E(y*) + 1/(2β) + O(1/β²), S = ½ ln(2πe/(βE''(y*))) + O(1/β) and F = E(y*) − (1/2β)
     * ln(2π/(βE''(y*))) + O(1/β²). Measured: ⟨y⟩ − y* = 1.4e-3, ⟨E⟩ − E(y*) − 1/(2β) = 1.3e-5, S minus
     * Laplace's value = 2.6e-3, F minus Laplace's value below 1e-4.
     */
    @Test
    void coldConcentratesOnTheGlobalMinimum() {
        double a = 1;
        double b = 0.5;
        double beta = 100;
        double y = -1;
        for (int i = 0; i < 50; i++) { // Newton on E'(y) = 4ay(y² − 1) + b
            y -= (4 * a * y * (y * y - 1) + b) / (4 * a * (3 * y * y - 1));
        }
        double curvature = 4 * a * (3 * y * y - 1);
        double eMin = a * (y * y - 1) * (y * y - 1) + b * y;

        SimulationResult result = run("landscape", "tilted-double-well", "a", a, "b", b, "beta", beta);
        assertThat(value(result, "meanPosition")).isCloseTo(y, within(0.005));
        assertThat(value(result, "meanEnergy")).isCloseTo(eMin + 1 / (2 * beta), within(5e-4));
        assertThat(value(result, "entropy"))
                .isCloseTo(0.5 * Math.log(2 * Math.PI * Math.E / (beta * curvature)), within(0.01));
        assertThat(value(result, "freeEnergy"))
                .isCloseTo(eMin - Math.log(2 * Math.PI / (beta * curvature)) / (2 * beta), within(2e-4));
        assertThat(value(result, "rightWellProbability")).isLessThan(1e-30);
    }

    /**
     * As β → 0, P → 1/L on a domain of length L and S → ln L. For a(y² − 1)² on [−2, 2] at β = 0.01 the
     * energy varies by at most 9, so βE ≤ 0.09 and S = ln L − β² Var(E)/2 + … is within 1e-3 of ln 4
     * (measured 2.1e-4); on the sweep, S approaches ln L from below as β falls.
     */
    @Test
    void hotSpreadsUniformlyOverTheDomain() {
        SimulationResult result = run("landscape", "double-well", "yMin", -2.0, "yMax", 2.0, "beta", 0.01);
        assertThat(value(result, "entropy")).isCloseTo(Math.log(4), within(1e-3));
        assertThat(value(result, "entropy")).isLessThanOrEqualTo(Math.log(4)); // uniform has the largest entropy
        double[] p = result.series("probability").ys();
        assertThat(Arrays.stream(p).max().orElseThrow() / Arrays.stream(p).min().orElseThrow())
                .isLessThan(Math.exp(0.09) + 1e-9);
        double[] entropy = result.series("entropyVsBeta").ys();
        for (int i = 1; i < 20; i++) {
            assertThat(Math.log(4) - entropy[i - 1]).isLessThan(Math.log(4) - entropy[i]);
        }

        // Off-centre harmonic domain [−1, 3]: the mean position goes to the middle of the domain, 1, not to
        // the minimum 0. To first order in β, ⟨y⟩ = 1 − β Cov(y, E) under the uniform density, with
        // Cov(y, y²/2) = (E[y³] − E[y] E[y²])/2 = (5 − 7/3)/2 = 4/3 (measured ⟨y⟩ = 0.98674 vs 0.98667).
        SimulationResult shifted = run("landscape", "harmonic", "yMin", -1.0, "yMax", 3.0, "beta", 0.01);
        assertThat(value(shifted, "meanPosition")).isCloseTo(1 - 0.01 * 4.0 / 3, within(1e-3));
        assertThat(value(shifted, "entropy")).isCloseTo(Math.log(4), within(1e-3));
    }

    // ---------------------------------------------------------------- extremes, shifts, custom landscapes

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"harmonic", "double-well", "tilted-double-well", "custom"})
    void nothingOverflowsOrTurnsIntoNaNAtEitherEndOfTheBetaRange(String landscape) {
        for (double beta : new double[] {0.01, 100}) {
            for (Object[] domain : new Object[][] {{-3.0, 3.0}, {-100.0, 100.0}}) {
                SimulationResult result =
                        run("landscape", landscape, "beta", beta, "yMin", domain[0], "yMax", domain[1]);
                result.scalars().forEach((name, scalar) -> {
                    if (scalar.available()) {
                        assertThat(scalar.value())
                                .as("%s at β = %s", name, beta)
                                .isFinite();
                    } else {
                        assertThat(name).isEqualTo("partitionFunction");
                        assertThat(scalar.note()).contains("ln Z");
                    }
                });
                assertThat(result.scalar("logPartitionFunction").available()).isTrue();
                result.series().forEach((name, series) -> assertThat(
                                Arrays.stream(series.ys()).allMatch(Double::isFinite))
                        .as("%s at β = %s on %s", name, beta, Arrays.toString(domain))
                        .isTrue());
            }
        }
    }

    /**
     * A constant c₀ added to E multiplies Z by exp(−βc₀) and shifts F and ⟨E⟩ by c₀, leaving P and S
     * unchanged. With c₀ = ±10 at β = 100, Z = e^(∓1000) is outside the range of a double: it is reported
     * as unavailable, while ln Z stays exact.
     */
    @ParameterizedTest(name = "c₀ = {0}")
    @ValueSource(doubles = {-10, 3, 10})
    void aConstantInTheEnergyShiftsFreeAndMeanEnergyOnly(double c0) {
        double beta = 100;
        SimulationResult base = run("landscape", "custom", "beta", beta);
        SimulationResult shifted = run("landscape", "custom", "c0", c0, "beta", beta);
        assertThat(value(shifted, "logPartitionFunction"))
                .isCloseTo(value(base, "logPartitionFunction") - beta * c0, within(1e-9));
        assertThat(value(shifted, "freeEnergy")).isCloseTo(value(base, "freeEnergy") + c0, within(1e-12));
        assertThat(value(shifted, "meanEnergy")).isCloseTo(value(base, "meanEnergy") + c0, within(1e-12));
        assertThat(value(shifted, "entropy")).isCloseTo(value(base, "entropy"), within(1e-12));
        double[] p = shifted.series("probability").ys();
        double[] q = base.series("probability").ys();
        for (int i = 0; i < p.length; i++) {
            assertThat(p[i]).isCloseTo(q[i], within(1e-12 * (1 + q[i])));
        }
        assertThat(shifted.scalar("partitionFunction").available()).isEqualTo(Math.abs(c0) < 7);
    }

    @Test
    void customPolynomialsReproduceTheBuiltInLandscapes() {
        double a = 1.7;
        double b = -0.4;
        SimulationResult tilted = run("landscape", "tilted-double-well", "a", a, "b", b, "beta", 2.0);
        SimulationResult custom = run(
                "landscape",
                "custom",
                "c0",
                a,
                "c1",
                b,
                "c2",
                -2 * a,
                "c3",
                0.0,
                "c4",
                a,
                "c5",
                0.0,
                "c6",
                0.0,
                "beta",
                2.0);
        SimulationResult harmonic = run("landscape", "harmonic", "k", 3.0, "beta", 2.0);
        SimulationResult quadratic = run(
                "landscape",
                "custom",
                "c0",
                0.0,
                "c1",
                0.0,
                "c2",
                1.5,
                "c3",
                0.0,
                "c4",
                0.0,
                "c5",
                0.0,
                "c6",
                0.0,
                "beta",
                2.0);
        for (String name : tilted.scalars().keySet()) {
            assertThat(value(custom, name)).as(name).isCloseTo(value(tilted, name), within(1e-10));
            assertThat(value(quadratic, name)).as(name).isCloseTo(value(harmonic, name), within(1e-10));
        }
    }

    // ---------------------------------------------------------------- parameters and results

    @Test
    void anEmptyDomainIsRefusedOnYMax() {
        assertThatThrownBy(() -> params("yMin", 2.0, "yMax", 2.0))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field())
                        .isEqualTo("yMax"))
                .hasMessageContaining("greater than yMin");
        assertThatThrownBy(() -> params("yMin", 1.0, "yMax", -1.0)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> params("beta", 200.0)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> params("gridPoints", 50)).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void aDistributionNarrowerThanTheGridIsReported() {
        // σ = 1/√(βk) = 0.01 on a grid of spacing 2: one point carries all the mass.
        SimulationResult coarse = run(
                "landscape", "harmonic", "k", 100.0, "beta", 100.0, "yMin", -100.0, "yMax", 100.0, "gridPoints", 101);
        assertThat(coarse.scalar("logPartitionFunction").note()).contains("grid points");
        assertThat(run().scalar("logPartitionFunction").note()).isEmpty();
    }

    @Test
    void resultNamesAreExactlyTheDocumentedOnes() {
        SimulationResult result = run();
        assertThat(result.scalars().keySet())
                .containsExactly(
                        "partitionFunction",
                        "logPartitionFunction",
                        "freeEnergy",
                        "meanEnergy",
                        "entropy",
                        "meanPosition",
                        "rightWellProbability");
        assertThat(result.series().keySet())
                .containsExactly("energy", "probability", "freeEnergyVsBeta", "meanEnergyVsBeta", "entropyVsBeta");
        assertThat(result.series("probability").size()).isEqualTo(2001);
        List<String> charted =
                SIM.charts().stream().flatMap(c -> c.series().stream()).toList();
        assertThat(result.series().keySet()).containsAll(charted);
        assertThat(SIM.charts().stream().filter(c -> c.series().contains("entropyVsBeta")))
                .allMatch(ChartSpec::logX);
        assertThat(LANDSCAPES)
                .allSatisfy(l -> assertThat(run("landscape", l).series()).hasSize(5));
    }
}
