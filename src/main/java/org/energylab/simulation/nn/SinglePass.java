package org.energylab.simulation.nn;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Forward sweeps of an {@link Mlp} in single precision, for the pictures of a network (a heat map
 * over a grid, the embedding of a grid of points) where the values go to a colour scale and a
 * float's seven digits are plenty. Half the bytes per value and twice the values per vector
 * instruction: the 200 × 200 grid through a 2-64-64-1 tanh network takes about half the time of
 * the double sweep. Training and every check against autodiff stay in double ({@link BatchPass}).
 *
 * <p>The weights are copied from the network's double parameters at the start of each {@link
 * #predict}, so the sweep always shows the network as it is. Buffers are made once and freed with
 * the network.
 */
final class SinglePass implements AutoCloseable {
    private final Mlp network;
    private final int rows;
    private final int layers;
    private final FloatPointer[] outputs;
    private final FloatBuffer[] outputBuffers;
    private final FloatPointer[] weights;
    private final float[][] biases;
    private final float[] inputs;
    private final float[] products;
    private final float[] tiledBias;
    private final float[][] values;
    private double[] weightValues;
    private boolean closed;

    SinglePass(Mlp network, int rows) {
        this.network = network;
        this.rows = rows;
        int[] sizes = network.sizes();
        this.layers = sizes.length - 1;
        outputs = new FloatPointer[layers + 1];
        outputBuffers = new FloatBuffer[layers + 1];
        weights = new FloatPointer[layers + 1];
        biases = new float[layers + 1][];
        values = new float[layers + 1][];
        int widest = 0;
        int largestWeight = 0;
        for (int k = 0; k <= layers; k++) {
            outputs[k] = new FloatPointer((long) rows * sizes[k]);
            outputBuffers[k] = outputs[k].asBuffer();
            if (k > 0) {
                weights[k] = new FloatPointer((long) sizes[k - 1] * sizes[k]);
                biases[k] = new float[sizes[k]];
                values[k] = new float[rows * sizes[k]];
                widest = Math.max(widest, sizes[k]);
                largestWeight = Math.max(largestWeight, sizes[k - 1] * sizes[k]);
            }
        }
        inputs = new float[rows * sizes[0]];
        products = new float[rows * widest];
        tiledBias = new float[rows * widest];
        weightValues = new double[largestWeight];
    }

    /** The outputs for {@code count} inputs given row by row, written as doubles from {@code target[offset]}. */
    void predict(double[] input, int count, double[] target) {
        if (closed) {
            throw new IllegalStateException("this pass's memory was released");
        }
        int[] sizes = network.sizes();
        loadParameters(sizes);
        int in = sizes[0];
        int out = sizes[layers];
        for (int from = 0; from < count; from += rows) {
            int chunk = Math.min(rows, count - from);
            for (int i = 0; i < chunk * in; i++) {
                inputs[i] = (float) input[from * in + i];
            }
            outputBuffers[0].put(0, inputs, 0, chunk * in);
            float[] last = sweep(chunk, sizes);
            for (int i = 0; i < chunk * out; i++) {
                target[from * out + i] = last[i];
            }
        }
    }

    private void loadParameters(int[] sizes) {
        for (int k = 1; k <= layers; k++) {
            int n = sizes[k - 1] * sizes[k];
            network.weight(k).read(weightValues, n);
            FloatBuffer w = weights[k].asBuffer();
            for (int i = 0; i < n; i++) {
                w.put(i, (float) weightValues[i]);
            }
            double[] b = network.biasValues(k);
            for (int i = 0; i < b.length; i++) {
                biases[k][i] = (float) b[i];
            }
        }
    }

    private float[] sweep(int count, int[] sizes) {
        for (int k = 1; k <= layers; k++) {
            int in = sizes[k - 1];
            int width = sizes[k];
            int n = count * width;
            cblas_sgemm(
                    CblasRowMajor,
                    CblasNoTrans,
                    CblasNoTrans,
                    count,
                    width,
                    in,
                    1f,
                    outputs[k - 1],
                    in,
                    weights[k],
                    width,
                    0f,
                    outputs[k],
                    width);
            outputBuffers[k].get(0, products, 0, n);
            tile(biases[k], width, tiledBias, n);
            network.activation(k).apply(products, tiledBias, values[k], n);
            if (k < layers) {
                outputBuffers[k].put(0, values[k], 0, n);
            }
        }
        return values[layers];
    }

    private static void tile(float[] bias, int width, float[] target, int count) {
        int filled = Math.min(width, count);
        System.arraycopy(bias, 0, target, 0, filled);
        while (filled < count) {
            int length = Math.min(filled, count - filled);
            System.arraycopy(target, 0, target, filled, length);
            filled += length;
        }
    }

    /** The native bytes this pass holds now: its buffers while open, none once closed. */
    long nativeBytes() {
        long bytes = 0;
        for (int k = 0; k <= layers; k++) {
            for (FloatPointer p : new FloatPointer[] {outputs[k], weights[k]}) {
                if (p != null && !p.isNull()) {
                    bytes += p.capacity() * Float.BYTES;
                }
            }
        }
        return bytes;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            for (int k = 0; k <= layers; k++) {
                outputs[k].close();
                if (weights[k] != null) {
                    weights[k].close();
                }
            }
        }
    }
}
