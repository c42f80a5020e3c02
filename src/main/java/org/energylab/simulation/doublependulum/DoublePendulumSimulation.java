package org.energylab.simulation.doublependulum;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.Axis;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.ChoiceOption;
import org.energylab.simulation.CostBudget;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.ParameterSchema;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.RunLoop;
import org.energylab.simulation.Scalar;
import org.energylab.simulation.ScalarSpec;
import org.energylab.simulation.SeriesRecorder;
import org.energylab.simulation.SeriesSpec;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationDescriptor;
import org.energylab.simulation.SimulationResult;
import org.energylab.simulation.ode.DoubleArrayOps;
import org.energylab.simulation.ode.IntegrationCost;
import org.energylab.simulation.ode.IntegrationMethod;
import org.energylab.simulation.ode.Integrator;
import org.springframework.stereotype.Component;

/**
 * The double pendulum of lesson 1.2, from its Lagrangian (see {@link DoublePendulumModel}), with a
 * twin run started δ away in θ₁ to show sensitivity to initial conditions and to estimate the
 * largest Lyapunov exponent (see {@link TwinRun}).
 */
@Component
public class DoublePendulumSimulation implements Simulation {
    /** Most points kept per series; longer runs keep every k-th step. */
    public static final int MAX_POINTS = 20_000;
    /** Seconds per step × evaluation and per run: fitted by CostCalibration, 2 December 2026. */
    private static final CostModel COST = new IntegrationCost(new double[] {2.3e-7, 9.3e-3}, MAX_POINTS);
    /** Time between two renormalisations of the Benettin copy of the twin. */
    static final double RENORMALISATION_INTERVAL = 0.1;
    /** The twin distance at which the two runs count as parted: {@code separationTime}. */
    static final double PARTED = 1;

    private static final int PROGRESS_STEPS = 100;

