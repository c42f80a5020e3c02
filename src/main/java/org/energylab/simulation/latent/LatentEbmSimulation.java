package org.energylab.simulation.latent;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.Axis;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.Choice;
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
import org.energylab.simulation.data.EllipseData;
import org.springframework.stereotype.Component;

/**
 * The ellipse of LeCun and Canziani's course, as a latent-variable energy-based model: data on an
 * ellipse, a decoder g(z) = (w₁ cos z, w₂ sin z), the energy E(y, z) = ‖y − g(z)‖² on a grid of
 * latent values, and the free energies F∞ = min_z E and F_β (a soft minimum over z) of lesson 4.2,
 * over the whole y-plane and at one picked point.
 */
@Component
public class LatentEbmSimulation implements Simulation {
    /** Half-width of the square of the y-plane the heat maps cover. */
    static final double EXTENT = 2.0;
    /**
     * Most energies a run may compute: grid points × codes for the heat maps plus samples × codes per
     * fitting step. Keeps the largest run at a few seconds on one core.
     */
    static final long MAX_ENERGIES = 50_000_000L;
    /** Share of the progress bar for the data and the decoder fit; the heat maps get the rest. */
    private static final double FIT_SHARE = 0.2;

    private static final Axis Y1 = new Axis("y₁", "");
    private static final Axis Y2 = new Axis("y₂", "");
    private static final Axis LATENT = new Axis("latent z", "rad");
    private static final Axis ENERGY = new Axis("energy E(y, z)", "");
    private static final Axis DENSITY = new Axis("posterior density p(z | y)", "1/rad");
    private static final Axis STEP = new Axis("gradient step", "");
    private static final Axis LOSS = new Axis("mean F∞ over the data", "");

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("data", "data y", Y1, Y2).asPoints(),
            new SeriesSpec("decoder", "decoder g(z)", Y1, Y2),
            new SeriesSpec("picked", "picked point y", Y1, Y2).asPoints(),
            new SeriesSpec("energyVsZ", "E(y, z) at the picked y", LATENT, ENERGY),
            new SeriesSpec("posterior", "p(z | y) ∝ exp(−βE(y, z))", LATENT, DENSITY),
            new SeriesSpec("trainingLoss", "mean F∞(yᵢ) over the data", STEP, LOSS));

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.number("a", "Semi-axis a", "", 0.2, 1.8, 1.5, "Half-width of the data ellipse along y₁"),
            ParameterSpec.number("b", "Semi-axis b", "", 0.2, 1.8, 1.0, "Half-height of the data ellipse along y₂"),
            ParameterSpec.number("noise", "Noise σ", "", 0, 0.5, 0.1, "Standard deviation of the data's noise"),
            ParameterSpec.integer("samples", "Samples n", "", 4, 500, 48, "Number of data points"),
            ParameterSpec.choice(
                    "decoder",
                    "Decoder",
                    "fixed",
                    List.of(
                            new Choice("fixed", "fixed: w = (a, b)"),
                            new Choice("learned", "learned: w fitted to the data")),
                    "Whether the decoder's w₁, w₂ are the true semi-axes or fitted by gradient descent"),
            ParameterSpec.integer(
                            "steps",
                            "Fitting steps",
                            "",
                            1,
                            200,
                            20,
                            "Gradient steps on the mean F∞ of the data, from the unit circle w = (1, 1)")
                    .activeWhen("decoder", "learned"),
            ParameterSpec.choice(
                    "latent",
                    "Latent",
                    "angle",
                    List.of(
                            new Choice("angle", "1-D: an angle z"),
                            new Choice(
                                    "angle-radius",
                                    "2-D: an angle z and a radius r in [0, " + (int) LatentGrid.MAX_RADIUS + "]")),
                    "What the latent may encode: g(z) = (w₁ r cos z, w₂ r sin z), with r = 1 for the 1-D latent"),
            ParameterSpec.integer("nz", "Latent grid n_z", "", 4, 720, 72, "Number of angles z in [0, 2π)"),
            ParameterSpec.number("y1", "Picked y₁", "", -EXTENT, EXTENT, 1.0, "First coordinate of the picked point"),
            ParameterSpec.number("y2", "Picked y₂", "", -EXTENT, EXTENT, 0.3, "Second coordinate of the picked point"),
            ParameterSpec.number("beta", "Inverse temperature β", "", 0.01, 1000, 10, "Cold (large β) to hot (small β)")
                    .withLogScale(),
            ParameterSpec.integer(
                    "gridSize", "Heat-map grid", "points per side", 21, 151, 81, "Resolution of the y-plane"));

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
                    "latent-ebm",
                    "Latent-variable EBM: the ellipse",
                    "Data on an ellipse explained by a latent angle: the energy E(y, z) = ‖y − g(z)‖², and the free"
                            + " energies min_z E and its soft version at inverse temperature β over the y-plane.",
                    schema,
                    SERIES,
                    List.of(
                            ScalarSpec.of("w1", "Decoder w₁"),
                            ScalarSpec.of("w2", "Decoder w₂"),
                            new ScalarSpec("zStar", "Latent z* that minimises E(y, z)", "rad"),
                            ScalarSpec.of("freeEnergyZeroTemperature", "F∞(y) = min_z E(y, z)"),
                            ScalarSpec.of("freeEnergy", "F_β(y)"),
                            ScalarSpec.of("freeEnergyGap", "F_β(y) − F∞(y)"),
                            ScalarSpec.of("meanEnergy", "mean over z of E(y, z) (the β → 0 limit)")),
                    List.of(
                            ChartSpec.heatMap(
                                    "Zero-temperature free energy F∞(y) = min_z E(y, z)",
                                    "freeEnergyZeroTemperature",
                                    "data",
                                    "decoder",
                                    "picked"),
                            ChartSpec.heatMap(
                                    "Free energy F_β(y) at the chosen β", "freeEnergy", "data", "decoder", "picked"),
                            ChartSpec.lines("Energy of the picked point against the latent", "energyVsZ"),
                            ChartSpec.lines("Posterior over the latent at the chosen β", "posterior"),
                            ChartSpec.lines("Fitting the decoder", "trainingLoss")))
            .withSeed();

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    static LatentGrid latent(Parameters p) {
        return p.choice("latent").equals("angle")
                ? LatentGrid.angleOnly(p.integer("nz"))
                : LatentGrid.angleAndRadius(p.integer("nz"));
    }

    static int steps(Parameters p) {
        return p.choice("decoder").equals("learned") ? p.integer("steps") : 0;
    }

    @Override
    public void checkCombination(Parameters p) {
        long codes = latent(p).size();
        long side = p.integer("gridSize");
        long work = codes * (side * side + (steps(p) + 1L) * p.integer("samples"));
        if (work > MAX_ENERGIES) {
            throw new InvalidParameterException(
                    "nz",
                    "This run would compute " + work + " energies (latent codes × (grid points + samples ×"
                            + " fitting steps)); keep it under " + MAX_ENERGIES + ": use fewer latent angles,"
                            + " a coarser heat-map grid, or fewer samples or steps");
        }
        CostBudget.check(costModel(), p, "nz", "the latent angles, the heat-map grid, or the samples or fitting steps");
    }

    @Override
    public CostModel costModel() {
        return LatentEbmCost.INSTANCE;
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        LatentGrid latent = latent(p);
        double beta = p.number("beta");
        SeriesRecorder recorder = new SeriesRecorder(SERIES);

        EllipseData data = EllipseData.sample(
                p.number("a"), p.number("b"), p.number("noise"), p.integer("samples"), context.seed());
        for (int i = 0; i < data.size(); i++) {
            recorder.add("data", data.y1()[i], data.y2()[i]);
        }
        int steps = steps(p);
        // A fixed decoder is a fit of zero steps from w = (a, b): its loss is recorded once.
        EllipseDecoder start = steps == 0 ? new EllipseDecoder(p.number("a"), p.number("b")) : DecoderFit.START;
        EllipseDecoder decoder = new DecoderFit(latent).fit(start, data, steps, (step, loss) -> {
            recorder.add("trainingLoss", step, loss);
            RunLoop.milestone(context, recorder, FIT_SHARE * step / Math.max(1, steps));
        });
        recordDecoder(recorder, decoder, p.integer("nz"));
        FreeEnergy freeEnergy = new FreeEnergy(decoder.decode(latent));

        Map<String, Scalar> scalars = new LinkedHashMap<>();
        pickedPoint(p.number("y1"), p.number("y2"), beta, latent, freeEnergy, recorder, scalars);
        scalars.put("w1", Scalar.of("Decoder w₁", decoder.w1(), ""));
        scalars.put("w2", Scalar.of("Decoder w₂", decoder.w2(), ""));
        RunLoop.milestone(context, recorder, FIT_SHARE);

        Map<String, Grid> grids = heatMaps(p.integer("gridSize"), beta, freeEnergy, context);
        return new SimulationResult(scalars, recorder.series(), grids);
    }

    /** The decoder's curve g(z) at r = 1, closed, drawn finely enough to look smooth whatever n_z is. */
    private static void recordDecoder(SeriesRecorder recorder, EllipseDecoder decoder, int nz) {
        int points = Math.max(nz, 180);
        for (int k = 0; k <= points; k++) {
            double z = 2 * Math.PI * k / points;
            recorder.add("decoder", decoder.w1() * Math.cos(z), decoder.w2() * Math.sin(z));
        }
    }

    private static void pickedPoint(
            double y1,
            double y2,
            double beta,
            LatentGrid latent,
            FreeEnergy freeEnergy,
            SeriesRecorder recorder,
            Map<String, Scalar> scalars) {
        recorder.add("picked", y1, y2);
        var matrix = freeEnergy.energies(new double[] {y1}, new double[] {y2});
        double[] energies = matrix.toDoubleVector();
        FreeEnergy.Evaluation at = FreeEnergy.evaluate(matrix, beta);
        double zeroTemperature = at.zeroTemperature()[0];

        // Per angle: the energy (its minimum over r for the 2-D latent) and the posterior mass.
        double[] weights = new double[latent.angles()];
        double[] profile = new double[latent.angles()];
        Arrays.fill(profile, Double.POSITIVE_INFINITY);
        double total = 0;
        for (int k = 0; k < energies.length; k++) {
            int j = latent.angleIndex(k);
            profile[j] = Math.min(profile[j], energies[k]);
            double w = Math.exp(-beta * (energies[k] - zeroTemperature));
            weights[j] += w;
            total += w;
        }
        for (int j = 0; j < latent.angles(); j++) {
            recorder.add("energyVsZ", latent.angle(j), profile[j]);
            recorder.add("posterior", latent.angle(j), weights[j] / (total * latent.angleStep()));
        }

        String zLabel = latent.radii() == 1 ? "z* = argmin_z E(y, z)" : "z* (angle of the best (z, r))";
        scalars.put("zStar", Scalar.of(zLabel, latent.angle(latent.angleIndex((int) at.argmin()[0])), "rad"));
        scalars.put("freeEnergyZeroTemperature", Scalar.of("F∞(y) = min_z E(y, z)", zeroTemperature, ""));
        scalars.put("freeEnergy", Scalar.of("F_β(y)", at.atBeta()[0], ""));
        scalars.put("freeEnergyGap", Scalar.of("F_β(y) − F∞(y)", at.atBeta()[0] - zeroTemperature, ""));
        scalars.put(
                "meanEnergy",
                Scalar.of(
                        "mean over z of E(y, z) (the β → 0 limit)",
                        Arrays.stream(energies).average().orElseThrow(),
                        ""));
    }

    /** F∞ and F_β over the square [−EXTENT, EXTENT]². */
    private static Map<String, Grid> heatMaps(int side, double beta, FreeEnergy freeEnergy, RunContext context) {
        FreeEnergy.SquareMaps maps = freeEnergy.overSquare(EXTENT, side, beta, RunLoop.sweep(context, FIT_SHARE, 1));
        double[] axis = maps.axis();
        Map<String, Grid> grids = new LinkedHashMap<>();
        grids.put(
                "freeEnergyZeroTemperature",
                new Grid("F∞(y)", Y1, Y2, new Axis("F∞(y)", ""), axis, axis.clone(), maps.zeroTemperature()));
        grids.put("freeEnergy", new Grid("F_β(y)", Y1, Y2, new Axis("F_β(y)", ""), axis, axis.clone(), maps.atBeta()));
        return grids;
    }
}
