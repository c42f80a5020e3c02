package org.energylab.simulation.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.energylab.simulation.Grid;
import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.SimulationResult;
import org.energylab.simulation.data.LabelledPoints;
import org.energylab.simulation.data.TwoClassData;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.Mlp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The multipliers of the backward recursion against independent gradients (central finite
 * differences here, SameDiff autodiff inside the simulation), training on a separable data set,
 * determinism, the vanishing multipliers of a deep sigmoid network, and the hand exercise of lesson
 * 1.3.
 */
class BackpropLagrangianSimulationTest {
    private static final BackpropLagrangianSimulation SIM = new BackpropLagrangianSimulation();
    private static final double H = 1e-5;

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    private static Parameters params(Object... keyValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        Parameters parameters = SIM.schema().validate(raw);
        SIM.checkCombination(parameters);
        return parameters;
    }

    private static SimulationResult run(long seed, Object... keyValues) {
        return SIM.run(RunContext.of(params(keyValues), seed));
    }

    private static double scalar(SimulationResult result, String name) {
        return result.scalar(name).value();
    }

    static Stream<Arguments> activationsAndDepths() {
        return Stream.of(Activation.TANH, Activation.RELU, Activation.SIGMOID)
                .flatMap(a -> IntStream.rangeClosed(1, 4).mapToObj(depth -> Arguments.of(a, depth)));
    }

    // ------------------------------------------------- multipliers against independent gradients

    /** C(z_K) for the logits z_K, recomputed by a forward pass from layer k's output z_k onwards. */
    private static double costFrom(Mlp mlp, Activation hidden, int k, INDArray zk, INDArray y) {
        INDArray z = zk;
        for (int layer = k; layer < mlp.layers(); layer++) {
            INDArray s =
                    z.mmul(mlp.weights().get(layer)).addiRowVector(mlp.biases().get(layer));
            z = layer == mlp.layers() - 1 ? s : hidden.apply(s);
        }
        return LogisticLoss.cost(z, y);
    }

    /** −∂C/∂z_k by central differences, one entry of z_k at a time. */
    private static INDArray finiteDifferenceMultiplier(Mlp mlp, Activation hidden, int k, INDArray zk, INDArray y) {
        INDArray lambda = zk.like();
        for (int i = 0; i < zk.rows(); i++) {
            for (int j = 0; j < zk.columns(); j++) {
                double original = zk.getDouble(i, j);
                INDArray up = zk.dup();
                up.putScalar(new int[] {i, j}, original + H);
                INDArray down = zk.dup();
                down.putScalar(new int[] {i, j}, original - H);
                double derivative = (costFrom(mlp, hidden, k, up, y) - costFrom(mlp, hidden, k, down, y)) / (2 * H);
                lambda.putScalar(new int[] {i, j}, -derivative);
            }
        }
        return lambda;
    }

    @ParameterizedTest(name = "{0}, {1} hidden layers")
    @MethodSource("activationsAndDepths")
    void recursionMatchesCentralFiniteDifferences(Activation activation, int depth) {
        SplittableRandom rng = new SplittableRandom(7 + depth);
        LabelledPoints points = TwoClassData.MOONS.generate(6, 0.1, rng);
        Mlp mlp = new Mlp(BackpropLagrangianSimulation.layerSizes(depth, 4), activation, Activation.IDENTITY, rng);
        INDArray x = points.inputs();
        INDArray y = points.labels();

        Mlp.Forward forward = mlp.forward(x);
        List<INDArray> recursion = mlp.backward(forward, LogisticLoss.gradient(forward.result(), y))
                .multipliers();
        List<INDArray> reference = new ArrayList<>();
        for (int k = 1; k <= mlp.layers(); k++) {
            reference.add(finiteDifferenceMultiplier(
                    mlp, activation, k, forward.outputs().get(k), y));
        }

        assertThat(recursion).hasSize(depth + 1);
        assertThat(MultiplierCheck.gap(recursion, reference)).isLessThan(1e-6);
    }

    @ParameterizedTest(name = "{0}, {1} hidden layers")
    @MethodSource("activationsAndDepths")
    void simulationFindsMultipliersEqualToAutodiff(Activation activation, int depth) {
        SimulationResult result =
                run(3, "activation", activation.id(), "depth", depth, "width", 8, "samples", 50, "steps", 4);

        assertThat(scalar(result, "maxMultiplierGap")).isLessThan(1e-6);
    }

