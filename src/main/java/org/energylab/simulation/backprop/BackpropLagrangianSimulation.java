package org.energylab.simulation.backprop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.energylab.simulation.Axis;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.Choice;
import org.energylab.simulation.ChoiceOption;
import org.energylab.simulation.CostBudget;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Grid;
import org.energylab.simulation.ParameterSchema;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.Scalar;
import org.energylab.simulation.ScalarSpec;
import org.energylab.simulation.SeriesRecorder;
import org.energylab.simulation.SeriesSpec;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationDescriptor;
import org.energylab.simulation.SimulationResult;
import org.energylab.simulation.data.LabelledPoints;
import org.energylab.simulation.data.TwoClassData;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.BatchPass;
import org.energylab.simulation.nn.Mlp;
import org.energylab.simulation.training.TrainingLoop;
import org.springframework.stereotype.Component;

/**
 * Lesson 1.3: a small network trained on a two-class data set in the plane, with its backward pass
 * read as the Lagrange multipliers of the forward-pass constraints. The multipliers come from the
 * explicit recursion of {@link BatchPass#backward}; SameDiff's automatic differentiation of the same
 * network checks them at a few checkpoints.
 *
 * <p>The multiplier norm of layer k is the root-mean-square over the data set of the per-point
 * Euclidean norm: ‖λ_k‖ = √((1/n) Σ_i ‖λ_k^{(i)}‖²), where λ_k^{(i)} = −∂ℓ_i/∂z_k^{(i)} is the
 * multiplier of point i's own loss ℓ_i (n times its share of the mean loss C = (1/n) Σ ℓ_i), so the
 * norm does not depend on how many points there are. For the output layer it is the RMS of y − p.
 *
 * <p>The data are drawn as two point series, {@code class0} and {@code class1}, over the heat map
 * of P(class 1). {@code maxMultiplierGap} is max over layers and checkpoints of max|λ_k − λ_k^ref| /
 * max|λ_k^ref| on the first {@value #CHECK_BATCH} points (or all, if fewer). A run whose loss or
 * multipliers overflow stops there and reports why instead of a final loss and accuracy.
 */
@Component
public class BackpropLagrangianSimulation implements Simulation {
    static final int MAX_HIDDEN_LAYERS = 4;
    /** Points of the decision-boundary grid along each axis. */
    static final int GRID_SIZE = 80;
    /** Evaluations on the whole data set (loss, accuracy, multiplier norms) per run, at most. */
    static final int MAX_RECORDS = 100;
    /** Training steps at which the multipliers are checked against autodiff: start, quarters, end. */
    static final int GAP_CHECKPOINTS = 5;
    /** Points of the fixed batch on which the multipliers are checked. */
    static final int CHECK_BATCH = 256;

    private static final int PROGRESS_STEPS = 100;

