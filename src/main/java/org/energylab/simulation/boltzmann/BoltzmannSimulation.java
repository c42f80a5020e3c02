package org.energylab.simulation.boltzmann;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.stereotype.Component;

/**
 * The Gibbs–Boltzmann distribution of lesson 2.2: P(y) = exp(−βE(y))/Z for a one-dimensional
 * energy on a finite domain, its partition function, free energy, mean energy and entropy, and how
 * they change with the inverse temperature β (a sweep over β from 0.01 to 100).
 */
@Component
public class BoltzmannSimulation implements Simulation {
    /** The β sweep: 20 points per decade from 0.01 to 100. */
    static final double SWEEP_MIN = 0.01;

    static final double SWEEP_MAX = 100;
    static final int SWEEP_POINTS = 81;
    private static final int SWEEP_CHUNKS = 9;
    /** Fewer grid points than this within k_BT of the minimum, and the integrals are under-resolved. */
    static final int MIN_RESOLVED_POINTS = 5;

    static final Axis POSITION = new Axis("position y", "");
    static final Axis ENERGY = new Axis("energy E", "");
    static final Axis DENSITY = new Axis("probability density P(y)", "");
    private static final Axis BETA = new Axis("inverse temperature β", "");
    private static final Axis ENTROPY = new Axis("entropy S", "k_B");

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("energy", "E(y)", POSITION, ENERGY),
            new SeriesSpec("probability", "P(y) = exp(−βE)/Z", POSITION, DENSITY).asFilled(),
            new SeriesSpec("freeEnergyVsBeta", "free energy A = −(1/β) ln Z", BETA, ENERGY),
            new SeriesSpec("meanEnergyVsBeta", "mean energy ⟨E⟩", BETA, ENERGY),
            new SeriesSpec("entropyVsBeta", "entropy S = β(⟨E⟩ − F)", BETA, ENTROPY));

    private final ParameterSchema schema = buildSchema();

    private static ParameterSchema buildSchema() {
        List<ParameterSpec> specs = new ArrayList<>(Landscape.parameters("tilted-double-well"));
        specs.addAll(Domain.parameters(-3, 3));
        specs.add(ParameterSpec.integer(
                "gridPoints", "Grid points", "", 101, 20_001, 2001, "Points of the grid Z is integrated on"));
        specs.add(betaParameter());
        return new ParameterSchema(specs);
    }

    /** β = 1/(k_B T) on a logarithmic slider from 0.01 (hot) to 100 (cold). */
    static ParameterSpec betaParameter() {
        return ParameterSpec.number(
                        "beta",
                        "Inverse temperature β",
                        "",
                        SWEEP_MIN,
                        SWEEP_MAX,
                        1,
                        "β = 1/(k_B T), in units of 1/energy: large β is cold, small β is hot")
                .withLogScale();
    }

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
            "boltzmann",
            "Boltzmann distribution",
            "Turn an energy landscape into probabilities P(y) ∝ exp(−βE(y)) and watch the partition"
                    + " function, free energy, mean energy and entropy change with temperature.",
            schema,
            SERIES,
            List.of(
                    ScalarSpec.of("partitionFunction", "Partition function Z"),
                    ScalarSpec.of("logPartitionFunction", "ln Z"),
                    ScalarSpec.of("freeEnergy", "Free energy A = −(1/β) ln Z"),
                    ScalarSpec.of("meanEnergy", "Mean energy ⟨E⟩"),
                    new ScalarSpec("entropy", "Entropy S = β(⟨E⟩ − F)", "k_B"),
                    ScalarSpec.of("meanPosition", "Mean position ⟨y⟩"),
                    ScalarSpec.of("rightWellProbability", "Probability P(y > 0)")),
            List.of(
                    ChartSpec.lines("Energy landscape", "energy"),
                    ChartSpec.lines("Boltzmann distribution", "probability"),
                    ChartSpec.lines("Free energy and mean energy against β", "freeEnergyVsBeta", "meanEnergyVsBeta")
                            .withLogX(),
                    ChartSpec.lines("Entropy against β", "entropyVsBeta").withLogX()));

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void checkCombination(Parameters parameters) {
        Domain.from(parameters);
        CostBudget.check(costModel(), parameters, "gridPoints", "the grid points");
    }

    @Override
    public CostModel costModel() {
        return BoltzmannCost.INSTANCE;
    }

    /** The β values of the sweep, evenly spaced in log β. */
    static double[] sweepBetas() {
        double[] betas = new double[SWEEP_POINTS];
        double decades = Math.log10(SWEEP_MAX / SWEEP_MIN);
        for (int i = 0; i < SWEEP_POINTS; i++) {
            betas[i] = SWEEP_MIN * Math.pow(10, decades * i / (SWEEP_POINTS - 1));
        }
        betas[SWEEP_POINTS - 1] = SWEEP_MAX;
        return betas;
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        double beta = p.number("beta");
        BoltzmannDistribution distribution =
                new BoltzmannDistribution(Landscape.from(p), Domain.from(p), p.integer("gridPoints"));
        SeriesRecorder recorder = new SeriesRecorder(SERIES);

        double[] ys = distribution.positions();
        double[] energies = distribution.energies();
        double[] density = distribution.density(beta);
        for (int i = 0; i < ys.length; i++) {
            recorder.add("energy", ys[i], energies[i]);
            recorder.add("probability", ys[i], density[i]);
        }
        Thermodynamics here = distribution.at(beta);
        RunLoop.milestone(context, recorder, 0.1);

        double[] betas = sweepBetas();
        int chunk = (SWEEP_POINTS + SWEEP_CHUNKS - 1) / SWEEP_CHUNKS;
        for (int from = 0; from < SWEEP_POINTS; from += chunk) {
            double[] part = java.util.Arrays.copyOfRange(betas, from, Math.min(SWEEP_POINTS, from + chunk));
            Thermodynamics sweep = distribution.at(part);
            for (int i = 0; i < part.length; i++) {
                recorder.add("freeEnergyVsBeta", part[i], sweep.freeEnergy()[i]);
                recorder.add("meanEnergyVsBeta", part[i], sweep.meanEnergy()[i]);
                recorder.add("entropyVsBeta", part[i], sweep.entropy()[i]);
            }
            RunLoop.milestone(context, recorder, 0.1 + 0.9 * Math.min(SWEEP_POINTS, from + chunk) / SWEEP_POINTS);
        }

        String resolution = resolutionNote(density);
        Map<String, Scalar> scalars = new LinkedHashMap<>();
        double logZ = here.logPartitionFunction()[0];
        scalars.put("partitionFunction", partitionFunction(logZ, resolution));
        scalars.put("logPartitionFunction", new Scalar("ln Z", logZ, "", resolution));
        scalars.put("freeEnergy", Scalar.of("Free energy A = −(1/β) ln Z", here.freeEnergy()[0], ""));
        scalars.put("meanEnergy", Scalar.of("Mean energy ⟨E⟩", here.meanEnergy()[0], ""));
        scalars.put("entropy", Scalar.of("Entropy S = β(⟨E⟩ − F)", here.entropy()[0], "k_B"));
        scalars.put("meanPosition", Scalar.of("Mean position ⟨y⟩", here.meanPosition()[0], ""));
        scalars.put(
                "rightWellProbability", Scalar.of("Probability P(y > 0)", distribution.probabilityAbove(beta, 0), ""));
        return new SimulationResult(scalars, recorder.series(), Map.of());
    }

    /** Z itself, unless it does not fit in a double; ln Z always does. */
    private static Scalar partitionFunction(double logZ, String note) {
        String label = "Partition function Z";
        double z = Math.exp(logZ);
        if (Double.isInfinite(z)) {
            return Scalar.unavailable(
                    label,
                    "",
                    "Z = e^" + String.format("%.4g", logZ) + " is larger than the largest double (about 1.8e308):"
                            + " read ln Z instead.");
        }
        if (z < Double.MIN_NORMAL) {
            return Scalar.unavailable(
                    label,
                    "",
                    "Z = e^" + String.format("%.4g", logZ) + " is smaller than the smallest double (about 2.2e-308):"
                            + " read ln Z instead.");
        }
        return new Scalar(label, z, "", note);
    }

    /** A warning when the distribution is narrower than a few grid cells, so the quadrature cannot be trusted. */
    private static String resolutionNote(double[] density) {
        double max = 0;
        for (double d : density) {
            max = Math.max(max, d);
        }
        int resolved = 0;
        for (double d : density) {
            if (d >= max / Math.E) {
                resolved++;
            }
        }
        return resolved < MIN_RESOLVED_POINTS
                ? "Only " + resolved + " grid points lie within k_BT of the lowest energy: the distribution is"
                        + " narrower than the grid resolves. Use more grid points or a smaller domain."
                : "";
    }
}
