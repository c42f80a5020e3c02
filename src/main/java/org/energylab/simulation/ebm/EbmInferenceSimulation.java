package org.energylab.simulation.ebm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.energylab.simulation.Axis;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.CostBudget;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Grid;
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
import org.energylab.simulation.data.CircleData;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.training.StepObserver;
import org.energylab.simulation.training.TrainingLoop;
import org.springframework.stereotype.Component;

/**
 * Lessons 3.2 and 3.3: an energy network F(x, y) trained on the circle data, then used for
 * inference. For a chosen x, gradient descent on y from several starts (all starts in one batch,
 * with ∂F/∂y from the network's backward sweep) finds the valleys of F(x, ·), a search over a fine y
 * grid finds its global minimum, and the Gibbs–Boltzmann distribution P(y | x) ∝ exp(−βF(x, y))
 * turns the same slice into a probability density.
 */
@Component
public class EbmInferenceSimulation implements Simulation {
    static final int MAX_STARTS = 20;
    /** Cells of the heat map along each axis, and its half-width. */
    static final int MAP_CELLS = 80;

    static final double MAP_LIMIT = 1.2;
    /** Spacing of the y grid used for search and for P(y | x), over the training interval [−1.5, 1.5]. */
    static final double Y_STEP = 0.005;
    /** Data points per training step, and negatives drawn for each. */
    static final int BATCH = 128;

    static final int NEGATIVES = 16;
    /** A y counts as "near a branch" within this distance of ±√(1 − x²). */
    static final double NEAR_BRANCH = 0.1;

    private static final int PROGRESS_STEPS = 100;
    /** Fraction of the progress bar given to training; the rest is inference. */
    private static final double TRAINING_SHARE = 0.9;

    private static final Axis INPUT = new Axis("input x", "");
    private static final Axis OUTPUT = new Axis("output y", "");
    private static final Axis ENERGY = new Axis("energy F", "");
    private static final Axis ITERATION = new Axis("descent iteration", "");
    private static final Axis DENSITY = new Axis("P(y | x)", "");
    private static final Axis STEP = new Axis("training step", "");
    private static final Axis NLL = new Axis("negative log-likelihood", "");

    private static final List<SeriesSpec> SERIES = seriesSpecs();

    private static List<SeriesSpec> seriesSpecs() {
        List<SeriesSpec> series = new ArrayList<>();
        series.add(new SeriesSpec("data", "data (x, y)", INPUT, OUTPUT).asPoints());
        series.add(new SeriesSpec("endpoints", "descent endpoints (x, y*)", INPUT, OUTPUT).asPoints());
        for (int k = 1; k <= MAX_STARTS; k++) {
            series.add(new SeriesSpec(pathName(k), "start " + k, ITERATION, OUTPUT));
        }
        series.add(new SeriesSpec("energySlice", "F(x, y) at the chosen x", OUTPUT, ENERGY));
        series.add(new SeriesSpec("endpointEnergies", "descent endpoints", OUTPUT, ENERGY).asPoints());
        series.add(new SeriesSpec("conditionalProbability", "P(y | x)", OUTPUT, DENSITY));
        series.add(new SeriesSpec("loss", "training loss", STEP, NLL));
        return List.copyOf(series);
    }

