package org.energylab.simulation.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.sampling.MarkovChains;
import org.energylab.simulation.sampling.SamplingMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The trainable Gaussian: its derivatives in x and θ, and contrastive divergence recovering the data's moments. */
class TrainableGaussianEnergyTest {
    private static final double[][] POINTS = EnergyChecks.randomPoints(25, 2, 2, 13);

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    @Test
    void energyAndGradientAreThoseOfTheGaussianItStartsAs() {
        TrainableGaussianEnergy energy = new TrainableGaussianEnergy(new double[] {1, -0.5}, new double[] {0.7, 1.5});
        GaussianEnergy fixed = new GaussianEnergy(new double[] {1, -0.5}, new double[] {0.7, 1.5});
        EnergyChecks.energiesMatch(
                energy,
                POINTS,
                x -> fixed.energy(Nd4j.createFromArray(new double[][] {x})).getDouble(0),
                1e-13);
        EnergyChecks.gradientMatchesFiniteDifferences(energy, POINTS, 1e-5, 1e-8);
        assertThat(energy.parameterCount()).isEqualTo(4);
        assertThat(energy.std(1)).isCloseTo(1.5, within(1e-15));
    }

    /** Σᵢ wᵢ ∂E(xᵢ)/∂θ against central differences of Σᵢ wᵢ E(xᵢ) in each parameter. */
    @Test
    void parameterGradientIsTheDerivativeOfTheWeightedEnergy() {
        TrainableGaussianEnergy energy = new TrainableGaussianEnergy(new double[] {0.3, -0.2}, new double[] {0.8, 1.3});
        INDArray x = Nd4j.createFromArray(POINTS);
        double[] w = new double[POINTS.length];
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextDouble() - 0.5;
        }
        INDArray weights = Nd4j.createFromArray(w);
        INDArray gradient = Nd4j.zeros(4).addi(10);
        energy.accumulateParameterGradient(x, weights, gradient);
        double h = 1e-6;
        for (int k = 0; k < 4; k++) {
            INDArray theta = energy.parameters();
            double original = theta.getDouble(k);
            theta.putScalar(k, original + h);
            double plus = energy.energy(x).mul(weights).sumNumber().doubleValue();
            theta.putScalar(k, original - h);
            double minus = energy.energy(x).mul(weights).sumNumber().doubleValue();
            theta.putScalar(k, original);
            // The gradient accumulates onto what was there (10).
            assertThat(gradient.getDouble(k) - 10).as("∂/∂θ%d", k).isCloseTo((plus - minus) / (2 * h), within(1e-6));
        }
    }

    /**
     * Contrastive divergence with persistent MALA chains: θ ← θ − lr (mean ∂E/∂θ over the data − mean
     * over the chains' samples). At the fixed point the model's moments equal the data's, so the learnt
     * Gaussian must find the sample mean and standard deviation of 2000 data points, up to the noise of
     * 500 chains (measured errors at most 0.03 after 200 steps; bounds 0.08).
     */
    @Test
    void contrastiveDivergenceLearnsTheMeanAndSpreadOfTheData() {
        int n = 2000;
        int chains = 500;
        double[] mean = {1, -0.5};
        double[] std = {0.7, 1.5};
        SplittableRandom random = new SplittableRandom(21);
        double[][] data = new double[n][2];
        double[] sum = new double[2];
        double[] sumOfSquares = new double[2];
        for (double[] point : data) {
            for (int j = 0; j < 2; j++) {
                point[j] = mean[j] + std[j] * random.nextGaussian();
                sum[j] += point[j];
                sumOfSquares[j] += point[j] * point[j];
            }
        }
        TrainableGaussianEnergy model = new TrainableGaussianEnergy(new double[] {0, 0}, new double[] {1, 1});
        MarkovChains negatives =
                new MarkovChains(model, SamplingMethod.MALA, 1, 0.05, Nd4j.zeros(chains, 2), new SplittableRandom(22));
        INDArray x = Nd4j.createFromArray(data);
        INDArray dataWeights = Nd4j.valueArrayOf(new long[] {n}, 1.0 / n);
        INDArray sampleWeights = Nd4j.valueArrayOf(new long[] {chains}, -1.0 / chains);
        INDArray gradient = Nd4j.zeros(4);
        for (int iteration = 0; iteration < 200; iteration++) {
            negatives.refresh();
            for (int s = 0; s < 5; s++) {
                negatives.step();
            }
            gradient.assign(0);
            model.accumulateParameterGradient(x, dataWeights, gradient);
            model.accumulateParameterGradient(negatives.positions(), sampleWeights, gradient);
            model.parameters().subi(gradient.muli(0.1));
        }
        for (int j = 0; j < 2; j++) {
            double dataMean = sum[j] / n;
            double dataStd = Math.sqrt(sumOfSquares[j] / n - dataMean * dataMean);
            assertThat(model.mean(j)).as("μ%d", j).isCloseTo(dataMean, within(0.08));
            assertThat(model.std(j)).as("σ%d", j).isCloseTo(dataStd, within(0.08));
        }
    }
}