    private static final Axis STEP = new Axis("training step", "");
    private static final Axis X1 = new Axis("x₁", "");
    private static final Axis X2 = new Axis("x₂", "");

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.choice(
                    "dataSet",
                    "Data set",
                    "moons",
                    ChoiceOption.choices(TwoClassData.class),
                    "Two classes of points in the plane"),
            ParameterSpec.integer("samples", "Points", "", 50, 2000, 200, "Number of points, half of each class"),
            ParameterSpec.number(
                    "noise", "Noise", "", 0, 0.5, 0.1, "Standard deviation of the Gaussian noise on each coordinate"),
            ParameterSpec.integer("depth", "Hidden layers", "", 1, MAX_HIDDEN_LAYERS, 2, "Number of hidden layers"),
            ParameterSpec.integer("width", "Width", "", 2, 64, 16, "Units in each hidden layer"),
            ParameterSpec.choice(
                    "activation", "Activation", "tanh", Activation.hiddenChoices(), "Activation of the hidden layers"),
            ParameterSpec.choice(
                    "optimiser",
                    "Optimiser",
                    "sgd",
                    List.of(new Choice("sgd", "Gradient descent"), new Choice("adam", "Adam")),
                    "Gradient descent W ← W − η ∂C/∂W, or Adam (use a smaller learning rate, about 0.01)"),
            ParameterSpec.number("learningRate", "Learning rate η", "", 1e-4, 10, 0.5, "Step size of the optimiser")
                    .withLogScale(),
            ParameterSpec.integer(
                    "batchSize",
                    "Batch size",
                    "",
                    1,
                    2000,
                    32,
                    "Points per training step; a batch larger than the data set uses all of it"),
            ParameterSpec.integer("steps", "Training steps", "", 1, 10_000, 500, "Number of parameter updates"));

    private static final List<SeriesSpec> SERIES = series(MAX_HIDDEN_LAYERS + 1);

    private static List<SeriesSpec> series(int maxLayers) {
        List<SeriesSpec> series = new ArrayList<>();
        series.add(new SeriesSpec("loss", "loss C (whole data set)", STEP, new Axis("binary cross-entropy C", "")));
        series.add(new SeriesSpec("accuracy", "accuracy (whole data set)", STEP, new Axis("accuracy", "")));
        for (int k = 1; k <= maxLayers; k++) {
            series.add(new SeriesSpec(
                    "multiplierNorm" + k, "‖λ" + subscript(k) + "‖", STEP, new Axis("multiplier norm ‖λₖ‖", "")));
        }
        series.add(new SeriesSpec("class0", "class 0", X1, X2).asPoints());
        series.add(new SeriesSpec("class1", "class 1", X1, X2).asPoints());
        return List.copyOf(series);
    }

    private static String subscript(int k) {
        return String.valueOf((char) ('₀' + k));
    }

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
                    "backprop-lagrangian",
                    "Back-propagation as Lagrange multipliers",
                    "Train a small network on points in the plane and watch its Lagrange multipliers, the"
                            + " back-propagated gradients, layer by layer.",
                    schema,
                    SERIES,
                    List.of(
                            ScalarSpec.of("finalLoss", "Final loss C"),
                            ScalarSpec.of("accuracy", "Accuracy on the data set"),
                            ScalarSpec.of(
                                    "maxMultiplierGap",
                                    "Largest gap between λₖ and autodiff, max|λ − λ_ref| / max|λ_ref|")),
                    declaredCharts())
            .withSeed();

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<String> seriesFor(Parameters parameters) {
        int layers = parameters.integer("depth") + 1;
        return SERIES.stream()
                .map(SeriesSpec::name)
                .filter(name -> !name.startsWith("multiplierNorm")
                        || Integer.parseInt(name.substring("multiplierNorm".length())) <= layers)
                .toList();
    }

    private static List<ChartSpec> declaredCharts() {
        String[] norms = IntStream.rangeClosed(1, MAX_HIDDEN_LAYERS + 1)
                .mapToObj(k -> "multiplierNorm" + k)
                .toArray(String[]::new);
        return List.of(
                ChartSpec.heatMap("Decision boundary", "decisionBoundary", "class0", "class1"),
                ChartSpec.lines("Loss", "loss"),
                ChartSpec.lines("Accuracy", "accuracy"),
                ChartSpec.lines("Multiplier norms ‖λₖ‖ per layer", norms).withLogY());
    }

    @Override
    public CostModel costModel() {
        return BackpropLagrangianCost.INSTANCE;
    }

    @Override
    public void checkCombination(Parameters p) {
        CostBudget.check(costModel(), p, "steps", "the steps, the batch size, the points or the width");
    }

    /** The estimated run time, in seconds on one thread. */
    static double estimatedSeconds(Parameters p) {
        return BackpropLagrangianCost.INSTANCE.estimate(p).seconds();
    }

    private static int batchSize(Parameters p) {
        return Math.min(p.integer("batchSize"), p.integer("samples"));
    }

    static int[] layerSizes(int depth, int width) {
        int[] sizes = new int[depth + 2];
        Arrays.fill(sizes, width);
        sizes[0] = 2;
        sizes[depth + 1] = 1;
        return sizes;
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        SplittableRandom root = new SplittableRandom(context.seed());
        SplittableRandom dataRng = root.split();
        SplittableRandom weightRng = root.split();
        SplittableRandom batchRng = root.split();

        LabelledPoints data =
                p.choice("dataSet", TwoClassData.class).generate(p.integer("samples"), p.number("noise"), dataRng);
        int[] sizes = layerSizes(p.integer("depth"), p.integer("width"));
        Activation activation = Activation.byId(p.choice("activation"));
        // The network's native memory is freed when the run ends, however it ends.
        try (Mlp mlp = new Mlp(sizes, activation, Activation.IDENTITY, weightRng);
                MultiplierCheck check =
                        new MultiplierCheck(mlp, sizes, activation, data.first(Math.min(CHECK_BATCH, data.size())))) {
            return train(context, data, mlp, check, batchRng);
        }
    }

    private SimulationResult train(
            RunContext context, LabelledPoints data, Mlp mlp, MultiplierCheck check, SplittableRandom batchRng) {
        Parameters p = context.parameters();
        int batchSize = batchSize(p);
        BackpropTraining.Optimiser optimiser =
                BackpropTraining.Optimiser.of(p.choice("optimiser"), mlp, p.number("learningRate"));
        MinibatchSampler sampler = new MinibatchSampler(data.size(), batchSize, batchRng);
        SeriesRecorder recorder = new SeriesRecorder(SERIES);
        int steps = p.integer("steps");
        BackpropTraining training =
                new BackpropTraining(mlp, data, batchSize, optimiser, sampler, check, recorder, steps);

        for (int i = 0; i < data.size(); i++) {
            recorder.add(data.y()[i] == 0 ? "class0" : "class1", data.x()[i][0], data.x()[i][1]);
        }
        training.start();
        recorder.flush(context.progress());
        TrainingLoop.Outcome outcome =
                TrainingLoop.over(context, steps, PROGRESS_STEPS).run(training, training, recorder);

        Map<String, Scalar> scalars = new LinkedHashMap<>();
        if (outcome.diverged()) {
            String reason = "Training diverged: by step " + outcome.divergedAt()
                    + " the loss or a multiplier had overflowed. Lower the learning rate.";
            scalars.put("finalLoss", Scalar.unavailable("Final loss C", "", reason));
            scalars.put("accuracy", Scalar.unavailable("Accuracy on the data set", "", reason));
        } else {
            scalars.put("finalLoss", Scalar.of("Final loss C", training.last().loss(), ""));
            scalars.put(
                    "accuracy",
                    Scalar.of("Accuracy on the data set", training.last().accuracy(), ""));
        }
        scalars.put(
                "maxMultiplierGap",
                Scalar.of("Largest gap between λₖ and autodiff, max|λ − λ_ref| / max|λ_ref|", check.maxGap(), ""));
        Map<String, Grid> grids =
                outcome.diverged() ? Map.of() : Map.of("decisionBoundary", decisionBoundary(mlp, data));
        return new SimulationResult(scalars, recorder.series(), grids);
    }

    /** P(class 1) over the data's bounding box plus a margin, from one forward pass over all grid points. */
    static Grid decisionBoundary(Mlp mlp, LabelledPoints data) {
        double[] b = data.bounds();
        double margin = 0.1 * Math.max(b[1] - b[0], b[3] - b[2]);
        double[] xs = linspace(b[0] - margin, b[1] + margin, GRID_SIZE);
        double[] ys = linspace(b[2] - margin, b[3] + margin, GRID_SIZE);
        double[] points = new double[2 * GRID_SIZE * GRID_SIZE];
        for (int i = 0; i < GRID_SIZE; i++) {
            for (int j = 0; j < GRID_SIZE; j++) {
                points[2 * (i * GRID_SIZE + j)] = xs[j];
                points[2 * (i * GRID_SIZE + j) + 1] = ys[i];
            }
        }
        double[] logits = mlp.predictForPicture(points, GRID_SIZE * GRID_SIZE);
        double[][] values = new double[GRID_SIZE][GRID_SIZE];
        for (int i = 0; i < GRID_SIZE; i++) {
            for (int j = 0; j < GRID_SIZE; j++) {
                values[i][j] = LogisticLoss.probability(logits[i * GRID_SIZE + j]);
            }
        }
        return new Grid("P(class 1)", X1, X2, new Axis("probability of class 1", ""), xs, ys, values);
    }

    private static double[] linspace(double from, double to, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = from + (to - from) * i / (count - 1);
        }
        return values;
    }
}
