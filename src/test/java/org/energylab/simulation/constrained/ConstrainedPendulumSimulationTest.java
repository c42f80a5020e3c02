package org.energylab.simulation.constrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.Scalar;
import org.energylab.simulation.Series;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationResult;
import org.energylab.simulation.ode.DoubleArrayOps;
import org.energylab.simulation.ode.IntegrationMethod;
import org.energylab.simulation.ode.Integrator;
import org.energylab.simulation.pendulum.PendulumSimulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Cartesian pendulum of lesson 1.2 against the angle form of lesson 1.1 (run independently by
 * {@link PendulumSimulation}), against the closed-form tension m(g cos θ + ℓθ̇²), and against the
 * exact behaviour of Baumgarte's correction C̈ + 2αĊ + β²C = 0.
 */
class ConstrainedPendulumSimulationTest {
    private static final ConstrainedPendulumSimulation SIM = new ConstrainedPendulumSimulation();
    private static final PendulumSimulation PENDULUM = new PendulumSimulation();

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    private static SimulationResult run(Simulation simulation, Object... keyValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        Parameters parameters = simulation.schema().validate(raw);
        return simulation.run(RunContext.of(parameters, 0));
    }

    private static SimulationResult run(Object... keyValues) {
        return run(SIM, keyValues);
    }

    private static double violation(SimulationResult result) {
        Scalar scalar = result.scalar("maxConstraintViolation");
        assertThat(scalar.available()).isTrue();
        return scalar.value();
    }

    /** The difference of two angles, brought into (−π, π]. */
    private static double angleDifference(double a, double b) {
        double d = Math.IEEEremainder(a - b, 2 * Math.PI);
        return Math.abs(d);
    }

    // ---------------------------------------------------------------- the multiplier is the tension

    @ParameterizedTest(name = "m = {0} kg, ℓ = {1} m, g = {2} m/s²")
    @CsvSource({"1, 1, 9.81", "2.5, 0.4, 3.7", "0.1, 10, 30"})
    void hangingAtRestTheMultiplierIsMinusMgOverTwoL(double m, double l, double g) {
        // mẍ = 2λx, mÿ = −mg + 2λy at (0, −ℓ) at rest: 0 = −mg − 2λℓ, so λ = −mg/(2ℓ) and T = −2λℓ = mg.
        SimulationResult result =
                run("mass", m, "length", l, "gravity", g, "theta0", 0.0, "omega0", 0.0, "duration", 1.0);
        for (double lambda : result.series("lambda").ys()) {
            assertThat(lambda).isCloseTo(-m * g / (2 * l), within(1e-12 * m * g / l));
        }
        for (double tension : result.series("tension").ys()) {
            assertThat(tension).isCloseTo(m * g, within(1e-12 * m * g));
        }
    }

    /**
     * Released from the horizontal, the bob reaches the bottom with θ̇² = 2g/ℓ, where the tension is
     * m(g + 2g) = 3mg: the textbook result, whatever m, ℓ and g are. With Δt = 1e-3 s the largest
     * recorded tension is 3mg to 1.5e-8 relative (the samples straddle the bottom). Bound: 1e-5 mg.
     */
    @ParameterizedTest(name = "m = {0} kg, ℓ = {1} m, g = {2} m/s²")
    @CsvSource({"1, 1, 9.81", "3, 0.5, 1.62"})
    void releasedFromTheHorizontalTheTensionAtTheBottomIsThreeMg(double m, double l, double g) {
        SimulationResult result =
                run("mass", m, "length", l, "gravity", g, "theta0", Math.PI / 2, "dt", 1e-3, "duration", 3.0);
        double max =
                java.util.Arrays.stream(result.series("tension").ys()).max().orElseThrow();
        assertThat(max).isCloseTo(3 * m * g, within(1e-5 * m * g));
    }

