package org.energylab.simulation.backprop;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Binary cross-entropy of a logistic output, computed from the logits z (the network's last layer
 * is linear): with p = σ(z), C = −(1/n) Σ [y log p + (1 − y) log(1 − p)]. Written as
 * max(z, 0) − yz + log(1 + e^{−|z|}) it never takes the log of 0 nor overflows an exponential.
 */
final class LogisticLoss {
    private LogisticLoss() {}

    /** C for logits z and labels y (n × 1 each). */
    static double cost(INDArray z, INDArray y) {
        INDArray softPlus = Transforms.log(
                Transforms.exp(Transforms.abs(z, true).negi(), false).addi(1.0), false);
        INDArray perPoint = Transforms.relu(z, true).subi(z.mul(y)).addi(softPlus);
        return perPoint.meanNumber().doubleValue();
    }

    /** ∂C/∂z = (σ(z) − y)/n, so the output multiplier is λ_K = (y − σ(z))/n. */
    static INDArray gradient(INDArray z, INDArray y) {
        return Transforms.sigmoid(z, true).subi(y).divi(z.rows());
    }

    /** The probability σ(z) of class 1. */
    static INDArray probability(INDArray z) {
        return Transforms.sigmoid(z, true);
    }

    /** The fraction of points where the predicted class, z > 0, equals the label. */
    static double accuracy(INDArray z, INDArray y) {
        INDArray predicted = z.gt(0.0).castTo(y.dataType());
        return predicted.eq(y).castTo(y.dataType()).meanNumber().doubleValue();
    }
}
