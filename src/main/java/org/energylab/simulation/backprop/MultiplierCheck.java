package org.energylab.simulation.backprop;

import java.util.List;
import org.energylab.simulation.data.LabelledPoints;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.BatchPass;
import org.energylab.simulation.nn.Mlp;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Compares the multipliers of the explicit recursion with SameDiff's on one fixed batch, whenever
 * asked, and keeps the largest relative gap seen. The recursion runs in a pass of the network, so
 * its buffers go when the network is closed; the batch's own arrays go with {@link #close()}.
 */
final class MultiplierCheck implements AutoCloseable {
    private final Mlp mlp;
    private final AutodiffMultipliers reference;
    private final BatchPass pass;
    private final INDArray x;
    private final INDArray y;
    private final double[] labels;
    private double maxGap;

    MultiplierCheck(Mlp mlp, int[] sizes, Activation hidden, LabelledPoints batch) {
        this.mlp = mlp;
        this.reference = new AutodiffMultipliers(sizes, hidden, batch.size());
        this.pass = mlp.pass(batch.size());
        this.x = batch.inputs();
        this.y = batch.labels();
        this.labels = batch.y();
        pass.input(batch.flatInputs());
    }

    /** Checks the network as it is now. */
    void observe() {
        pass.forward();
        LogisticLoss.gradient(pass.outputValues(), labels, labels.length, pass.outputGradient());
        pass.backward(false);
        List<INDArray> expected = reference.multipliers(mlp, x, y);
        maxGap = Math.max(maxGap, gap(pass.multipliers(), expected));
        expected.forEach(INDArray::close);
    }

    double maxGap() {
        return maxGap;
    }

    /**
     * max over layers of max|λ_k − λ_k^ref| / max|λ_k^ref|; a layer whose reference is exactly zero
     * counts as agreeing only if the recursion gives exactly zero too.
     */
    static double gap(List<INDArray> multipliers, List<INDArray> reference) {
        if (multipliers.size() != reference.size()) {
            throw new IllegalArgumentException("different numbers of layers");
        }
        double worst = 0;
        for (int k = 0; k < multipliers.size(); k++) {
            double[] lambda = values(multipliers.get(k));
            double[] expected = values(reference.get(k));
            if (lambda.length != expected.length) {
                throw new IllegalArgumentException("layer " + (k + 1) + " has different shapes");
            }
            double difference = 0;
            double scale = 0;
            for (int i = 0; i < lambda.length; i++) {
                difference = Math.max(difference, Math.abs(lambda[i] - expected[i]));
                scale = Math.max(scale, Math.abs(expected[i]));
            }
            if (difference > 0) {
                worst = Math.max(worst, difference / Math.max(scale, Double.MIN_NORMAL));
            }
        }
        return worst;
    }

    /** The values row by row, without an ND4J copy when the array is already dense. */
    private static double[] values(INDArray a) {
        return a.isView() || a.ordering() != 'c'
                ? a.dup('c').data().asDouble()
                : a.data().asDouble();
    }

    @Override
    public void close() {
        reference.close();
        for (INDArray array : List.of(x, y)) {
            if (!array.wasClosed()) {
                array.close();
            }
        }
    }
}
