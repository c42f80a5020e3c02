package org.energylab.simulation.regularized;

import java.util.ArrayList;
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
import org.springframework.stereotype.Component;

/**
 * Lesson 5.3: energy-based models that never push energy up, because their architecture or a
 * penalty limits how much of the plane can have low energy. PCA, K-means and sparse coding are fitted
 * to a 2-D data set; F(y) = min_z E(y, z) is mapped over the square, and the fraction of the square
 * where F ≤ τ (the low-energy volume) is measured at the learner's capacity and along a sweep of it.
 */
@Component
public class RegularizedEbmSimulation implements Simulation {
    /** Data points drawn from the chosen density. */
    static final int SAMPLES = 400;
    /** Points per side of the grid over the square [−EXTENT, EXTENT]², for the maps and the volume. */
    static final int GRID_SIDE = 81;

    static final double EXTENT = TrainingDensity.EXTENT;

    private static final Axis Y1 = new Axis("y₁", "");
    private static final Axis Y2 = new Axis("y₂", "");
    private static final Axis CAPACITY = new Axis("capacity: components k, clusters K, or log₁₀(1/λ)", "");
    private static final Axis VOLUME = new Axis("low-energy volume (fraction of the square with F ≤ τ)", "");

    private static final List<SeriesSpec> SERIES = List.of(
            new SeriesSpec("data", "data y", Y1, Y2).asPoints(),
            new SeriesSpec("centroids", "centroids w_k", Y1, Y2).asPoints(),
            new SeriesSpec("subspace", "mean + principal subspace", Y1, Y2).asPoints(),
            new SeriesSpec("atoms", "mean + atoms × their mean code", Y1, Y2).asPoints(),
            new SeriesSpec("lowEnergyVolumeVsCapacity", "low-energy volume at the fixed τ", CAPACITY, VOLUME));

    private final ParameterSchema schema = ParameterSchema.of(
            ParameterSpec.choice(
                    "dataset",
                    "Data set",
                    TrainingDensity.EIGHT_GAUSSIANS.id(),
                    ChoiceOption.choices(TrainingDensity.class),
                    SAMPLES + " points drawn from this density"),
            ParameterSpec.choice(
                    "method",
                    "Method",
                    RegularizationMethod.KMEANS.id(),
                    ChoiceOption.choices(RegularizationMethod.class),
                    "How the volume of low energy is limited"),
            ParameterSpec.integer(
                            "components",
                            "Components k",
                            "",
                            0,
                            2,
                            1,
                            "Dimension of the PCA code: 0 keeps only the mean, 2 reconstructs every point")
                    .activeWhen("method", RegularizationMethod.PCA.id()),
            ParameterSpec.integer("clusters", "Clusters K", "", 1, 64, 8, "Number of centroids of K-means")
                    .activeWhen("method", RegularizationMethod.KMEANS.id()),
            ParameterSpec.number(
                            "sparsity",
                            "L1 weight λ",
                            "",
                            0.001,
                            10,
                            0.05,
                            "Weight of the penalty λ‖z‖₁ on the code of " + SparseCoding.ATOMS
                                    + " atoms; capacity grows as it falls")
                    .withLogScale()
                    .activeWhen("method", RegularizationMethod.SPARSE_CODING.id()),
            ParameterSpec.number(
                            "threshold",
                            "Threshold τ",
                            "",
                            0.001,
                            10,
                            0.1,
                            "F(y) ≤ τ counts as low energy. τ is absolute because F is a squared reconstruction error"
                                    + " in the data's units (a trained network, whose energy scale is arbitrary, takes τ"
                                    + " = the 90th percentile of F over the data instead); 0.1 holds 99 % of a blob of"
                                    + " standard deviation 0.1 around its centre")
                    .withLogScale());

    private final SimulationDescriptor descriptor = new SimulationDescriptor(
                    "ebm-regularized",
                    "Regularised EBMs: PCA, K-means, sparse coding",
                    "Limit the volume of low energy instead of pushing energy up: fit PCA, K-means or sparse coding"
                            + " to 2-D data, map F(y) = min_z E(y, z), and watch the low-energy volume grow with"
                            + " capacity.",
                    schema,
                    SERIES,
                    List.of(
                            ScalarSpec.of("lowEnergyVolume", "Low-energy volume (fraction of the square with F ≤ τ)"),
                            ScalarSpec.of("reconstructionError", "Mean reconstruction error over the data"),
                            ScalarSpec.of("dataCoverage", "Fraction of the data with F ≤ τ"),
                            ScalarSpec.of("centroidEnergy", "Largest energy at a centroid")),
                    List.of(
                            ChartSpec.heatMap(
                                    "Energy F(y) = min_z E(y, z)", "energy", "data", "centroids", "subspace", "atoms"),
                            ChartSpec.heatMap("Low-energy region F(y) ≤ τ", "lowEnergyRegion", "data"),
                            ChartSpec.lines("Low-energy volume against capacity", "lowEnergyVolumeVsCapacity")))
            .withSeed();

