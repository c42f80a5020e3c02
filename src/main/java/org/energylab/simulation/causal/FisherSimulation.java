package org.energylab.simulation.causal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.energylab.simulation.Axis;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.ChoiceOption;
import org.energylab.simulation.CostBudget;
import org.energylab.simulation.CostModel;
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
import org.springframework.stereotype.Component;

/**
 * Lesson 6.3: how sure an estimate can be. A parameter θ is estimated from n observations, again and
 * again with fresh data, for n from 2 to the largest sample; the variance of the estimates is set
 * beside the Cramér–Rao bound 1/(n I(θ)), where the Fisher information I(θ) = Var[∂ log p/∂θ] is the
 * variance of the score. The per-observation scores of the largest sample are drawn as a histogram,
 * beside a normal density of variance I.
 */
@Component
public class FisherSimulation implements Simulation {
    /** Most observations a run may draw, repetitions × the sum of the sample sizes. */
    static final long MAX_DRAWS = 60_000_000L;
    /** Sample sizes on the variance curves. */
    static final int CURVE_POINTS = 20;
    /** Bins of the score histogram, over ± SCORE_RANGE/σ. */
    static final int BINS = 61;

    static final double SCORE_RANGE = 4;

    private static final Axis N = new Axis("samples n", "");
    private static final Axis VARIANCE = new Axis("variance of the estimate θ̂", "");
    private static final Axis SCORE = new Axis("score ∂ log p/∂θ", "");
    private static final Axis DENSITY = new Axis("density", "");

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("varianceVsN", "variance of θ̂ over the repetitions", N, VARIANCE).asPoints(),
            new SeriesSpec("boundVsN", "Cramér–Rao bound 1/(n I)", N, VARIANCE),
            new SeriesSpec("scoreHistogram", "scores of the largest sample (histogram)", SCORE, DENSITY),
            new SeriesSpec("scoreNormal", "normal density of variance I", SCORE, DENSITY));

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.choice(
                    "model",
                    "Model",
                    FisherModel.GAUSSIAN_MEAN.id(),
                    ChoiceOption.choices(FisherModel.class),
                    "What is estimated, and how: the mean of a Gaussian (by the sample mean or the median), or the"
                            + " slope of a line through the origin"),
            ParameterSpec.number("sigma", "Noise σ", "", 0.05, 10, 1, "Standard deviation of each observation's noise"),
            ParameterSpec.number("trueValue", "True θ", "", -10, 10, 1, "The value the estimates aim at"),
            ParameterSpec.integer(
                    "maxSamples", "Largest sample n", "", 10, 10_000, 1000, "The curves go from n = 2 to this"),
            ParameterSpec.integer("repetitions", "Repetitions", "", 20, 5000, 500, "Fresh data sets drawn at each n"));

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
                    "fisher",
                    "Fisher information and the Cramér–Rao bound",
                    "Estimate a Gaussian mean or a regression slope many times: the estimator's variance against n"
                            + " beside the bound 1/(n I), and the score whose variance I is.",
                    schema,
                    SERIES,
                    List.of(
                            ScalarSpec.of("fisherInformation", "Fisher information per observation I"),
                            ScalarSpec.of("empiricalVariance", "Variance of θ̂ at the largest n"),
                            ScalarSpec.of("cramerRaoBound", "Cramér–Rao bound 1/(n I) at the largest n"),
                            ScalarSpec.of("efficiency", "Bound / variance (1 for an efficient estimator)"),
                            ScalarSpec.of("meanEstimate", "Mean of θ̂ at the largest n"),
                            ScalarSpec.of("scoreMean", "Mean of the score"),
                            ScalarSpec.of("scoreVariance", "Variance of the score")),
                    List.of(
                            ChartSpec.lines("Variance of the estimate against n", "varianceVsN", "boundVsN")
                                    .withLogX()
                                    .withLogY(),
                            ChartSpec.lines("The score and its variance", "scoreHistogram", "scoreNormal")))
            .withSeed();

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    static int[] sampleSizes(Parameters p) {
        return SampleSizes.geometric(2, p.integer("maxSamples"), CURVE_POINTS);
    }

    /** Observations a run draws: repetitions × the sum of the sample sizes on the curve. */
    static long draws(Parameters p) {
        long sum = 0;
        for (int n : sampleSizes(p)) {
            sum += n;
        }
        return sum * p.integer("repetitions");
    }

    @Override
    public void checkCombination(Parameters p) {
        long draws = draws(p);
        if (draws > MAX_DRAWS) {
            throw new InvalidParameterException(
                    "repetitions",
                    "This run would draw " + draws + " observations (repetitions × the sample sizes on the"
                            + " curve); keep it under " + MAX_DRAWS + ": use fewer repetitions or a smaller largest"
                            + " sample");
        }
        CostBudget.check(costModel(), p, "repetitions", "the repetitions or the largest sample");
    }

    @Override
    public CostModel costModel() {
        return FisherCost.INSTANCE;
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        FisherModel model = p.choice("model", FisherModel.class);
        double sigma = p.number("sigma");
        double theta = p.number("trueValue");
        int repetitions = p.integer("repetitions");
        int[] sizes = sampleSizes(p);
        int largest = sizes[sizes.length - 1];
        SplittableRandom random = new SplittableRandom(context.seed());
        SeriesRecorder recorder = new SeriesRecorder(SERIES);
        RunLoop loop = RunLoop.over(context, (long) sizes.length * repetitions, 20);

        double[] observations = new double[largest];
        Moments scores = new Moments();
        Histogram histogram = new Histogram(SCORE_RANGE / sigma, BINS);
        Moments estimates = new Moments();
        long step = 0;
        for (int n : sizes) {
            estimates = new Moments();
            double[] inputs = FisherModel.inputs(n);
            for (int r = 0; r < repetitions; r++) {
                for (int i = 0; i < n; i++) {
                    observations[i] = model.sample(inputs[i], theta, sigma, random);
                }
                if (n == largest) {
                    for (int i = 0; i < n; i++) {
                        double score = model.score(inputs[i], observations[i], theta, sigma);
                        scores.add(score);
                        histogram.add(score);
                    }
                }
                // Last: the median sorts the observations in place.
                estimates.add(model.estimate(inputs, observations, n));
                loop.after(++step, recorder);
            }
            recorder.add("varianceVsN", n, estimates.variance());
            recorder.add("boundVsN", n, 1 / model.information(n, sigma));
        }

        double perObservation = model.information(largest, sigma) / largest;
        double[] centres = histogram.centres();
        double[] density = histogram.density();
        for (int b = 0; b < centres.length; b++) {
            recorder.add("scoreHistogram", centres[b], density[b]);
        }
        for (int k = 0; k <= 4 * BINS; k++) {
            double s = -histogram.halfWidth() + 2 * histogram.halfWidth() * k / (4 * BINS);
            recorder.add(
                    "scoreNormal",
                    s,
                    Math.exp(-s * s / (2 * perObservation)) / Math.sqrt(2 * Math.PI * perObservation));
        }
        loop.finish(recorder);

        double bound = 1 / model.information(largest, sigma);
        Map<String, Scalar> scalars = new LinkedHashMap<>();
        scalars.put(
                "fisherInformation",
                new Scalar(
                        "Fisher information per observation I",
                        perObservation,
                        "",
                        model == FisherModel.REGRESSION_SLOPE ? "Σx²/(nσ²) at the largest n" : "1/σ²"));
        scalars.put("empiricalVariance", Scalar.of("Variance of θ̂ at the largest n", estimates.variance(), ""));
        scalars.put("cramerRaoBound", Scalar.of("Cramér–Rao bound 1/(n I) at the largest n", bound, ""));
        scalars.put(
                "efficiency",
                Scalar.of("Bound / variance (1 for an efficient estimator)", bound / estimates.variance(), ""));
        scalars.put("meanEstimate", Scalar.of("Mean of θ̂ at the largest n", estimates.mean(), ""));
        scalars.put("scoreMean", Scalar.of("Mean of the score", scores.mean(), ""));
        scalars.put("scoreVariance", Scalar.of("Variance of the score", scores.variance(), ""));
        return new SimulationResult(scalars, recorder.series(), Map.of());
    }

    /** Running mean and unbiased variance (Welford). */
    static final class Moments {
        private long n;
        private double mean;
        private double squares;

        void add(double value) {
            n++;
            double d = value - mean;
            mean += d / n;
            squares += d * (value - mean);
        }

        double mean() {
            return mean;
        }

        /** Σ(v − v̄)²/(n − 1). */
        double variance() {
            return squares / (n - 1);
        }
    }

    /** Equal bins over [−halfWidth, halfWidth]; values outside count in the total but in no bin. */
    static final class Histogram {
        private final double halfWidth;
        private final long[] counts;
        private long total;

        Histogram(double halfWidth, int bins) {
            this.halfWidth = halfWidth;
            this.counts = new long[bins];
        }

        void add(double value) {
            total++;
            int bin = (int) Math.floor((value + halfWidth) / (2 * halfWidth) * counts.length);
            if (bin >= 0 && bin < counts.length) {
                counts[bin]++;
            }
        }

        double halfWidth() {
            return halfWidth;
        }

        double[] centres() {
            double width = 2 * halfWidth / counts.length;
            double[] centres = new double[counts.length];
            for (int b = 0; b < counts.length; b++) {
                centres[b] = -halfWidth + (b + 0.5) * width;
            }
            return centres;
        }

        /** count / (total · bin width), so that the histogram integrates to the fraction inside the range. */
        double[] density() {
            double width = 2 * halfWidth / counts.length;
            double[] density = new double[counts.length];
            for (int b = 0; b < counts.length; b++) {
                density[b] = counts[b] / (total * width);
            }
            return density;
        }
    }
}
