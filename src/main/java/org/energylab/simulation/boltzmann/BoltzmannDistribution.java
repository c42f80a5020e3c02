package org.energylab.simulation.boltzmann;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * P(y) = exp(−βE(y)) / Z on a grid over a finite domain, with Z = ∫ exp(−βE) dy by Simpson's rule.
 *
 * <p>Stable at any β: every exponent is −β(E − E_min) ≤ 0, so nothing overflows, and the point at
 * the minimum contributes exp(0) = 1, so the sum never underflows to zero (the log-sum-exp trick).
 * ln Z = −βE_min + ln Σ wᵢ exp(−β(Eᵢ − E_min)) is then finite even where Z itself is not a double.
 */
final class BoltzmannDistribution {
    private final Landscape landscape;
    private final Domain domain;
    private final double[] ys;
    private final double[] energies;
    private final double[] weights;
    private final double energyMin;
    /** E − E_min on the grid, as a 1 × n row. */
    private final INDArray shifted;
    /** The Simpson weights as an n × 1 column. */
    private final INDArray weightColumn;
    /** The n × 3 columns w, w·(E − E_min), w·y: one product with exp(−β(E − E_min)) gives three integrals. */
    private final INDArray moments;

    BoltzmannDistribution(Landscape landscape, Domain domain, int points) {
        this.landscape = landscape;
        this.domain = domain;
        ys = domain.grid(points);
        INDArray y = Nd4j.createFromArray(ys);
        INDArray e = landscape.energy(y);
        energies = e.toDoubleVector();
        energyMin = e.minNumber().doubleValue();
        shifted = e.subi(energyMin).reshape(1, points);
        weights = Simpson.weights(points, domain.length() / (points - 1));
        INDArray w = Nd4j.createFromArray(weights);
        weightColumn = w.reshape(points, 1);
        moments = Nd4j.vstack(w, w.mul(shifted.reshape(points)), w.mul(y))
                .transpose()
                .dup();
    }

    double[] positions() {
        return ys.clone();
    }

    double[] energies() {
        return energies.clone();
    }

    Domain domain() {
        return domain;
    }

    /** The smallest energy on the grid, the reference the exponents are taken from. */
    double energyMin() {
        return energyMin;
    }

    /**
     * Thermodynamic quantities at every β at once: one n_β × n array exp(−β(E − E_min)) and one matrix
     * product with the weight columns.
     */
    Thermodynamics at(double... betas) {
        INDArray beta = Nd4j.createFromArray(betas).reshape(betas.length, 1);
        INDArray boltzmann = beta.mmul(shifted).negi();
        Transforms.exp(boltzmann, false);
        double[][] integrals = boltzmann.mmul(moments).toDoubleMatrix();

        int n = betas.length;
        double[] logZ = new double[n];
        double[] free = new double[n];
        double[] mean = new double[n];
        double[] entropy = new double[n];
        double[] meanY = new double[n];
        for (int i = 0; i < n; i++) {
            double b = betas[i];
            double sum = integrals[i][0];
            double excess = integrals[i][1] / sum; // ⟨E⟩ − E_min
            double logSum = Math.log(sum);
            logZ[i] = -b * energyMin + logSum;
            free[i] = energyMin - logSum / b;
            mean[i] = energyMin + excess;
            // S = β(⟨E⟩ − F) = β(⟨E⟩ − E_min) + ln Σ, without subtracting two large numbers.
            entropy[i] = b * excess + logSum;
            meanY[i] = integrals[i][2] / sum;
        }
        return new Thermodynamics(betas.clone(), logZ, free, mean, entropy, meanY);
    }

    /** P(y) at the grid points, normalised so that Simpson's rule integrates it to 1. */
    double[] density(double beta) {
        INDArray f = Transforms.exp(shifted.mul(-beta), false);
        double sum = f.mmul(weightColumn).getDouble(0);
        return f.divi(sum).toDoubleVector();
    }

    /** ⟨f(y)⟩ = ∫ f(y) P(y) dy by Simpson's rule on the grid. */
    double expectation(double beta, java.util.function.DoubleUnaryOperator f) {
        double[] p = density(beta);
        double sum = 0;
        for (int i = 0; i < ys.length; i++) {
            sum += weights[i] * p[i] * f.applyAsDouble(ys[i]);
        }
        return sum;
    }

    /**
     * The probability of each of {@code bins} equal bins of the domain, each integrated by Simpson's
     * rule on its own grid points. Needs a grid of bins·m + 1 points with m even.
     */
    double[] binProbabilities(double beta, int bins) {
        int intervals = ys.length - 1;
        int m = intervals / bins;
        if (m * bins != intervals || m % 2 != 0) {
            throw new IllegalArgumentException(
                    ys.length + " grid points do not split into " + bins + " bins of an even number of intervals");
        }
        double[] p = density(beta);
        double h = domain.length() / intervals;
        double[] mass = new double[bins];
        double total = 0;
        for (int b = 0; b < bins; b++) {
            double s = 0;
            for (int j = 0; j <= m; j++) {
                double w = j == 0 || j == m ? 1 : (j % 2 == 1 ? 4 : 2);
                s += w * p[b * m + j];
            }
            mass[b] = s * h / 3;
            total += mass[b];
        }
        for (int b = 0; b < bins; b++) {
            mass[b] /= total;
        }
        return mass;
    }

    /** P(y > threshold), by Simpson's rule on [threshold, max] with as many points as the grid. */
    double probabilityAbove(double beta, double threshold) {
        if (threshold <= domain.min()) {
            return 1;
        }
        if (threshold >= domain.max()) {
            return 0;
        }
        return unnormalisedMass(new Domain(threshold, domain.max()), beta) / unnormalisedMass(domain, beta);
    }

    /** ∫ exp(−β(E − E_min)) dy over a part of the domain. */
    private double unnormalisedMass(Domain part, double beta) {
        int n = ys.length;
        INDArray y = Nd4j.createFromArray(part.grid(n));
        INDArray f = landscape.energy(y).subi(energyMin).muli(-beta);
        Transforms.exp(f, false);
        INDArray w = Nd4j.createFromArray(Simpson.weights(n, part.length() / (n - 1)));
        return f.mul(w).sumNumber().doubleValue();
    }
}
