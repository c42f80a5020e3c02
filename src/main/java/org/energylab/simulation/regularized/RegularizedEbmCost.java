package org.energylab.simulation.regularized;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of {@link RegularizedEbmSimulation}: for every knob of the capacity sweep, the
 * codes tried at every grid point and, while fitting, at every data point on each pass (Lloyd
 * iterations for K-means, dictionary updates for sparse coding, one pass for PCA).
 */
final class RegularizedEbmCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {3.1e-9, 4.0e-3};

    /** Passes over the data a fit makes, as counted by the estimate (K-means: a typical Lloyd run). */
    static final int KMEANS_PASSES = 20;

    static final CostModel INSTANCE = new RegularizedEbmCost();

    @Override
    public List<String> terms() {
        return List.of("code tried at a point", "run");
    }

    @Override
    public double[] work(Parameters p) {
        CapacitySweep sweep = CapacitySweep.of(p);
        double grid = (double) RegularizedEbmSimulation.GRID_SIDE * RegularizedEbmSimulation.GRID_SIDE;
        double codes = 0;
        for (double knob : sweep.knobs()) {
            double passes =
                    switch (sweep.method()) {
                        case PCA -> 1;
                        case KMEANS -> KMEANS_PASSES;
                        case SPARSE_CODING -> SparseCoding.LEARNING_ITERATIONS;
                    };
            codes += sweep.codesPerPoint(knob) * (grid + passes * RegularizedEbmSimulation.SAMPLES);
        }
        return new double[] {codes, 1};
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    /** Two maps of the grid, the data and the series, in plain Java arrays. */
    @Override
    public long bytes(Parameters p) {
        long grid = (long) RegularizedEbmSimulation.GRID_SIDE * RegularizedEbmSimulation.GRID_SIDE;
        return Double.BYTES * (3 * grid + 8L * RegularizedEbmSimulation.SAMPLES) + Cost.MEGABYTE;
    }
}
