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
import org.energylab.simulation.energy.NetworkEnergy;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.Mlp;
import org.energylab.simulation.sampling.MarkovChains;
import org.energylab.simulation.training.StepObserver;
import org.energylab.simulation.training.TrainingLoop;
import org.energylab.simulation.training.TrainingStep;
import org.springframework.stereotype.Component;

/**
 * Lesson 5.2: an unconditional energy F(y) on 2-D data, a tanh network 2 → h → h → 1, trained with
 * one of the losses of {@link EnergyLoss} and negatives from {@link Negatives}. It records the energy
 * surface as frames over training, the loss, the low-energy volume, and at the end Langevin samples of
 * the trained model next to the data.
 */
@Component
public class EbmTrainingSimulation implements Simulation {
    static final int TRAINING_POINTS = 1000;
    static final int REFERENCE_POINTS = 1000;
    static final int BATCH = 128;
    static final int GRID_SIZE = 41;
    static final int FRAMES = 20;
    /** The Langevin chains that sample the trained model: from uniform starts, {@value #SAMPLE_STEPS} steps. */
    static final int SAMPLE_CHAINS = 256;

    static final int SAMPLE_STEPS = 200;
    /** The quantile of F over the training points below which the plane counts as low energy. */
    static final double VOLUME_QUANTILE = 0.9;

