package org.energylab.simulation.boltzmann;

import org.energylab.simulation.energy.Energy;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A one-dimensional landscape as a batched {@link Energy}: n points are an n × 1 array, their
 * energies a vector of n. The landscape works element by element, so the gradient is the landscape's
 * on the column itself, and the energy the landscape's on the column seen as a vector (a view of the
 * same memory, kept for the last array so that a sampler's loop allocates nothing).
 */
final class LandscapeEnergy implements Energy {
    private final Landscape landscape;
    private INDArray lastColumn;
    private INDArray lastVector;

    LandscapeEnergy(Landscape landscape) {
        this.landscape = landscape;
    }

    Landscape landscape() {
        return landscape;
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public INDArray energy(INDArray x, INDArray out) {
        checkBatch(x);
        return landscape.energy(asVector(x), out);
    }

    @Override
    public INDArray gradient(INDArray x, INDArray out) {
        checkBatch(x);
        return landscape.gradient(x, out);
    }

    private INDArray asVector(INDArray column) {
        if (column != lastColumn) {
            lastVector = column.reshape(column.rows());
            lastColumn = column;
        }
        return lastVector;
    }
}
