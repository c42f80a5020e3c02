package org.energylab.simulation.backprop;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Binary cross-entropy of a logistic output, computed from the logits z (the network's last layer
 * is linear): with p = σ(z), C = −(1/n) Σ [y log p + (1 − y) log(1 − p)]. Written as
 * max(z, 0) − yz + log(1 + e^{−|z|}) it never takes the log of 0 nor overflows an exponential.
 *
 * <p>The arithmetic is on Java arrays of n logits and n labels: a network's pass hands its output
 * over as one, and n values cost less in a loop than in an ND4J call.
 */
final class LogisticLoss {
    private LogisticLoss() {}

    /** C for the first n logits z and labels y. */
    static double cost(double[] z, double[] y, int n) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double softPlus = Math.log(Math.exp(-Math.abs(z[i])) + 1.0);
            sum += Math.max(z[i], 0.0) - z[i] * y[i] + softPlus;
        }
        return sum / n;
    }

    /** ∂C/∂z = (σ(z) − y)/n into {@code gradient}, so the output multiplier is λ_K = (y − σ(z))/n. */
    static void gradient(double[] z, double[] y, int n, double[] gradient) {
        for (int i = 0; i < n; i++) {
            gradient[i] = (probability(z[i]) - y[i]) / n;
        }
    }

    /** The probability σ(z) of class 1. */
    static double probability(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** The fraction of points where the predicted class, z > 0, equals the label. */
    static double accuracy(double[] z, double[] y, int n) {
        int right = 0;
        for (int i = 0; i < n; i++) {
            if ((z[i] > 0.0 ? 1.0 : 0.0) == y[i]) {
                right++;
            }
        }
        return (double) right / n;
    }

    /** C for logits z and labels y (n × 1 each). */
    static double cost(INDArray z, INDArray y) {
        return cost(values(z), values(y), (int) z.length());
    }

    /** ∂C/∂z for logits z and labels y (n × 1 each), as a new n × 1 array. */
    static INDArray gradient(INDArray z, INDArray y) {
        int n = (int) z.length();
        double[] gradient = new double[n];
        gradient(values(z), values(y), n, gradient);
        return Nd4j.createFromArray(gradient).reshape(n, 1);
    }

    /** σ(z) for every logit, as a new array of the same shape. */
    static INDArray probability(INDArray z) {
        double[] values = values(z);
        for (int i = 0; i < values.length; i++) {
            values[i] = probability(values[i]);
        }
        return Nd4j.createFromArray(values).reshape(z.shape());
    }

    private static double[] values(INDArray a) {
        return a.dup('c').data().asDouble();
    }
}
