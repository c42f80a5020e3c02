package org.energylab.simulation.jointembedding;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.energylab.simulation.Axis;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.Choice;
import org.energylab.simulation.ChoiceOption;
import org.energylab.simulation.CostBudget;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.InvalidParameterException;
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
import org.energylab.simulation.data.EmbeddingData;
import org.energylab.simulation.training.StepObserver;
import org.energylab.simulation.training.TrainingLoop;
import org.energylab.simulation.training.TrainingStep;
import org.springframework.stereotype.Component;

/**
 * A Siamese joint-embedding architecture of lesson 4.1 on 2-D points: one MLP embeds two augmented
 * views of a point (a small random rotation plus noise) into the plane, trained to pull the views
 * together, with or without pushing the views of different points apart. Without negatives the
 * embedding collapses to a point, and its variance shows it.
 */
@Component
public class JointEmbeddingSimulation implements Simulation {
    private static final int PROGRESS_STEPS = 100;

    private static final Axis STEP = new Axis("training step", "");
    private static final Axis LOSS = new Axis("loss C", "");
    private static final Axis VARIANCE = new Axis("total variance of the embeddings", "");
    private static final Axis DISTANCE = new Axis("distance between the two views of a point", "");
    private static final Axis INPUT_1 = new Axis("input x₁", "");
    private static final Axis INPUT_2 = new Axis("input x₂", "");
    private static final Axis EMBEDDING_1 = new Axis("embedding e₁", "");
    private static final Axis EMBEDDING_2 = new Axis("embedding e₂", "");

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("loss", "training loss (batch)", STEP, LOSS),
            new SeriesSpec("embeddingVarianceVsStep", "embedding variance", STEP, VARIANCE),
            new SeriesSpec("positiveDistanceVsStep", "positive-pair distance", STEP, DISTANCE),
            new SeriesSpec(
                    "relativePositiveDistanceVsStep",
                    "positive-pair distance / RMS distance of two points",
                    STEP,
                    DISTANCE),
            new SeriesSpec("initialEmbeddings", "before training", EMBEDDING_1, EMBEDDING_2).asPoints(),
            new SeriesSpec("embeddings", "after training", EMBEDDING_1, EMBEDDING_2).asPoints(),
            new SeriesSpec("inputs", "data points", INPUT_1, INPUT_2).asPoints(),
            new SeriesSpec("views", "an augmented view of each", INPUT_1, INPUT_2).asPoints());

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.choice(
                    "data",
                    "Data set",
                    "clusters",
                    ChoiceOption.choices(EmbeddingData.class),
                    "The 2-D points to embed"),
            ParameterSpec.integer("points", "Data points", "", 50, 2000, 400, "Size of the data set"),
            ParameterSpec.choice(
                    "negatives",
                    "Negatives",
                    "margin",
                    List.of(
                            new Choice("margin", "margin loss on in-batch negatives"),
                            new Choice("none", "none: positive pairs only")),
                    "Whether views of different points are pushed apart"),
            ParameterSpec.number(
                            "margin",
                            "Margin m",
                            "",
                            0.1,
                            5,
                            1,
                            "Negatives closer than m are pushed apart: loss max(0, m − ‖e − e′‖)²")
                    .activeWhen("negatives", "margin"),
            ParameterSpec.number(
                    "maxAngle",
                    "Largest rotation",
                    "rad",
                    0,
                    3.14,
                    0.5,
                    "Each view rotates the point about the origin by an angle drawn from [−max, max]"),
            ParameterSpec.number(
                    "noise",
                    "Noise σ",
                    "",
                    0,
                    0.5,
                    0.05,
                    "Standard deviation of the Gaussian noise added to each view"),
            ParameterSpec.number("learningRate", "Learning rate", "", 1e-4, 0.1, 0.03, "Adam step size")
                    .withLogScale(),
            ParameterSpec.integer("steps", "Training steps", "", 10, 3000, 300, "Adam updates"),
            ParameterSpec.integer(
                    "batchSize", "Batch size B", "", 8, 256, 64, "Positive pairs per step; each has B − 1 negatives"),
            ParameterSpec.integer("width", "Hidden width", "", 4, 64, 32, "Units per hidden layer (tanh)"),
            ParameterSpec.integer("depth", "Hidden layers", "", 1, 3, 2, "Number of hidden layers"));

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
                    "joint-embedding",
                    "Joint embedding",
                    declaredSummary(),
                    schema,
                    SERIES,
                    List.of(
                            ScalarSpec.of("embeddingVariance", "Embedding variance at the end"),
                            ScalarSpec.of("initialEmbeddingVariance", "Embedding variance before training"),
                            ScalarSpec.of("finalLoss", "Loss on the whole data set at the end"),
                            ScalarSpec.of("positiveDistance", "Distance between two views of a point, at the end"),
                            ScalarSpec.of(
                                    "initialPositiveDistance",
                                    "Distance between two views of a point, before training"),
                            ScalarSpec.of(
                                    "relativePositiveDistance",
                                    "Distance between two views / RMS distance between two points, at the end"),
                            ScalarSpec.of(
                                    "initialRelativePositiveDistance",
                                    "Distance between two views / RMS distance between two points, before training")),
                    List.of(
                            ChartSpec.lines("Training loss", "loss"),
                            ChartSpec.lines("Embedding variance (collapse indicator)", "embeddingVarianceVsStep")
                                    .withLogY(),
                            ChartSpec.lines(
                                            "Distance between the two views of a point",
                                            "positiveDistanceVsStep",
                                            "relativePositiveDistanceVsStep")
                                    .withLogY(),
                            ChartSpec.scatter("Embedding space", "initialEmbeddings", "embeddings"),
                            ChartSpec.scatter("Inputs", "inputs", "views")))
            .withSeed();

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    private static String declaredSummary() {
        return "A Siamese encoder maps two augmented views of 2-D points to nearby embeddings; without"
                + " negatives it collapses to a single point.";
    }

    @Override
    public void checkCombination(Parameters p) {
        if (p.integer("batchSize") > p.integer("points")) {
            throw new InvalidParameterException(
                    "batchSize",
                    "A batch holds distinct points, so the batch size (" + p.integer("batchSize")
                            + ") can be at most the number of data points (" + p.integer("points") + ")");
        }
        CostBudget.check(costModel(), p, "steps", "the steps, the batch size, the width or the hidden layers");
    }

    @Override
    public CostModel costModel() {
        return JointEmbeddingCost.INSTANCE;
    }

    static ContrastiveLoss loss(Parameters p) {
        return p.choice("negatives").equals("none")
                ? ContrastiveLoss.positivesOnly()
                : ContrastiveLoss.withMargin(p.number("margin"));
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        SplittableRandom root = new SplittableRandom(context.seed());
        SplittableRandom dataRng = root.split();
        SplittableRandom networkRng = root.split();
        SplittableRandom trainingRng = root.split();

        EmbeddingData dataSet = p.choice("data", EmbeddingData.class);
        Augmentation augmentation = new Augmentation(p.number("maxAngle"), p.number("noise"));
        ContrastiveLoss loss = loss(p);

        // The data set, and two fixed views of each point to measure the encoder on.
        double[][] points = dataSet.rows(p.integer("points"), dataRng);
        int[] all = new int[points.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        double[][] evalFirst = augmentation.views(points, all, dataRng);
        double[][] evalSecond = augmentation.views(points, all, dataRng);

        // The network's native memory is freed when the run ends, however it ends.
        try (SiameseEncoder encoder =
                new SiameseEncoder(p.integer("width"), p.integer("depth"), p.number("learningRate"), networkRng)) {
            return train(context, encoder, points, evalFirst, evalSecond, augmentation, loss, trainingRng);
        }
    }

    private static SimulationResult train(
            RunContext context,
            SiameseEncoder encoder,
            double[][] points,
            double[][] evalFirst,
            double[][] evalSecond,
            Augmentation augmentation,
            ContrastiveLoss loss,
            SplittableRandom trainingRng) {
        Parameters p = context.parameters();
        int steps = p.integer("steps");
        int batch = p.integer("batchSize");
        SeriesRecorder recorder = new SeriesRecorder(SERIES);
        record(recorder, "inputs", points);
        record(recorder, "views", evalFirst);
        Measurement initial = measure(encoder, points, evalFirst, evalSecond);
        record(recorder, "initialEmbeddings", initial.points());
        record(recorder, 0, initial);
        recorder.flush(context.progress());

        int[] indices = new int[batch];
        TrainingStep step = i -> {
            drawDistinct(indices, points.length, trainingRng);
            double[][] first = augmentation.views(points, indices, trainingRng);
            double[][] second = augmentation.views(points, indices, trainingRng);
            return encoder.train(first, second, loss);
        };
        StepObserver observer = new StepObserver() {
            @Override
            public void afterStep(long i, double batchLoss) {
                recorder.add("loss", i, batchLoss);
            }

            @Override
            public void atReport(long i) {
                record(recorder, i, measure(encoder, points, evalFirst, evalSecond));
            }
        };
        TrainingLoop.over(context, steps, PROGRESS_STEPS).run(step, observer, recorder);

        Measurement last = measure(encoder, points, evalFirst, evalSecond);
        record(recorder, "embeddings", last.points());
        recorder.flush(context.progress());

        Map<String, Scalar> scalars = new LinkedHashMap<>();
        scalars.put("embeddingVariance", Scalar.of("Embedding variance at the end", last.variance(), ""));
        scalars.put(
                "initialEmbeddingVariance", Scalar.of("Embedding variance before training", initial.variance(), ""));
        scalars.put(
                "finalLoss",
                Scalar.of(
                        "Loss on the whole data set at the end",
                        loss.evaluate(last.first(), last.second()).loss(),
                        ""));
        scalars.put(
                "positiveDistance",
                Scalar.of("Distance between two views of a point, at the end", last.positiveDistance(), ""));
        scalars.put(
                "initialPositiveDistance",
                Scalar.of("Distance between two views of a point, before training", initial.positiveDistance(), ""));
        scalars.put(
                "relativePositiveDistance",
                Scalar.of(
                        "Distance between two views / RMS distance between two points, at the end",
                        last.relativePositiveDistance(),
                        ""));
        scalars.put(
                "initialRelativePositiveDistance",
                Scalar.of(
                        "Distance between two views / RMS distance between two points, before training",
                        initial.relativePositiveDistance(),
                        ""));
        return new SimulationResult(scalars, recorder.series(), Map.of());
    }

    /** The embeddings of the data points and of their two fixed views, and what the charts show of them. */
    private record Measurement(double[][] points, double[][] first, double[][] second) {
        double variance() {
            return EmbeddingStatistics.totalVariance(points);
        }

        double positiveDistance() {
            return EmbeddingStatistics.meanDistance(first, second);
        }

        /**
         * The positive-pair distance in units of the RMS distance between two independent data points,
         * √(2 × total variance): scale-free, so shrinking the whole embedding does not lower it.
         */
        double relativePositiveDistance() {
            return positiveDistance() / Math.sqrt(2 * variance());
        }
    }

    private static void record(SeriesRecorder recorder, long step, Measurement m) {
        recorder.add("embeddingVarianceVsStep", step, m.variance());
        recorder.add("positiveDistanceVsStep", step, m.positiveDistance());
        recorder.add("relativePositiveDistanceVsStep", step, m.relativePositiveDistance());
    }

    /** Embeds the points and both views in one pass through the network. */
    private static Measurement measure(SiameseEncoder encoder, double[][] points, double[][] first, double[][] second) {
        int n = points.length;
        double[][] stacked = new double[3 * n][];
        System.arraycopy(points, 0, stacked, 0, n);
        System.arraycopy(first, 0, stacked, n, n);
        System.arraycopy(second, 0, stacked, 2 * n, n);
        double[][] embedded = encoder.embed(stacked);
        return new Measurement(
                Arrays.copyOfRange(embedded, 0, n),
                Arrays.copyOfRange(embedded, n, 2 * n),
                Arrays.copyOfRange(embedded, 2 * n, 3 * n));
    }

    /** Fills {@code indices} with distinct indices below {@code n}, drawn uniformly (partial Fisher–Yates). */
    static void drawDistinct(int[] indices, int n, SplittableRandom rng) {
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
        for (int i = 0; i < indices.length; i++) {
            int j = i + rng.nextInt(n - i);
            int swap = pool[i];
            pool[i] = pool[j];
            pool[j] = swap;
            indices[i] = pool[i];
        }
    }

    private static void record(SeriesRecorder recorder, String name, double[][] points) {
        for (double[] point : points) {
            recorder.add(name, point[0], point[1]);
        }
    }
}
