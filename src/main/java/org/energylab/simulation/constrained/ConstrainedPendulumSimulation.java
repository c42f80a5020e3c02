package org.energylab.simulation.constrained;

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
 * The pendulum of lesson 1.2 in Cartesian coordinates (x, y) with the constraint x² + y² = ℓ² and
 * its Lagrange multiplier λ, solved by index reduction with Baumgarte stabilisation (see {@link
 * CartesianPendulumModel} for the equations and the sign convention of λ).
 */
@Component
public class ConstrainedPendulumSimulation implements Simulation {
    /** Most points kept per series; longer runs keep every k-th step. */
    public static final int MAX_POINTS = 20_000;
    /** Seconds per step × evaluation and per run: fitted by CostCalibration, 2 December 2026. */
    private static final CostModel COST = new IntegrationCost(new double[] {7.3e-8, 1.2e-3}, MAX_POINTS);
    /**
     * A run stops when |x² + y² − ℓ²|/ℓ² exceeds this (the rod has stretched to more than √11 ≈ 3.3
     * times its length): from there on the numbers describe no pendulum, and left alone an unstable
     * integrator would overflow them.
     */
    static final double DIVERGED = 10;

    private static final int PROGRESS_STEPS = 100;

    private static final Axis TIME = new Axis("time t", "s");

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.number("length", "Length ℓ", "m", 0.1, 10, 1, "Length of the rod"),
            ParameterSpec.number("mass", "Mass m", "kg", 0.1, 10, 1, "Mass of the bob"),
            ParameterSpec.number("gravity", "Gravity g", "m/s²", 0.1, 30, 9.81, "Gravitational acceleration"),
            ParameterSpec.number(
                    "theta0", "Initial angle θ₀", "rad", -3.1, 3.1, 1.0, "Angle from the downward vertical"),
            ParameterSpec.number("omega0", "Initial angular velocity ω₀", "rad/s", -10, 10, 0, ""),
            ParameterSpec.number(
                    "alpha",
                    "Baumgarte gain α",
                    "1/s",
                    0,
                    50,
                    5,
                    "Damps the rate of violation Ċ: the term 2αĊ; 0 turns it off"),
            ParameterSpec.number(
                    "beta",
                    "Baumgarte gain κ",
                    "1/s",
                    0,
                    50,
                    5,
                    "Pulls the violation C back: the term κ²C; 0 turns it off"),
            ParameterSpec.choice(
                    "integrator",
                    "Integrator",
                    "rk4",
                    ChoiceOption.choices(IntegrationMethod.class),
                    "Numerical method"),
            ParameterSpec.number("dt", "Time step Δt", "s", 1e-4, 0.1, 0.01, "").withLogScale(),
            ParameterSpec.number("duration", "Duration", "s", 0.1, 200, 20, "Simulated time"));

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("path", "path of the bob", new Axis("x", "m"), new Axis("y", "m")),
            new SeriesSpec("lambda", "multiplier λ", TIME, new Axis("multiplier λ", "N/m")),
            new SeriesSpec("tension", "tension T = −2λr", TIME, new Axis("tension", "N")),
            new SeriesSpec("tensionAnalytic", "m(g cos θ + ℓθ̇²)", TIME, new Axis("tension", "N")),
            new SeriesSpec(
                    "constraintViolation",
                    "|x² + y² − ℓ²|/ℓ²",
                    TIME,
                    new Axis("constraint violation |x² + y² − ℓ²|/ℓ²", "")));

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
            "constrained-pendulum",
            "Constrained pendulum",
            declaredSummary(),
            schema,
            SERIES,
            List.of(
                    ScalarSpec.of("maxConstraintViolation", "Max constraint violation max|x² + y² − ℓ²|/ℓ²"),
                    ScalarSpec.of("maxTensionError", "Max tension error max|T − m(g cos θ + ℓθ̇²)|/mg")),
            List.of(
                    ChartSpec.lines("Path of the bob", "path"),
                    ChartSpec.lines("Rod tension", "tension", "tensionAnalytic"),
                    ChartSpec.lines("Lagrange multiplier", "lambda"),
                    ChartSpec.lines("Constraint violation", "constraintViolation")));

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    private static String declaredSummary() {
        return "The pendulum in x and y held on its circle by a Lagrange multiplier, which turns out to be"
                + " the rod's tension; Baumgarte stabilisation keeps the bob on the circle.";
    }

    static CartesianPendulumModel model(Parameters p) {
        return new CartesianPendulumModel(
                p.number("length"), p.number("mass"), p.number("gravity"), p.number("alpha"), p.number("beta"));
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
        CartesianPendulumModel model = model(p);
        double dt = p.number("dt");
        long steps = Math.max(1, Math.round(p.number("duration") / dt));
        long stride = Math.max(1, (steps + MAX_POINTS - 1) / MAX_POINTS);
        RunLoop loop = RunLoop.over(context, steps, PROGRESS_STEPS);

        double[][] start = model.start(p.number("theta0"), p.number("omega0"));
        double[] q = start[0];
        double[] v = start[1];
        Integrator<double[]> integrator =
                p.choice("integrator", IntegrationMethod.class).create(model.system(), DoubleArrayOps.INSTANCE, q);

        SeriesRecorder recorder = new SeriesRecorder(SERIES);
        double lengthSquared = model.length() * model.length();
        double weight = model.mass() * model.gravity();
        Observation first = observe(model, q, v);
        double maxViolation = first.violation;
        double maxTensionError = first.tensionError();
        record(recorder, 0, q, first, lengthSquared);
        double divergedAt = Double.NaN;
        for (long i = 1; i <= steps; i++) {
            integrator.step(q, v, dt);
            double t = i * dt;
            Observation now = observe(model, q, v);
            if (!(now.violation <= DIVERGED * lengthSquared) || !Double.isFinite(now.tensionError())) {
                divergedAt = t;
                break;
            }
            maxViolation = Math.max(maxViolation, now.violation);
            maxTensionError = Math.max(maxTensionError, now.tensionError());
            if (i % stride == 0 || i == steps) {
                record(recorder, t, q, now, lengthSquared);
            }
            loop.after(i, recorder);
        }
        recorder.flush(context.progress());
        context.progress().progress(1.0);

        String note = Double.isNaN(divergedAt)
                ? ""
                : String.format(
                        "The run was stopped at t = %.3g s, when the violation passed %.0f ℓ²: the integrator"
                                + " no longer holds the bob anywhere near the circle. Use a smaller Δt, a"
                                + " different integrator or smaller gains.",
                        divergedAt, DIVERGED);
        Map<String, Scalar> scalars = new LinkedHashMap<>();
        scalars.put(
                "maxConstraintViolation",
                new Scalar("Max constraint violation max|x² + y² − ℓ²|/ℓ²", maxViolation / lengthSquared, "", note));
        scalars.put(
                "maxTensionError",
                new Scalar("Max tension error max|T − m(g cos θ + ℓθ̇²)|/mg", maxTensionError / weight, "", note));
        return new SimulationResult(scalars, recorder.series(), Map.of());
    }

    /** What one state tells: λ, the tension two ways, and the violation |C|. */
    private record Observation(double lambda, double tension, double analytic, double violation) {
        double tensionError() {
            return Math.abs(tension - analytic);
        }
    }

    private static Observation observe(CartesianPendulumModel model, double[] q, double[] v) {
        double lambda = model.multiplier(q[0], q[1], v[0], v[1]);
        double theta = CartesianPendulumModel.angle(q[0], q[1]);
        double omega = CartesianPendulumModel.angularVelocity(q[0], q[1], v[0], v[1]);
        return new Observation(
                lambda,
                model.tension(q[0], q[1], lambda),
                model.analyticTension(theta, omega),
                Math.abs(model.violation(q[0], q[1])));
    }

    private static void record(SeriesRecorder recorder, double t, double[] q, Observation o, double lengthSquared) {
        recorder.add("path", q[0], q[1]);
        recorder.add("lambda", t, o.lambda);
        recorder.add("tension", t, o.tension);
        recorder.add("tensionAnalytic", t, o.analytic);
        recorder.add("constraintViolation", t, o.violation / lengthSquared);
    }
}
