package org.energylab.simulation.energy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.energylab.simulation.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The analytic energies against their closed forms, and their gradients against finite differences. */
class AnalyticEnergiesTest {
    private static final double[][] POINTS = EnergyChecks.randomPoints(40, 2, 2.5, 11);

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    @Test
    void gaussianEnergyIsTheScaledSquaredDistanceToTheMean() {
        GaussianEnergy energy = new GaussianEnergy(new double[] {1, -0.5}, new double[] {0.7, 1.5});
        EnergyChecks.energiesMatch(
                energy,
                POINTS,
                x -> (x[0] - 1) * (x[0] - 1) / (2 * 0.49) + (x[1] + 0.5) * (x[1] + 0.5) / (2 * 2.25),
                1e-14);
        EnergyChecks.gradientMatchesFiniteDifferences(energy, POINTS, 1e-5, 1e-8);
        // The gradient of a quadratic is exact: (x − μ)/σ².
        double[][] gradient = energy.gradient(Nd4j.createFromArray(POINTS)).toDoubleMatrix();
        for (int i = 0; i < POINTS.length; i++) {
            assertThat(gradient[i][0]).isCloseTo((POINTS[i][0] - 1) / 0.49, within(1e-13));
            assertThat(gradient[i][1]).isCloseTo((POINTS[i][1] + 0.5) / 2.25, within(1e-13));
        }
    }

    @Test
    void gaussianEnergyWorksInAnyDimension() {
        GaussianEnergy energy = GaussianEnergy.isotropic(5, 0.3, 2);
        double[][] points = EnergyChecks.randomPoints(7, 5, 3, 3);
        EnergyChecks.energiesMatch(
                energy,
                points,
                x -> {
                    double sum = 0;
                    for (double v : x) {
                        sum += (v - 0.3) * (v - 0.3) / 8;
                    }
                    return sum;
                },
                1e-14);
        EnergyChecks.gradientMatchesFiniteDifferences(energy, points, 1e-5, 1e-8);
    }

    @Test
    void ringEnergyIsLowestOnTheCircle() {
        RingEnergy ring = new RingEnergy(2, Math.sqrt(2), 0.3);
        EnergyChecks.energiesMatch(
                ring,
                POINTS,
                x -> {
                    double d = Math.hypot(x[0], x[1]) - Math.sqrt(2);
                    return d * d / (2 * 0.09);
                },
                1e-12);
        EnergyChecks.gradientMatchesFiniteDifferences(ring, POINTS, 1e-6, 1e-6);
        INDArray special = Nd4j.createFromArray(new double[][] {{0, 0}, {1, 1}, {-2, 0}});
        assertThat(ring.energy(special).toDoubleVector())
                .containsExactly(
                        new double[] {2 / 0.18, 0, (2 - Math.sqrt(2)) * (2 - Math.sqrt(2)) / 0.18}, within(1e-12));
        // Zero on the circle, and taken as zero at the centre where E is not differentiable.
        double[][] gradient = ring.gradient(special).toDoubleMatrix();
        assertThat(gradient[0]).containsExactly(new double[] {0, 0}, within(0.0));
        assertThat(gradient[1]).containsExactly(new double[] {0, 0}, within(1e-12));
        // At (−2, 0): (r − R)/s² along x/r = (−1, 0).
        assertThat(gradient[2]).containsExactly(new double[] {-(2 - Math.sqrt(2)) / 0.09, 0}, within(1e-12));
    }

    @Test
    void mixtureEnergyIsMinusTheLogOfTheMixtureDensity() {
        double[][] means = {{-1, 0}, {1.5, 0.5}, {0, -2}};
        double[] weights = {1, 2, 1};
        double std = 0.6;
        GaussianMixtureEnergy mixture = new GaussianMixtureEnergy(means, weights, std);
        EnergyChecks.energiesMatch(mixture, POINTS, x -> mixtureEnergy(means, weights, std, x), 1e-12);
        EnergyChecks.gradientMatchesFiniteDifferences(mixture, POINTS, 1e-5, 1e-6);
        assertThat(mixture.weight(1)).isEqualTo(0.5);
    }

    @Test
    void mixtureEnergyStaysAccurateFarFromEveryComponent() {
        // exp(−E) underflows at (30, 30) with σ = 0.1 (E ≈ 8·10⁴), but the log-sum-exp does not.
        GaussianMixtureEnergy eight = GaussianMixtureEnergy.onCircle(8, Math.sqrt(2), 0.1);
        double[][] far = {{30, 30}, {-25, 4}, {0, 0}};
        EnergyChecks.energiesMatch(
                eight, far, x -> mixtureEnergy(eightMeans(), new double[] {1, 1, 1, 1, 1, 1, 1, 1}, 0.1, x), 1e-9);
        EnergyChecks.gradientMatchesFiniteDifferences(eight, far, 1e-6, 1e-5);
    }

    /**
     * The mixture is normalised: ∫ exp(−E) = 1. With σ = 0.1 and a grid of spacing 0.01 the midpoint
     * rule on a Gaussian is accurate far beyond the bound (its error falls like exp(−2π²σ²/h²)).
     */
    @Test
    void mixtureDensityIntegratesToOne() {
        GaussianMixtureEnergy eight = GaussianMixtureEnergy.onCircle(8, Math.sqrt(2), 0.1);
        double h = 0.01;
        int side = 500;
        double[][] grid = new double[side * side][];
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                grid[i * side + j] = new double[] {-2.5 + (i + 0.5) * h, -2.5 + (j + 0.5) * h};
            }
        }
        INDArray energies = eight.energy(Nd4j.createFromArray(grid));
        double integral = org.nd4j.linalg.ops.transforms.Transforms.exp(energies.neg(), false)
                        .sumNumber()
                        .doubleValue()
                * h
                * h;
        assertThat(integral).isCloseTo(1, within(1e-9));
    }

    @Test
    void batchesOfTheWrongDimensionAreRefused() {
        GaussianEnergy energy = GaussianEnergy.isotropic(2, 0, 1);
        assertThatThrownBy(() -> energy.energy(Nd4j.zeros(4, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n × 2");
        assertThatThrownBy(() -> new GaussianMixtureEnergy(new double[][] {{0, 0}}, new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double[][] eightMeans() {
        double[][] means = new double[8][];
        for (int k = 0; k < 8; k++) {
            double angle = 2 * Math.PI * k / 8;
            means[k] = new double[] {Math.sqrt(2) * Math.cos(angle), Math.sqrt(2) * Math.sin(angle)};
        }
        return means;
    }

    /** −log Σₖ πₖ N(x; μₖ, σ²I), by a log-sum-exp over the components written out directly. */
    private static double mixtureEnergy(double[][] means, double[] weights, double std, double[] x) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] logTerms = new double[means.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < means.length; k++) {
            double squared = 0;
            for (int j = 0; j < x.length; j++) {
                squared += (x[j] - means[k][j]) * (x[j] - means[k][j]);
            }
            logTerms[k] = Math.log(weights[k] / total)
                    - squared / (2 * std * std)
                    - x.length / 2.0 * Math.log(2 * Math.PI * std * std);
            max = Math.max(max, logTerms[k]);
        }
        double sum = 0;
        for (double t : logTerms) {
            sum += Math.exp(t - max);
        }
        return -(max + Math.log(sum));
    }
}