    /**
     * The tension −2λr along the whole trajectory against m(g cos θ + ℓθ̇²), with θ and θ̇ taken from
     * the Cartesian state. Measured at the defaults (RK4, Δt = 0.01 s, 20 s, α = β = 5 /s): 1.2e-7 mg
     * (bound 1e-6); with α = β = 0: 3.3e-5 mg (bound 1e-4), when the rod has drifted by 7e-5 ℓ². The
     * residual comes from the violation alone: on the circle, −2λℓ = m(g cos θ + ℓθ̇²) exactly.
     */
    @Test
    void theTensionMatchesMGCosThetaPlusLThetaDotSquared() {
        SimulationResult result = run();
        assertThat(result.scalar("maxTensionError").value()).isLessThan(1e-6).isPositive();
        double[] tension = result.series("tension").ys();
        double[] analytic = result.series("tensionAnalytic").ys();
        double largest = 0;
        for (int i = 0; i < tension.length; i++) {
            largest = Math.max(largest, Math.abs(tension[i] - analytic[i]));
        }
        // Every step is recorded here, so the scalar is the largest difference of the two series.
        assertThat(result.scalar("maxTensionError").value()).isCloseTo(largest / 9.81, within(1e-15));
        assertThat(run("alpha", 0.0, "beta", 0.0).scalar("maxTensionError").value())
                .isLessThan(1e-4);
    }

    /**
     * The tension from λ against the tension computed from the angle form of lesson 1.1, run by {@link
     * PendulumSimulation} with the same start, g, RK4 and Δt = 1e-3 s, including a start that goes over
     * the top (ω₀ = 7 rad/s, ℓ = 1 m: the rod pushes near the top, T < 0). Measured largest difference
     * over 10 s: 2.2e-10 mg (swinging) and 2.5e-8 mg (over the top). Bound: 1e-7 mg.
     */
    @ParameterizedTest(name = "θ₀ = {0}, ω₀ = {1}")
    @CsvSource({"1.0, 0.5", "0.0, 7.0"})
    void theTensionMatchesTheAngleFormOfThePendulum(double theta0, double omega0) {
        double g = 9.81;
        SimulationResult cartesian = run("theta0", theta0, "omega0", omega0, "dt", 1e-3, "duration", 10.0);
        SimulationResult angular = run(
                PENDULUM,
                "planet",
                "custom",
                "gravity",
                g,
                "theta0",
                theta0,
                "omega0",
                omega0,
                "integrator",
                "rk4",
                "dt",
                1e-3,
                "duration",
                10.0);
        double[] theta = angular.series("theta").ys();
        double[] omega = angular.series("omega").ys();
        double[] tension = cartesian.series("tension").ys();
        assertThat(tension).hasSameSizeAs(theta);
        double min = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (int i = 0; i < theta.length; i++) {
            double expected = g * Math.cos(theta[i]) + omega[i] * omega[i];
            largest = Math.max(largest, Math.abs(tension[i] - expected));
            min = Math.min(min, tension[i]);
        }
        assertThat(largest).isLessThan(1e-7 * g);
        if (omega0 > 2 * Math.sqrt(g)) {
            assertThat(min).as("the rod pushes near the top").isNegative();
        }
    }

    // ---------------------------------------------------------------- same motion as the angle form

    /**
     * θ = atan2(x, −y) of the Cartesian run against θ(t) of {@link PendulumSimulation}, both RK4 with
     * Δt = 1e-3 s over 20 s. Measured largest difference from θ₀ = 1: 3.9e-10 rad with α = β = 5 /s and
     * 2.8e-8 rad with α = β = 0 (the rod has drifted by 7e-9 ℓ²); 9.5e-9 rad from θ₀ = −2.5; 4.3e-8 rad
     * for a pendulum whirling over the top (ω₀ = 8 rad/s). Bound: 1e-7 rad.
     */
    @ParameterizedTest(name = "α = β = {2}, θ₀ = {0}, ω₀ = {1}")
    @CsvSource({"1.0, 0.0, 5", "1.0, 0.0, 0", "-2.5, 1.0, 5", "0.3, 8.0, 5"})
    void itFollowsThePendulumOfLessonOne(double theta0, double omega0, double gain) {
        double g = 9.81;
        SimulationResult cartesian =
                run("theta0", theta0, "omega0", omega0, "alpha", gain, "beta", gain, "dt", 1e-3, "duration", 20.0);
        SimulationResult angular = run(
                PENDULUM,
                "planet",
                "custom",
                "gravity",
                g,
                "theta0",
                theta0,
                "omega0",
                omega0,
                "integrator",
                "rk4",
                "dt",
                1e-3,
                "duration",
                20.0);
        Series path = cartesian.series("path");
        double[] theta = angular.series("theta").ys();
        assertThat(path.size()).isEqualTo(theta.length);
        double largest = 0;
        for (int i = 0; i < theta.length; i++) {
            double fromXY = CartesianPendulumModel.angle(path.xs()[i], path.ys()[i]);
            largest = Math.max(largest, angleDifference(fromXY, theta[i]));
        }
        assertThat(largest).isLessThan(1e-7);
    }

