package org.energylab.simulation.ebmtraining;

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
import org.energylab.simulation.data.TrainingDensity;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.Mlp;
import org.energylab.simulation.training.StepObserver;
import org.energylab.simulation.training.TrainingLoop;
import org.springframework.stereotype.Component;

/**
 * Lesson 5.1: an energy F(y) = ‖g(y)‖², g a tanh network 2 → h → h → 2, bounded below by 0 and
 * trained to be low on the data. With the data term alone the surface sinks to the floor everywhere:
 * the gap between data and uniform points, and the spread of F over the square, both measured in
 * units of the spread at step 0, fall toward 0. The switch {@code contrastive} adds a term that pushes
 * uniform points up to a margin, and the surface keeps its shape.
 */
@Component
public class EbmCollapseSimulation implements Simulation {
    static final int OUTPUTS = 2;
    static final int TRAINING_POINTS = 500;
    static final int REFERENCE_POINTS = 1000;
    static final int BATCH = 128;
    static final int GRID_SIZE = 41;
    static final int FRAMES = 20;

    private static final Axis STEP = new Axis("training step", "");
    private static final Axis ENERGY = new Axis("energy F(y) = ‖g(y)‖²", "");
    private static final String SURFACE = "energy F(y) = ‖g(y)‖²";

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("data", "training data", SurfaceFrames.Y1, SurfaceFrames.Y2).asPoints(),
            new SeriesSpec(
                    "energyGapVsStep",
                    "energy gap (uniform − data) / spread at step 0",
                    STEP,
                    new Axis("normalised gap and spread", "")),
            new SeriesSpec(
                    "energySpreadVsStep",
                    "spread of F over the square / spread at step 0",
                    STEP,
                    new Axis("normalised gap and spread", "")),
            new SeriesSpec("loss", "training loss", STEP, new Axis("loss", "")));

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.choice(
                    "dataset",
                    "Data",
                    "two-moons",
                    ChoiceOption.choices(TrainingDensity.class),
                    "The 2-D points whose energy is pushed down"),
            ParameterSpec.choice(
                    "contrastive",
                    "Contrastive term",
                    "off",
                    List.of(new Choice("off", "off: data term only"), new Choice("on", "on: push uniform points up")),
                    "Whether the loss also pushes the energy of uniform points up to the margin m = 1"),
            ParameterSpec.integer(
                    "hiddenUnits", "Hidden units", "", 4, 128, 32, "Units in each of the two hidden layers"),
            ParameterSpec.number("learningRate", "Learning rate", "", 1e-4, 0.05, 0.01, "Step size of Adam")
                    .withLogScale(),
            ParameterSpec.integer("steps", "Training steps", "", 10, 3000, 300, "Adam steps on batches of 128 points"));

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
                    "ebm-collapse",
                    "Pushing down on the data alone",
                    "An energy bounded below, trained only to be low on the data, sinks flat to its floor; a"
                            + " contrastive term that pushes other points up keeps it shaped.",
                    schema,
                    SERIES,
                    List.of(
                            ScalarSpec.of("dataEnergy", "Mean F over the training points"),
                            ScalarSpec.of("uniformEnergy", "Mean F over uniform points of the square"),
                            ScalarSpec.of("energyGap", "Energy gap (uniform − data) / spread at step 0"),
                            ScalarSpec.of("energySpread", "Spread of F over the square / spread at step 0")),
                    List.of(
                            ChartSpec.heatMap("Energy F(y) over training", "energy", "data"),
                            ChartSpec.lines(
                                    "Gap and spread, in units of the spread at step 0",
                                    "energyGapVsStep",
                                    "energySpreadVsStep"),
                            ChartSpec.lines("Training loss", "loss")))
            .withSeed();

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public CostModel costModel() {
        return EbmCollapseCost.INSTANCE;
    }

    @Override
    public void checkCombination(Parameters p) {
        CostBudget.check(costModel(), p, "steps", "the steps or the hidden units");
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        SplittableRandom random = new SplittableRandom(context.seed());
        double[] data = EbmTrainingSimulation.flatten(
                p.choice("dataset", TrainingDensity.class).rows(TRAINING_POINTS, random.split()));
        double[] reference = PlotDomain.uniformPoints(REFERENCE_POINTS, random.split());
        int width = p.integer("hiddenUnits");
        try (Mlp network =
                new Mlp(new int[] {2, width, width, OUTPUTS}, Activation.TANH, Activation.IDENTITY, random.split())) {
            return run(context, network, data, reference, random);
        }
    }

    private SimulationResult run(
            RunContext context, Mlp network, double[] data, double[] reference, SplittableRandom random) {
        Parameters p = context.parameters();
        PlotDomain domain = new PlotDomain(GRID_SIZE);
        SeriesRecorder recorder = new SeriesRecorder(SERIES);
        for (int i = 0; i < data.length / 2; i++) {
            recorder.add("data", data[2 * i], data[2 * i + 1]);
        }
        SurfaceFrames frames = new SurfaceFrames(domain);
        double spreadAtStart = PlotDomain.standardDeviation(energies(network, domain.points()));
        StepObserver observer = new StepObserver() {
            @Override
            public void afterStep(long step, double loss) {
                recorder.add("loss", step, loss);
            }

            @Override
            public void atReport(long step) {
                snapshot(step, network, domain, data, reference, spreadAtStart, frames, recorder);
                frames.preview(context.progress(), "energy", SURFACE, ENERGY);
            }
        };
        snapshot(0, network, domain, data, reference, spreadAtStart, frames, recorder);
        frames.preview(context.progress(), "energy", SURFACE, ENERGY);
        RunLoop.milestone(context, recorder, 0);
        CollapseStep step = new CollapseStep(
                network,
                OUTPUTS,
                data,
                BATCH,
                p.choice("contrastive").equals("on"),
                p.number("learningRate"),
                random.split());
        TrainingLoop.over(context, p.integer("steps"), FRAMES).run(step, observer, recorder);

        double dataEnergy = PlotDomain.mean(energies(network, data));
        double uniformEnergy = PlotDomain.mean(energies(network, reference));
        double spread = PlotDomain.standardDeviation(energies(network, domain.points()));
        Map<String, Scalar> scalars = new LinkedHashMap<>();
        scalars.put("dataEnergy", SurfaceFrames.scalar("Mean F over the training points", dataEnergy));
        scalars.put("uniformEnergy", SurfaceFrames.scalar("Mean F over uniform points of the square", uniformEnergy));
        scalars.put(
                "energyGap",
                SurfaceFrames.scalar(
                        "Energy gap (uniform − data) / spread at step 0",
                        (uniformEnergy - dataEnergy) / spreadAtStart));
        scalars.put(
                "energySpread",
                SurfaceFrames.scalar("Spread of F over the square / spread at step 0", spread / spreadAtStart));
        return new SimulationResult(scalars, recorder.series(), Map.of("energy", frames.grid(SURFACE, ENERGY)));
    }

    private static void snapshot(
            long step,
            Mlp network,
            PlotDomain domain,
            double[] data,
            double[] reference,
            double spreadAtStart,
            SurfaceFrames frames,
            SeriesRecorder recorder) {
        double[] surface = energies(network, domain.points());
        frames.add(step, surface);
        double gap = PlotDomain.mean(energies(network, reference)) - PlotDomain.mean(energies(network, data));
        recorder.add("energyGapVsStep", step, gap / spreadAtStart);
        recorder.add("energySpreadVsStep", step, PlotDomain.standardDeviation(surface) / spreadAtStart);
    }

    /** F = ‖g(y)‖² at points given row by row. */
    static double[] energies(Mlp network, double[] points) {
        return CollapseStep.energies(network.predict(points, points.length / 2), OUTPUTS);
    }
}
