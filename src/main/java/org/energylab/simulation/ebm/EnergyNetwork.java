package org.energylab.simulation.ebm;

import java.util.SplittableRandom;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.Mlp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A conditional energy F(x, y): an MLP from the pair (x, y) to one number, low where y suits x. */
final class EnergyNetwork {
    private final Mlp mlp;

    EnergyNetwork(int width, int depth, Activation hidden, SplittableRandom rng) {
        this.mlp =
                new Mlp(MultimodalRegressionSimulation.layerSizes(2, width, depth), hidden, Activation.IDENTITY, rng);
    }

    Mlp mlp() {
        return mlp;
    }

    /** F at each row (x, y) of an n × 2 batch, as an n-vector. */
    double[] energies(INDArray pairs) {
        return mlp.predict(pairs).reshape(pairs.rows()).toDoubleVector();
    }

    /** F(x, y_k) for one x and many y, in one forward pass. */
    double[] energies(double x, double[] ys) {
        return energies(pairs(x, ys));
    }

    /**
     * ∂F/∂y at (x, y_k) for every k, from one backward sweep: with the cost C = F and ∂C/∂z_K = 1, the
     * input multiplier λ_0 is −∂F/∂(x, y).
     */
    double[] slopesInY(double x, double[] ys) {
        INDArray input = pairs(x, ys);
        Mlp.Forward forward = mlp.forward(input);
        INDArray lambda0 = mlp.backward(forward, Nd4j.ones(ys.length, 1)).inputMultiplier();
        return lambda0.getColumn(1).neg().toDoubleVector();
    }

    /** The n × 2 batch (x, y_k). */
    static INDArray pairs(double x, double[] ys) {
        double[][] rows = new double[ys.length][];
        for (int k = 0; k < ys.length; k++) {
            rows[k] = new double[] {x, ys[k]};
        }
        return Nd4j.createFromArray(rows);
    }
}
