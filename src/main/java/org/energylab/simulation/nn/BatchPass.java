package org.energylab.simulation.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The forward and backward sweeps of an {@link Mlp} over batches of a fixed number of rows, in
 * buffers made once and reused at every step: nothing is allocated per step, in native memory or on
 * the Java heap. Made by {@link Mlp#pass(int)} and freed with the network, or earlier by {@link
 * #close()}.
 *
 * <p>The sweeps read as the Lagrangian of lesson 1.3. Forward, the constraints z_k = σ_k(s_k) with
 * s_k = z_{k−1} W_k + b_k. Backward, the multipliers: λ_K = −∂C/∂z_K from the cost gradient the
 * caller writes into {@link #outputGradient()}, then λ_{k−1} = (λ_k ⊙ σ'(s_k)) W_kᵀ, and the
 * gradients ∂C/∂W_k = −z_{k−1}ᵀ (λ_k ⊙ σ'(s_k)) and ∂C/∂b_k = −Σ_rows λ_k ⊙ σ'(s_k).
 *
 * <p>Products run in BLAS on native memory; the element-wise work (bias, activation, its
 * derivative, column sums) runs in Java loops on copies, each layer's values held on both sides.
 */
public final class BatchPass implements AutoCloseable {
    private final Mlp network;
    private final int rows;
    private final int layers;
    private final List<NativeMatrix> owned = new ArrayList<>();

    /** z_0 … z_K in native memory; z_K only once {@link #materialise}d. */
    private final NativeMatrix[] outputs;
    /** s_1 … s_K (index 0 unused): the products z_{k−1} W_k, and s_k itself once {@link #materialise}d. */
    private final NativeMatrix[] preActivations;

    private final double[][] outputValues;
    /** z_{k−1} W_k, without the bias. */
    private final double[][] products;

    private final double[] scratch;
    private final double[] tiledBias;
    private final double[] outputGradient;

    private NativeMatrix[] multipliers;
    private NativeMatrix[] carried;
    private double[][] multiplierValues;
    private double[][] carriedValues;
    private double[] inputMultiplierValues;
    private NativeMatrix gradient;
    private List<INDArray> gradientViews;
    private NativeMatrix[] weightGradients;
    private NativeMatrix[] biasGradients;
    /** A column of ones: the bias gradient is −1ᵀ δ, one more product. */
    private NativeMatrix ones;

    private boolean materialised;
    private boolean closed;

    BatchPass(Mlp network, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("a batch needs at least one row, not " + rows);
        }
        this.network = network;
        this.rows = rows;
        this.layers = network.layers();
        int[] sizes = network.sizes();
        outputs = new NativeMatrix[layers + 1];
        preActivations = new NativeMatrix[layers + 1];
        outputValues = new double[layers + 1][];
        products = new double[layers + 1][];
        outputs[0] = allocate(rows, sizes[0]);
        int widest = 0;
        for (int k = 1; k <= layers; k++) {
            int width = sizes[k];
            widest = Math.max(widest, width);
            preActivations[k] = allocate(rows, width);
            products[k] = new double[rows * width];
            outputs[k] = allocate(rows, width);
            outputValues[k] = new double[rows * width];
        }
        scratch = new double[rows * widest];
        tiledBias = new double[rows * widest];
        outputGradient = new double[rows * sizes[layers]];
    }

    private NativeMatrix allocate(int r, int c) {
        NativeMatrix m = NativeMatrix.allocate(r, c);
        owned.add(m);
        return m;
    }

    public int rows() {
        return rows;
    }

    /** The input rows, x_i = {@code values[i·d … i·d + d − 1]}, copied in. */
    public void input(double[] values) {
        int count = rows * outputs[0].columns();
        if (values.length != count) {
            throw new IllegalArgumentException(rows + " rows of " + outputs[0].columns() + " inputs need " + count
                    + " values, not " + values.length);
        }
        inputRows(values, 0, count);
    }

    /** {@code count} input values from {@code values[from …]} into the first rows. */
    void inputRows(double[] values, int from, int count) {
        checkOpen();
        outputs[0].write(values, from, count);
    }

    /** The input rows, copied in from an array of shape rows × input width. */
    public void input(INDArray x) {
        checkOpen();
        outputs[0].array().assign(x);
    }

    /** The forward sweep over the current input; returns z_K row by row: read it, do not write it. */
    public double[] forward() {
        forward(rows);
        return outputValues[layers];
    }

    /**
     * The forward sweep over the first {@code count} rows only (the rest keep stale values). Each
     * layer is one product into native memory, one copy out, and the bias and activation in one
     * sweep; the hidden outputs go back to native memory for the next product and the backward sweep.
     */
    void forward(int count) {
        checkOpen();
        int[] sizes = network.sizes();
        for (int k = 1; k <= layers; k++) {
            int in = sizes[k - 1];
            int width = sizes[k];
            int n = count * width;
            // s_k without the bias: z_{k−1} W_k
            NativeMatrix.gemm(
                    count, width, in, 1.0, outputs[k - 1], false, network.weight(k), false, 0.0, preActivations[k]);
            preActivations[k].read(products[k], n);
            Activation.tile(network.biasValues(k), width, tiledBias, n);
            network.activation(k).apply(products[k], tiledBias, outputValues[k], n, scratch);
            if (k < layers) {
                outputs[k].write(outputValues[k], n);
            }
        }
        materialised = false;
    }

    /** z_K after {@link #forward()}, rows × output width, as an array in native memory. */
    public INDArray output() {
        materialise();
        return outputs[layers].array();
    }

    /** Writes what only the array views need: s_k with its bias, and z_K. */
    private void materialise() {
        checkOpen();
        if (materialised) {
            return;
        }
        int[] sizes = network.sizes();
        for (int k = 1; k <= layers; k++) {
            int n = rows * sizes[k];
            Activation.tile(network.biasValues(k), sizes[k], tiledBias, n);
            Activation.IDENTITY.apply(products[k], tiledBias, scratch, n, null);
            preActivations[k].write(scratch, n);
        }
        outputs[layers].write(outputValues[layers], rows * sizes[layers]);
        materialised = true;
    }

    /** z_K after {@link #forward()}, row by row: read it, do not write it. */
    public double[] outputValues() {
        return outputValues[layers];
    }

    /** Where the caller writes ∂C/∂z_K, row by row, before {@link #backward}. */
    public double[] outputGradient() {
        return outputGradient;
    }

    /**
     * The backward sweep from the cost gradient in {@link #outputGradient()}: every multiplier and
     * parameter gradient, and λ_0 = −∂C/∂x too if asked.
     */
    public void backward(boolean inputMultiplier) {
        checkOpen();
        if (gradient == null) {
            allocateBackward();
        }
        int[] sizes = network.sizes();
        double[] lambdaK = multiplierValues[layers];
        for (int i = 0; i < lambdaK.length; i++) {
            lambdaK[i] = -outputGradient[i];
        }
        multipliers[layers].write(lambdaK, lambdaK.length);
        for (int k = layers; k >= 1; k--) {
            int in = sizes[k - 1];
            int width = sizes[k];
            int n = rows * width;
            double[] delta = carriedValues[k];
            network.activation(k).carry(multiplierValues[k], outputValues[k], delta, n);
            if (carried[k] != multipliers[k]) {
                carried[k].write(delta, n);
            }
            // ∂C/∂W_k = −z_{k−1}ᵀ δ_k and ∂C/∂b_k = −Σ_rows δ_k = −1ᵀ δ_k
            NativeMatrix.gemm(in, width, rows, -1.0, outputs[k - 1], true, carried[k], false, 0.0, weightGradients[k]);
            NativeMatrix.gemm(1, width, rows, -1.0, ones, true, carried[k], false, 0.0, biasGradients[k]);
            if (k > 1 || inputMultiplier) {
                // λ_{k−1} = δ_k W_kᵀ
                NativeMatrix.gemm(
                        rows, in, width, 1.0, carried[k], false, network.weight(k), true, 0.0, multipliers[k - 1]);
                multipliers[k - 1].read(k > 1 ? multiplierValues[k - 1] : inputMultiplierValues, rows * in);
            }
        }
    }

    private void allocateBackward() {
        int[] sizes = network.sizes();
        multipliers = new NativeMatrix[layers + 1];
        carried = new NativeMatrix[layers + 1];
        multiplierValues = new double[layers + 1][];
        carriedValues = new double[layers + 1][];
        weightGradients = new NativeMatrix[layers + 1];
        biasGradients = new NativeMatrix[layers + 1];
        multipliers[0] = allocate(rows, sizes[0]);
        inputMultiplierValues = new double[rows * sizes[0]];
        for (int k = 1; k <= layers; k++) {
            int width = sizes[k];
            multipliers[k] = allocate(rows, width);
            multiplierValues[k] = new double[rows * width];
            boolean linear = network.activation(k) == Activation.IDENTITY;
            carried[k] = linear ? multipliers[k] : allocate(rows, width);
            carriedValues[k] = linear ? multiplierValues[k] : new double[rows * width];
        }
        ones = allocate(rows, 1);
        double[] one = new double[rows];
        Arrays.fill(one, 1.0);
        ones.write(one, rows);
        gradient = allocate(1, network.parameterCount());
        gradientViews = new ArrayList<>();
        for (int k = 1; k <= layers; k++) {
            INDArray w = network.layout().weightView(gradient.array(), k);
            INDArray b = network.layout().biasView(gradient.array(), k);
            weightGradients[k] = NativeMatrix.over(w);
            biasGradients[k] = NativeMatrix.over(b);
            gradientViews.add(w);
            gradientViews.add(b);
        }
        gradientViews = List.copyOf(gradientViews);
    }

    /** λ_k, rows × width_k, for k = 1 … K (λ_K = −∂C/∂z_K), after {@link #backward}. */
    public INDArray multiplier(int k) {
        checkBackward();
        if (k < 1 || k > layers) {
            throw new IllegalArgumentException("layers are numbered 1 to " + layers + ", not " + k);
        }
        return multipliers[k].array();
    }

    /** λ_1 … λ_K. */
    public List<INDArray> multipliers() {
        List<INDArray> all = new ArrayList<>();
        for (int k = 1; k <= layers; k++) {
            all.add(multiplier(k));
        }
        return all;
    }

    /** ‖λ_k‖, the Frobenius norm over the whole batch. */
    public double multiplierNorm(int k) {
        checkBackward();
        double[] lambda = multiplierValues[k];
        double sum = 0;
        for (double v : lambda) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /** λ_0 = −∂C/∂x, rows × input width, after {@link #backward backward(true)}. */
    public INDArray inputMultiplier() {
        checkBackward();
        return multipliers[0].array();
    }

    /** λ_0 row by row, after {@link #backward backward(true)}: read it, do not write it. */
    public double[] inputMultiplierValues() {
        checkBackward();
        return inputMultiplierValues;
    }

    /** ∂C/∂W_1, ∂C/∂b_1, …, in the order of {@link Mlp#parameters()}: the same arrays at every step. */
    public List<INDArray> gradients() {
        checkBackward();
        return gradientViews;
    }

    /** ∂C/∂θ after {@link #backward}, 1 × P, laid out as {@link Mlp#parameterRow()}: the same array at every step. */
    public INDArray gradientRow() {
        return gradientMatrix().array();
    }

    /** All parameter gradients, 1 × P, laid out as {@link Mlp#parameterRow()}. */
    NativeMatrix gradientMatrix() {
        checkBackward();
        return gradient;
    }

    /** The forward values as {@link Mlp.Forward} sees them: views of this pass's buffers. */
    List<INDArray> preActivationArrays() {
        materialise();
        List<INDArray> all = new ArrayList<>();
        for (int k = 1; k <= layers; k++) {
            all.add(preActivations[k].array());
        }
        return all;
    }

    List<INDArray> outputArrays() {
        materialise();
        List<INDArray> all = new ArrayList<>();
        for (int k = 0; k <= layers; k++) {
            all.add(outputs[k].array());
        }
        return all;
    }

    private void checkBackward() {
        checkOpen();
        if (gradient == null) {
            throw new IllegalStateException("no backward sweep has run on this batch yet");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this batch's buffers were released");
        }
        network.checkOpen();
    }

    boolean isClosed() {
        return closed;
    }

    /** Frees this pass's native buffers; it cannot be used afterwards. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            owned.forEach(NativeMatrix::close);
            owned.clear();
        }
    }
}
