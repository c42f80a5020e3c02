package org.energylab.simulation.jointembedding;

import java.util.List;
import java.util.SplittableRandom;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.Adam;
import org.energylab.simulation.nn.Mlp;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One MLP (tanh hidden layers, linear output) used for both views of a pair: the two encoders of
 * a Siamese joint-embedding architecture share their weights.
 */
final class SiameseEncoder {
    static final int INPUT_DIMENSION = 2;
    static final int EMBEDDING_DIMENSION = 2;

    private final Mlp network;
    private final Adam optimiser;

    SiameseEncoder(int width, int depth, double learningRate, SplittableRandom rng) {
        int[] sizes = new int[depth + 2];
        sizes[0] = INPUT_DIMENSION;
        for (int k = 1; k <= depth; k++) {
            sizes[k] = width;
        }
        sizes[depth + 1] = EMBEDDING_DIMENSION;
        network = new Mlp(sizes, Activation.TANH, Activation.IDENTITY, rng);
        optimiser = new Adam(network.parameters(), learningRate);
    }

    Mlp network() {
        return network;
    }

    /** The embeddings of points, one row each. */
    double[][] embed(double[][] points) {
        return Rows.fromMatrix(network.predict(Rows.toMatrix(points)));
    }

    /** The loss of a batch of pairs and ∂C/∂θ for every parameter θ of the shared network. */
    record Gradients(double loss, List<INDArray> parameterGradients) {}

    /**
     * Both views go through the network as one stacked batch, rows 0..B−1 the first views and
     * B..2B−1 the second. Since {@link Mlp#backward} sums over the rows of a batch, its weight
     * gradients are the gradient through the first branch plus the gradient through the second:
     * exactly the gradient of C with respect to the shared weights.
     */
    Gradients gradients(double[][] first, double[][] second, ContrastiveLoss loss) {
        int batch = first.length;
        double[][] stacked = new double[2 * batch][];
        System.arraycopy(first, 0, stacked, 0, batch);
        System.arraycopy(second, 0, stacked, batch, batch);
        Mlp.Forward forward = network.forward(Rows.toMatrix(stacked));
        double[][] embeddings = Rows.fromMatrix(forward.result());
        double[][] firstEmbeddings = new double[batch][];
        double[][] secondEmbeddings = new double[batch][];
        System.arraycopy(embeddings, 0, firstEmbeddings, 0, batch);
        System.arraycopy(embeddings, batch, secondEmbeddings, 0, batch);

        ContrastiveLoss.Evaluation evaluation = loss.evaluate(firstEmbeddings, secondEmbeddings);
        double[][] outputGradient = new double[2 * batch][];
        System.arraycopy(evaluation.gradientFirst(), 0, outputGradient, 0, batch);
        System.arraycopy(evaluation.gradientSecond(), 0, outputGradient, batch, batch);
        Mlp.Backward backward = network.backward(forward, Rows.toMatrix(outputGradient));
        return new Gradients(evaluation.loss(), Mlp.gradients(backward));
    }

    /** One Adam step on a batch of positive pairs; returns the batch loss before the step. */
    double train(double[][] first, double[][] second, ContrastiveLoss loss) {
        Gradients gradients = gradients(first, second, loss);
        optimiser.update(gradients.parameterGradients());
        return gradients.loss();
    }
}
