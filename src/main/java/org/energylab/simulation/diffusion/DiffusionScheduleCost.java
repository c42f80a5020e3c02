package org.energylab.simulation.diffusion;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of {@link DiffusionScheduleSimulation}: the schedules in plain Java, and the
 * free-energy heat map, a distance from every grid point to every noised data point, computed a
 * row of the grid at a time.
 */
final class DiffusionScheduleCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {1.4e-8, 1.2e-6, 1.7e-3};

    static final CostModel INSTANCE = new DiffusionScheduleCost();

    @Override
    public List<String> terms() {
        return List.of("distance", "schedule step", "run");
    }

    @Override
    public double[] work(Parameters p) {
        long side = p.integer("gridSize");
        return new double[] {(double) side * side * p.integer("samples"), p.integer("steps"), 1};
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    /** Two distance matrices of one grid row with their temporaries, and the schedules' series. */
    @Override
    public long bytes(Parameters p) {
        long row = (long) p.integer("gridSize") * p.integer("samples");
        return Double.BYTES * (4 * Math.max(row, 1L << 18) + 12L * p.integer("steps")) + 4 * Cost.MEGABYTE;
    }
}
