package org.energylab.simulation.energy;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The smallest trainable energy: a Gaussian with independent coordinates whose means μⱼ and log
 * standard deviations sⱼ = log σⱼ are the parameters θ = (μ₁, …, μ_d, s₁, …, s_d),
 *
 * <pre>
 *     E_θ(x) = Σⱼ (xⱼ − μⱼ)² e^(−2sⱼ) / 2,
 *     ∂E/∂μⱼ = −(xⱼ − μⱼ) e^(−2sⱼ),   ∂E/∂sⱼ = −(xⱼ − μⱼ)² e^(−2sⱼ).
 * </pre>
 *
 * It is unnormalised, as an energy-based model is: training by contrastive divergence needs only these
 * derivatives, and the answer is known (the data's mean and standard deviation), which makes it the
 * check of a training loop before a network energy takes its place.
 */
public final class TrainableGaussianEnergy implements ParametricEnergy {
    private final int dimension;
    private final INDArray parameters;
    private final INDArray means;
    private final INDArray logStds;
    private final INDArray precisions;
    private INDArray centred;
    private INDArray weightRow;
    private INDArray weightedSums;

    /** Starts at the given means and standard deviations. */
    public TrainableGaussianEnergy(double[] mean, double[] std) {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need the same, positive length");
        }
        dimension = mean.length;
        double[] theta = new double[2 * dimension];
        for (int j = 0; j < dimension; j++) {
            if (!(std[j] > 0)) {
                throw new IllegalArgumentException("every std must be positive, not " + std[j]);
            }
            theta[j] = mean[j];
            theta[dimension + j] = Math.log(std[j]);
        }
        parameters = Nd4j.createFromArray(theta);
        INDArray rows = parameters.reshape(2, dimension);
        means = rows.getRow(0, true);
        logStds = rows.getRow(1, true);
        precisions = Nd4j.create(DataType.DOUBLE, 1, dimension);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public long parameterCount() {
        return 2L * dimension;
    }

    @Override
    public INDArray parameters() {
        return parameters;
    }

    public double mean(int coordinate) {
        return means.getDouble(0, coordinate);
    }

    public double std(int coordinate) {
        return Math.exp(logStds.getDouble(0, coordinate));
    }

    @Override
    public INDArray energy(INDArray x, INDArray out) {
        checkBatch(x);
        INDArray z = centre(x);
        return z.muli(z).muliRowVector(precisions).sum(out, 1).muli(0.5);
    }

    @Override
    public INDArray gradient(INDArray x, INDArray out) {
        checkBatch(x);
        return out.assign(x).subiRowVector(means).muliRowVector(precision());
    }

    @Override
    public INDArray accumulateParameterGradient(INDArray x, INDArray weights, INDArray gradient) {
        checkBatch(x);
        if (weights.length() != x.rows() || gradient.length() != parameterCount()) {
            throw new IllegalArgumentException("expected " + x.rows() + " weights and a gradient of " + parameterCount()
                    + ", got " + weights.length() + " and " + gradient.length());
        }
        INDArray z = centre(x);
        if (weightRow == null || weightRow.columns() != x.rows()) {
            weightRow = Nd4j.create(DataType.DOUBLE, 1, x.rows());
            weightedSums = Nd4j.create(DataType.DOUBLE, 2, dimension);
        }
        weightRow.assign(weights.reshape(1, x.rows()));
        INDArray sums = weightedSums;
        // Row 0: Σᵢ wᵢ (xᵢ − μ); row 1: Σᵢ wᵢ (xᵢ − μ)²; both times −e^(−2s).
        weightRow.mmul(z, sums.getRow(0, true));
        weightRow.mmul(z.muli(z), sums.getRow(1, true));
        sums.muliRowVector(precisions).negi();
        return gradient.addi(sums.reshape(parameterCount()));
    }

    /** x − μ into a scratch array, with the precisions e^(−2s) brought up to date. */
    private INDArray centre(INDArray x) {
        if (centred == null || centred.rows() != x.rows()) {
            centred = Nd4j.create(DataType.DOUBLE, x.rows(), dimension);
        }
        precision();
        return centred.assign(x).subiRowVector(means);
    }

    private INDArray precision() {
        return Transforms.exp(precisions.assign(logStds).muli(-2), false);
    }
}
