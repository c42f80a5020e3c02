package org.energylab.simulation.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.nn.Mlp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A network as a parametric energy: its three derivatives against finite differences. */
class NetworkEnergyTest {
    private static final double[][] POINTS = EnergyChecks.randomPoints(20, 3, 1.5, 17);

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    private static Mlp network() {
        return new Mlp(new int[] {3, 8, 8, 1}, Activation.TANH, Activation.IDENTITY, new SplittableRandom(5));
    }

    @Test
    void energiesAreTheNetworksOutputAndTheGradientIsItsSlope() {
        try (Mlp mlp = network()) {
            NetworkEnergy energy = new NetworkEnergy(mlp, 3);
            double[] flat = new double[POINTS.length * 3];
            for (int i = 0; i < POINTS.length; i++) {
                System.arraycopy(POINTS[i], 0, flat, 3 * i, 3);
            }
            double[] expected = mlp.predict(flat, POINTS.length);
            INDArray energies = energy.energy(Nd4j.createFromArray(POINTS));
            for (int i = 0; i < POINTS.length; i++) {
                assertThat(energies.getDouble(i)).isCloseTo(expected[i], within(1e-14));
            }
            EnergyChecks.gradientMatchesFiniteDifferences(energy, POINTS, 1e-5, 1e-8);
        }
    }

    @Test
    void parameterGradientIsTheDerivativeOfTheWeightedEnergyAndAccumulates() {
        try (Mlp mlp = network()) {
            NetworkEnergy energy = new NetworkEnergy(mlp, 3);
            INDArray x = Nd4j.createFromArray(POINTS);
            double[] w = new double[POINTS.length];
            SplittableRandom random = new SplittableRandom(8);
            for (int i = 0; i < w.length; i++) {
                w[i] = random.nextDouble() - 0.5;
            }
            INDArray weights = Nd4j.createFromArray(w);
            long count = energy.parameterCount();
            assertThat(count).isEqualTo(3 * 8 + 8 + 8 * 8 + 8 + 8 + 1);
            INDArray gradient = Nd4j.zeros(count).addi(10);
            energy.accumulateParameterGradient(x, weights, gradient);
            INDArray theta = energy.parameters();
            double h = 1e-6;
            for (int k = 0; k < count; k++) {
                double original = theta.getDouble(k);
                theta.putScalar(k, original + h); // a view: this changes the network
                double plus = energy.energy(x).mul(weights).sumNumber().doubleValue();
                theta.putScalar(k, original - h);
                double minus = energy.energy(x).mul(weights).sumNumber().doubleValue();
                theta.putScalar(k, original);
                assertThat(gradient.getDouble(k) - 10)
                        .as("∂/∂θ%d", k)
                        .isCloseTo((plus - minus) / (2 * h), within(1e-7));
            }
        }
    }
}
