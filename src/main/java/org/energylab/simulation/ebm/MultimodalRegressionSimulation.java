package org.energylab.simulation.ebm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.energylab.simulation.Axis;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.Choice;
import org.energylab.simulation.CostBudget;
import org.energylab.simulation.CostModel;
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
import org.energylab.simulation.data.CircleData;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.Adam;
import org.energylab.simulation.nn.BatchPass;
import org.energylab.simulation.nn.Mlp;
import org.energylab.simulation.training.StepObserver;
import org.energylab.simulation.training.TrainingLoop;
import org.energylab.simulation.training.TrainingStep;
import org.springframework.stereotype.Component;

/**
 * Lesson 3.1: an MLP trained with the mean squared error on points of a circle, where every x has
 * two possible outputs ±√(1 − x²). The minimiser of the MSE is the conditional mean E[y | x] = 0, so
 * the network learns a line through the middle of the circle, where there is no data at all.
 */
@Component
public class MultimodalRegressionSimulation implements Simulation {
    /** Points of the x grid on which the learned curve is drawn and measured. */
    static final int GRID_POINTS = 200;

    private static final int PROGRESS_STEPS = 100;
    /** Fraction of the progress bar given to training; the rest draws the learned curve. */
    private static final double TRAINING_SHARE = 0.98;

