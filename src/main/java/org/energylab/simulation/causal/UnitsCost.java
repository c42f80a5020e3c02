package org.energylab.simulation.causal;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of the two simulations that draw the units of the linear confounder model:
 * each unit is drawn once (four Gaussians) and added to running regressions, in plain Java; the
 * arrays of the units (z, x, y, and x, y under do(x)) and the scatter series are the memory.
 */
final class UnitsCost implements CostModel {
    /**
     * {@link ConfoundingSimulation}: two running regressions per unit. Seconds per unit and per run,
     * fitted by CostCalibration (CPU time), 2 December 2026.
     */
    static final CostModel CONFOUNDING = new UnitsCost(1.3e-7, 1.7e-3);

    /**
     * {@link SensitivitySimulation}: one running regression per unit; its curves are a fixed few
     * hundred points. Fitted by CostCalibration (CPU time), 2 December 2026.
     */
    static final CostModel SENSITIVITY = new UnitsCost(6.7e-8, 7.4e-4);

    private final double[] secondsPerUnit;

    private UnitsCost(double perUnit, double perRun) {
        this.secondsPerUnit = new double[] {perUnit, perRun};
    }

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
        return secondsPerUnit.clone();
    }

    @Override
    public long bytes(Parameters p) {
        return Double.BYTES * 5L * p.integer("samples") + Cost.MEGABYTE;
    }
}
