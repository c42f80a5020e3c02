package org.energylab.simulation.ebm;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.energylab.simulation.energy.Energy;
import org.energylab.simulation.energy.NetworkEnergy;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.BatchPass;
import org.energylab.simulation.nn.Mlp;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A conditional energy F(x, y): an MLP from the pair (x, y) to one number, low where y suits x.
 * Closing it frees the network's native memory.
 *
 * <p>As an {@link Energy} of the points (x, y) of the plane it gives F of a batch of n points and its
 * gradient ∂F/∂(x, y), so a sampler can draw from exp(−βF). Both sweep one pass of the network kept for
 * the last batch size, and allocate nothing while the batch size stays the same.
 */
final class EnergyNetwork implements Energy, AutoCloseable {
    private final Mlp mlp;
    private BatchPass slopePass;
    private double[] slopeInputs;
    private final NetworkEnergy asEnergy;

    EnergyNetwork(int width, int depth, Activation hidden, SplittableRandom rng) {
        this.mlp =
                new Mlp(MultimodalRegressionSimulation.layerSizes(2, width, depth), hidden, Activation.IDENTITY, rng);
        this.asEnergy = new NetworkEnergy(mlp, 2);
    }

    Mlp mlp() {
        return mlp;
    }

    /** F at each pair (x, y) given row by row, {x₀, y₀, x₁, y₁, …}, in forward sweeps of a reused pass. */
    double[] energies(double[] pairs) {
        return mlp.predict(pairs, pairs.length / 2);
    }

    /** {@link #energies(double[])} swept in single precision, for the heat map only. */
    double[] energiesForPicture(double[] pairs) {
        return mlp.predictForPicture(pairs, pairs.length / 2);
    }

    /** F(x, y_k) for one x and many y. */
    double[] energies(double x, double[] ys) {
        return energies(pairs(x, ys, new double[2 * ys.length]));
    }

    /**
     * ∂F/∂y at (x, y_k) for every k, from one backward sweep: with the cost C = F and ∂C/∂z_K = 1, the
     * input multiplier λ_0 is −∂F/∂(x, y). Gradient descent asks for the same number of points at
     * every iteration, so the sweep reuses one pass.
     */
    double[] slopesInY(double x, double[] ys) {
        if (slopePass == null || slopePass.rows() != ys.length) {
            slopePass = mlp.pass(ys.length);
            slopeInputs = new double[2 * ys.length];
        }
        slopePass.input(pairs(x, ys, slopeInputs));
        slopePass.forward();
        Arrays.fill(slopePass.outputGradient(), 1.0);
        slopePass.backward(true);
        double[] lambda0 = slopePass.inputMultiplierValues();
        double[] slopes = new double[ys.length];
        for (int k = 0; k < ys.length; k++) {
            slopes[k] = -lambda0[2 * k + 1];
        }
        return slopes;
    }

    @Override
    public int dimension() {
        return 2;
    }

    @Override
    public INDArray energy(INDArray points, INDArray out) {
        return asEnergy.energy(points, out);
    }

    /** ∂F/∂(x, y) at every point, from one backward sweep ({@link NetworkEnergy}). */
    @Override
    public INDArray gradient(INDArray points, INDArray out) {
        return asEnergy.gradient(points, out);
    }

    /** The pairs (x, y_k) row by row, written into {@code into}. */
    static double[] pairs(double x, double[] ys, double[] into) {
        for (int k = 0; k < ys.length; k++) {
            into[2 * k] = x;
            into[2 * k + 1] = ys[k];
        }
        return into;
    }

    @Override
    public void close() {
        mlp.close();
    }
}
