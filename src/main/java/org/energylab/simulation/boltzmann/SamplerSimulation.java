package org.energylab.simulation.boltzmann;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
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
import org.energylab.simulation.sampling.Box;
import org.energylab.simulation.sampling.MarkovChains;
import org.energylab.simulation.sampling.SamplingMethod;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.stereotype.Component;

/**
 * Sampling an energy, lesson 2.3: many Markov chains (Metropolis, unadjusted Langevin or MALA) run
 * side by side on P(y) ∝ exp(−βE(y)), and their samples are compared with the exact density that
 * lesson 2.2 computes by quadrature: histogram, moments, the mass of the right well and the
 * total-variation distance as the run goes on.
 */
@Component
public class SamplerSimulation implements Simulation {
    /** Largest chains × steps a run may ask for. */
    static final long MAX_WORK = 40_000_000L;
    /** Most points kept in the trace; longer runs keep every k-th step. */
    static final int MAX_TRACE_POINTS = 20_000;
    /** About this many checkpoints of the total-variation distance, spaced evenly in log(step). */
    static final int CHECKPOINTS = 50;
    /** Each histogram bin is integrated exactly on at least this many grid points in all. */
    private static final int EXACT_GRID_POINTS = 2000;

    private static final int PROGRESS_STEPS = 100;