    static String pathName(int start) {
        return "descentPath" + start;
    }

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.integer("samples", "Samples", "", 50, 2000, 400, "Number of training points on the circle"),
            ParameterSpec.number("noise", "Noise σ", "", 0, 0.2, 0.05, "Standard deviation of the noise added to y"),
            ParameterSpec.integer("width", "Hidden width", "", 4, 64, 16, "Units per hidden layer of F"),
            ParameterSpec.integer("depth", "Hidden layers", "", 1, 3, 2, "Number of hidden (tanh) layers of F"),
            ParameterSpec.integer("trainingSteps", "Training steps", "", 0, 3000, 300, "Adam steps on the NLL loss"),
            ParameterSpec.number("trainingRate", "Training learning rate", "", 1e-4, 0.1, 0.02, "Step size of Adam")
                    .withLogScale(),
            ParameterSpec.number("x", "Input x", "", -0.95, 0.95, 0.6, "The input at which y is inferred"),
            ParameterSpec.integer(
                    "starts",
                    "Starts",
                    "",
                    1,
                    MAX_STARTS,
                    6,
                    "Gradient-descent runs, started evenly spread over y in [−1.2, 1.2]"),
            ParameterSpec.number("descentRate", "Descent step size η", "", 1e-4, 0.1, 0.002, "y ← y − η ∂F/∂y")
                    .withLogScale(),
            ParameterSpec.integer(
                    "iterations", "Descent iterations", "", 1, 1000, 200, "Steps of gradient descent on y"),
            ParameterSpec.number("beta", "Inverse temperature β", "", 0.01, 100, 1, "P(y | x) ∝ exp(−βF(x, y))")
                    .withLogScale());

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
                    "ebm-inference",
                    "Inference with an energy-based model",
                    declaredSummary(),
                    schema,
                    SERIES,
                    List.of(
                            ScalarSpec.of("inferredUpper", "Inferred y* in the upper half"),
                            ScalarSpec.of("inferredLower", "Inferred y* in the lower half"),
                            ScalarSpec.of("gridArgmin", "Grid-search argmin of F(x, ·)"),
                            ScalarSpec.of("branch", "True branch √(1 − x²)"),
                            ScalarSpec.of("upperProbability", "P(y > 0 | x)"),
                            ScalarSpec.of("probabilityNearBranches", "Probability near the two branches")),
                    declaredCharts())
            .withSeed();

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    private static String declaredSummary() {
        return "An energy F(x, y) learned on a circle has two valleys; gradient descent on y from several starts"
                + " finds both possible outputs, and exp(−βF) turns the energy into a probability.";
    }

    @Override
    public List<String> seriesFor(Parameters parameters) {
        int starts = parameters.integer("starts");
        List<String> names = new ArrayList<>();
        for (SeriesSpec spec : SERIES) {
            String name = spec.name();
            if (name.startsWith("descentPath") && Integer.parseInt(name.substring("descentPath".length())) > starts) {
                continue;
            }
            if (name.equals("loss") && parameters.integer("trainingSteps") == 0) {
                continue;
            }
            names.add(name);
        }
        return names;
    }

    private static List<ChartSpec> declaredCharts() {
        String[] paths = IntStream.rangeClosed(1, MAX_STARTS)
                .mapToObj(EbmInferenceSimulation::pathName)
                .toArray(String[]::new);
        return List.of(
                ChartSpec.heatMap("Energy F(x, y), the data and the descent endpoints", "energy", "data", "endpoints"),
                ChartSpec.lines("Gradient descent on y, one curve per start", paths),
                ChartSpec.lines("Energy along y at the chosen x", "energySlice", "endpointEnergies"),
                ChartSpec.lines("Conditional density P(y | x) = exp(−βF(x, y)) / Z(x)", "conditionalProbability"),
                ChartSpec.lines("Training loss", "loss"));
    }

    @Override
    public CostModel costModel() {
        return EbmInferenceCost.INSTANCE;
    }

    @Override
    public void checkCombination(Parameters p) {
        CostBudget.check(costModel(), p, "trainingSteps", "the training steps, the width or the hidden layers");
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        SplittableRandom rng = new SplittableRandom(context.seed());
        CircleData data = CircleData.sample(p.integer("samples"), p.number("noise"), false, rng.split());
        // The network's native memory is freed when the run ends, however it ends.
        try (EnergyNetwork network =
                new EnergyNetwork(p.integer("width"), p.integer("depth"), Activation.TANH, rng.split())) {
            return run(context, data, network, rng);
        }
    }

    private SimulationResult run(RunContext context, CircleData data, EnergyNetwork network, SplittableRandom rng) {
        Parameters p = context.parameters();
        SeriesRecorder recorder = new SeriesRecorder(SERIES);
        for (int i = 0; i < data.size(); i++) {
            recorder.add("data", data.x(i), data.y(i));
        }
        recorder.flush(context.progress());

        train(network, data, p, rng.split(), recorder, context);
        Grid energy = energyMap(network);

        double x = p.number("x");
        double[] ends = descend(network, x, p, recorder, context);
        double[] endEnergies = network.energies(x, ends);
        for (int k = 0; k < ends.length; k++) {
            recorder.add("endpoints", x, ends[k]);
            recorder.add("endpointEnergies", ends[k], endEnergies[k]);
        }

        double[] ys = yGrid();
        double[] slice = network.energies(x, ys);
        double[] density = GibbsSlice.density(slice, p.number("beta"), Y_STEP);
        for (int i = 0; i < ys.length; i++) {
            recorder.add("energySlice", ys[i], slice[i]);
            recorder.add("conditionalProbability", ys[i], density[i]);
        }
        recorder.flush(context.progress());
        context.progress().progress(1.0);

        double branch = CircleData.branch(x);
        Map<String, Scalar> scalars = new LinkedHashMap<>();
        scalars.put("inferredUpper", bestEnd("Inferred y* in the upper half", ends, endEnergies, true));
        scalars.put("inferredLower", bestEnd("Inferred y* in the lower half", ends, endEnergies, false));
        scalars.put("gridArgmin", Scalar.of("Grid-search argmin of F(x, ·)", ys[argmin(slice)], ""));
        scalars.put("branch", Scalar.of("True branch √(1 − x²)", branch, ""));
        scalars.put(
                "upperProbability", Scalar.of("P(y > 0 | x)", GibbsSlice.mass(ys, density, Y_STEP, y -> y > 0), ""));
        scalars.put(
                "probabilityNearBranches",
                Scalar.of(
                        "P(|y ∓ √(1 − x²)| < " + NEAR_BRANCH + " | x)",
                        GibbsSlice.mass(
                                ys,
                                density,
                                Y_STEP,
                                y -> Math.min(Math.abs(y - branch), Math.abs(y + branch)) < NEAR_BRANCH),
                        ""));
        return new SimulationResult(scalars, recorder.series(), Map.of("energy", energy));
    }

    private static void train(
            EnergyNetwork network,
            CircleData data,
            Parameters p,
            SplittableRandom rng,
            SeriesRecorder recorder,
            RunContext context) {
        int steps = p.integer("trainingSteps");
        NllTraining training = new NllTraining(network, data, BATCH, NEGATIVES, p.number("trainingRate"), rng);
        StepObserver lossCurve = new StepObserver() {
            @Override
            public void afterStep(long step, double loss) {
                recorder.add("loss", step, loss);
            }
        };
        TrainingLoop.over(context, steps, PROGRESS_STEPS)
                .within(0, TRAINING_SHARE)
                .run(training, lossCurve, recorder);
    }

    /** F over an 80 × 80 grid of the plane, in one forward pass. */
    private static Grid energyMap(EnergyNetwork network) {
        double[] axis = new double[MAP_CELLS];
        for (int j = 0; j < MAP_CELLS; j++) {
            axis[j] = -MAP_LIMIT + 2 * MAP_LIMIT * j / (MAP_CELLS - 1);
        }
        double[] pairs = new double[2 * MAP_CELLS * MAP_CELLS];
        for (int i = 0; i < MAP_CELLS; i++) {
            for (int j = 0; j < MAP_CELLS; j++) {
                pairs[2 * (i * MAP_CELLS + j)] = axis[j];
                pairs[2 * (i * MAP_CELLS + j) + 1] = axis[i];
            }
        }
        double[] flat = network.energiesForPicture(pairs);
        double[][] values = new double[MAP_CELLS][];
        for (int i = 0; i < MAP_CELLS; i++) {
            values[i] = Arrays.copyOfRange(flat, i * MAP_CELLS, (i + 1) * MAP_CELLS);
        }
        return new Grid("energy F(x, y)", INPUT, OUTPUT, ENERGY, axis, axis.clone(), values);
    }

    /** y ← y − η ∂F/∂y for all starts at once; records each start's path and returns the endpoints. */
    private static double[] descend(
            EnergyNetwork network, double x, Parameters p, SeriesRecorder recorder, RunContext context) {
        int starts = p.integer("starts");
        int iterations = p.integer("iterations");
        double rate = p.number("descentRate");
        double[] ys = startingPoints(starts);
        for (int k = 0; k < starts; k++) {
            recorder.add(pathName(k + 1), 0, ys[k]);
        }
        RunLoop loop = RunLoop.over(context, iterations, 10)
                .within(TRAINING_SHARE, TRAINING_SHARE + (1 - TRAINING_SHARE) * 0.9);
        for (int t = 1; t <= iterations; t++) {
            double[] slopes = network.slopesInY(x, ys);
            for (int k = 0; k < starts; k++) {
                ys[k] -= rate * slopes[k];
                recorder.add(pathName(k + 1), t, ys[k]);
            }
            loop.after(t, recorder);
        }
        return ys;
    }

    /** Starts evenly spread over [−1.2, 1.2], at the midpoints of equal cells: a single start sits at 0. */
    static double[] startingPoints(int starts) {
        double[] ys = new double[starts];
        for (int k = 0; k < starts; k++) {
            ys[k] = -MAP_LIMIT + (k + 0.5) * 2 * MAP_LIMIT / starts;
        }
        return ys;
    }

    /** The y grid over the training interval [−1.5, 1.5], step 0.005. */
    static double[] yGrid() {
        int n = (int) Math.round((NllTraining.Y_MAX - NllTraining.Y_MIN) / Y_STEP) + 1;
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = NllTraining.Y_MIN + i * Y_STEP;
        }
        return ys;
    }

    private static int argmin(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The lowest-energy endpoint in one half-plane, or why there is none. */
    private static Scalar bestEnd(String label, double[] ends, double[] energies, boolean upper) {
        int best = -1;
        for (int k = 0; k < ends.length; k++) {
            boolean inHalf = upper ? ends[k] > 0 : ends[k] < 0;
            if (inHalf && (best < 0 || energies[k] < energies[best])) {
                best = k;
            }
        }
        if (best < 0) {
            return Scalar.unavailable(
                    label,
                    "",
                    "No start ended with y " + (upper ? "> 0" : "< 0")
                            + ": add starts, so that some begin in that half, or check that the descent converged.");
        }
        return Scalar.of(label, ends[best], "");
    }
}