    @Override
    public SimulationDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<String> seriesFor(Parameters p) {
        List<String> names = new ArrayList<>(List.of("data"));
        switch (p.choice("method", RegularizationMethod.class)) {
            case PCA -> {
                if (p.integer("components") < 2) {
                    names.add("subspace");
                }
            }
            case KMEANS -> names.add("centroids");
            case SPARSE_CODING -> names.add("atoms");
        }
        names.add("lowEnergyVolumeVsCapacity");
        return names;
    }

    @Override
    public void checkCombination(Parameters p) {
        CostBudget.check(costModel(), p, "clusters", "the number of clusters");
    }

    @Override
    public CostModel costModel() {
        return RegularizedEbmCost.INSTANCE;
    }

    /** The grid's coordinates along either axis: GRID_SIDE evenly spaced values from −EXTENT to EXTENT. */
    static double[] axis() {
        double[] axis = new double[GRID_SIDE];
        for (int i = 0; i < GRID_SIDE; i++) {
            axis[i] = -EXTENT + 2 * EXTENT * i / (GRID_SIDE - 1);
        }
        return axis;
    }

    /** F over the grid, {@code values[i][j]} at (axis[j], axis[i]). */
    static double[][] energyMap(ReconstructionEnergy model, double[] axis) {
        double[][] values = new double[axis.length][axis.length];
        for (int i = 0; i < axis.length; i++) {
            for (int j = 0; j < axis.length; j++) {
                values[i][j] = model.energy(axis[j], axis[i]);
            }
        }
        return values;
    }

    /** The fraction of the grid's points where F ≤ τ. */
    static double lowEnergyVolume(double[][] energies, double threshold) {
        long below = 0;
        long total = 0;
        for (double[] row : energies) {
            for (double f : row) {
                below += f <= threshold ? 1 : 0;
                total++;
            }
        }
        return (double) below / total;
    }

    @Override
    public SimulationResult run(RunContext context) {
        Parameters p = context.parameters();
        double threshold = p.number("threshold");
        TrainingDensity density = p.choice("dataset", TrainingDensity.class);
        double[][] data = density.rows(SAMPLES, new SplittableRandom(context.seed()));
        SeriesRecorder recorder = new SeriesRecorder(SERIES);
        for (double[] point : data) {
            recorder.add("data", point[0], point[1]);
        }

        CapacitySweep sweep = CapacitySweep.of(p);
        double[] axis = axis();
        ReconstructionEnergy chosen = null;
        double[][] chosenMap = null;
        double volume = 0;
        List<Double> knobs = sweep.knobs();
        for (int i = 0; i < knobs.size(); i++) {
            double knob = knobs.get(i);
            ReconstructionEnergy model = sweep.fit(data, knob, context.seed());
            double[][] map = energyMap(model, axis);
            double v = lowEnergyVolume(map, threshold);
            recorder.add("lowEnergyVolumeVsCapacity", sweep.capacity(knob), v);
            if (knob == sweep.chosen()) {
                chosen = model;
                chosenMap = map;
                volume = v;
            }
            RunLoop.milestone(context, recorder, 0.95 * (i + 1) / knobs.size());
        }

        Map<String, Scalar> scalars = new LinkedHashMap<>();
        scalars.put("lowEnergyVolume", Scalar.of("Low-energy volume (fraction of the square with F ≤ τ)", volume, ""));
        double error = 0;
        long covered = 0;
        for (double[] point : data) {
            error += chosen.reconstructionError(point[0], point[1]);
            covered += chosen.energy(point[0], point[1]) <= threshold ? 1 : 0;
        }
        scalars.put("reconstructionError", Scalar.of("Mean reconstruction error over the data", error / SAMPLES, ""));
        scalars.put("dataCoverage", Scalar.of("Fraction of the data with F ≤ τ", (double) covered / SAMPLES, ""));
        CodeOverlay.record(chosen, recorder, data, EXTENT);
        if (chosen instanceof KMeans kmeans) {
            double largest = 0;
            for (double[] w : kmeans.centroids()) {
                largest = Math.max(largest, kmeans.energy(w[0], w[1]));
            }
            scalars.put("centroidEnergy", Scalar.of("Largest energy at a centroid", largest, ""));
        }
        RunLoop.milestone(context, recorder, 1);
        return new SimulationResult(scalars, recorder.series(), grids(axis, chosenMap, threshold));
    }

    private static Map<String, Grid> grids(double[] axis, double[][] energies, double threshold) {
        double[][] region = new double[axis.length][axis.length];
        for (int i = 0; i < axis.length; i++) {
            for (int j = 0; j < axis.length; j++) {
                region[i][j] = energies[i][j] <= threshold ? 1 : 0;
            }
        }
        Map<String, Grid> grids = new LinkedHashMap<>();
        grids.put("energy", new Grid("F(y)", Y1, Y2, new Axis("F(y)", ""), axis, axis.clone(), energies));
        grids.put(
                "lowEnergyRegion",
                new Grid("F(y) ≤ τ", Y1, Y2, new Axis("1 where F(y) ≤ τ, else 0", ""), axis, axis.clone(), region));
        return grids;
    }
}