    private static final Axis STEP = new Axis("step", "");
    private static final Axis DISTANCE = new Axis("total-variation distance", "");

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec(
                            "histogram",
                            "samples (histogram)",
                            BoltzmannSimulation.POSITION,
                            BoltzmannSimulation.DENSITY)
                    .asFilled(),
            new SeriesSpec(
                    "density", "exact P(y) = exp(−βE)/Z", BoltzmannSimulation.POSITION, BoltzmannSimulation.DENSITY),
            new SeriesSpec("trace", "chain 1", STEP, BoltzmannSimulation.POSITION),
            new SeriesSpec("totalVariationVsStep", "TV distance of all samples so far", STEP, DISTANCE),
            new SeriesSpec("energy", "E(y)", BoltzmannSimulation.POSITION, BoltzmannSimulation.ENERGY));

    private final ParameterSchema schema = buildSchema();

    private static ParameterSchema buildSchema() {
        List<ParameterSpec> specs = new ArrayList<>(Landscape.parameters("double-well"));
        specs.addAll(Domain.parameters(-3, 3));
        specs.add(BoltzmannSimulation.betaParameter());
        specs.add(ParameterSpec.choice(
                "method",
                "Method",
                "metropolis",
                ChoiceOption.choices(SamplingMethod.class),
                "The Markov chain that samples P(y)"));
        specs.add(ParameterSpec.number(
                        "stepSize",
                        "Step size",
                        "",
                        0.001,
                        5,
                        0.5,
                        "Metropolis: standard deviation s of the proposal y' = y + sξ; Langevin and MALA: the time"
                                + " step η")
                .withLogScale());
        specs.add(ParameterSpec.integer("chains", "Chains", "", 1, 10_000, 1000, "Independent chains run together"));
        specs.add(ParameterSpec.integer("steps", "Steps", "", 1, 20_000, 1000, "Steps of every chain"));
        specs.add(ParameterSpec.integer(
                "burnIn", "Burn-in", "", 0, 19_999, 100, "First steps of every chain left out of the statistics"));
        specs.add(ParameterSpec.number(
                "y0", "Start y₀", "", -Domain.LIMIT, Domain.LIMIT, -1, "Every chain starts here (−1: the left well)"));
        specs.add(ParameterSpec.integer(
                "bins", "Histogram bins", "", 10, 200, 60, "Equal bins over the domain, for the histogram and TV"));
        return new ParameterSchema(specs);
    }

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
                    "sampler",
                    "Sampling an energy",
                    "Draw samples from exp(−βE(y)) with Metropolis, Langevin dynamics or MALA, using only the energy and"
                            + " its gradient, and compare them with the exact density.",
                    schema,
                    SERIES,
                    List.of(
                            ScalarSpec.of("acceptanceRate", "Acceptance rate"),
                            ScalarSpec.of("sampleMean", "Sample mean"),
                            ScalarSpec.of("exactMean", "Exact mean ⟨y⟩"),
                            ScalarSpec.of("sampleVariance", "Sample variance"),
                            ScalarSpec.of("exactVariance", "Exact variance"),
                            ScalarSpec.of("fractionInRightWell", "Fraction of samples with y > 0"),
                            ScalarSpec.of("exactRightWellProbability", "Exact P(y > 0)"),
                            ScalarSpec.of("totalVariation", "Total-variation distance to the exact density")),
                    List.of(
                            ChartSpec.lines("Samples against the exact density", "histogram", "density"),
                            ChartSpec.lines("Trace of one chain", "trace"),
                            ChartSpec.lines("Distance to the exact density", "totalVariationVsStep")
                                    .withLogX()
                                    .withLogY(),
                            ChartSpec.lines("Energy landscape", "energy")))
            .withSeed();

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void checkCombination(Parameters p) {
        Domain domain = Domain.from(p);
        double y0 = p.number("y0");
        if (y0 < domain.min() || y0 > domain.max()) {
            throw new InvalidParameterException(
                    "y0",
                    "The start y₀ = " + ParameterSpec.format(y0) + " must lie in the domain ["
                            + ParameterSpec.format(domain.min()) + ", " + ParameterSpec.format(domain.max()) + "]");
        }
        if (p.integer("burnIn") >= p.integer("steps")) {
            throw new InvalidParameterException(
                    "burnIn",
                    "The burn-in (" + p.integer("burnIn") + ") must be shorter than the run (" + p.integer("steps")
                            + " steps), or no sample is left");
        }
        long work = (long) p.integer("chains") * p.integer("steps");
        if (work > MAX_WORK) {
            throw new InvalidParameterException(
                    "chains",
                    p.integer("chains") + " chains × " + p.integer("steps") + " steps is too much work; keep chains ×"
                            + " steps under " + MAX_WORK + " (fewer chains or fewer steps)");
        }
        CostBudget.check(costModel(), p, "chains", "the chains or the steps");
    }

    @Override
    public CostModel costModel() {
        return SamplerCost.INSTANCE;
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        Landscape landscape = Landscape.from(p);
        Domain domain = Domain.from(p);
        SamplingMethod method = p.choice("method", SamplingMethod.class);
        double beta = p.number("beta");
        int steps = p.integer("steps");
        int burnIn = p.integer("burnIn");
        int bins = p.integer("bins");
        double y0 = p.number("y0");

        // The exact distribution on a grid whose bins each hold an even number of Simpson intervals.
        int perBin = 2 * (int) Math.ceil(EXACT_GRID_POINTS / (2.0 * bins));
        BoltzmannDistribution exact = new BoltzmannDistribution(landscape, domain, bins * perBin + 1);
        double[] binProbabilities = exact.binProbabilities(beta, bins);

        SeriesRecorder recorder = new SeriesRecorder(SERIES);
        double[] grid = exact.positions();
        double[] density = exact.density(beta);
        double[] energies = exact.energies();
        for (int i = 0; i < grid.length; i++) {
            recorder.add("density", grid[i], density[i]);
            recorder.add("energy", grid[i], energies[i]);
        }

        int chainCount = p.integer("chains");
        MarkovChains chains = new MarkovChains(
                new LandscapeEnergy(landscape),
                method,
                beta,
                p.number("stepSize"),
                Nd4j.valueArrayOf(new long[] {chainCount, 1}, y0),
                new Box(domain.min(), domain.max()),
                new SplittableRandom(context.seed()));
        double[] positions = new double[chainCount];
        Samples samples = new Samples(domain, bins, y0);
        TreeSet<Integer> checkpoints = checkpoints(steps - burnIn);
        int traceStride = traceStride(steps);
        RunLoop loop = RunLoop.over(context, steps, PROGRESS_STEPS);
        recorder.add("trace", 0, y0);
        for (int step = 1; step <= steps; step++) {
            chains.step();
            if (step == burnIn) {
                chains.resetAcceptance();
            }
            if (step > burnIn) {
                chains.copyPositions(positions);
                samples.add(positions);
                if (checkpoints.contains(step - burnIn)) {
                    recorder.add("totalVariationVsStep", step, samples.totalVariation(binProbabilities));
                }
            }
            if (step % traceStride == 0 || step == steps) {
                recorder.add("trace", step, chains.position(0, 0));
            }
            loop.after(step, recorder);
        }

        double[] centres = samples.binCentres();
        double[] histogram = samples.density();
        for (int b = 0; b < bins; b++) {
            recorder.add("histogram", centres[b], histogram[b]);
        }
        recorder.flush(context.progress());

        double exactMean = exact.expectation(beta, y -> y);
        Map<String, Scalar> scalars = new LinkedHashMap<>();
        scalars.put("acceptanceRate", acceptanceRate(method, chains));
        scalars.put("sampleMean", Scalar.of("Sample mean", samples.mean(), ""));
        scalars.put("exactMean", Scalar.of("Exact mean ⟨y⟩", exactMean, ""));
        scalars.put("sampleVariance", Scalar.of("Sample variance", samples.variance(), ""));
        scalars.put(
                "exactVariance",
                Scalar.of("Exact variance", exact.expectation(beta, y -> (y - exactMean) * (y - exactMean)), ""));
        scalars.put("fractionInRightWell", Scalar.of("Fraction of samples with y > 0", samples.fractionRight(), ""));
        scalars.put("exactRightWellProbability", Scalar.of("Exact P(y > 0)", exact.probabilityAbove(beta, 0), ""));
        scalars.put(
                "totalVariation",
                Scalar.of(
                        "Total-variation distance to the exact density", samples.totalVariation(binProbabilities), ""));
        return new SimulationResult(scalars, recorder.series(), Map.of());
    }

    private static Scalar acceptanceRate(SamplingMethod method, MarkovChains chains) {
        if (!method.rejects()) {
            return Scalar.unavailable(
                    "Acceptance rate",
                    "",
                    "Unadjusted Langevin accepts every move: it has no accept/reject step, which is why its samples"
                            + " are biased by O(η). MALA adds that step.");
        }
        return Scalar.of("Acceptance rate", chains.acceptanceRate(), "");
    }

    /** Record every k-th step of the trace so that the start and all recorded steps fit in {@link #MAX_TRACE_POINTS}. */
    static int traceStride(int steps) {
        return (steps + MAX_TRACE_POINTS) / MAX_TRACE_POINTS;
    }

    /** About {@link #CHECKPOINTS} sample counts from 1 to n, evenly spaced in log n, always including n. */
    static TreeSet<Integer> checkpoints(int n) {
        TreeSet<Integer> points = new TreeSet<>();
        for (int j = 0; j < CHECKPOINTS; j++) {
            points.add((int) Math.round(Math.pow(n, (double) j / (CHECKPOINTS - 1))));
        }
        points.add(n);
        return points;
    }
}
