package org.energylab.simulation.causal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.energylab.simulation.Axis;
import org.energylab.simulation.ChartSpec;
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
import org.energylab.simulation.causal.LeastSquares.Estimate;
import org.springframework.stereotype.Component;

/**
 * Lesson 6.2: the same units as lesson 6.1, but z is out of reach and only (x, y) is seen. The effect
 * of x on y is then known only up to the strength of the confounder one is willing to assume: with an
 * assumed a·b = s (and z of spread σ_z), the bias is s·σ_z²/Var(x), so the implied effect is
 *
 * <pre>
 *   c(s) = β̂ − s·σ_z²/Var(x),
 * </pre>
 *
 * a straight line in s through the naive slope β̂ at s = 0. It crosses zero at the strength that would
 * explain the whole association away, s* = β̂·Var(x)/σ_z² = Cov(x, y)/σ_z².
 */
@Component
public class SensitivitySimulation implements Simulation {
    /** Points of the curve of the implied effect against the assumed strength. */
    static final int CURVE_POINTS = 201;
    /** Largest confounder spread σ on the curve of the bias against σ. */
    static final double MAX_SCALE = 3;

    private static final String NAIVE = "Naive slope of y on x";

    private static final Axis STRENGTH = new Axis("assumed confounder strength a·b", "");
    private static final Axis EFFECT = new Axis("implied causal effect of x on y", "");
    private static final Axis SCALE = new Axis("spread σ_z of the confounder", "");
    private static final Axis BIAS = new Axis("confounding bias", "");

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("effectVsConfounderStrength", "implied effect c(s) = β̂ − s·σ_z²/Var(x)", STRENGTH, EFFECT),
            new SeriesSpec("effectBandLow", "95 % band, low", STRENGTH, EFFECT),
            new SeriesSpec("effectBandHigh", "95 % band, high", STRENGTH, EFFECT),
            new SeriesSpec("explainedAway", "explained away: c(s*) = 0", STRENGTH, EFFECT).asPoints(),
            new SeriesSpec("truth", "the truth (a·b, c), unknown to the analyst", STRENGTH, EFFECT).asPoints(),
            new SeriesSpec("biasVsConfounderScale", "bias a·b·σ²/(a²σ² + σ_x²)", SCALE, BIAS),
            new SeriesSpec("chosenScale", "the chosen σ_z", SCALE, BIAS).asPoints());

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
                    "sensitivity",
                    "Sensitivity to an unseen confounder",
                    "Without z, the effect of x on y depends on how strong a confounder one assumes: the implied"
                            + " effect against the assumed strength a·b, and the strength that explains it all away.",
                    new ParameterSchema(parameters()),
                    SERIES,
                    scalarSpecs(),
                    List.of(
                            ChartSpec.lines(
                                    "Implied effect against the assumed confounder strength",
                                    "effectVsConfounderStrength",
                                    "effectBandLow",
                                    "effectBandHigh",
                                    "explainedAway",
                                    "truth"),
                            ChartSpec.lines(
                                    "Bias against the confounder's spread (its capacity)",
                                    "biasVsConfounderScale",
                                    "chosenScale")))
            .withSeed();

    private static List<ScalarSpec> scalarSpecs() {
        List<ScalarSpec> specs = new ArrayList<>(ConfoundingSimulation.estimateSpecs("naive", NAIVE));
        specs.add(ScalarSpec.of("xVariance", "Variance of x in the data"));
        specs.add(ScalarSpec.of("explainAwayStrength", "Strength a·b that explains the effect away"));
        specs.add(ScalarSpec.of("trueStrength", "The true a·b (unknown to the analyst)"));
        specs.add(ScalarSpec.of("impliedEffectAtTrueStrength", "Implied effect at the true a·b"));
        specs.add(ScalarSpec.of("analyticBias", "Confounding bias a·b·σ_z²/(a²σ_z² + σ_x²)"));
        return specs;
    }

    private static List<ParameterSpec> parameters() {
        List<ParameterSpec> specs = new ArrayList<>(LinearConfounder.parameterSpecs());
        specs.add(ParameterSpec.number(
                "assumedStrength",
                "Range of assumed a·b",
                "",
                0.1,
                20,
                3,
                "The chart sweeps the assumed strength a·b from minus this to plus this"));
        return specs;
    }

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public CostModel costModel() {
        return UnitsCost.SENSITIVITY;
    }

    @Override
    public void checkCombination(Parameters p) {
        CostBudget.check(costModel(), p, "samples", "the samples");
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        LinearConfounder model = LinearConfounder.of(p);
        int n = p.integer("samples");
        // The same units as the confounding simulation with this seed; only (x, y) is used.
        LinearConfounder.Units units = model.draw(n, new SplittableRandom(context.seed()));
        SeriesRecorder recorder = new SeriesRecorder(SERIES);
        LeastSquares observed = new LeastSquares();
        RunLoop loop = RunLoop.over(context, n, 10).within(0, 0.8);
        for (int i = 0; i < n; i++) {
            observed.add(units.x()[i], units.y()[i]);
            loop.after(i + 1, recorder);
        }
        Estimate naive = observed.slope();
        double varianceX = observed.varianceX();
        double sigmaZ2 = model.sigmaZ() * model.sigmaZ();
        // c(s) = β̂ − s·σ_z²/Var(x); the band carries the sampling error of β̂ alone.
        double perStrength = sigmaZ2 / varianceX;
        double explainAway = naive.value() / perStrength;
        double range = p.number("assumedStrength");
        for (int k = 0; k < CURVE_POINTS; k++) {
            double s = -range + 2 * range * k / (CURVE_POINTS - 1);
            recorder.add("effectVsConfounderStrength", s, naive.value() - s * perStrength);
            recorder.add("effectBandLow", s, naive.low() - s * perStrength);
            recorder.add("effectBandHigh", s, naive.high() - s * perStrength);
        }
        if (Math.abs(explainAway) <= range) {
            recorder.add("explainedAway", explainAway, 0);
        }
        double trueStrength = model.a() * model.b();
        recorder.add("truth", trueStrength, model.c());
        for (int k = 0; k < CURVE_POINTS; k++) {
            double sigma = MAX_SCALE * k / (CURVE_POINTS - 1);
            recorder.add("biasVsConfounderScale", sigma, withScale(model, sigma).bias());
        }
        recorder.add("chosenScale", model.sigmaZ(), model.bias());
        RunLoop.milestone(context, recorder, 1);

        Map<String, Scalar> scalars = new LinkedHashMap<>();
        ConfoundingSimulation.putEstimate(scalars, "naive", NAIVE, naive);
        scalars.put("xVariance", Scalar.of("Variance of x in the data", varianceX, ""));
        scalars.put(
                "explainAwayStrength",
                new Scalar(
                        "Strength a·b that explains the effect away",
                        explainAway,
                        "",
                        "Cov(x, y)/σ_z²: a confounder this strong would account for the whole slope"));
        scalars.put("trueStrength", Scalar.of("The true a·b (unknown to the analyst)", trueStrength, ""));
        scalars.put(
                "impliedEffectAtTrueStrength",
                Scalar.of("Implied effect at the true a·b", naive.value() - trueStrength * perStrength, ""));
        scalars.put("analyticBias", Scalar.of("Confounding bias a·b·σ_z²/(a²σ_z² + σ_x²)", model.bias(), ""));
        return new SimulationResult(scalars, recorder.series(), Map.of());
    }

    private static LinearConfounder withScale(LinearConfounder m, double sigmaZ) {
        return new LinearConfounder(m.a(), m.b(), m.c(), sigmaZ, m.sigmaX(), m.sigmaY());
    }
}
