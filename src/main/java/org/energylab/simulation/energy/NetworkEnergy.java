package org.energylab.simulation.energy;

import java.util.Arrays;
import org.energylab.simulation.nn.BatchPass;
import org.energylab.simulation.nn.Mlp;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The energy F_θ(y) computed by a network with d inputs and one output, as a {@link ParametricEnergy}:
 * F of a batch in one forward sweep; ∇_y F from one backward sweep with ∂C/∂F = 1, since the input
 * multiplier of that sweep is λ₀ = −∇F (the sign convention of {@link Mlp}); and Σᵢ wᵢ ∂F(yᵢ)/∂θ from
 * one backward sweep with ∂C/∂F(yᵢ) = wᵢ. The network belongs to the caller, who trains it and closes
 * it; this view keeps one pass for the last batch size and allocates nothing while the batch size
 * stays the same.
 */
public final class NetworkEnergy implements ParametricEnergy {
    private final Mlp network;
    private final int dimension;
    private BatchPass pass;

    /** @param dimension the network's number of inputs, d */
    public NetworkEnergy(Mlp network, int dimension) {
        this.network = network;
        this.dimension = dimension;
    }

    public Mlp network() {
        return network;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public INDArray energy(INDArray x, INDArray out) {
        double[] energies = passFor(x).forward();
        for (int i = 0; i < energies.length; i++) {
            out.putScalar(i, energies[i]);
        }
        return out;
    }

    @Override
    public INDArray gradient(INDArray x, INDArray out) {
        BatchPass p = passFor(x);
        p.forward();
        Arrays.fill(p.outputGradient(), 1.0);
        p.backward(true);
        return out.assign(p.inputMultiplier()).negi();
    }

    @Override
    public long parameterCount() {
        return network.parameterCount();
    }

    /** The network's parameter row as a vector of P: its own storage. */
    @Override
    public INDArray parameters() {
        return network.parameterRow().reshape(network.parameterCount());
    }

    @Override
    public INDArray accumulateParameterGradient(INDArray x, INDArray weights, INDArray gradient) {
        if (weights.length() != x.rows() || gradient.length() != parameterCount()) {
            throw new IllegalArgumentException("expected " + x.rows() + " weights and a gradient of " + parameterCount()
                    + ", got " + weights.length() + " and " + gradient.length());
        }
        BatchPass p = passFor(x);
        p.forward();
        double[] costGradient = p.outputGradient();
        for (int i = 0; i < costGradient.length; i++) {
            costGradient[i] = weights.getDouble(i);
        }
        p.backward(false);
        return gradient.addi(p.gradientRow().reshape(parameterCount()));
    }

    /** F at {@code rows} points given row by row ({@code points[i·d + j]}), as a new array. */
    public double[] energies(double[] points, int rows) {
        return network.predict(points, rows);
    }

    private BatchPass passFor(INDArray x) {
        checkBatch(x);
        int rows = Math.toIntExact(x.rows());
        if (pass == null || pass.rows() != rows) {
            if (pass != null) {
                pass.close();
            }
            pass = network.pass(rows);
        }
        pass.input(x);
        return pass;
    }
}
