package org.energylab.simulation.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Adam (Kingma and Ba, 2015) over parameter arrays, updated in place:
 *
 * <pre>
 * m ← β₁ m + (1 − β₁) g,  v ← β₂ v + (1 − β₂) g²,  θ ← θ − η (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * </pre>
 *
 * The moments are Java arrays and the sweep is one loop per parameter array, into arrays made once:
 * a step allocates nothing.
 */
public final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final NativeMatrix[] parameters;
    private final double[][] firstMoments;
    private final double[][] secondMoments;
    private final double[][] values;
    private final double[][] gradientValues;
    private final NativeMatrix[] gradients;
    private final double learningRate;
    private int step;

    /** Adam over every parameter of the network, as one array. */
    public Adam(Mlp network, double learningRate) {
        this(new NativeMatrix[] {network.parameterMatrix()}, learningRate);
    }

    /** Adam over the given arrays (dense, row-major), each with its own gradient in {@link #update(List)}. */
    public Adam(List<INDArray> parameters, double learningRate) {
        this(parameters.stream().map(NativeMatrix::over).toArray(NativeMatrix[]::new), learningRate);
    }

    private Adam(NativeMatrix[] parameters, double learningRate) {
        this.parameters = parameters;
        this.learningRate = learningRate;
        int n = parameters.length;
        firstMoments = new double[n][];
        secondMoments = new double[n][];
        values = new double[n][];
        gradientValues = new double[n][];
        gradients = new NativeMatrix[n];
        for (int i = 0; i < n; i++) {
            int length = parameters[i].rows() * parameters[i].columns();
            firstMoments[i] = new double[length];
            secondMoments[i] = new double[length];
            values[i] = new double[length];
            gradientValues[i] = new double[length];
        }
    }

    /** One update from the gradients of the pass's last backward sweep (for Adam over a whole network). */
    public void update(BatchPass pass) {
        if (parameters.length != 1) {
            throw new IllegalStateException("this optimiser was made for a list of arrays: update it with a list");
        }
        gradients[0] = pass.gradientMatrix();
        step();
    }

    /** One update with gradients in the order of the parameters. */
    public void update(List<INDArray> gradientArrays) {
        if (gradientArrays.size() != parameters.length) {
            throw new IllegalArgumentException(
                    parameters.length + " parameter arrays but " + gradientArrays.size() + " gradients");
        }
        for (int i = 0; i < parameters.length; i++) {
            INDArray g = gradientArrays.get(i);
            // A training loop hands over the same arrays every step: wrap each only once.
            if (gradients[i] == null || gradients[i].array() != g) {
                gradients[i] = NativeMatrix.over(g);
            }
        }
        step();
    }

    private void step() {
        step++;
        double correction1 = 1 - Math.pow(BETA1, step);
        double correction2 = 1 - Math.pow(BETA2, step);
        for (int i = 0; i < parameters.length; i++) {
            double[] theta = values[i];
            double[] g = gradientValues[i];
            double[] m = firstMoments[i];
            double[] v = secondMoments[i];
            int length = theta.length;
            parameters[i].read(theta, length);
            gradients[i].read(g, length);
            for (int j = 0; j < length; j++) {
                m[j] = m[j] * BETA1 + g[j] * (1 - BETA1);
                v[j] = v[j] * BETA2 + g[j] * g[j] * (1 - BETA2);
                double denominator = Math.sqrt(v[j] / correction2) + EPSILON;
                theta[j] -= m[j] / correction1 / denominator * learningRate;
            }
            parameters[i].write(theta, length);
        }
    }
}
