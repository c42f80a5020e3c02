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
 * Lesson 6.1: a latent z confounds the effect of x on y. The same units are seen as observed and
 * under do(x); three estimates of the effect c come out of them: the naive slope of y on x, biased
 * by c + a·b·σ_z²/(a²σ_z² + σ_x²) − c; the slope adjusted for z (which needs z, the latent a model
 * never observes); and the slope under intervention, where x no longer listens to z.
 */
@Component
public class ConfoundingSimulation implements Simulation {
    /** Points of each scatter drawn: the first ones; the estimates use every unit. */
    static final int SCATTER_POINTS = 2000;
    /** Sample sizes at which the three estimates are plotted against n. */
    private static final int CURVE_POINTS = 40;
    /** The smallest n on the curves: the adjusted slope needs a few more units than its three coefficients. */
    private static final int FIRST_CURVE_SIZE = 10;

    private static final Axis X = new Axis("x", "");
    private static final Axis Y = new Axis("y", "");
    private static final Axis N = new Axis("samples n", "");
    private static final Axis ESTIMATE = new Axis("estimated effect of x on y", "");

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("observed", "observed (x, y)", X, Y).asPoints(),
            new SeriesSpec("naiveFit", "naive fit: slope of y on x", X, Y),
            new SeriesSpec("adjustedFit", "adjusted for z: slope c at the mean z", X, Y),
            new SeriesSpec("intervened", "(x, y) under do(x)", X, Y).asPoints(),
            new SeriesSpec("interventionalFit", "fit under do(x)", X, Y),
            new SeriesSpec("estimateVsSamplesNaive", "naive slope", N, ESTIMATE),
            new SeriesSpec("estimateVsSamplesAdjusted", "adjusted for z", N, ESTIMATE),
            new SeriesSpec("estimateVsSamplesInterventional", "under do(x)", N, ESTIMATE),
            new SeriesSpec("naiveLimit", "c + a·b·σ_z²/(a²σ_z² + σ_x²)", N, ESTIMATE),
            new SeriesSpec("causalEffect", "causal effect c", N, ESTIMATE));

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
                    "confounding",
                    "A latent as a confounder",
                    "A hidden z drives both x and y: regressing y on x is biased, adjusting for z or intervening"
                            + " on x with do(x) recovers the causal effect c.",
                    new ParameterSchema(LinearConfounder.parameterSpecs()),
                    SERIES,
                    scalarSpecs(),
                    List.of(
                            ChartSpec.lines("Observed: y against x", "observed", "naiveFit", "adjustedFit"),
                            ChartSpec.lines("Under do(x): x set independently of z", "intervened", "interventionalFit"),
                            ChartSpec.lines(
                                            "The three estimates as the sample grows",
                                            "estimateVsSamplesNaive",
                                            "estimateVsSamplesAdjusted",
                                            "estimateVsSamplesInterventional",
                                            "naiveLimit",
                                            "causalEffect")
                                    .withLogX()))
            .withSeed();

    /** The three estimates of c: the key prefix of their scalars and what they are. */
    private enum Estimator {
        NAIVE("naive", "Naive slope of y on x"),
        ADJUSTED("adjusted", "Slope of x adjusted for z"),
        INTERVENTIONAL("interventional", "Slope under do(x)");

        final String key;
        final String label;

        Estimator(String key, String label) {
            this.key = key;
            this.label = label;
        }
    }

    private static List<ScalarSpec> scalarSpecs() {
        List<ScalarSpec> specs = new ArrayList<>();
        for (Estimator estimator : Estimator.values()) {
            specs.addAll(estimateSpecs(estimator.key, estimator.label));
        }
        specs.add(ScalarSpec.of("analyticBias", "Confounding bias a·b·σ_z²/(a²σ_z² + σ_x²)"));
        specs.add(ScalarSpec.of("analyticNaive", "Where the naive slope converges: c + bias"));
        return specs;
    }

    /** The scalars {@link #putEstimate} reports for one estimate. */
    static List<ScalarSpec> estimateSpecs(String key, String label) {
        return List.of(
                ScalarSpec.of(key + "Estimate", label),
                ScalarSpec.of(key + "Low", label + ": 95 % interval, low end"),
                ScalarSpec.of(key + "High", label + ": 95 % interval, high end"));
    }

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public CostModel costModel() {
        return UnitsCost.CONFOUNDING;
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
        LinearConfounder.Units units = model.draw(n, new SplittableRandom(context.seed()));
        SeriesRecorder recorder = new SeriesRecorder(SERIES);

        LeastSquares observed = new LeastSquares();
        LeastSquares intervened = new LeastSquares();
        int[] sizes = SampleSizes.geometric(Math.min(FIRST_CURVE_SIZE, n), n, CURVE_POINTS);
        int next = 0;
        RunLoop loop = RunLoop.over(context, n, 20);
        for (int i = 0; i < n; i++) {
            observed.add(units.x()[i], units.y()[i], units.z()[i]);
            intervened.add(units.xDo()[i], units.yDo()[i]);
            if (i < SCATTER_POINTS) {
                recorder.add("observed", units.x()[i], units.y()[i]);
                recorder.add("intervened", units.xDo()[i], units.yDo()[i]);
            }
            if (next < sizes.length && i + 1 == sizes[next]) {
                int m = sizes[next++];
                recorder.add("estimateVsSamplesNaive", m, observed.slope().value());
                recorder.add(
                        "estimateVsSamplesAdjusted",
                        m,
                        observed.slopeAdjustedForZ().value());
                recorder.add(
                        "estimateVsSamplesInterventional", m, intervened.slope().value());
                recorder.add("naiveLimit", m, model.naiveSlope());
                recorder.add("causalEffect", m, model.c());
            }
            loop.after(i + 1, recorder);
        }

        Estimate naive = observed.slope();
        Estimate adjusted = observed.slopeAdjustedForZ();
        Estimate interventional = intervened.slope();
        fitLines(recorder, units, observed, intervened, naive, adjusted, interventional);
        loop.finish(recorder);

        Map<String, Scalar> scalars = new LinkedHashMap<>();
        putEstimate(scalars, Estimator.NAIVE.key, Estimator.NAIVE.label, naive);
        putEstimate(scalars, Estimator.ADJUSTED.key, Estimator.ADJUSTED.label, adjusted);
        putEstimate(scalars, Estimator.INTERVENTIONAL.key, Estimator.INTERVENTIONAL.label, interventional);
        scalars.put("analyticBias", Scalar.of("Confounding bias a·b·σ_z²/(a²σ_z² + σ_x²)", model.bias(), ""));
        scalars.put("analyticNaive", Scalar.of("Where the naive slope converges: c + bias", model.naiveSlope(), ""));
        return new SimulationResult(scalars, recorder.series(), Map.of());
    }

    /** An estimate, its 95 % interval as two scalars, and the interval in words beside the estimate. */
    static void putEstimate(Map<String, Scalar> scalars, String key, String label, Estimate estimate) {
        String interval = String.format("95 %% interval [%.4g, %.4g]", estimate.low(), estimate.high());
        scalars.put(key + "Estimate", new Scalar(label, estimate.value(), "", interval));
        scalars.put(key + "Low", Scalar.of(label + ": 95 % interval, low end", estimate.low(), ""));
        scalars.put(key + "High", Scalar.of(label + ": 95 % interval, high end", estimate.high(), ""));
    }

    /** Each fitted line across the range of its scatter, through the means of the data. */
    private static void fitLines(
            SeriesRecorder recorder,
            LinearConfounder.Units units,
            LeastSquares observed,
            LeastSquares intervened,
            Estimate naive,
            Estimate adjusted,
            Estimate interventional) {
        double[] range = range(units.x());
        double[] rangeDo = range(units.xDo());
        for (double x : range) {
            recorder.add("naiveFit", x, observed.meanY() + naive.value() * (x - observed.meanX()));
            recorder.add("adjustedFit", x, observed.meanY() + adjusted.value() * (x - observed.meanX()));
        }
        for (double x : rangeDo) {
            recorder.add(
                    "interventionalFit", x, intervened.meanY() + interventional.value() * (x - intervened.meanX()));
        }
    }

    private static double[] range(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return new double[] {min, max};
    }
}
