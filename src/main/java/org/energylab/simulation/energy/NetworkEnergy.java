package org.energylab.simulation.energy;

import java.util.Arrays;
import org.energylab.simulation.nn.BatchPass;
import org.energylab.simulation.nn.Mlp;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The energy F(y) computed by a network with d inputs and one output, as an {@link Energy} a sampler
 * can follow: F of a batch in one forward sweep, and ∇F from one backward sweep with ∂C/∂F = 1, since
 * the input multiplier of that sweep is λ₀ = −∇F (the sign convention of {@link Mlp}). The network
 * belongs to the caller, who trains it and closes it; this view keeps one pass for the last batch
 * size and allocates nothing while the batch size stays the same.
 */
public final class NetworkEnergy implements Energy {
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