    // ---------------------------------------------------------------- drift and stabilisation

    /**
     * Without stabilisation nothing pulls the bob back to the circle: the index-reduced equations only
     * enforce C̈ = 0, so integration errors in Ċ accumulate and C grows about quadratically in time.
     * Measured max|C|/ℓ² with RK4 at Δt = 0.05 s: 0.0028 after 5 s, 0.0112 after 10 s, 0.0455 after 20
     * s (×4 per doubling); at 77 s the rod has stretched past √11 ℓ and the run stops.
     */
    @Test
    void withoutStabilisationTheViolationGrows() {
        double[] violations = new double[3];
        double[] durations = {5, 10, 20};
        for (int k = 0; k < 3; k++) {
            violations[k] = violation(run("alpha", 0.0, "beta", 0.0, "dt", 0.05, "duration", durations[k]));
        }
        assertThat(violations[1]).isGreaterThan(3 * violations[0]);
        assertThat(violations[2]).isGreaterThan(3 * violations[1]);
        assertThat(violations[2]).isGreaterThan(0.02);

        SimulationResult longRun = run("alpha", 0.0, "beta", 0.0, "dt", 0.05, "duration", 200.0);
        assertThat(longRun.scalar("maxConstraintViolation").note()).contains("stopped");
    }

    /**
     * With the default gains α = β = 5 /s the violation settles at a level set by the integrator's
     * error per step and stays there. Measured max|C|/ℓ² with RK4: 6.1e-5 at Δt = 0.05 s and 9.4e-8 at
     * Δt = 0.01 s, the same after 20 s and after 200 s (bounds 1e-4 and 1e-6). Without stabilisation the
     * same runs reach 1.85 (stopped at 77 s) and 7.3e-3 after 200 s: more than 100 times worse.
     */
    @ParameterizedTest(name = "Δt = {0} s")
    @CsvSource({"0.05, 1e-4", "0.01, 1e-6"})
    void withStabilisationTheViolationStaysSmall(double dt, double bound) {
        double at20 = violation(run("dt", dt, "duration", 20.0));
        double at200 = violation(run("dt", dt, "duration", 200.0));
        assertThat(at200).isLessThan(bound).isPositive();
        assertThat(at200).isLessThanOrEqualTo(1.05 * at20);
        assertThat(violation(run("dt", dt, "duration", 200.0, "alpha", 0.0, "beta", 0.0)))
                .isGreaterThan(100 * at200);
    }

    /**
     * The index reduction turns the constraint into the ODE C̈ + 2αĊ + β²C = 0 for the violation, which
     * holds exactly along the equations of motion. Started 1 % off the circle with a tangential velocity,
     * with α = β the violation must follow the critically damped C(t) = C₀(1 + βt)e^{−βt}; with α = β = 0
     * it must stay at C₀. Measured largest difference over 2 s with RK4, Δt = 1e-3 s: 4.9e-11, 8.6e-12,
     * 5.0e-11 and 1.2e-9 of C₀ for gains 0, 2, 5 and 20 /s. Bound: 1e-8 of C₀.
     */
    @ParameterizedTest(name = "α = β = {0}")
    @CsvSource({"0", "2", "5", "20"})
    void aViolationDecaysAsBaumgartesEquationSays(double gain) {
        CartesianPendulumModel model = new CartesianPendulumModel(1.0, 1.0, 9.81, gain, gain);
        double[] q = {0.0, -Math.sqrt(1.02)}; // x² + y² = 1.02ℓ²: C₀ = 0.02 m²
        double[] v = {1.0, 0.0}; // tangential, so Ċ₀ = 0
        Integrator<double[]> rk4 = IntegrationMethod.RK4.create(model.system(), DoubleArrayOps.INSTANCE, q);
        double c0 = model.violation(q[0], q[1]);
        double dt = 1e-3;
        double largest = 0;
        for (int i = 1; i <= 2000; i++) {
            rk4.step(q, v, dt);
            double t = i * dt;
            double expected = c0 * (1 + gain * t) * Math.exp(-gain * t);
            largest = Math.max(largest, Math.abs(model.violation(q[0], q[1]) - expected));
        }
        assertThat(largest).isLessThan(1e-8 * c0);
    }

