package org.energylab.simulation.backprop;

import java.util.List;
import org.energylab.simulation.data.LabelledPoints;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.Mlp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Compares the multipliers of the explicit recursion with SameDiff's on one fixed batch, whenever
 * asked, and keeps the largest relative gap seen.
 */
final class MultiplierCheck {
    private final AutodiffMultipliers reference;
    private final INDArray x;
    private final INDArray y;
    private double maxGap;

    MultiplierCheck(int[] sizes, Activation hidden, LabelledPoints batch) {
        this.reference = new AutodiffMultipliers(sizes, hidden, batch.size());
        this.x = batch.inputs();
        this.y = batch.labels();
    }

    /** Checks the network as it is now. */
    void observe(Mlp mlp) {
        Mlp.Forward forward = mlp.forward(x);
        List<INDArray> recursion = mlp.backward(forward, LogisticLoss.gradient(forward.result(), y))
                .multipliers();
        maxGap = Math.max(maxGap, gap(recursion, reference.multipliers(mlp, x, y)));
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
            double difference = Transforms.abs(multipliers.get(k).sub(reference.get(k)), false)
                    .maxNumber()
                    .doubleValue();
            double scale = Transforms.abs(reference.get(k), true).maxNumber().doubleValue();
            if (difference > 0) {
                worst = Math.max(worst, difference / Math.max(scale, Double.MIN_NORMAL));
            }
        }
        return worst;
    }
}