    private static final Axis TIME = new Axis("time t", "s");
    private static final Axis ANGLE = new Axis("angle", "rad");

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.number("mass1", "Mass m₁", "kg", 0.1, 10, 1, "Mass of the upper bob"),
            ParameterSpec.number("mass2", "Mass m₂", "kg", 0.1, 10, 1, "Mass of the lower bob"),
            ParameterSpec.number("length1", "Length ℓ₁", "m", 0.1, 10, 1, "Length of the upper rod"),
            ParameterSpec.number("length2", "Length ℓ₂", "m", 0.1, 10, 1, "Length of the lower rod"),
            ParameterSpec.number("gravity", "Gravity g", "m/s²", 0.1, 30, 9.81, "Gravitational acceleration"),
            ParameterSpec.number(
                    "theta1", "Initial angle θ₁", "rad", -3.1, 3.1, 2.0, "Upper rod, from the downward vertical"),
            ParameterSpec.number(
                    "theta2", "Initial angle θ₂", "rad", -3.1, 3.1, 2.0, "Lower rod, from the downward vertical"),
            ParameterSpec.number("omega1", "Initial angular velocity θ̇₁", "rad/s", -10, 10, 0, ""),
            ParameterSpec.number("omega2", "Initial angular velocity θ̇₂", "rad/s", -10, 10, 0, ""),
            ParameterSpec.choice(
                    "integrator",
                    "Integrator",
                    "rk4",
                    ChoiceOption.choices(IntegrationMethod.class),
                    "Numerical method"),
            ParameterSpec.number("dt", "Time step Δt", "s", 1e-4, 0.1, 0.005, "")
                    .withLogScale(),
            ParameterSpec.number("duration", "Duration", "s", 0.1, 200, 20, "Simulated time"),
            ParameterSpec.number(
                            "delta",
                            "Twin offset δ",
                            "rad",
                            1e-12,
                            1e-2,
                            1e-8,
                            "The twin run starts with θ₁ + δ, everything else the same")
                    .withLogScale());

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("theta1", "θ₁", TIME, ANGLE),
            new SeriesSpec("theta2", "θ₂", TIME, ANGLE),
            new SeriesSpec("twinTheta1", "θ₁ of the twin", TIME, ANGLE),
            new SeriesSpec("energy", "total E = T + V", TIME, new Axis("energy", "J")),
            new SeriesSpec(
                    "separation", "log₁₀ of the twin distance", TIME, new Axis("log₁₀ distance between the twins", "")),
            new SeriesSpec("path", "path of the second bob", new Axis("x₂", "m"), new Axis("y₂", "m")));

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
            "double-pendulum",
            "Double pendulum",
            "Two pendulums hung one from the other, from their Lagrangian: normal modes for small swings,"
                    + " chaos for large ones, and a twin run to measure how fast nearby starts part.",
            schema,
            SERIES,
            List.of(
                    ScalarSpec.of("energyDrift", "Energy drift max|E − E₀|/|E₀|"),
                    new ScalarSpec("lyapunovExponent", "Largest Lyapunov exponent", "1/s"),
                    new ScalarSpec("separationTime", "Time until the twin runs part", "s")),
            List.of(
                    ChartSpec.lines("Path of the second bob", "path"),
                    ChartSpec.lines("Angles", "theta1", "theta2", "twinTheta1"),
                    ChartSpec.lines("Separation of the twin runs", "separation"),
                    ChartSpec.lines("Energy", "energy")));

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    static DoublePendulumModel model(Parameters p) {
        return new DoublePendulumModel(
                p.number("mass1"), p.number("mass2"), p.number("length1"), p.number("length2"), p.number("gravity"));
    }

    @Override
    public CostModel costModel() {
        return COST;
    }

    @Override
    public void checkCombination(Parameters p) {
        CostBudget.check(costModel(), p, "dt", "the duration, or raise Δt");
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        DoublePendulumModel model = model(p);
        IntegrationMethod method = p.choice("integrator", IntegrationMethod.class);
        double dt = p.number("dt");
        double delta = p.number("delta");
        long steps = Math.max(1, Math.round(p.number("duration") / dt));
        long stride = Math.max(1, (steps + MAX_POINTS - 1) / MAX_POINTS);
        RunLoop loop = RunLoop.over(context, steps, PROGRESS_STEPS);

        double[] q = {p.number("theta1"), p.number("theta2")};
        double[] v = {p.number("omega1"), p.number("omega2")};
        Integrator<double[]> integrator = method.create(model.system(), DoubleArrayOps.INSTANCE, q);
        int interval = (int) Math.max(1, Math.round(RENORMALISATION_INTERVAL / dt));
        TwinRun twin = new TwinRun(model.system(), method, q, v, delta, interval);

        SeriesRecorder recorder = new SeriesRecorder(SERIES);
        double e0 = model.energy(q, v);
        double maxDeviation = 0;
        double maxSeparation = delta;
        double partedAt = Double.NaN;
        record(recorder, model, 0, q, v, twin);
        for (long i = 1; i <= steps; i++) {
            integrator.step(q, v, dt);
            twin.step(dt, q, v);
            double t = i * dt;
            maxDeviation = Math.max(maxDeviation, Math.abs(model.energy(q, v) - e0));
            double separation = twin.separation(q, v);
            maxSeparation = Math.max(maxSeparation, separation);
            if (Double.isNaN(partedAt) && separation >= PARTED) {
                partedAt = t;
            }
            if (i % stride == 0 || i == steps) {
                record(recorder, model, t, q, v, twin);
            }
            loop.after(i, recorder);
        }

        Map<String, Scalar> scalars = new LinkedHashMap<>();
        scalars.put("energyDrift", energyDrift(model, e0, maxDeviation));
        scalars.put("lyapunovExponent", lyapunovExponent(twin, delta, maxSeparation));
        scalars.put("separationTime", separationTime(partedAt));
        return new SimulationResult(scalars, recorder.series(), Map.of());
    }

    private static void record(
            SeriesRecorder recorder, DoublePendulumModel model, double t, double[] q, double[] v, TwinRun twin) {
        recorder.add("theta1", t, q[0]);
        recorder.add("theta2", t, q[1]);
        recorder.add("twinTheta1", t, twin.angles()[0]);
        recorder.add("energy", t, model.energy(q, v));
        recorder.add("separation", t, Math.log10(twin.separation(q, v)));
        double[] bob = model.secondBob(q);
        recorder.add("path", bob[0], bob[1]);
    }

    private static Scalar energyDrift(DoublePendulumModel model, double e0, double maxDeviation) {
        // Relative to |E₀|; when E₀ is (nearly) zero, as for a start at rest with both rods level,
        // relative to the depth of the potential well (m₁ + m₂)gℓ₁ + m₂gℓ₂ instead.
        if (Math.abs(e0) > 1e-9 * model.energyScale()) {
            return Scalar.of("Energy drift max|E − E₀|/|E₀|", maxDeviation / Math.abs(e0), "");
        }
        return new Scalar(
                "Energy drift max|E − E₀|/((m₁ + m₂)gℓ₁ + m₂gℓ₂)",
                maxDeviation / model.energyScale(),
                "",
                "E₀ is zero for this start, so the drift is measured relative to the depth of the potential"
                        + " well, (m₁ + m₂)gℓ₁ + m₂gℓ₂.");
    }

    private static Scalar lyapunovExponent(TwinRun twin, double delta, double maxSeparation) {
        String label = "Largest Lyapunov exponent (Benettin)";
        double exponent = twin.lyapunovExponent();
        if (Double.isNaN(exponent)) {
            return Scalar.unavailable(
                    label,
                    "1/s",
                    "The run is shorter than one renormalisation interval (" + RENORMALISATION_INTERVAL
                            + " s): run longer.");
        }
        String note = maxSeparation < 100 * delta
                ? "The twins never grew more than 100 times apart: no exponential growth, so this value"
                        + " only says the exponent is close to zero (regular motion)."
                : "";
        return new Scalar(label, exponent, "1/s", note);
    }

    private static Scalar separationTime(double partedAt) {
        String label = "Time until the twins are 1 apart";
        if (Double.isNaN(partedAt)) {
            return Scalar.unavailable(
                    label,
                    "s",
                    "The twin runs never got 1 apart in phase space during this run: try larger angles,"
                            + " a larger δ or a longer run.");
        }
        return Scalar.of(label, partedAt, "s");
    }
}
