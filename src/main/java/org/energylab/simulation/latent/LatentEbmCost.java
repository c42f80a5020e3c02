package org.energylab.simulation.latent;

import java.util.List;
import org.energylab.simulation.Cost;
import org.energylab.simulation.CostModel;
import org.energylab.simulation.Parameters;

/**
 * Run time and memory of {@link LatentEbmSimulation}: energies ‖y − g(z)‖² of every latent code at
 * every heat-map point and, for the learned decoder, at every data point per fitting step, computed
 * in blocks of whole-array operations.
 */
final class LatentEbmCost implements CostModel {
    /** Seconds per unit of each term, in the order of {@link #terms}: fitted by CostCalibration, 2 December 2026. */
    static final double[] SECONDS_PER_UNIT = {1.5e-8, 6.7e-4, 2.9e-3};

    static final CostModel INSTANCE = new LatentEbmCost();

    @Override
    public List<String> terms() {
        return List.of("energy", "fitting step", "run");
    }

    @Override
    public double[] work(Parameters p) {
        long codes = LatentEbmSimulation.latent(p).size();
        long side = p.integer("gridSize");
        int steps = LatentEbmSimulation.steps(p);
        return new double[] {codes * (side * side + (steps + 1.0) * p.integer("samples")), steps, 1};
    }

    @Override
    public double[] secondsPerUnit() {
        return SECONDS_PER_UNIT.clone();
    }

    /** Two energy matrices of a block (at least one row of the grid, or the data set) with their temporaries. */
    @Override
    public long bytes(Parameters p) {
        long codes = LatentEbmSimulation.latent(p).size();
        long rows = Math.max(Math.max(p.integer("gridSize"), p.integer("samples")), FreeEnergy.BLOCK_ENERGIES / codes);
        return Double.BYTES * 4 * rows * codes + 4 * Cost.MEGABYTE;
    }
}