    @Test
    void theViolationScalarIsTheLargestRecordedViolation() {
        SimulationResult result = run("alpha", 0.0, "beta", 0.0, "dt", 0.05, "duration", 20.0, "length", 2.0);
        double max = java.util.Arrays.stream(
                        result.series("constraintViolation").ys())
                .max()
                .orElseThrow();
        assertThat(violation(result)).isCloseTo(max, within(1e-15));
        // recomputed from the path, relative to ℓ² = 4 m²
        Series path = result.series("path");
        double fromPath = 0;
        for (int i = 0; i < path.size(); i++) {
            double x = path.xs()[i];
            double y = path.ys()[i];
            fromPath = Math.max(fromPath, Math.abs(x * x + y * y - 4) / 4);
        }
        assertThat(violation(result)).isCloseTo(fromPath, within(1e-12));
    }

    /**
     * Gains too large for the step make the correction itself unstable: with α = β = 50 /s and Δt =
     * 0.05 s the rod stretches without bound within about 1 s. The linear violation equation is not the
     * culprit (see {@link #theLinearViolationEquationIsStableForRk4AtTheseGains}); the nonlinear
     * coupling of the correction to the motion is. The run stops there and says why, instead of
     * returning infinities.
     */
    @Test
    void aRunThatDivergesStopsWithANote() {
        SimulationResult result = run("alpha", 50.0, "beta", 50.0, "dt", 0.05, "duration", 20.0);
        assertThat(result.scalar("maxConstraintViolation").note()).contains("stopped");
        assertThat(result.scalar("maxTensionError").note()).contains("stopped");
        for (Series series : result.series().values()) {
            assertThat(java.util.Arrays.stream(series.ys()).allMatch(Double::isFinite))
                    .isTrue();
            assertThat(series.xs()[series.size() - 1]).isLessThan(20);
        }
        assertThat(violation(run("integrator", "explicit-euler", "dt", 0.1, "duration", 200.0)))
                .isFinite();
    }

    /**
     * Lesson 1.2: at α = β = 50 /s and Δt = 0.05 s, hλ = −2.5 for the double eigenvalue −50 /s of C̈ +
     * 2αĊ + β²C = 0, inside RK4's stability region: R(−2.5) = 1 − 2.5 + 2.5²/2 − 2.5³/6 + 2.5⁴/24 ≈
     * 0.65. Integrated on its own with RK4 (written out here), the linear equation decays.
     */
    @Test
    void theLinearViolationEquationIsStableForRk4AtTheseGains() {
        double z = -2.5;
        double amplification = 1 + z + z * z / 2 + z * z * z / 6 + z * z * z * z / 24;
        assertThat(amplification).isCloseTo(0.648, within(0.001));
        double gain = 50;
        double h = 0.05;
        double[] state = {1, 0}; // C, Ċ
        java.util.function.UnaryOperator<double[]> rate =
                s -> new double[] {s[1], -2 * gain * s[1] - gain * gain * s[0]};
        for (int step = 0; step < 40; step++) {
            double[] k1 = rate.apply(state);
            double[] k2 = rate.apply(new double[] {state[0] + h / 2 * k1[0], state[1] + h / 2 * k1[1]});
            double[] k3 = rate.apply(new double[] {state[0] + h / 2 * k2[0], state[1] + h / 2 * k2[1]});
            double[] k4 = rate.apply(new double[] {state[0] + h * k3[0], state[1] + h * k3[1]});
            for (int i = 0; i < 2; i++) {
                state[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        // 2 s of the linear equation: the violation has decayed, where the full run has blown up.
        assertThat(Math.abs(state[0])).isLessThan(1e-3);
    }

    @Test
    void aDefaultRunProducesTheDeclaredSeriesAndScalars() {
        SimulationResult result = run();
        assertThat(result.series().keySet())
                .containsExactly("path", "lambda", "tension", "tensionAnalytic", "constraintViolation");
        assertThat(result.scalars().keySet()).containsExactly("maxConstraintViolation", "maxTensionError");
        assertThat(result.series("lambda").size()).isEqualTo(2001);
        assertThat(result.scalar("maxConstraintViolation").note()).isEmpty();
    }
}
