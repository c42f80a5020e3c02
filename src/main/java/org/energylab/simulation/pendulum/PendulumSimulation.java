package org.energylab.simulation.pendulum;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.Axis;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.ChoiceOption;
import org.energylab.simulation.CostBudget;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.InvalidParameterException;
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
import org.energylab.simulation.ode.IntegrationMethod;
import org.energylab.simulation.ode.Integrator;
import org.energylab.simulation.ode.NdArrayOps;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.stereotype.Component;

/**
 * The simple pendulum of lesson 1.1: one trajectory in plain Java, and optionally an ensemble of
 * up to 10 000 pendulums stepped together with ND4J to show how a patch of phase space flows.
 */
@Component
public class PendulumSimulation implements Simulation {
    /** Most points kept per series; longer runs keep every k-th step. */
    public static final int MAX_POINTS = 20_000;
    /** Largest ensemble size × number of steps a run may ask for. */
    static final long MAX_ENSEMBLE_WORK = 50_000_000L;
    /** Half-widths of the patch of initial conditions of an ensemble. */
    static final double PATCH_THETA = 0.15;

    static final double PATCH_OMEGA = 0.3;
    private static final int PROGRESS_STEPS = 100;

    private static final Axis TIME = new Axis("time t", "s");
    private static final Axis ANGLE = new Axis("angle θ", "rad");
    private static final Axis ANGULAR_VELOCITY = new Axis("angular velocity ω", "rad/s");
    private static final Axis ENERGY = new Axis("energy", "J");

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.number("length", "Length ℓ", "m", 0.1, 10, 1, "Length of the rod"),
            ParameterSpec.number("mass", "Mass m", "kg", 0.1, 10, 1, "Mass of the bob"),
            ParameterSpec.choice(
                    "planet",
                    "Planet",
                    "earth",
                    ChoiceOption.choices(Planet.class),
                    "Sets the gravitational acceleration"),
            ParameterSpec.number("gravity", "Gravity g", "m/s²", 0.1, 30, 9.81, "Used when the planet is custom")
                    .activeWhen("planet", "custom"),
            ParameterSpec.number("theta0", "Initial angle θ₀", "rad", -3.1, 3.1, 1.0, "Angle from the vertical"),
            ParameterSpec.number("omega0", "Initial angular velocity ω₀", "rad/s", -10, 10, 0, ""),
            ParameterSpec.number("damping", "Damping γ", "1/s", 0, 5, 0, "Friction term −γθ̇"),
            ParameterSpec.choice(
                    "integrator",
                    "Integrator",
                    "rk4",
                    ChoiceOption.choices(IntegrationMethod.class),
                    "Numerical method"),
            ParameterSpec.number("dt", "Time step Δt", "s", 1e-4, 0.1, 0.01, "").withLogScale(),
            ParameterSpec.number("duration", "Duration", "s", 0.1, 200, 20, "Simulated time"),
            ParameterSpec.integer(
                    "ensemble",
                    "Ensemble size",
                    "",
                    1,
                    10_000,
                    1,
                    "Pendulums started in a small patch of phase space around (θ₀, ω₀)"));

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
            "pendulum",
            "Pendulum",
            "A pendulum from its Lagrangian, with four integrators to compare how well they keep the energy.",
            schema,
            SERIES,
            List.of(
                    new ScalarSpec("period", "Period", "s"),
                    ScalarSpec.of("energyDrift", "Energy drift max|E − E₀|/|E₀|")),
            List.of(
                    ChartSpec.lines("Angle", "theta"),
                    ChartSpec.lines("Energies", "kinetic", "potential", "energy", "lagrangian"),
                    ChartSpec.lines("Phase portrait", "phase", "ensembleStart", "ensembleEnd"),
                    ChartSpec.lines("Angular velocity", "omega")));

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<String> seriesFor(Parameters parameters) {
        return SERIES.stream()
                .map(SeriesSpec::name)
                .filter(name -> parameters.integer("ensemble") > 1 || !ENSEMBLE_SERIES.contains(name))
                .toList();
    }

    @Override
    public CostModel costModel() {
        return PendulumCost.INSTANCE;
    }

    @Override
    public void checkCombination(Parameters p) {
        long steps = steps(p);
        if (p.integer("ensemble") > 1 && p.integer("ensemble") * steps > MAX_ENSEMBLE_WORK) {
            throw new InvalidParameterException(
                    "ensemble",
                    "An ensemble of " + p.integer("ensemble") + " pendulums over " + steps
                            + " steps is too much work; keep ensemble size × steps under "
                            + MAX_ENSEMBLE_WORK + " (fewer pendulums, a larger Δt or a shorter duration)");
        }
        CostBudget.check(
                costModel(),
                p,
                "ensemble",
                "the ensemble size (" + p.integer("ensemble") + ") or the duration, or raise Δt");
    }

    private static long steps(Parameters p) {
        return Math.max(1, Math.round(p.number("duration") / p.number("dt")));
    }

    static PendulumModel model(Parameters p) {
        double g = p.choice("planet", Planet.class).gravity(p.number("gravity"));
        return new PendulumModel(p.number("length"), p.number("mass"), g, p.number("damping"));
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        PendulumModel model = model(p);
        IntegrationMethod method = p.choice("integrator", IntegrationMethod.class);
        double dt = p.number("dt");
        long steps = steps(p);
        long stride = Math.max(1, (steps + MAX_POINTS - 1) / MAX_POINTS);
        RunLoop loop = RunLoop.over(context, steps, PROGRESS_STEPS);

        double[] q = {p.number("theta0")};
        double[] v = {p.number("omega0")};
        Integrator<double[]> integrator = method.create(model.single(), DoubleArrayOps.INSTANCE, q);
        Ensemble ensemble = p.integer("ensemble") > 1 ? new Ensemble(model, method, p) : null;

        SeriesRecorder recorder = new SeriesRecorder(SERIES);
        if (ensemble != null) {
            ensemble.record(recorder, "ensembleStart");
        }
        double e0 = model.kinetic(v[0]) + model.potential(q[0]);
        double maxDeviation = 0;
        PeriodMeter meter = new PeriodMeter();
        record(recorder, model, 0, q[0], v[0]);
        for (long i = 1; i <= steps; i++) {
            double thetaBefore = q[0];
            integrator.step(q, v, dt);
            if (ensemble != null) {
                ensemble.step(dt);
            }
            double t = i * dt;
            meter.observe(t - dt, thetaBefore, t, q[0]);
            double e = model.kinetic(v[0]) + model.potential(q[0]);
            maxDeviation = Math.max(maxDeviation, Math.abs(e - e0));
            if (i % stride == 0 || i == steps) {
                record(recorder, model, t, q[0], v[0]);
            }
            loop.after(i, recorder);
        }
        if (ensemble != null) {
            ensemble.record(recorder, "ensembleEnd");
            recorder.flush(context.progress());
        }

        Map<String, Scalar> scalars = new LinkedHashMap<>();
        scalars.put("period", period(meter));
        scalars.put("energyDrift", energyDrift(model, e0, maxDeviation));
        return new SimulationResult(scalars, recorder.series(), Map.of());
    }

    private static Scalar period(PeriodMeter meter) {
        double period = meter.period();
        if (Double.isNaN(period)) {
            return Scalar.unavailable(
                    "Period",
                    "s",
                    "Too few swings to measure a period: the run needs at least two full swings. Run longer,"
                            + " or start the pendulum away from rest at the bottom.");
        }
        String note = meter.rotating() ? "The pendulum goes over the top: this is the time of one revolution." : "";
        return new Scalar("Period", period, "s", note);
    }

    private static Scalar energyDrift(PendulumModel model, double e0, double maxDeviation) {
        // Relative to |E₀|; when E₀ is (nearly) zero, as for θ₀ = ±π/2 at rest, relative to mgℓ instead.
        if (Math.abs(e0) > 1e-9 * model.energyScale()) {
            return Scalar.of("Energy drift max|E − E₀|/|E₀|", maxDeviation / Math.abs(e0), "");
        }
        return new Scalar(
                "Energy drift max|E − E₀|/mgℓ",
                maxDeviation / model.energyScale(),
                "",
                "E₀ is zero for this start, so the drift is measured relative to mgℓ.");
    }

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("theta", "θ", TIME, ANGLE),
            new SeriesSpec("omega", "ω", TIME, ANGULAR_VELOCITY),
            new SeriesSpec("kinetic", "kinetic T", TIME, ENERGY),
            new SeriesSpec("potential", "potential V", TIME, ENERGY),
            new SeriesSpec("energy", "total E = T + V", TIME, ENERGY),
            new SeriesSpec("lagrangian", "Lagrangian L = T − V", TIME, ENERGY),
            new SeriesSpec("phase", "trajectory", ANGLE, ANGULAR_VELOCITY),
            new SeriesSpec("ensembleStart", "ensemble at t = 0", ANGLE, ANGULAR_VELOCITY).asPoints(),
            new SeriesSpec("ensembleEnd", "ensemble at the end", ANGLE, ANGULAR_VELOCITY).asPoints());
    private static final List<String> ENSEMBLE_SERIES = List.of("ensembleStart", "ensembleEnd");

    private static void record(SeriesRecorder recorder, PendulumModel model, double t, double theta, double omega) {
        double kinetic = model.kinetic(omega);
        double potential = model.potential(theta);
        recorder.add("theta", t, theta);
        recorder.add("omega", t, omega);
        recorder.add("kinetic", t, kinetic);
        recorder.add("potential", t, potential);
        recorder.add("energy", t, kinetic + potential);
        recorder.add("lagrangian", t, kinetic - potential);
        recorder.add("phase", theta, omega);
    }

    /** N pendulums on a square grid of initial conditions, stepped together as ND4J vectors. */
    private static final class Ensemble {
        private final INDArray q;
        private final INDArray v;
        private final Integrator<INDArray> integrator;

        Ensemble(PendulumModel model, IntegrationMethod method, Parameters p) {
            int n = p.integer("ensemble");
            int side = (int) Math.ceil(Math.sqrt(n));
            int rows = (n + side - 1) / side;
            double[] theta = new double[n];
            double[] omega = new double[n];
            for (int k = 0; k < n; k++) {
                double u = side == 1 ? 0 : 2.0 * (k % side) / (side - 1) - 1;
                double w = rows == 1 ? 0 : 2.0 * (k / side) / (rows - 1) - 1;
                theta[k] = p.number("theta0") + PATCH_THETA * u;
                omega[k] = p.number("omega0") + PATCH_OMEGA * w;
            }
            q = Nd4j.createFromArray(theta);
            v = Nd4j.createFromArray(omega);
            integrator = method.create(model.ensemble(), NdArrayOps.INSTANCE, q);
        }

        void step(double dt) {
            integrator.step(q, v, dt);
        }

        void record(SeriesRecorder recorder, String name) {
            double[] theta = q.toDoubleVector();
            double[] omega = v.toDoubleVector();
            for (int k = 0; k < theta.length; k++) {
                recorder.add(name, theta[k], omega[k]);
            }
        }
    }
}