    @Test
    void autodiffReferenceAgreesWithFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(21);
        LabelledPoints points = TwoClassData.CIRCLES.generate(5, 0.1, rng);
        int[] sizes = BackpropLagrangianSimulation.layerSizes(2, 3);
        Mlp mlp = new Mlp(sizes, Activation.TANH, Activation.IDENTITY, rng);
        Mlp.Forward forward = mlp.forward(points.inputs());

        List<INDArray> autodiff = new AutodiffMultipliers(sizes, Activation.TANH, points.size())
                .multipliers(mlp, points.inputs(), points.labels());
        List<INDArray> finite = new ArrayList<>();
        for (int k = 1; k <= mlp.layers(); k++) {
            finite.add(finiteDifferenceMultiplier(
                    mlp, Activation.TANH, k, forward.outputs().get(k), points.labels()));
        }

        assertThat(MultiplierCheck.gap(autodiff, finite)).isLessThan(1e-6);
    }

    @Test
    void gapSeesAWrongSignAndAWrongLayer() {
        INDArray a = Nd4j.createFromArray(new double[][] {{1, -2}, {0.5, 4}});
        INDArray b = Nd4j.createFromArray(new double[][] {{0.1, 0.2}, {0.3, 0.4}});

        assertThat(MultiplierCheck.gap(List.of(a, b), List.of(a, b))).isZero();
        assertThat(MultiplierCheck.gap(List.of(a.neg(), b), List.of(a, b))).isCloseTo(2.0, within(1e-15));
        assertThat(MultiplierCheck.gap(List.of(a, b.mul(1.01)), List.of(a, b))).isCloseTo(0.01, within(1e-12));
    }

    // ------------------------------------------------------------------------- training

    @Test
    void defaultRunLearnsTheTwoMoons() {
        // Measured with seed 42: loss 0.708 → 0.024, accuracy 1.0.
        SimulationResult result = run(42);

        double[] loss = result.series("loss").ys();
        assertThat(scalar(result, "finalLoss")).isEqualTo(loss[loss.length - 1]);
        assertThat(loss[0]).isBetween(0.6, 0.8);
        assertThat(scalar(result, "finalLoss")).isLessThan(0.1 * loss[0]);
        assertThat(scalar(result, "accuracy")).isGreaterThanOrEqualTo(0.97);
        assertThat(scalar(result, "maxMultiplierGap")).isLessThan(1e-12);
    }

    @Test
    void adamWithMinibatchesLearnsLowNoiseMoons() {
        // Measured with seed 7: loss 0.883 → 0.039, accuracy 1.0.
        SimulationResult result = run(
                7,
                "noise",
                0.05,
                "samples",
                100,
                "optimiser",
                "adam",
                "learningRate",
                0.02,
                "batchSize",
                16,
                "steps",
                200);

        double[] loss = result.series("loss").ys();
        assertThat(scalar(result, "finalLoss")).isLessThan(0.2 * loss[0]);
        assertThat(scalar(result, "accuracy")).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void outputMultiplierNormIsTheRmsResidual() {
        SimulationResult result = run(5, "steps", 1, "samples", 60, "dataSet", "xor");

        // At step 0 the output multiplier of point i is y_i − p_i; its RMS over the data set, independently.
        double recorded = result.series("multiplierNorm3").ys()[0];
        SplittableRandom root = new SplittableRandom(5);
        LabelledPoints data = TwoClassData.XOR.generate(60, 0.1, root.split());
        Mlp mlp = new Mlp(
                BackpropLagrangianSimulation.layerSizes(2, 16), Activation.TANH, Activation.IDENTITY, root.split());
        double[] p = LogisticLoss.probability(mlp.predict(data.inputs())).toDoubleVector();
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += (data.y()[i] - p[i]) * (data.y()[i] - p[i]);
        }
        assertThat(recorded).isCloseTo(Math.sqrt(sum / p.length), within(1e-12));
    }

    @Test
    void deepSigmoidMultipliersVanishTowardTheInputWhileTanhKeepsThem() {
        // Measured at step 0 with seed 42: ‖λ₁‖/‖λ₅‖ = 0.014 with sigmoid, 0.95 with tanh.
        SimulationResult sigmoid = run(42, "activation", "sigmoid", "depth", 4, "steps", 1);
        SimulationResult tanh = run(42, "activation", "tanh", "depth", 4, "steps", 1);

        double sigmoidRatio = sigmoid.series("multiplierNorm1").ys()[0]
                / sigmoid.series("multiplierNorm5").ys()[0];
        double tanhRatio = tanh.series("multiplierNorm1").ys()[0]
                / tanh.series("multiplierNorm5").ys()[0];
        assertThat(sigmoidRatio).isLessThan(0.05);
        assertThat(tanhRatio).isGreaterThan(0.3);
        for (int k = 1; k < 4; k++) {
            // every sigmoid layer shrinks the multiplier: σ' ≤ 1/4
            assertThat(sigmoid.series("multiplierNorm" + k).ys()[0])
                    .isLessThan(sigmoid.series("multiplierNorm" + (k + 1)).ys()[0]);
        }
    }

    /**
     * Lesson 1.3 counts the shrinking factors between the output and the first hidden layer: the
     * output layer is affine, so λ₄ = W₅ᵀλ₅ carries no sigmoid slope, and only the three steps λ₄ → λ₃
     * → λ₂ → λ₁ do, each by about 0.2. Measured at step 0 with seed 42: 0.50, 0.62, 0.12, 0.030, 0.0069
     * for λ₅ … λ₁, so ‖λ₁‖/‖λ₄‖ ≈ 0.011, between 0.2³ and 0.25³.
     */
    @Test
    void threeSigmoidSlopesLieBetweenTheOutputAndTheFirstLayer() {
        SimulationResult sigmoid = run(42, "activation", "sigmoid", "depth", 4, "steps", 1);
        double[] norms = new double[6];
        for (int k = 1; k <= 5; k++) {
            norms[k] = sigmoid.series("multiplierNorm" + k).ys()[0];
        }
        // the affine output layer does not shrink the multiplier
        assertThat(norms[4] / norms[5]).isGreaterThan(0.5);
        for (int k = 1; k < 4; k++) {
            assertThat(norms[k] / norms[k + 1]).as("‖λ%d‖/‖λ%d‖", k, k + 1).isBetween(0.1, 0.3);
        }
        assertThat(norms[1] / norms[4]).isBetween(0.1 * 0.1 * 0.1, 0.25 * 0.25 * 0.25);
        // four factors of 0.2 would predict 0.0016 of the output's norm; the measured ratio is 0.014
        assertThat(norms[1] / norms[5]).isGreaterThan(4 * Math.pow(0.2, 4));
    }

    // ------------------------------------------------------------ declarations and results

    @Test
    void aDivergingRunStopsAndSaysWhy() {
        // Measured: with η = 10 and single-point batches the weights overflow within 300 steps.
        SimulationResult result =
                run(1, "learningRate", 10, "activation", "relu", "depth", 4, "width", 64, "batchSize", 1, "steps", 300);

        assertThat(result.scalar("finalLoss").available()).isFalse();
        assertThat(result.scalar("finalLoss").note()).contains("diverged", "learning rate");
        assertThat(result.scalar("accuracy").available()).isFalse();
        assertThat(result.scalar("maxMultiplierGap").value()).isLessThan(1e-6);
        result.series()
                .forEach((name, series) -> assertThat(Arrays.stream(series.ys()).allMatch(Double::isFinite))
                        .as("%s is finite", name)
                        .isTrue());
        assertThat(result.series("loss").xs()[result.series("loss").size() - 1]).isLessThan(300);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4})
    void runsProduceOneMultiplierSeriesPerLayer(int depth) {
        Parameters parameters = params("depth", depth, "steps", 3, "width", 4);
        SimulationResult result = SIM.run(RunContext.of(parameters, 1));

        assertThat(result.series().keySet()).containsExactlyInAnyOrderElementsOf(SIM.seriesFor(parameters));
        assertThat(SIM.seriesFor(parameters)).contains("multiplierNorm" + (depth + 1));
        assertThat(SIM.seriesFor(parameters)).doesNotContain("multiplierNorm" + (depth + 2));
    }

    @Test
    void dataSeriesHoldEveryPointOfItsClassAndTheGridIsAProbability() {
        SimulationResult result = run(8, "samples", 101, "dataSet", "circles", "steps", 5);

        assertThat(result.series("class0").size()).isEqualTo(51);
        assertThat(result.series("class1").size()).isEqualTo(50);
        Grid grid = result.grids().get("decisionBoundary");
        assertThat(grid.xs()).hasSize(BackpropLagrangianSimulation.GRID_SIZE);
        assertThat(grid.ys()).hasSize(BackpropLagrangianSimulation.GRID_SIZE);
        assertThat(Arrays.stream(grid.values()).flatMapToDouble(Arrays::stream))
                .allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
        // the grid covers every point
        for (String name : List.of("class0", "class1")) {
            assertThat(Arrays.stream(result.series(name).xs()).min().orElseThrow())
                    .isGreaterThan(grid.xs()[0]);
            assertThat(Arrays.stream(result.series(name).ys()).max().orElseThrow())
                    .isLessThan(grid.ys()[grid.ys().length - 1]);
        }
    }

    @Test
    void sameSeedGivesIdenticalNumbersAndOtherSeedsDiffer() {
        Object[] setting = {
            "dataSet", "spirals", "samples", 60, "optimiser", "adam", "learningRate", 0.01, "batchSize", 8, "steps", 20
        };
        SimulationResult first = run(11, setting);
        SimulationResult again = run(11, setting);
        SimulationResult other = run(12, setting);

        assertThat(again.scalars()).isEqualTo(first.scalars());
        assertThat(again.series("loss").ys()).isEqualTo(first.series("loss").ys());
        assertThat(again.series("class0").xs()).isEqualTo(first.series("class0").xs());
        assertThat(again.grids().get("decisionBoundary").values())
                .isDeepEqualTo(first.grids().get("decisionBoundary").values());
        assertThat(other.scalar("finalLoss").value())
                .isNotEqualTo(first.scalar("finalLoss").value());
        assertThat(other.series("class0").xs())
                .isNotEqualTo(first.series("class0").xs());
    }

    @Test
    void tooMuchWorkIsRefusedWithTheStepsField() {
        assertThatThrownBy(() -> params("depth", 4, "width", 64, "samples", 2000, "batchSize", 2000, "steps", 10_000))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("budget")
                .extracting(e -> ((InvalidParameterException) e).field())
                .isEqualTo("steps");
        assertThatCode(() -> params()).doesNotThrowAnyException();
        assertThat(BackpropLagrangianSimulation.estimatedSeconds(params())).isLessThan(2.0);
    }

    // ------------------------------------------------------------ the hand exercise of lesson 1.3

    @Test
    void handExerciseAnswerIsTheMultiplierOfTheOneUnitNetwork() throws IOException {
        // The exercise: x = 2, w₁ = 0.5, b₁ = −0.5, tanh, w₂ = −1.5, b₂ = 0.2, label y = 1.
        Mlp mlp = new Mlp(new int[] {1, 1, 1}, Activation.TANH, Activation.IDENTITY, new SplittableRandom(0));
        mlp.weights().get(0).putScalar(0, 0, 0.5);
        mlp.biases().get(0).putScalar(0, 0, -0.5);
        mlp.weights().get(1).putScalar(0, 0, -1.5);
        mlp.biases().get(1).putScalar(0, 0, 0.2);
        INDArray x = Nd4j.createFromArray(new double[][] {{2.0}});
        INDArray y = Nd4j.createFromArray(new double[][] {{1.0}});
        Mlp.Forward forward = mlp.forward(x);
        double lambda1 = mlp.backward(forward, LogisticLoss.gradient(forward.result(), y))
                .multipliers()
                .get(0)
                .getDouble(0, 0);

        // by hand: λ₁ = w₂ (y − σ(w₂ tanh(w₁x + b₁) + b₂))
        double byHand = -1.5 * (1 - 1 / (1 + Math.exp(-(-1.5 * Math.tanh(0.5) + 0.2))));
        assertThat(lambda1).isCloseTo(byHand, within(1e-15));

        Map<?, ?> exercise = lessonExercise("hand-multiplier");
        double answer = ((Number) exercise.get("answer")).doubleValue();
        double tolerance = ((Number) exercise.get("tolerance")).doubleValue();
        assertThat(lambda1).isCloseTo(answer, within(tolerance / 5));
        // the opposite sign convention must not pass
        assertThat(Math.abs(-lambda1 - answer)).isGreaterThan(tolerance);
    }

    private static Map<?, ?> lessonExercise(String id) throws IOException {
        String text = Files.readString(Path.of("content/01-lagrangian/03-backprop-as-lagrangian-optimisation.md"));
        String yaml = text.substring(4, text.indexOf("\n---\n", 3));
        Map<?, ?> front = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return ((List<?>) front.get("exercises"))
                .stream()
                        .map(e -> (Map<?, ?>) e)
                        .filter(e -> id.equals(e.get("id")))
                        .findFirst()
                        .orElseThrow();
    }
}
