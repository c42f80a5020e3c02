package org.energylab.simulation.ode;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@link VectorOps} on ND4J arrays, in place: one native call per operation over a whole ensemble. */
public final class NdArrayOps implements VectorOps<INDArray> {
    public static final NdArrayOps INSTANCE = new NdArrayOps();

    private NdArrayOps() {}

    @Override
    public INDArray like(INDArray v) {
        return Nd4j.createUninitialized(v.dataType(), v.shape());
    }

    @Override
    public void assign(INDArray target, INDArray source) {
        target.assign(source);
    }

    @Override
    public void axpy(double a, INDArray x, INDArray y) {
        Nd4j.getBlasWrapper().level1().axpy(y.length(), a, x, y);
    }
}
