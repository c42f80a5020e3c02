package org.energylab.simulation.causal;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of {@link ConfoundingSimulation}: each unit is drawn once (four Gaussians) and
 * added to two running regressions, in plain Java; the arrays of the units are the memory.
 */
final class ConfoundingCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration (CPU time), 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {1.3e-7, 1.7e-3};

    static final CostModel INSTANCE = new ConfoundingCost();

    @Override
    public List<String> terms() {
        return List.of("unit", "run");
    }

    @Override
    public double[] work(Parameters p) {
        return new double[] {p.integer("samples"), 1};
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    /** Five arrays of n doubles (z, x, y, and x, y under do(x)) and the scatter series. */
    @Override
    public long bytes(Parameters p) {
        return Double.BYTES * 5L * p.integer("samples") + Cost.MEGABYTE;
    }
}
