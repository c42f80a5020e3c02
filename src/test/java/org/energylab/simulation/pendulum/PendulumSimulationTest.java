package org.energylab.simulation.pendulum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.energylab.simulation.CancellationSignal;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.ProgressSink;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.RunStoppedException;
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
 * The pendulum of lesson 1.1 against closed-form and independently computed values: periods from
 * 2π√(ℓ/g) and from the complete elliptic integral, revolution times by quadrature, energies from
 * ½mℓ²ω² − mgℓ cos θ recomputed from the recorded θ and ω.
 */
class PendulumSimulationTest {
    private static final PendulumSimulation SIM = new PendulumSimulation();
    private static final double G_EARTH = 9.81;

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
        return SIM.schema().validate(raw(keyValues));
    }

    private static SimulationResult run(Object... keyValues) {
        return SIM.run(RunContext.of(params(keyValues), 0));
    }

    private static double period(SimulationResult result) {
        Scalar period = result.scalar("period");
        assertThat(period.available()).as("period available: %s", period.note()).isTrue();
        return period.value();
    }

    /** Arithmetic–geometric mean of a and b. */
    static double agm(double a, double b) {
        for (int i = 0; i < 100 && Math.abs(a - b) > 1e-15 * a; i++) {
            double mean = (a + b) / 2;
            b = Math.sqrt(a * b);
            a = mean;
        }
        return a;
    }

    /** Complete elliptic integral of the first kind, with the modulus k: K(k) = ∫₀^{π/2} dφ/√(1 − k² sin²φ). */
    static double ellipticK(double k) {
        return Math.PI / (2 * agm(1, Math.sqrt(1 - k * k)));
    }

    /** Exact period of the undamped pendulum released at rest from θ₀. */
    static double exactPeriod(double length, double g, double theta0) {
        return 4 * Math.sqrt(length / g) * ellipticK(Math.sin(theta0 / 2));
    }

    /** max|E − E₀|/|E₀| with E = ½mℓ²ω² − mgℓ cos θ recomputed from the recorded θ and ω. */
    private static double drift(SimulationResult result, double mass, double length, double g) {
        double[] theta = result.series("theta").ys();
        double[] omega = result.series("omega").ys();
        double e0 = energy(mass, length, g, theta[0], omega[0]);
        double max = 0;
        for (int i = 0; i < theta.length; i++) {
            max = Math.max(max, Math.abs(energy(mass, length, g, theta[i], omega[i]) - e0));
        }
        return max / Math.abs(e0);
    }

    private static double energy(double mass, double length, double g, double theta, double omega) {
        return 0.5 * mass * length * length * omega * omega - mass * g * length * Math.cos(theta);
    }

    private static double drift(String integrator, double duration) {
        return drift(run("theta0", 1.0, "integrator", integrator, "dt", 0.01, "duration", duration), 1, 1, G_EARTH);
    }

    private static double last(double[] values) {
        return values[values.length - 1];
    }

    @Test
    void ellipticKHelperMatchesKnownValues() {
        // K(0) = π/2; K(1/√2) = Γ(1/4)²/(4√π) = 1.8540746773013719 (the lemniscate case).
        assertThat(ellipticK(0)).isCloseTo(Math.PI / 2, within(1e-15));
        assertThat(ellipticK(Math.sqrt(0.5))).isCloseTo(1.8540746773013719, within(1e-14));
    }

    // ---------------------------------------------------------------- period

    @ParameterizedTest(name = "ℓ = {0} m, g = {1} m/s²")
    @CsvSource({"1, 9.81", "2.5, 3.7", "0.3, 25", "10, 0.5"})
    void smallAnglePeriodIsTwoPiRootLOverG(double length, double g) {
        double expected = 2 * Math.PI * Math.sqrt(length / g);
        // At θ₀ = 0.05 the true period exceeds 2π√(ℓ/g) by θ₀²/16 ≈ 1.6e-4, inside the 1e-3 bound.
        SimulationResult result = run(
                "length",
                length,
                "planet",
                "custom",
                "gravity",
                g,
                "theta0",
                0.05,
                "dt",
                0.01,
                "duration",
                Math.min(200, 12 * expected));
        assertThat(period(result)).isCloseTo(expected, within(1e-3 * expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"earth, 9.81", "moon, 1.62", "jupiter, 24.79"})
    void planetPresetsSetGravityAndIgnoreTheCustomValue(String planet, double g) {
        // The custom gravity (20) only counts for planet "custom".
        SimulationResult result = run("planet", planet, "gravity", 20.0, "theta0", 0.05, "duration", 60.0);
        double expected = 2 * Math.PI * Math.sqrt(1 / g);
        assertThat(period(result)).isCloseTo(expected, within(1e-3 * expected));
    }

    @ParameterizedTest(name = "θ₀ = {0}")
    @ValueSource(doubles = {0.5, 1.5, 2.5, 3.0, -2.5})
    void largeAmplitudePeriodIsFourRootLOverGTimesK(double theta0) {
        double expected = exactPeriod(1, G_EARTH, theta0);
        // 60 s holds 11 periods even at θ₀ = 3.0 (T = 5.16 s). Measured agreement: ≤ 5e-12 relative.
        SimulationResult result = run("theta0", theta0, "integrator", "rk4", "dt", 1e-3, "duration", 60.0);
        assertThat(period(result)).isCloseTo(expected, within(1e-4 * expected));
        assertThat(result.scalar("period").note()).isEmpty();
    }

    @Test
    void massDoesNotChangeThePeriod() {
        double expected = exactPeriod(1.3, G_EARTH, 1.2);
        for (double mass : new double[] {0.1, 1, 10}) {
            SimulationResult result = run("mass", mass, "length", 1.3, "theta0", 1.2, "dt", 1e-3, "duration", 30.0);
            assertThat(period(result)).as("mass %s", mass).isCloseTo(expected, within(1e-4 * expected));
        }
        double[] light = run("mass", 0.1, "theta0", 1.2).series("theta").ys();
        double[] heavy = run("mass", 10.0, "theta0", 1.2).series("theta").ys();
        for (int i = 0; i < light.length; i++) {
            assertThat(heavy[i]).isCloseTo(light[i], within(1e-12));
        }
    }

    @Test
    void tooFewSwingsGivesNoPeriodButANote() {
        // θ₀ = 1 has T = 2.04 s: in 0.5 s θ does not even cross zero once.
        Scalar period = run("duration", 0.5).scalar("period");
        assertThat(period.value()).isNull();
        assertThat(period.available()).isFalse();
        assertThat(period.note()).isNotBlank().contains("swing");
        assertThat(period.unit()).isEqualTo("s");
    }

    @Test
    void aPendulumAtRestAtTheBottomHasNoPeriod() {
        Scalar period = run("theta0", 0.0, "omega0", 0.0).scalar("period");
        assertThat(period.value()).isNull();
        assertThat(period.note()).isNotBlank();
    }

    /** Time of one revolution, ∫₀^{2π} dθ/ω(θ) with ω² = ω₀² + 2(g/ℓ)(cos θ − 1), by Simpson's rule. */
    private static double revolutionTime(double omega0, double g, double length) {
        int n = 20_000; // even
        double h = 2 * Math.PI / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double theta = i * h;
            double f = 1 / Math.sqrt(omega0 * omega0 + 2 * (g / length) * (Math.cos(theta) - 1));
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return sum * h / 3;
    }

    @ParameterizedTest(name = "ω₀ = {0}")
    @ValueSource(doubles = {8.0, -8.0})
    void aRotatingStartGivesTheRevolutionTime(double omega0) {
        double expected = revolutionTime(8, G_EARTH, 1); // 0.982003 s; the same in either direction
        SimulationResult result = run(
                "theta0",
                0.0,
                "omega0",
                omega0,
                "length",
                1.0,
                "planet",
                "custom",
                "gravity",
                G_EARTH,
                "dt",
                1e-3,
                "duration",
                20.0);
        // measured relative error 3.3e-6
        assertThat(period(result)).isCloseTo(expected, within(1e-3 * expected));
        assertThat(result.scalar("period").note()).contains("revolution");
    }

    /**
     * PeriodMeter records a pass through the top at the end of the step (t1) instead of
     * interpolating it, as it does for zero crossings. At the default Δt = 0.01 a 5 s run reports
     * 0.980 s instead of 0.98200 s (−2.0e-3); with Δt = 1e-3 or a long run the error averages away.
     */
    @Test
    void revolutionTimeIsAccurateAtTheDefaultStep() {
        double expected = revolutionTime(8, G_EARTH, 1);
        SimulationResult result = run("theta0", 0.0, "omega0", 8.0, "dt", 0.01, "duration", 5.0);
        assertThat(period(result)).isCloseTo(expected, within(1e-3 * expected));
    }

    /**
     * A damped pendulum that goes over the top once or twice and then swings about θ = 2π or 4π:
     * PeriodMeter only counts crossings of θ = 0 itself, so it reports no period (ω₀ = 7) or the
     * 1.35 s between two top passes labelled "one revolution" (ω₀ = 8), although the run holds ~28
     * swings. Counting upward crossings of the nearest multiple of 2π after the last top pass gives
     * 2.07 s in both cases (the damped small-angle period is 2π/√(g/ℓ − γ²/4) = 2.007 s).
     */
    @ParameterizedTest(name = "ω₀ = {0}")
    @ValueSource(doubles = {7.0, 8.0})
    void aDampedPendulumThatWentOverTheTopThenSwingsHasASwingPeriod(double omega0) {
        SimulationResult result = run("theta0", 0.0, "omega0", omega0, "damping", 0.2, "dt", 0.01, "duration", 60.0);
        assertThat(Math.abs(last(result.series("theta").ys()))).isGreaterThan(6); // it did go over
        assertThat(period(result)).isBetween(2.0, 2.2);
        assertThat(result.scalar("period").note()).doesNotContain("revolution");
    }

    // ---------------------------------------------------------------- energy

    @Test
    void energySeriesFollowTheirDefinitions() {
        double m = 2;
        double l = 1.5;
        double g = 3;
        SimulationResult result = run(
                "mass",
                m,
                "length",
                l,
                "planet",
                "custom",
                "gravity",
                g,
                "theta0",
                2.0,
                "omega0",
                -1.0,
                "dt",
                0.01,
                "duration",
                5.0);
        double[] theta = result.series("theta").ys();
        double[] omega = result.series("omega").ys();
        double[] time = result.series("theta").xs();
        assertThat(theta).hasSize(501);
        for (int i = 0; i < theta.length; i++) {
            double kinetic = 0.5 * m * l * l * omega[i] * omega[i];
            double potential = -m * g * l * Math.cos(theta[i]);
            assertThat(time[i]).isCloseTo(i * 0.01, within(1e-12));
            assertThat(result.series("kinetic").ys()[i]).isCloseTo(kinetic, within(1e-12));
            assertThat(result.series("potential").ys()[i]).isCloseTo(potential, within(1e-12));
            assertThat(result.series("energy").ys()[i]).isCloseTo(kinetic + potential, within(1e-12));
            assertThat(result.series("lagrangian").ys()[i]).isCloseTo(kinetic - potential, within(1e-12));
            assertThat(result.series("phase").xs()[i]).isEqualTo(theta[i]);
            assertThat(result.series("phase").ys()[i]).isEqualTo(omega[i]);
        }
        assertThat(theta[0]).isEqualTo(2.0);
        assertThat(omega[0]).isEqualTo(-1.0);
    }

    @Test
    void energyDriftScalarIsTheRelativeMaximumDeviation() {
        // Every step is recorded here (stride 1), so the scalar must equal the drift recomputed from θ, ω.
        for (String integrator : new String[] {"explicit-euler", "velocity-verlet"}) {
            SimulationResult result = run("theta0", 1.0, "integrator", integrator, "dt", 0.01, "duration", 20.0);
            assertThat(result.scalar("energyDrift").value()).isCloseTo(drift(result, 1, 1, G_EARTH), within(1e-9));
        }
    }

    /**
     * Explicit Euler multiplies the energy of a harmonic oscillator by 1 + ω²Δt² per step, so E
     * grows roughly like e^{ω²Δt·t}: with ω² = 9.81 and Δt = 0.01 that is already order 1 after 10
     * s. Measured relative drift from θ₀ = 1: 0.96 at 10 s, 3.95 at 40 s, 18.5 at 200 s.
     */
    @Test
    void explicitEulerEnergyDriftGrowsWithDuration() {
        double at10 = drift("explicit-euler", 10);
        double at40 = drift("explicit-euler", 40);
        assertThat(at40).isGreaterThan(2 * at10);
        assertThat(at10).isGreaterThan(0.3);
        assertThat(at40).isGreaterThan(1);
    }

    /**
     * Symplectic methods conserve a modified energy H̃ = H + O(Δt^p) exactly (up to exponentially
     * long times), so E − E₀ oscillates with a fixed amplitude instead of growing. For symplectic
     * Euler (p = 1) the amplitude is about Δt·max|ω·(g/ℓ) sin θ|/|E₀| ≈ 0.01·13.3/5.3 ≈ 0.025 for θ₀ =
     * 1, Δt = 0.01 (measured 0.0127 at both 20 s and 200 s); for Verlet (p = 2) it is Δt² smaller in
     * order (measured 1.93e-4 at both). Bounds: 0.03 and 1e-3, and at most 5 % more at 200 s than
     * at 20 s (measured ratio 1.0000 for both).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"symplectic-euler, 0.03", "velocity-verlet, 1e-3"})
    void symplecticMethodsKeepTheEnergyErrorBounded(String integrator, double bound) {
        double at20 = drift(integrator, 20);
        double at200 = drift(integrator, 200);
        assertThat(at200).isLessThan(bound);
        assertThat(at200).isLessThanOrEqualTo(1.05 * at20);
        assertThat(at20).isGreaterThan(0); // a real measurement, not a run that never moved
    }

    /**
     * RK4 is not symplectic: its energy error grows linearly with time (measured 1.74e-8 at 20 s,
     * 1.62e-7 at 200 s, ratio 9.3 for a 10× longer run), but with a slope of about 8e-10 per second at
     * Δt = 0.01 it stays negligible over the longest run a learner can ask for. Bounds: below 1e-6
     * at 200 s, growth no faster than linear (ratio below 12), and a hundred thousand times less
     * than explicit Euler's at 20 s (2.26).
     */
    @Test
    void rk4KeepsTheEnergyErrorTinyOverTheLongestRun() {
        double at20 = drift("rk4", 20);
        double at200 = drift("rk4", 200);
        assertThat(at200).isLessThan(1e-6);
        assertThat(at200 / at20).isLessThan(12);
        assertThat(at20 * 1e5).isLessThan(drift("explicit-euler", 20));
    }

    @ParameterizedTest(name = "{0}, γ = {1}")
    @CsvSource({
        "rk4, 0.1", "rk4, 0.5", "rk4, 2",
        "velocity-verlet, 0.1", "velocity-verlet, 0.5", "velocity-verlet, 2"
    })
    void withDampingTheEnergyNeverIncreases(String integrator, double damping) {
        // dE/dt = −γmℓ²ω² ≤ 0. Measured largest step-to-step change: ≤ −2.9e-10 for γ ≤ 0.5, and
        // +3.6e-15 (round-off once the pendulum is at rest) for γ = 2.
        SimulationResult result =
                run("theta0", 1.0, "damping", damping, "integrator", integrator, "dt", 0.01, "duration", 20.0);
        double[] energy = result.series("energy").ys();
        for (int i = 1; i < energy.length; i++) {
            assertThat(energy[i]).as("E at step %d", i).isLessThanOrEqualTo(energy[i - 1] + 1e-12);
        }
        assertThat(last(energy)).isLessThan(energy[0] - 0.1);
    }

    @Test
    void theEnergyLostEqualsTheWorkOfTheDampingForce() {
        // E(T) − E(0) = −∫ γmℓ²ω² dt; the integral by the trapezoidal rule over the recorded ω.
        double m = 1.5;
        double l = 0.8;
        double gamma = 0.3;
        double dt = 1e-3;
        SimulationResult result =
                run("mass", m, "length", l, "theta0", 1.0, "damping", gamma, "dt", dt, "duration", 10.0);
        double[] omega = result.series("omega").ys();
        double integral = 0;
        for (int i = 1; i < omega.length; i++) {
            integral += dt * (omega[i] * omega[i] + omega[i - 1] * omega[i - 1]) / 2;
        }
        double work = gamma * m * l * l * integral;
        double[] energy = result.series("energy").ys();
        assertThat(energy[0] - last(energy)).isCloseTo(work, within(1e-4 * work));
    }

    // ---------------------------------------------------------------- runs

    @Test
    void twoRunsWithTheSameParametersAreIdentical() {
        Object[] p = {"theta0", 2.0, "omega0", 0.5, "damping", 0.1, "ensemble", 25, "duration", 10.0};
        SimulationResult a = run(p);
        SimulationResult b = run(p);
        assertThat(b.series().keySet()).containsExactlyElementsOf(a.series().keySet());
        for (String name : a.series().keySet()) {
            assertThat(b.series(name).xs())
                    .as(name)
                    .containsExactly(a.series(name).xs());
            assertThat(b.series(name).ys())
                    .as(name)
                    .containsExactly(a.series(name).ys());
        }
        assertThat(b.scalars()).isEqualTo(a.scalars());
    }

    @Test
    void seriesNamesAreExactlyTheDocumentedOnes() {
        SimulationResult result = run();
        assertThat(result.series().keySet())
                .containsExactly("theta", "omega", "kinetic", "potential", "energy", "lagrangian", "phase");
        assertThat(result.scalars().keySet()).containsExactly("period", "energyDrift");
        assertThat(result.grids()).isEmpty();

        SimulationResult withEnsemble = run("ensemble", 4, "duration", 1.0);
        assertThat(withEnsemble.series().keySet())
                .containsExactly(
                        "theta",
                        "omega",
                        "kinetic",
                        "potential",
                        "energy",
                        "lagrangian",
                        "phase",
                        "ensembleStart",
                        "ensembleEnd");
        // Every series a chart names is one a run can produce.
        List<String> charted =
                SIM.charts().stream().flatMap(c -> c.series().stream()).toList();
        assertThat(withEnsemble.series().keySet()).containsAll(charted);
        assertThat(SIM.charts()).extracting(ChartSpec::title).doesNotHaveDuplicates();
    }

    @Test
    void longRunsAreThinnedToAtMostMaxPoints() {
        SimulationResult result = run("duration", 200.0, "dt", 1e-4);
        for (Series series : result.series().values()) {
            assertThat(series.size())
                    .as(series.label())
                    .isBetween(PendulumSimulation.MAX_POINTS / 2, PendulumSimulation.MAX_POINTS + 1);
        }
        double[] time = result.series("theta").xs();
        assertThat(time[0]).isZero();
        assertThat(last(time)).isCloseTo(200, within(1e-6));
        // The thinned curve is still the pendulum: E is conserved to RK4 accuracy on the kept points.
        assertThat(drift(result, 1, 1, G_EARTH)).isLessThan(1e-9);
    }

    @Test
    void progressIsReportedAndTheAppendedChunksMakeTheSeries() {
        List<Double> fractions = new ArrayList<>();
        Map<String, List<Double>> appended = new HashMap<>();
        ProgressSink sink = new ProgressSink() {
            @Override
            public void progress(double fraction) {
                fractions.add(fraction);
            }

            @Override
            public void append(String series, double[] x, double[] y) {
                List<Double> values = appended.computeIfAbsent(series, s -> new ArrayList<>());
                for (double v : y) {
                    values.add(v);
                }
            }
        };
        SimulationResult result =
                SIM.run(new RunContext(params("duration", 7.0, "ensemble", 9), 0, sink, CancellationSignal.NEVER));
        assertThat(fractions).isSortedAccordingTo(Double::compare).hasSizeGreaterThanOrEqualTo(100);
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
        assertThat(appended.keySet())
                .containsExactlyInAnyOrderElementsOf(result.series().keySet());
        for (String name : result.series().keySet()) {
            assertThat(appended.get(name))
                    .as(name)
                    .containsExactly(java.util.Arrays.stream(result.series(name).ys())
                            .boxed()
                            .toArray(Double[]::new));
        }
    }

    @Test
    void theCancellationSignalStopsARun() {
        AtomicInteger checks = new AtomicInteger();
        RunStoppedException stop = new RunStoppedException(RunStoppedException.Reason.CANCELLED, "stop");
        CancellationSignal signal = () -> {
            if (checks.incrementAndGet() == 3) {
                throw stop;
            }
        };
        List<Double> fractions = new ArrayList<>();
        ProgressSink sink = new ProgressSink() {
            @Override
            public void progress(double fraction) {
                fractions.add(fraction);
            }

            @Override
            public void append(String series, double[] x, double[] y) {}
        };
        RunContext context = new RunContext(params("duration", 20.0, "dt", 0.01), 0, sink, signal);
        assertThatThrownBy(() -> SIM.run(context)).isSameAs(stop);
        assertThat(checks).hasValue(3);
        // 2000 steps, a check every 20: it stopped at 3 % of the run, after reporting 1 % and 2 %.
        assertThat(fractions).containsExactly(0.01, 0.02);
    }

    // ---------------------------------------------------------------- ensemble

    @ParameterizedTest(name = "{0}, γ = {1}")
    @CsvSource({
        "explicit-euler, 0",
        "symplectic-euler, 0",
        "velocity-verlet, 0",
        "rk4, 0",
        "velocity-verlet, 0.3",
        "rk4, 0.3"
    })
    void theEnsembleCentreFollowsTheSingleTrajectory(String integrator, double damping) {
        SimulationResult result = run(
                "theta0",
                1.0,
                "omega0",
                0.5,
                "damping",
                damping,
                "integrator",
                integrator,
                "ensemble",
                25,
                "dt",
                0.01,
                "duration",
                10.0);
        Series start = result.series("ensembleStart");
        Series end = result.series("ensembleEnd");
        assertThat(start.size()).isEqualTo(25);
        assertThat(end.size()).isEqualTo(25);
        // Member 12 is the centre of the 5 × 5 grid: it starts at (θ₀, ω₀) ...
        assertThat(start.xs()[12]).isCloseTo(1.0, within(1e-15));
        assertThat(start.ys()[12]).isCloseTo(0.5, within(1e-15));
        // ... and ends where the single trajectory ends.
        assertThat(end.xs()[12]).isCloseTo(last(result.series("theta").ys()), within(1e-9));
        assertThat(end.ys()[12]).isCloseTo(last(result.series("omega").ys()), within(1e-9));
    }

    @Test
    void theEnsembleStartsOnASymmetricGridAroundTheStart() {
        SimulationResult result = run("theta0", -0.4, "omega0", 1.0, "ensemble", 25, "duration", 1.0);
        Series start = result.series("ensembleStart");
        double[] offsets = {-1, -0.5, 0, 0.5, 1};
        for (int k = 0; k < 25; k++) {
            assertThat(start.xs()[k]).isCloseTo(-0.4 + PendulumSimulation.PATCH_THETA * offsets[k % 5], within(1e-12));
            assertThat(start.ys()[k]).isCloseTo(1.0 + PendulumSimulation.PATCH_OMEGA * offsets[k / 5], within(1e-12));
        }
    }

    @Test
    void everyEnsembleMemberEndsWhereASingleRunFromItsStartEnds() {
        SimulationResult result = run("theta0", 1.0, "ensemble", 25, "damping", 0.2, "dt", 0.01, "duration", 10.0);
        Series start = result.series("ensembleStart");
        Series end = result.series("ensembleEnd");
        for (int k = 0; k < 25; k++) {
            SimulationResult single =
                    run("theta0", start.xs()[k], "omega0", start.ys()[k], "damping", 0.2, "dt", 0.01, "duration", 10.0);
            assertThat(end.xs()[k])
                    .as("θ of member %d", k)
                    .isCloseTo(last(single.series("theta").ys()), within(1e-9));
            assertThat(end.ys()[k])
                    .as("ω of member %d", k)
                    .isCloseTo(last(single.series("omega").ys()), within(1e-9));
        }
    }

    @Test
    void tooLargeAnEnsembleIsRefusedOnTheEnsembleField() {
        Map<String, Object> tooMuch = raw("ensemble", 10_000, "duration", 200.0, "dt", 1e-3);
        assertThatThrownBy(() -> SIM.checkCombination(params("ensemble", 10_000, "duration", 200.0, "dt", 1e-3)))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.field())
                        .isEqualTo("ensemble"))
                .hasMessageContaining("10000");
        assertThatThrownBy(() -> SimulationRegistry.validate(SIM, tooMuch))
                .isInstanceOf(InvalidParameterException.class);
        // 10 000 × 2 000 steps is allowed, and a single trajectory is never limited this way.
        assertThatCode(() -> SIM.checkCombination(params("ensemble", 10_000, "duration", 20.0, "dt", 0.01)))
                .doesNotThrowAnyException();
        assertThatCode(() -> SIM.checkCombination(params("ensemble", 1, "duration", 200.0, "dt", 1e-4)))
                .doesNotThrowAnyException();
    }
}
