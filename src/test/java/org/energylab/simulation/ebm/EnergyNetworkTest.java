package org.energylab.simulation.ebm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.nn.Activation;
import org.energylab.simulation.sampling.MarkovChains;
import org.energylab.simulation.sampling.SamplingMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** ∂F/∂y from the backward sweep against central differences, and the Gibbs slice on a grid. */
class EnergyNetworkTest {
    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    @Test
    void slopesInYMatchCentralDifferences() {
        EnergyNetwork network = new EnergyNetwork(8, 2, Activation.TANH, new SplittableRandom(3));
        double x = 0.37;
        double[] ys = {-1.3, -0.4, 0.0, 0.25, 1.1};
        double h = 1e-6;
        double[] slopes = network.slopesInY(x, ys);
        double[] up = network.energies(x, shift(ys, h));
        double[] down = network.energies(x, shift(ys, -h));
        for (int k = 0; k < ys.length; k++) {
            assertThat(slopes[k]).as("∂F/∂y at y = %s", ys[k]).isCloseTo((up[k] - down[k]) / (2 * h), within(1e-8));
        }
    }

    @Test
    void asAnEnergyOfPointsItsGradientMatchesCentralDifferencesInBothCoordinates() {
        EnergyNetwork network = new EnergyNetwork(8, 2, Activation.TANH, new SplittableRandom(5));
        double[][] points = {{0.37, -1.3}, {-0.8, 0.2}, {0.0, 0.0}, {0.6, 0.9}, {-0.2, -0.5}};
        INDArray x = Nd4j.createFromArray(points);
        double h = 1e-6;

        INDArray gradient = network.gradient(x);

        assertThat(network.dimension()).isEqualTo(2);
        assertThat(gradient.shape()).containsExactly(5L, 2L);
        for (int d = 0; d < 2; d++) {
            INDArray up = x.dup();
            up.getColumn(d).addi(h);
            INDArray down = x.dup();
            down.getColumn(d).subi(h);
            INDArray difference = network.energy(up).sub(network.energy(down)).divi(2 * h);
            for (int i = 0; i < points.length; i++) {
                assertThat(gradient.getDouble(i, d))
                        .as("∂F/∂%s at %s", d == 0 ? "x" : "y", java.util.Arrays.toString(points[i]))
                        .isCloseTo(difference.getDouble(i), within(1e-8));
            }
        }
        // ∂F/∂y is the slope the descent in y follows.
        double[] slopes = network.slopesInY(0.37, new double[] {-1.3});
        assertThat(gradient.getDouble(0, 1)).isCloseTo(slopes[0], within(1e-12));
    }

    @Test
    void asAnEnergyOfPointsItGivesTheNetworksEnergiesForAnyBatchSize() {
        EnergyNetwork network = new EnergyNetwork(8, 2, Activation.TANH, new SplittableRandom(7));
        double[] pairs = {0.1, 0.2, -0.4, 1.0, 0.9, -0.9};
        double[] expected = network.energies(pairs);

        INDArray three = network.energy(Nd4j.createFromArray(new double[][] {{0.1, 0.2}, {-0.4, 1.0}, {0.9, -0.9}}));
        INDArray one = network.energy(Nd4j.createFromArray(new double[][] {{-0.4, 1.0}}));

        for (int i = 0; i < expected.length; i++) {
            assertThat(three.getDouble(i)).isCloseTo(expected[i], within(1e-12));
        }
        assertThat(one.getDouble(0)).isCloseTo(expected[1], within(1e-12));
        assertThatThrownBy(() -> network.energy(Nd4j.createFromArray(new double[][] {{1, 2, 3}})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n × 2");
    }

    @Test
    void markovChainsSampleFromTheNetworksEnergy() {
        EnergyNetwork network = new EnergyNetwork(8, 2, Activation.TANH, new SplittableRandom(11));
        MarkovChains chains =
                new MarkovChains(network, SamplingMethod.MALA, 1, 0.01, Nd4j.zeros(64, 2), new SplittableRandom(13));

        for (int t = 0; t < 50; t++) {
            chains.step();
        }

        // The chains moved, MALA's small steps are nearly all accepted, and the energies the chains
        // carry are the network's at their positions.
        assertThat(chains.positions().norm2Number().doubleValue()).isGreaterThan(0);
        assertThat(chains.acceptanceRate()).isGreaterThan(0.5);
        INDArray energies = network.energy(chains.positions().dup());
        for (int i = 0; i < chains.chains(); i++) {
            assertThat(chains.energies().getDouble(i)).isCloseTo(energies.getDouble(i), within(1e-12));
        }
    }

    private static double[] shift(double[] ys, double h) {
        double[] shifted = ys.clone();
        for (int k = 0; k < shifted.length; k++) {
            shifted[k] += h;
        }
        return shifted;
    }

    @Test
    void gibbsSliceIsANormalisedDensityEvenWhenExpWouldOverflow() {
        // A double well (y² − 1)² scaled so that β·F reaches 10⁵: exp(−βF) alone under- and
        // overflows, the log-sum-exp does not.
        double step = 0.01;
        int n = 301;
        double[] ys = new double[n];
        double[] energies = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = -1.5 + i * step;
            energies[i] = 1000 * Math.pow(ys[i] * ys[i] - 1, 2) - 800;
        }
        double[] density = GibbsSlice.density(energies, 100, step);
        assertThat(GibbsSlice.mass(ys, density, step, y -> true)).isCloseTo(1, within(1e-12));
        assertThat(java.util.Arrays.stream(density).boxed())
                .allSatisfy(p -> assertThat(p).isFinite().isNotNegative());
        // Symmetric wells share the mass equally; all of it sits at y = ±1.
        assertThat(GibbsSlice.mass(ys, density, step, y -> y > 0)).isCloseTo(0.5, within(1e-6));
        assertThat(GibbsSlice.mass(ys, density, step, y -> Math.abs(Math.abs(y) - 1) < 0.02))
                .isCloseTo(1, within(1e-9));

        // β → 0: uniform over the interval of length 3.01 (301 cells of 0.01).
        double[] hot = GibbsSlice.density(energies, 1e-9, step);
        assertThat(java.util.Arrays.stream(hot).boxed())
                .allSatisfy(p -> assertThat(p).isCloseTo(1 / 3.01, within(1e-6)));
    }
}
