package org.energylab.simulation.boltzmann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.energy.EnergyChecks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The one-dimensional landscapes as batched energies: n × 1 points in, n energies out. */
class LandscapeEnergyTest {
    private static final double[][] POINTS = EnergyChecks.randomPoints(30, 1, 2.5, 5);

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    static java.util.List<Landscape> landscapes() {
        return LandscapeTest.landscapes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("landscapes")
    void energiesAreTheLandscapesClosedForm(Landscape landscape) {
        LandscapeEnergy energy = new LandscapeEnergy(landscape);
        assertThat(energy.dimension()).isEqualTo(1);
        EnergyChecks.energiesMatch(energy, POINTS, x -> landscape.energy(x[0]), 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("landscapes")
    void gradientsAreTheDerivativeOfTheEnergy(Landscape landscape) {
        LandscapeEnergy energy = new LandscapeEnergy(landscape);
        EnergyChecks.gradientMatchesFiniteDifferences(energy, POINTS, 1e-5, 1e-6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("landscapes")
    void evaluatingIntoTheSameArraysTwiceFollowsTheirNewContents(Landscape landscape) {
        // The adapter keeps a vector view of the last column it saw: it must follow that column's contents.
        LandscapeEnergy energy = new LandscapeEnergy(landscape);
        INDArray x = Nd4j.createFromArray(new double[][] {{0.5}, {-1.5}});
        INDArray out = Nd4j.create(2);
        energy.energy(x, out);
        x.assign(Nd4j.createFromArray(new double[][] {{2}, {0.25}}));
        assertThat(energy.energy(x, out).toDoubleVector())
                .containsExactly(new double[] {landscape.energy(2), landscape.energy(0.25)}, within(1e-12));
    }
}
