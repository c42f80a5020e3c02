package org.energylab.simulation.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.energy.GaussianEnergy;
import org.energylab.simulation.energy.GaussianMixtureEnergy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The samplers in two dimensions against exact moments. As in the sampler lesson's tests, many
 * independent chains run for a burn-in long enough to forget the start, and one sample is taken from
 * each: C independent draws, so a mean has standard error σ/√C and a variance σ²√(2/(C − 1)). Bounds
 * are 4 standard errors; the seeds are fixed, so a test that passes once passes always.
 */
class MarkovChainsTest {
    private static final int CHAINS = 10_000;
    private static final double[] MEAN = {1, -0.5};
    private static final double[] STD = {0.7, 1.5};

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    private static MarkovChains gaussianChains(SamplingMethod method, double beta, double step, long seed) {
        return new MarkovChains(
                new GaussianEnergy(MEAN, STD), method, beta, step, Nd4j.zeros(CHAINS, 2), new SplittableRandom(seed));
    }

    /** {mean, variance} of one coordinate over all chains. */
    private static double[] moments(MarkovChains chains, int coordinate) {
        double[] positions = new double[chains.chains() * 2];
        chains.copyPositions(positions);
        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < chains.chains(); i++) {
            double v = positions[2 * i + coordinate];
            sum += v;
            sumOfSquares += v * v;
        }
        double mean = sum / chains.chains();
        return new double[] {mean, sumOfSquares / chains.chains() - mean * mean};
    }

    private static void run(MarkovChains chains, int steps) {
        for (int s = 0; s < steps; s++) {
            chains.step();
        }
    }

    /**
     * Metropolis and MALA leave N(μ, σ²/β) exactly invariant. 400 steps from the origin: MALA at η = 0.1
     * contracts the slowest coordinate (σ = 1.5) by (1 − η/σ²)ⁿ ≈ e⁻¹⁸; Metropolis with s = 1 mixes
     * in a few tens of steps.
     */
    @ParameterizedTest(name = "{0}, β = {1}, step {2}")
    @CsvSource({"METROPOLIS, 1, 1.0", "MALA, 1, 0.1", "MALA, 2, 0.05", "METROPOLIS, 2, 0.8"})
    void exactSamplersHaveTheGaussiansMoments(SamplingMethod method, double beta, double step) {
        MarkovChains chains = gaussianChains(method, beta, step, 17);
        run(chains, 400);
        for (int j = 0; j < 2; j++) {
            double variance = STD[j] * STD[j] / beta;
            double[] m = moments(chains, j);
            assertThat(m[0]).as("mean of x%d", j).isCloseTo(MEAN[j], within(4 * Math.sqrt(variance / CHAINS)));
            assertThat(m[1])
                    .as("variance of x%d", j)
                    .isCloseTo(variance, within(4 * variance * Math.sqrt(2.0 / (CHAINS - 1))));
        }
        assertThat(chains.acceptanceRate()).isBetween(0.2, 1.0);
    }

    /**
     * Unadjusted Langevin on E = (x − μ)²/(2σ²) is the linear map x − μ ← (1 − η/σ²)(x − μ) + √(2η/β)ξ.
     * Its stationary variance v solves v = (1 − η/σ²)²v + 2η/β, so v = σ²/(β(1 − η/(2σ²))): the exact
     * σ²/β inflated by 1 + O(η). Its mean stays μ. At η = 0.1 the coordinate with σ = 0.7 is biased by
     * 11 % (8 standard errors), which the samples must show; MALA at the same η is not.
     */
    @Test
    void unadjustedLangevinHasItsKnownOrderEtaBias() {
        double eta = 0.1;
        MarkovChains chains = gaussianChains(SamplingMethod.LANGEVIN, 1, eta, 23);
        run(chains, 400);
        for (int j = 0; j < 2; j++) {
            double variance = STD[j] * STD[j];
            double stationary = variance / (1 - eta / (2 * variance));
            double[] m = moments(chains, j);
            assertThat(m[0]).isCloseTo(MEAN[j], within(4 * Math.sqrt(stationary / CHAINS)));
            assertThat(m[1])
                    .as("variance of x%d", j)
                    .isCloseTo(stationary, within(4 * stationary * Math.sqrt(2.0 / (CHAINS - 1))));
        }
        double exact = STD[0] * STD[0];
        double error = 4 * exact * Math.sqrt(2.0 / (CHAINS - 1));
        assertThat(moments(chains, 0)[1] - exact).isGreaterThan(error);
        assertThat(chains.acceptanceRate()).isEqualTo(1.0);

        MarkovChains mala = gaussianChains(SamplingMethod.MALA, 1, eta, 23);
        run(mala, 400);
        assertThat(moments(mala, 0)[1]).isCloseTo(exact, within(error));
    }

    /**
     * The box is part of the target: Metropolis and MALA never leave it, and unadjusted Langevin, which
     * cannot reject, is reflected back in, even with a step so large that it would fly apart.
     */
    @ParameterizedTest(name = "{0}, step {1}")
    @CsvSource({"METROPOLIS, 3.0", "MALA, 0.5", "LANGEVIN, 0.5", "LANGEVIN, 3.0"})
    void everyChainStaysInsideTheBox(SamplingMethod method, double step) {
        Box box = new Box(-1, 2);
        MarkovChains chains = new MarkovChains(
                GaussianMixtureEnergy.onCircle(8, Math.sqrt(2), 0.3),
                method,
                1,
                step,
                Nd4j.zeros(500, 2),
                box,
                new SplittableRandom(5));
        double[] positions = new double[1000];
        for (int s = 0; s < 50; s++) {
            chains.step();
            chains.copyPositions(positions);
            for (double p : positions) {
                assertThat(p).isBetween(-1.0, 2.0);
            }
        }
        assertThat(java.util.Arrays.stream(positions).distinct().count()).isGreaterThan(500);
    }

    @Test
    void theSeedDecidesEveryChain() {
        double[] a = new double[2 * CHAINS];
        double[] b = new double[2 * CHAINS];
        double[] c = new double[2 * CHAINS];
        MarkovChains first = gaussianChains(SamplingMethod.MALA, 1, 0.1, 3);
        MarkovChains again = gaussianChains(SamplingMethod.MALA, 1, 0.1, 3);
        MarkovChains other = gaussianChains(SamplingMethod.MALA, 1, 0.1, 4);
        run(first, 20);
        run(again, 20);
        run(other, 20);
        first.copyPositions(a);
        again.copyPositions(b);
        other.copyPositions(c);
        assertThat(b).containsExactly(a);
        assertThat(c).isNotEqualTo(a);
    }

    /**
     * Closing frees every native array of the chains at once, without the garbage collector (the
     * chains stay reachable until the end), and the chains refuse to be used afterwards.
     */
    @Test
    void closingFreesTheChainsMemoryAndRefusesFurtherUse() throws InterruptedException {
        // Once first, so that what ND4J caches the first time it meets these operations is not counted.
        try (MarkovChains warmUp = gaussianChains(SamplingMethod.MALA, 1, 0.1, 6)) {
            run(warmUp, 3);
        }
        long before = settledNativeBytes();
        MarkovChains chains = gaussianChains(SamplingMethod.MALA, 1, 0.1, 6);
        run(chains, 3);
        // Measured around the close only: the collector can lower the count at any moment, never raise it.
        long open = settledNativeBytes();
        chains.close();
        long closed = Nd4j.getEnvironment().getDeviceCouner(0);

        assertThat(open - closed).as("bytes freed by closing").isGreaterThanOrEqualTo(6L * CHAINS * 2 * 8);
        assertThat(settledNativeBytes()).isLessThanOrEqualTo(before);
        assertThatThrownBy(chains::step).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> chains.copyPositions(new double[2 * CHAINS]))
                .isInstanceOf(IllegalStateException.class);
    }

    /** The native count once the garbage collector has freed what is unreachable (ND4J frees from its own thread). */
    private static long settledNativeBytes() throws InterruptedException {
        long previous = -1;
        long current = Nd4j.getEnvironment().getDeviceCouner(0);
        for (int i = 0; i < 50 && current != previous; i++) {
            System.gc();
            Thread.sleep(20);
            previous = current;
            current = Nd4j.getEnvironment().getDeviceCouner(0);
        }
        return current;
    }

    @Test
    void badStartsAreRefused() {
        assertThatThrownBy(() -> new MarkovChains(
                        GaussianEnergy.isotropic(2, 0, 1),
                        SamplingMethod.MALA,
                        1,
                        0.1,
                        Nd4j.zeros(3, 2).addi(5),
                        new Box(-1, 1),
                        new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the box");
        assertThatThrownBy(() -> new MarkovChains(
                        GaussianEnergy.isotropic(2, 0, 1),
                        SamplingMethod.MALA,
                        1,
                        0.1,
                        Nd4j.zeros(3, 3),
                        new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n × 2");
    }
}
