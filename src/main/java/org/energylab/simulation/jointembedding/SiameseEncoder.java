package org.energylab.simulation.jointembedding;

import java.util.List;
import java.util.SplittableRandom;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.Adam;
import org.energylab.simulation.nn.BatchPass;
import org.energylab.simulation.nn.Mlp;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One MLP (tanh hidden layers, linear output) used for both views of a pair: the two encoders of
 * a Siamese joint-embedding architecture share their weights. Closing the encoder frees the
 * network's native memory.
 */
final class SiameseEncoder implements AutoCloseable {
    static final int INPUT_DIMENSION = 2;
    static final int EMBEDDING_DIMENSION = 2;

    private final Mlp network;
    private final Adam optimiser;
    private BatchPass pass;
    private double[] stacked;

    SiameseEncoder(int width, int depth, double learningRate, SplittableRandom rng) {
        int[] sizes = new int[depth + 2];
        sizes[0] = INPUT_DIMENSION;
        for (int k = 1; k <= depth; k++) {
            sizes[k] = width;
        }
        sizes[depth + 1] = EMBEDDING_DIMENSION;
        network = new Mlp(sizes, Activation.TANH, Activation.IDENTITY, rng);
        optimiser = new Adam(network, learningRate);
    }

    Mlp network() {
        return network;
    }

    /** The embeddings of points, one row each. */
    double[][] embed(double[][] points) {
        double[] flat = new double[points.length * INPUT_DIMENSION];
        Rows.flatten(points, flat, 0);
        return Rows.rows(network.predict(flat, points.length), 0, points.length, EMBEDDING_DIMENSION);
    }

    /**
     * The loss of a batch of pairs and ∂C/∂θ for every parameter θ of the shared network; the
     * gradients are the pass's own arrays, overwritten by the next call.
     */
    record Gradients(double loss, List<INDArray> parameterGradients) {}

    /**
     * Both views go through the network as one stacked batch, rows 0..B−1 the first views and
     * B..2B−1 the second. Since the backward sweep sums over the rows of a batch, its weight
     * gradients are the gradient through the first branch plus the gradient through the second:
     * exactly the gradient of C with respect to the shared weights. Every batch of the same size
     * goes through the same pass.
     */
    Gradients gradients(double[][] first, double[][] second, ContrastiveLoss loss) {
        int batch = first.length;
        if (pass == null || pass.rows() != 2 * batch) {
            pass = network.pass(2 * batch);
            stacked = new double[2 * batch * INPUT_DIMENSION];
        }
        Rows.flatten(first, stacked, 0);
        Rows.flatten(second, stacked, batch);
        pass.input(stacked);
        pass.forward();
        double[] embeddings = pass.outputValues();
        ContrastiveLoss.Evaluation evaluation = loss.evaluate(
                Rows.rows(embeddings, 0, batch, EMBEDDING_DIMENSION),
                Rows.rows(embeddings, batch, batch, EMBEDDING_DIMENSION));
        double[] outputGradient = pass.outputGradient();
        Rows.flatten(evaluation.gradientFirst(), outputGradient, 0);
        Rows.flatten(evaluation.gradientSecond(), outputGradient, batch);
        pass.backward(false);
        return new Gradients(evaluation.loss(), pass.gradients());
    }

    /** One Adam step on a batch of positive pairs; returns the batch loss before the step. */
    double train(double[][] first, double[][] second, ContrastiveLoss loss) {
        Gradients gradients = gradients(first, second, loss);
        optimiser.update(pass);
        return gradients.loss();
    }

    @Override
    public void close() {
        network.close();
    }
}
