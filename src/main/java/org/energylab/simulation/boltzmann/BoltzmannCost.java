package org.energylab.simulation.boltzmann;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Parameters;

/** Run time and memory of {@link BoltzmannSimulation}: Simpson sums over the grid, once per β of the sweep. */
final class BoltzmannCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {8.0e-8, 7.8e-3};

    static final CostModel INSTANCE = new BoltzmannCost();

    @Override
    public List<String> terms() {
        return List.of("grid point × β", "run");
    }

    @Override
    public double[] work(Parameters p) {
        return new double[] {(double) p.integer("gridPoints") * (BoltzmannSimulation.SWEEP_POINTS + 1), 1};
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    /** The grid's energies and weights for a chunk of the sweep, and the series drawn on it. */
    @Override
    public long bytes(Parameters p) {
        return Double.BYTES * 32L * p.integer("gridPoints") + 2 * Cost.MEGABYTE;
    }
}
