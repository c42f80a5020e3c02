package org.energylab.simulation.energy;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A Gaussian energy with independent coordinates, E(x) = Σⱼ (xⱼ − μⱼ)² / (2σⱼ²). At inverse
 * temperature β its Boltzmann density is the normal distribution with mean μ and variances σⱼ²/β:
 * the target with exact moments against which samplers are checked.
 */
public final class GaussianEnergy implements Energy {
    private final double[] mean;
    private final double[] std;
    private final INDArray meanRow;
    private final INDArray stdRow;
    private final INDArray varianceRow;
    private INDArray scratch;

    public GaussianEnergy(double[] mean, double[] std) {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need the same, positive length");
        }
        for (double s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("every std must be positive, not " + s);
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
        meanRow = Nd4j.createFromArray(mean.clone()).reshape(1, mean.length);
        stdRow = Nd4j.createFromArray(std.clone()).reshape(1, std.length);
        varianceRow = stdRow.mul(stdRow);
    }

    /** The same normal distribution N(μ, σ²) in each of d coordinates. */
    public static GaussianEnergy isotropic(int dimension, double mean, double std) {
        double[] means = new double[dimension];
        double[] stds = new double[dimension];
        Arrays.fill(means, mean);
        Arrays.fill(stds, std);
        return new GaussianEnergy(means, stds);
    }

    @Override
    public int dimension() {
        return mean.length;
    }

    public double mean(int coordinate) {
        return mean[coordinate];
    }

    public double std(int coordinate) {
        return std[coordinate];
    }

    @Override
    public INDArray energy(INDArray x, INDArray out) {
        checkBatch(x);
        INDArray z = scratch(x).assign(x).subiRowVector(meanRow).diviRowVector(stdRow);
        return z.muli(z).sum(out, 1).muli(0.5);
    }

    @Override
    public INDArray gradient(INDArray x, INDArray out) {
        checkBatch(x);
        // ∂E/∂xⱼ = (xⱼ − μⱼ)/σⱼ²
        return out.assign(x).subiRowVector(meanRow).diviRowVector(varianceRow);
    }

    private INDArray scratch(INDArray x) {
        if (scratch == null || scratch.rows() != x.rows() || scratch.dataType() != x.dataType()) {
            scratch = Nd4j.create(x.dataType() == DataType.FLOAT ? DataType.FLOAT : DataType.DOUBLE, x.shape());
        }
        return scratch;
    }
}
