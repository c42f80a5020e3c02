package org.energylab.simulation.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A fully connected network z_k = σ_k(z_{k−1} W_k + b_k), k = 1..K, over whole batches (rows are
 * samples), whose backward pass is written out as the Lagrange-multiplier recursion of lesson 1.3.
 *
 * <p>Sign convention: with the Lagrangian 𝓛 = C(z_K) + Σ_k λ_kᵀ (z_k − f_k(z_{k−1}, W_k)),
 * stationarity gives λ_K = −∂C/∂z_K and λ_k = (∂f_{k+1}/∂z_k)ᵀ λ_{k+1}; the gradient of the cost
 * with respect to W_k is −(∂f_k/∂W_k)ᵀ λ_k. So λ_k is minus the back-propagated gradient ∂C/∂z_k.
 *
 * <p>The parameters live in one native row of ND4J memory ({@link ParameterLayout}); {@link
 * #weights()} and {@link #biases()} are views of it. Training loops take a {@link BatchPass} from
 * {@link #pass(int)} and reuse it at every step; {@link #forward(INDArray)} and {@link
 * #backward(Forward, INDArray)} are the allocating form for one-off use. {@link #close()} frees the
 * parameters and every pass, so a run gives its native memory back the moment it ends.
 */
public final class Mlp implements AutoCloseable {
    /** Rows per forward sweep in {@link #predict(double[], int)}: a layer's values of a chunk stay in the L2 cache. */
    static final int PREDICT_CHUNK = 128;
    /** Rows per sweep in {@link #predictForPicture}: floats are half the bytes, so twice the rows fit. */
    static final int SINGLE_CHUNK = 256;

    private final int[] sizes;
    private final Activation hidden;
    private final Activation output;
    private final ParameterLayout layout;
    private final NativeMatrix parameters;
    private final List<INDArray> weights = new ArrayList<>();
    private final List<INDArray> biases = new ArrayList<>();
    private final NativeMatrix[] weightMatrices;
    private final NativeMatrix[] biasMatrices;
    private final double[][] biasValues;
    private final List<BatchPass> passes = new ArrayList<>();
    private BatchPass predictPass;
    private SinglePass singlePass;
    private double[] parameterValues;
    private double[] gradientValues;
    private boolean closed;

    /**
     * @param sizes layer widths, input first and output last, e.g. {2, 16, 16, 1}
     * @param rng the source of the initial weights (Glorot-uniform), so a seed fixes the network
     */
    public Mlp(int[] sizes, Activation hidden, Activation output, SplittableRandom rng) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs an input and an output size");
        }
        for (int size : sizes) {
            if (size < 1) {
                throw new IllegalArgumentException("every layer needs at least one unit");
            }
        }
        this.sizes = sizes.clone();
        this.hidden = hidden;
        this.output = output;
        this.layout = new ParameterLayout(sizes);
        int layers = sizes.length - 1;
        double[] initial = new double[layout.count()];
        for (int k = 1; k <= layers; k++) {
            int in = sizes[k - 1];
            int out = sizes[k];
            double limit = Math.sqrt(6.0 / (in + out));
            int offset = layout.weightOffset(k);
            for (int i = 0; i < in * out; i++) {
                initial[offset + i] = (2 * rng.nextDouble() - 1) * limit;
            }
        }
        parameters = NativeMatrix.allocate(1, layout.count());
        parameters.write(initial, initial.length);
        weightMatrices = new NativeMatrix[layers + 1];
        biasMatrices = new NativeMatrix[layers + 1];
        biasValues = new double[layers + 1][];
        for (int k = 1; k <= layers; k++) {
            INDArray w = layout.weightView(parameters.array(), k);
            INDArray b = layout.biasView(parameters.array(), k);
            weights.add(w);
            biases.add(b);
            weightMatrices[k] = NativeMatrix.over(w);
            biasMatrices[k] = NativeMatrix.over(b);
            biasValues[k] = new double[sizes[k]];
        }
    }

    public int layers() {
        return sizes.length - 1;
    }

    /** W_1 … W_K, each in × out: views of the parameter row, so writing to them changes the network. */
    public List<INDArray> weights() {
        return weights;
    }

    /** b_1 … b_K, each 1 × out, views like {@link #weights()}. */
    public List<INDArray> biases() {
        return biases;
    }

    /** All parameters, W_1, b_1, …, in order, for optimisers and checks. */
    public List<INDArray> parameters() {
        List<INDArray> all = new ArrayList<>();
        for (int k = 0; k < weights.size(); k++) {
            all.add(weights.get(k));
            all.add(biases.get(k));
        }
        return all;
    }

    /** Buffers for forward and backward sweeps over batches of {@code rows} rows, freed with the network. */
    public BatchPass pass(int rows) {
        checkOpen();
        BatchPass pass = new BatchPass(this, rows);
        passes.add(pass);
        return pass;
    }

    /**
     * The outputs for {@code rows} inputs given row by row, in forward sweeps of {@value
     * #PREDICT_CHUNK} rows through one reused pass; the result is row by row too.
     */
    public double[] predict(double[] inputs, int rows) {
        checkOpen();
        int in = sizes[0];
        int out = sizes[layers()];
        if (inputs.length != rows * in) {
            throw new IllegalArgumentException(rows + " rows of " + in + " inputs need " + rows * in + " values");
        }
        if (predictPass == null) {
            predictPass = pass(PREDICT_CHUNK);
        }
        double[] result = new double[rows * out];
        for (int from = 0; from < rows; from += PREDICT_CHUNK) {
            int count = Math.min(PREDICT_CHUNK, rows - from);
            predictPass.inputRows(inputs, from * in, count * in);
            predictPass.forward(count);
            System.arraycopy(predictPass.outputValues(), 0, result, from * out, count * out);
        }
        return result;
    }

    /**
     * {@link #predict(double[], int)} swept in single precision ({@link SinglePass}): for pictures
     * of the network, a heat map or the embedding of a grid, never for a value a check compares.
     * About twice as fast; the outputs agree with the double sweep to about 10⁻⁶ of their scale.
     */
    public double[] predictForPicture(double[] inputs, int rows) {
        checkOpen();
        int in = sizes[0];
        if (inputs.length != rows * in) {
            throw new IllegalArgumentException(rows + " rows of " + in + " inputs need " + rows * in + " values");
        }
        if (singlePass == null) {
            singlePass = new SinglePass(this, SINGLE_CHUNK);
        }
        double[] result = new double[rows * sizes[layers()]];
        singlePass.predict(inputs, rows, result);
        return result;
    }

    /** The pass behind {@link #predictForPicture}, once it has been made. */
    SinglePass singlePass() {
        return singlePass;
    }

    /** The output for a batch, as a new array. */
    public INDArray predict(INDArray x) {
        int rows = (int) x.rows();
        double[] result = predict(x.dup('c').data().asDouble(), rows);
        return Nd4j.create(result, new long[] {rows, sizes[layers()]}, 'c');
    }

    /** The values a forward pass produced: z_0 = x, pre-activations s_k and layer outputs z_k. */
    public static final class Forward {
        private final BatchPass pass;
        private final List<INDArray> preActivations;
        private final List<INDArray> outputs;

        private Forward(BatchPass pass) {
            this.pass = pass;
            this.preActivations = pass.preActivationArrays();
            this.outputs = pass.outputArrays();
        }

        public List<INDArray> preActivations() {
            return preActivations;
        }

        public List<INDArray> outputs() {
            return outputs;
        }

        /** The network's output z_K. */
        public INDArray result() {
            return outputs.get(outputs.size() - 1);
        }
    }

    /** Runs the forward pass (the constraints z_k = f_k(z_{k−1}, W_k)) on a batch, in new buffers. */
    public Forward forward(INDArray x) {
        checkOpen();
        BatchPass pass = new BatchPass(this, (int) x.rows());
        pass.input(x);
        pass.forward();
        return new Forward(pass);
    }

    /**
     * The multipliers and gradients of one backward sweep.
     *
     * @param multipliers λ_1 … λ_K, each batch × width_k (λ_K = −∂C/∂z_K)
     * @param inputMultiplier λ_0 = −∂C/∂x, the sensitivity of the cost to the input
     * @param weightGradients ∂C/∂W_k, each in × out
     * @param biasGradients ∂C/∂b_k, each 1 × out
     */
    public record Backward(
            List<INDArray> multipliers,
            INDArray inputMultiplier,
            List<INDArray> weightGradients,
            List<INDArray> biasGradients) {}

    /**
     * The backward recursion for the multipliers, layer by layer, given ∂C/∂z_K for the batch, as
     * new arrays. With f_k(z, W) = σ(zW + b): λ_{k−1} = (λ_k ⊙ σ'(s_k)) W_kᵀ and ∂C/∂W_k = −z_{k−1}ᵀ
     * (λ_k ⊙ σ'(s_k)).
     */
    public Backward backward(Forward forward, INDArray costGradientAtOutput) {
        BatchPass pass = forward.pass;
        double[] gradient = costGradientAtOutput.dup('c').data().asDouble();
        System.arraycopy(gradient, 0, pass.outputGradient(), 0, pass.outputGradient().length);
        pass.backward(true);
        List<INDArray> weightGradients = new ArrayList<>();
        List<INDArray> biasGradients = new ArrayList<>();
        List<INDArray> gradients = pass.gradients();
        for (int k = 0; k < layers(); k++) {
            weightGradients.add(gradients.get(2 * k).dup());
            biasGradients.add(gradients.get(2 * k + 1).dup());
        }
        return new Backward(
                pass.multipliers().stream().map(INDArray::dup).toList(),
                pass.inputMultiplier().dup(),
                List.copyOf(weightGradients),
                List.copyOf(biasGradients));
    }

    /** Plain gradient descent on the gradients of the pass's last backward sweep: θ ← θ − η ∂C/∂θ. */
    public void descend(BatchPass pass, double learningRate) {
        checkOpen();
        if (parameterValues == null) {
            parameterValues = new double[layout.count()];
            gradientValues = new double[layout.count()];
        }
        int count = layout.count();
        parameters.read(parameterValues, count);
        pass.gradientMatrix().read(gradientValues, count);
        for (int i = 0; i < count; i++) {
            parameterValues[i] -= gradientValues[i] * learningRate;
        }
        parameters.write(parameterValues, count);
    }

    /** The gradients in the order of {@link #parameters()}. */
    public static List<INDArray> gradients(Backward backward) {
        List<INDArray> all = new ArrayList<>();
        for (int k = 0; k < backward.weightGradients().size(); k++) {
            all.add(backward.weightGradients().get(k));
            all.add(backward.biasGradients().get(k));
        }
        return all;
    }

    int[] sizes() {
        return sizes;
    }

    /** σ_k for k = 1 … K. */
    Activation activation(int k) {
        return k == layers() ? output : hidden;
    }

    ParameterLayout layout() {
        return layout;
    }

    /** The number of parameters P, weights and biases of every layer. */
    public int parameterCount() {
        return layout.count();
    }

    /**
     * All parameters as one row, 1 × P, laid out W_1, b_1, W_2, … (each weight row by row): the
     * network's own storage, so writing to it changes the network.
     */
    public INDArray parameterRow() {
        return parameters.array();
    }

    /** The flat parameter row, 1 × P, laid out by {@link ParameterLayout}. */
    NativeMatrix parameterMatrix() {
        return parameters;
    }

    NativeMatrix weight(int k) {
        return weightMatrices[k];
    }

    /** b_k as it is now, read from native memory into a reused array. */
    double[] biasValues(int k) {
        biasMatrices[k].read(biasValues[k], biasValues[k].length);
        return biasValues[k];
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this network's memory was released");
        }
    }

    /** Frees the parameters and the buffers of every pass made by {@link #pass(int)}. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            passes.forEach(BatchPass::close);
            passes.clear();
            if (singlePass != null) {
                singlePass.close();
            }
            parameters.close();
        }
    }
}
