package org.energylab.simulation.diffusion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.energylab.simulation.Axis;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.ChoiceOption;
import org.energylab.simulation.CostBudget;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Grid;
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
import org.energylab.simulation.data.DensityData;
import org.energylab.simulation.latent.FreeEnergy;
import org.springframework.stereotype.Component;

/**
 * The forward process of a diffusion model (lesson 4.3): a variance schedule β₁ … β_T, the signal
 * fraction ᾱ_t it leaves after t steps, and 2-D data noised in one jump with q(y_t | y₀) =
 * N(√ᾱ_t y₀, (1 − ᾱ_t) I), for the linear schedule of Ho et al. and the cosine schedule of Nichol and
 * Dhariwal.
 *
 * <p>The density of the noised samples, p_t(y) = (1/n) Σᵢ N(y; √ᾱ_t y₀ᵢ, σ² I) with σ² = 1 − ᾱ_t, is
 * the soft minimum of lesson 4.2 with the data points as latent codes: p_t(y) = exp(−β F_t(y))/(2πσ²)
 * with F_t(y) = −(1/β) ln((1/n) Σᵢ exp(−β ‖y − √ᾱ_t y₀ᵢ‖²)) at β = 1/(2σ²). Its heat map shows the
 * energy landscape melting from the data set into one bowl as t grows.
 */
@Component
public class DiffusionScheduleSimulation implements Simulation {
    /** Half-width of the square of the y-plane the heat map covers. */
    static final double EXTENT = 3.0;
    /** Most squared distances (grid points × samples) the heat map may compute. */
    static final long MAX_DISTANCES = 20_000_000L;

