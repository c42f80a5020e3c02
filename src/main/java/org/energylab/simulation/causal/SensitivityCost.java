package org.energylab.simulation.causal;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of {@link SensitivitySimulation}: each unit is drawn once (four Gaussians, the same units
 * as lesson 6.1) and added to one running regression, in plain Java; the arrays of the units are the
 * memory. The curves are a fixed few hundred points.
 */
final class SensitivityCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration (CPU time), 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {6.7e-8, 7.4e-4};

    static final CostModel INSTANCE = new SensitivityCost();

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