    private static final Axis INPUT = new Axis("input x", "");
    private static final Axis OUTPUT = new Axis("output y", "");
    private static final Axis STEP = new Axis("training step", "");
    private static final Axis LOSS = new Axis("mean squared error", "");

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("data", "data (x, y)", INPUT, OUTPUT).asPoints(),
            new SeriesSpec("prediction", "MSE prediction ŷ(x)", INPUT, OUTPUT),
            new SeriesSpec("initialPrediction", "ŷ(x) before training", INPUT, OUTPUT),
            new SeriesSpec("upperBranch", "upper branch +√(1 − x²)", INPUT, OUTPUT),
            new SeriesSpec("lowerBranch", "lower branch −√(1 − x²)", INPUT, OUTPUT),
            new SeriesSpec("loss", "training loss", STEP, LOSS));

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.choice(
                    "futures",
                    "Possible futures",
                    "two",
                    List.of(
                            new Choice("two", "two branches (y = ±√(1 − x²))"),
                            new Choice("one", "one branch (y = +√(1 − x²))")),
                    "Whether each x has two possible outputs, the upper and the lower half of the circle, or"
                            + " only the upper one"),
            ParameterSpec.integer("samples", "Samples", "", 20, 2000, 400, "Number of training points"),
            ParameterSpec.number("noise", "Noise σ", "", 0, 0.3, 0.05, "Standard deviation of the noise added to y"),
            ParameterSpec.integer("width", "Hidden width", "", 2, 64, 32, "Units per hidden layer"),
            ParameterSpec.integer("depth", "Hidden layers", "", 1, 4, 2, "Number of hidden layers"),
            ParameterSpec.choice(
                    "activation", "Activation", "tanh", Activation.hiddenChoices(), "Activation of the hidden layers"),
            ParameterSpec.number("learningRate", "Learning rate", "", 1e-4, 0.1, 0.01, "Step size of Adam")
                    .withLogScale(),
            ParameterSpec.integer("steps", "Training steps", "", 10, 3000, 300, "Full-batch Adam steps"),
            ParameterSpec.number(
                    "initialOutput",
                    "Initial prediction ŷ₀",
                    "",
                    -1,
                    1,
                    0.5,
                    "The untrained network's output bias, so that training starts from ŷ ≈ ŷ₀ at every x"));

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
                    "multimodal-regression",
                    "Regression with two possible futures",
                    "An MLP trained with the mean squared error on points of a circle predicts the average of the two"
                            + " branches, a line where there is no data.",
                    schema,
                    SERIES,
                    List.of(
                            ScalarSpec.of("mse", "Training MSE"),
                            ScalarSpec.of("conditionalMeanMse", "MSE of the conditional mean E[y | x] (analytic)"),
                            ScalarSpec.of("meanAbsPrediction", "Mean |ŷ| over x in (−1, 1)"),
                            ScalarSpec.of("distanceToBranches", "Mean distance from ŷ to the nearest branch")),
                    List.of(
                            ChartSpec.lines(
                                    "Data, MSE prediction and the two true branches",
                                    "data",
                                    "prediction",
                                    "upperBranch",
                                    "lowerBranch"),
                            ChartSpec.lines("Training loss", "loss")))
            .withSeed();

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public CostModel costModel() {
        return MultimodalRegressionCost.INSTANCE;
    }

    @Override
    public void checkCombination(Parameters p) {
        CostBudget.check(costModel(), p, "steps", "the steps, the samples, the width or the hidden layers");
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        SplittableRandom rng = new SplittableRandom(context.seed());
        boolean upperOnly = p.choice("futures").equals("one");
        double noise = p.number("noise");
        CircleData data = CircleData.sample(p.integer("samples"), noise, upperOnly, rng.split());
        // The network's native memory is freed when the run ends, however it ends.
        try (Mlp network = new Mlp(
                layerSizes(1, p.integer("width"), p.integer("depth")),
                Activation.byId(p.choice("activation")),
                Activation.IDENTITY,
                rng.split())) {
            return run(context, data, network);
        }
    }

    private SimulationResult run(RunContext context, CircleData data, Mlp network) {
        Parameters p = context.parameters();
        boolean upperOnly = p.choice("futures").equals("one");
        double noise = p.number("noise");
        // The output bias sets where training starts: with the default Glorot weights the untrained
        // network already predicts ≈ 0, which would hide that training pulls it there.
        network.biases().get(network.layers() - 1).assign(p.number("initialOutput"));

        SeriesRecorder recorder = new SeriesRecorder(SERIES);
        for (int i = 0; i < data.size(); i++) {
            recorder.add("data", data.x(i), data.y(i));
        }
        double[] grid = xGrid();
        double[] initial = network.predict(grid, grid.length);
        for (int j = 0; j < grid.length; j++) {
            recorder.add("upperBranch", grid[j], CircleData.branch(grid[j]));
            recorder.add("lowerBranch", grid[j], -CircleData.branch(grid[j]));
            recorder.add("initialPrediction", grid[j], initial[j]);
        }
        recorder.flush(context.progress());

        double mse = train(network, data, p.number("learningRate"), p.integer("steps"), recorder, context);

        double[] prediction = network.predict(grid, grid.length);
        double sumAbs = 0;
        double sumDistance = 0;
        for (int j = 0; j < grid.length; j++) {
            recorder.add("prediction", grid[j], prediction[j]);
            sumAbs += Math.abs(prediction[j]);
            double branch = CircleData.branch(grid[j]);
            sumDistance += Math.min(Math.abs(prediction[j] - branch), Math.abs(prediction[j] + branch));
        }
        recorder.flush(context.progress());
        context.progress().progress(1.0);

        Map<String, Scalar> scalars = new LinkedHashMap<>();
        scalars.put("mse", Scalar.of("Training MSE", mse, ""));
        scalars.put(
                "conditionalMeanMse",
                Scalar.of(
                        "MSE of the conditional mean E[y | x] (analytic)",
                        CircleData.conditionalMeanMse(noise, upperOnly),
                        ""));
        scalars.put("meanAbsPrediction", Scalar.of("Mean |ŷ| over x in (−1, 1)", sumAbs / grid.length, ""));
        scalars.put(
                "distanceToBranches",
                Scalar.of("Mean distance from ŷ to the nearest branch", sumDistance / grid.length, ""));
        return new SimulationResult(scalars, recorder.series(), Map.of());
    }

    /**
     * Full-batch Adam on C = (1/n) Σ (ŷ_i − y_i)², every step in the same pass of the network;
     * returns the MSE after the last step.
     */
    private static double train(
            Mlp network, CircleData data, double learningRate, int steps, SeriesRecorder recorder, RunContext context) {
        int n = data.size();
        double[] y = data.ys();
        BatchPass pass = network.pass(n);
        pass.input(data.xs());
        Adam adam = new Adam(network, learningRate);
        double[] gradient = pass.outputGradient();
        TrainingStep step = i -> {
            pass.forward();
            double[] prediction = pass.outputValues();
            double sum = 0;
            for (int j = 0; j < n; j++) {
                double residual = prediction[j] - y[j];
                sum += residual * residual;
                // ∂C/∂ŷ = 2(ŷ − y)/n
                gradient[j] = residual * (2.0 / n);
            }
            double norm = Math.sqrt(sum);
            pass.backward(false);
            adam.update(pass);
            return norm * norm / n;
        };
        // The loss a step returns is the one before its update.
        StepObserver lossCurve = new StepObserver() {
            @Override
            public void afterStep(long i, double loss) {
                recorder.add("loss", i - 1, loss);
            }
        };
        TrainingLoop.over(context, steps, PROGRESS_STEPS)
                .within(0, TRAINING_SHARE)
                .run(step, lossCurve, recorder);
        pass.forward();
        double[] prediction = pass.outputValues();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double residual = prediction[i] - y[i];
            sum += residual * residual;
        }
        double mse = sum / n;
        recorder.add("loss", steps, mse);
        return mse;
    }

    /** {input, width, …, width, 1}: a network with one scalar output. */
    static int[] layerSizes(int inputs, int width, int depth) {
        int[] sizes = new int[depth + 2];
        sizes[0] = inputs;
        for (int k = 1; k <= depth; k++) {
            sizes[k] = width;
        }
        sizes[depth + 1] = 1;
        return sizes;
    }

    /** Midpoints of 200 equal cells of (−1, 1). */
    static double[] xGrid() {
        double[] grid = new double[GRID_POINTS];
        for (int j = 0; j < GRID_POINTS; j++) {
            grid[j] = -1 + (j + 0.5) * 2.0 / GRID_POINTS;
        }
        return grid;
    }
}