    private static final Axis STEP = new Axis("step t", "");
    private static final Axis Y1 = new Axis("y₁", "");
    private static final Axis Y2 = new Axis("y₂", "");
    private static final Axis ALPHA_BAR = new Axis("signal fraction ᾱ_t", "");
    private static final Axis SNR = new Axis("SNR ᾱ_t/(1 − ᾱ_t)", "");
    private static final Axis BETA = new Axis("variance β_t", "");

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("data", "clean data y₀", Y1, Y2).asPoints(),
            new SeriesSpec("noisedData", "noised data y_t", Y1, Y2).asPoints(),
            new SeriesSpec("alphaBarLinear", "ᾱ_t, linear", STEP, ALPHA_BAR),
            new SeriesSpec("alphaBarCosine", "ᾱ_t, cosine", STEP, ALPHA_BAR),
            new SeriesSpec("alphaBarAtT", "chosen t", STEP, ALPHA_BAR).asPoints(),
            new SeriesSpec("snrLinear", "SNR, linear", STEP, SNR),
            new SeriesSpec("snrCosine", "SNR, cosine", STEP, SNR),
            new SeriesSpec("snrAtT", "chosen t", STEP, SNR).asPoints(),
            new SeriesSpec("betaLinear", "β_t, linear", STEP, BETA),
            new SeriesSpec("betaCosine", "β_t, cosine", STEP, BETA));

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.choice(
                    "data", "Data", "two-moons", ChoiceOption.choices(DensityData.class), "The clean data y₀"),
            ParameterSpec.integer("samples", "Samples n", "", 100, 5000, 1000, "Number of data points"),
            ParameterSpec.choice(
                    "schedule",
                    "Schedule",
                    "linear",
                    ChoiceOption.choices(NoiseSchedule.class),
                    "The schedule used for the noised data and the scalars (the charts show both)"),
            ParameterSpec.integer("steps", "Steps T", "", 10, 4000, 1000, "Number of noising steps"),
            ParameterSpec.integer("t", "Chosen step t", "", 1, 4000, 100, "The step to noise the data to (at most T)"),
            ParameterSpec.integer(
                    "gridSize", "Heat-map grid", "points per side", 21, 101, 61, "Resolution of the free-energy map"));

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
                    "diffusion-schedule",
                    "Diffusion: the variance schedule",
                    "Noise 2-D data step by step as a diffusion model does: the variance schedule β_t, the signal"
                            + " fraction ᾱ_t and the signal-to-noise ratio, for the linear and the cosine schedule.",
                    schema,
                    SERIES,
                    List.of(
                            ScalarSpec.of("alphaBar", "ᾱ_t"),
                            ScalarSpec.of("snr", "SNR ᾱ_t/(1 − ᾱ_t)"),
                            ScalarSpec.of("beta", "β_t"),
                            ScalarSpec.of("noisedVariance", "variance of y_t (mean of both coordinates)"),
                            ScalarSpec.of("predictedVariance", "predicted: ᾱ_t · (variance of y₀) + 1 − ᾱ_t"),
                            ScalarSpec.of("effectiveBeta", "inverse temperature of p_t: 1/(2(1 − ᾱ_t))")),
                    List.of(
                            ChartSpec.scatter("Clean data y₀ and noised data y_t", "data", "noisedData"),
                            ChartSpec.lines("Signal fraction ᾱ_t", "alphaBarLinear", "alphaBarCosine", "alphaBarAtT"),
                            ChartSpec.lines("Signal-to-noise ratio", "snrLinear", "snrCosine", "snrAtT")
                                    .withLogY(),
                            ChartSpec.lines("Variance schedule β_t", "betaLinear", "betaCosine")
                                    .withLogY(),
                            ChartSpec.heatMap(
                                    "Free energy of the noised data F_t(y) = −2(1 − ᾱ_t) ln p_t(y) + const",
                                    "noisedFreeEnergy",
                                    "noisedData")))
            .withSeed();

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void checkCombination(Parameters p) {
        if (p.integer("t") > p.integer("steps")) {
            throw new InvalidParameterException(
                    "t",
                    "The chosen step t = " + p.integer("t") + " is past the last step T = " + p.integer("steps")
                            + "; pick t between 1 and T");
        }
        long distances = (long) p.integer("gridSize") * p.integer("gridSize") * p.integer("samples");
        if (distances > MAX_DISTANCES) {
            throw new InvalidParameterException(
                    "gridSize",
                    "The heat map would compute " + distances + " distances (grid points × samples); keep it under "
                            + MAX_DISTANCES + ": use a coarser grid or fewer samples");
        }
        CostBudget.check(costModel(), p, "gridSize", "the heat-map grid or the samples");
    }

    @Override
    public CostModel costModel() {
        return DiffusionScheduleCost.INSTANCE;
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        int steps = p.integer("steps");
        int t = p.integer("t");
        NoiseSchedule chosen = p.choice("schedule", NoiseSchedule.class);
        SeriesRecorder recorder = new SeriesRecorder(SERIES);

        double[] linear = NoiseSchedule.LINEAR.alphaBars(steps);
        double[] cosine = NoiseSchedule.COSINE.alphaBars(steps);
        double[] linearBetas = NoiseSchedule.LINEAR.betas(steps);
        double[] cosineBetas = NoiseSchedule.COSINE.betas(steps);
        for (int s = 1; s <= steps; s++) {
            recorder.add("alphaBarLinear", s, linear[s - 1]);
            recorder.add("alphaBarCosine", s, cosine[s - 1]);
            recorder.add("snrLinear", s, NoiseSchedule.snr(linear[s - 1]));
            recorder.add("snrCosine", s, NoiseSchedule.snr(cosine[s - 1]));
            recorder.add("betaLinear", s, linearBetas[s - 1]);
            recorder.add("betaCosine", s, cosineBetas[s - 1]);
        }
        double alphaBar = (chosen == NoiseSchedule.LINEAR ? linear : cosine)[t - 1];
        double beta = (chosen == NoiseSchedule.LINEAR ? linearBetas : cosineBetas)[t - 1];
        recorder.add("alphaBarAtT", t, alphaBar);
        recorder.add("snrAtT", t, NoiseSchedule.snr(alphaBar));
        RunLoop.milestone(context, recorder, 0.1);

        // Data first, then the noise, from one generator: changing t or the schedule keeps both.
        SplittableRandom random = new SplittableRandom(context.seed());
        double[][] clean = p.choice("data", DensityData.class).columns(p.integer("samples"), random);
        double[][] noised = ForwardNoising.noise(clean, alphaBar, random);
        for (int i = 0; i < clean[0].length; i++) {
            recorder.add("data", clean[0][i], clean[1][i]);
            recorder.add("noisedData", noised[0][i], noised[1][i]);
        }
        RunLoop.milestone(context, recorder, 0.2);

        double inverseTemperature = 1 / (2 * (1 - alphaBar));
        Map<String, Grid> grids =
                Map.of("noisedFreeEnergy", freeEnergyMap(clean, alphaBar, inverseTemperature, p, context));

        Map<String, Scalar> scalars = new LinkedHashMap<>();
        scalars.put("alphaBar", Scalar.of("ᾱ_t", alphaBar, ""));
        scalars.put("snr", Scalar.of("SNR ᾱ_t/(1 − ᾱ_t)", NoiseSchedule.snr(alphaBar), ""));
        scalars.put("beta", Scalar.of("β_t", beta, ""));
        double cleanVariance = ForwardNoising.meanVariance(clean);
        scalars.put(
                "noisedVariance",
                Scalar.of("variance of y_t (mean of both coordinates)", ForwardNoising.meanVariance(noised), ""));
        scalars.put(
                "predictedVariance",
                Scalar.of("predicted: ᾱ_t · (variance of y₀) + 1 − ᾱ_t", alphaBar * cleanVariance + 1 - alphaBar, ""));
        scalars.put("effectiveBeta", Scalar.of("inverse temperature of p_t: 1/(2(1 − ᾱ_t))", inverseTemperature, ""));
        return new SimulationResult(scalars, recorder.series(), grids);
    }

    /** F_t over the square [−EXTENT, EXTENT]²: the soft minimum over the scaled data points √ᾱ_t y₀ᵢ. */
    private static Grid freeEnergyMap(
            double[][] clean, double alphaBar, double beta, Parameters p, RunContext context) {
        double signal = Math.sqrt(alphaBar);
        double[][] centres = new double[2][clean[0].length];
        for (int i = 0; i < clean[0].length; i++) {
            centres[0][i] = signal * clean[0][i];
            centres[1][i] = signal * clean[1][i];
        }
        FreeEnergy.SquareMaps maps =
                new FreeEnergy(centres).overSquare(EXTENT, p.integer("gridSize"), beta, RunLoop.sweep(context, 0.2, 1));
        return new Grid(
                "F_t(y)",
                Y1,
                Y2,
                new Axis("F_t(y)", ""),
                maps.axis(),
                maps.axis().clone(),
                maps.atBeta());
    }
}