    private static final double TRAINING_SHARE = 0.85;
    private static final Axis STEP = new Axis("training step", "");
    private static final Axis ENERGY = new Axis("energy F(y)", "");
    private static final String SURFACE = "energy F(y)";

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("data", "training data", SurfaceFrames.Y1, SurfaceFrames.Y2).asPoints(),
            new SeriesSpec("samples", "Langevin samples", SurfaceFrames.Y1, SurfaceFrames.Y2).asPoints(),
            new SeriesSpec("loss", "training loss", STEP, new Axis("loss", "")),
            new SeriesSpec(
                    "lowEnergyVolumeVsStep",
                    "low-energy volume",
                    STEP,
                    new Axis("fraction of the square where F ≤ τ", "")));

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.choice(
                    "dataset",
                    "Data",
                    "eight-gaussians",
                    ChoiceOption.choices(TrainingDensity.class),
                    "The 2-D points whose energy the network learns to make low"),
            ParameterSpec.choice(
                    "loss",
                    "Loss",
                    "contrastive-divergence",
                    ChoiceOption.choices(EnergyLoss.class),
                    "What the training minimises; all but score matching push negatives up"),
            ParameterSpec.choice(
                    "negatives",
                    "Negatives",
                    "langevin",
                    ChoiceOption.choices(NegativeSource.class),
                    "Where the points ŷ whose energy is pushed up come from (score matching uses none)"),
            ParameterSpec.integer(
                            "langevinSteps",
                            "Langevin steps",
                            "",
                            1,
                            100,
                            10,
                            "Steps of Langevin dynamics per training step for Langevin negatives")
                    .activeWhen("negatives", "langevin"),
            ParameterSpec.choice(
                            "replayBuffer",
                            "Replay buffer",
                            "on",
                            List.of(new Choice("on", "on"), new Choice("off", "off")),
                            "Start 95 % of the Langevin chains where earlier ones ended, instead of from uniform noise")
                    .activeWhen("negatives", "langevin"),
            ParameterSpec.integer(
                    "hiddenUnits", "Hidden units", "", 4, 128, 32, "Units in each of the two hidden layers"),
            ParameterSpec.number("learningRate", "Learning rate", "", 1e-4, 0.05, 0.01, "Step size of Adam")
                    .withLogScale(),
            ParameterSpec.integer("steps", "Training steps", "", 10, 3000, 300, "Adam steps on batches of 128 points"));

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
                    "ebm-train-2d",
                    "Training an energy on 2-D data",
                    "A network F(y) learns low energy on the data by pushing down on data points and up on negatives;"
                            + " watch the surface form, frame by frame, and sample it with Langevin dynamics.",
                    schema,
                    SERIES,
                    List.of(
                            ScalarSpec.of("dataEnergy", "Mean F over the training points"),
                            ScalarSpec.of("uniformEnergy", "Mean F over uniform points of the square"),
                            ScalarSpec.of("lowEnergyVolume", "Low-energy volume (fraction of the square with F ≤ τ)"),
                            ScalarSpec.of("sampleToDataDistance", "Mean distance from a Langevin sample to the data"),
                            ScalarSpec.of("uniformToDataDistance", "Mean distance from a uniform point to the data")),
                    List.of(
                            ChartSpec.heatMap("Energy F(y) over training", "energy", "data", "samples"),
                            ChartSpec.lines("Training loss", "loss"),
                            ChartSpec.lines("Low-energy volume", "lowEnergyVolumeVsStep")))
            .withSeed();

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public CostModel costModel() {
        return EbmTrainingCost.INSTANCE;
    }

    @Override
    public void checkCombination(Parameters p) {
        CostBudget.check(costModel(), p, "steps", "the steps, the Langevin steps or the hidden units");
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        SplittableRandom random = new SplittableRandom(context.seed());
        double[] data = flatten(p.choice("dataset", TrainingDensity.class).rows(TRAINING_POINTS, random.split()));
        double[] reference = PlotDomain.uniformPoints(REFERENCE_POINTS, random.split());
        int width = p.integer("hiddenUnits");
        try (Mlp network =
                new Mlp(new int[] {2, width, width, 1}, Activation.TANH, Activation.IDENTITY, random.split())) {
            return run(context, network, data, reference, random);
        }
    }

    private SimulationResult run(
            RunContext context, Mlp network, double[] data, double[] reference, SplittableRandom random) {
        Parameters p = context.parameters();
        NetworkEnergy energy = new NetworkEnergy(network, 2);
        PlotDomain domain = new PlotDomain(GRID_SIZE);
        SeriesRecorder recorder = new SeriesRecorder(SERIES);
        for (int i = 0; i < data.length / 2; i++) {
            recorder.add("data", data[2 * i], data[2 * i + 1]);
        }
        SurfaceFrames frames = new SurfaceFrames(domain);
        StepObserver observer = new StepObserver() {
            @Override
            public void afterStep(long step, double loss) {
                recorder.add("loss", step, loss);
            }

            @Override
            public void atReport(long step) {
                snapshot(step, energy, domain, data, frames, recorder);
                frames.preview(context.progress(), "energy", SURFACE, ENERGY);
            }
        };
        snapshot(0, energy, domain, data, frames, recorder);
        frames.preview(context.progress(), "energy", SURFACE, ENERGY);
        RunLoop.milestone(context, recorder, 0);
        try (TrainingStep step = trainingStep(p, network, energy, data, random)) {
            TrainingLoop.over(context, p.integer("steps"), FRAMES)
                    .within(0, TRAINING_SHARE)
                    .run(step, observer, recorder);
        }

        double[] samples = langevinSamples(energy, random.split());
        for (int i = 0; i < SAMPLE_CHAINS; i++) {
            recorder.add("samples", samples[2 * i], samples[2 * i + 1]);
        }
        RunLoop.milestone(context, recorder, 1);

        Map<String, Scalar> scalars = new LinkedHashMap<>();
        scalars.put(
                "dataEnergy",
                SurfaceFrames.scalar(
                        "Mean F over the training points", PlotDomain.mean(energy.energies(data, data.length / 2))));
        scalars.put(
                "uniformEnergy",
                SurfaceFrames.scalar(
                        "Mean F over uniform points of the square",
                        PlotDomain.mean(energy.energies(reference, reference.length / 2))));
        scalars.put(
                "lowEnergyVolume",
                SurfaceFrames.scalar(
                        "Low-energy volume (fraction of the square with F ≤ τ)",
                        lowEnergyVolume(energy, domain, data)));
        scalars.put(
                "sampleToDataDistance",
                SurfaceFrames.scalar(
                        "Mean distance from a Langevin sample to the data",
                        PlotDomain.meanNearestDistance(samples, data)));
        scalars.put(
                "uniformToDataDistance",
                Scalar.of(
                        "Mean distance from a uniform point to the data",
                        PlotDomain.meanNearestDistance(reference, data),
                        ""));
        return new SimulationResult(scalars, recorder.series(), Map.of("energy", frames.grid(SURFACE, ENERGY)));
    }

    private static TrainingStep trainingStep(
            Parameters p, Mlp network, NetworkEnergy energy, double[] data, SplittableRandom random) {
        EnergyLoss loss = p.choice("loss", EnergyLoss.class);
        double learningRate = p.number("learningRate");
        if (loss == EnergyLoss.SCORE_MATCHING) {
            return new ScoreMatchingStep(network, data, BATCH, ScoreMatchingStep.NOISE, learningRate, random.split());
        }
        Negatives negatives = new Negatives(
                p.choice("negatives", NegativeSource.class),
                BATCH,
                p.integer("langevinSteps"),
                p.choice("replayBuffer").equals("on"),
                energy,
                random.split());
        return new ContrastiveStep(loss, network, data, BATCH, negatives, learningRate, random.split());
    }

    /** A frame of the surface and the low-energy volume at this step. */
    private static void snapshot(
            long step,
            NetworkEnergy energy,
            PlotDomain domain,
            double[] data,
            SurfaceFrames frames,
            SeriesRecorder recorder) {
        double[] surface = energy.energies(domain.points(), domain.count());
        frames.add(step, surface);
        recorder.add("lowEnergyVolumeVsStep", step, lowEnergyVolume(surface, energy, data));
    }

    static double lowEnergyVolume(NetworkEnergy energy, PlotDomain domain, double[] data) {
        return lowEnergyVolume(energy.energies(domain.points(), domain.count()), energy, data);
    }

    /**
     * The fraction of the grid where F ≤ τ, with τ the {@value #VOLUME_QUANTILE} quantile of F over the
     * training points: about the data's own share of the square for a well-trained model, 1 for a flat one.
     */
    private static double lowEnergyVolume(double[] surface, NetworkEnergy energy, double[] data) {
        double tau = PlotDomain.quantile(energy.energies(data, data.length / 2), VOLUME_QUANTILE);
        return PlotDomain.fractionAtMost(surface, tau);
    }

    /** Langevin dynamics on exp(−F) from uniform starts in the square, positions row by row at the end. */
    static double[] langevinSamples(NetworkEnergy energy, SplittableRandom random) {
        double[] starts = PlotDomain.uniformPoints(SAMPLE_CHAINS, random.split());
        try (MarkovChains chains = Negatives.langevinChains(energy, starts, random.split())) {
            for (int s = 0; s < SAMPLE_STEPS; s++) {
                chains.step();
            }
            double[] out = new double[2 * SAMPLE_CHAINS];
            chains.copyPositions(out);
            return out;
        }
    }

    static double[] flatten(double[][] rows) {
        double[] out = new double[2 * rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[2 * i] = rows[i][0];
            out[2 * i + 1] = rows[i][1];
        }
        return out;
    }
}
