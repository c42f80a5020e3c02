package org.energylab.simulation.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.energylab.simulation.Nd4jRuntime;
import org.energylab.simulation.energy.GaussianEnergy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The replay buffer: its capacity, the fraction of restarts it serves, and restarting chains from it. */
class ReplayBufferTest {
    /** Fresh starts all at (−7, −7), a point never stored in the buffers below. */
    private static final ReplayBuffer.FreshStart SENTINEL = (random, point) -> java.util.Arrays.fill(point, -7);

    @BeforeAll
    static void startNd4j() {
        Nd4jRuntime.ensureStarted();
    }

    /** Points (i, i + 0.5) for i = from, …, from + rows − 1, row by row. */
    private static double[] numbered(int from, int rows) {
        double[] points = new double[2 * rows];
        for (int i = 0; i < rows; i++) {
            points[2 * i] = from + i;
            points[2 * i + 1] = from + i + 0.5;
        }
        return points;
    }

    @Test
    void aFullBufferKeepsTheNewestSamples() {
        ReplayBuffer buffer = new ReplayBuffer(100, 2, 0.95, new SplittableRandom(1));
        buffer.add(numbered(0, 60), 60);
        assertThat(buffer.size()).isEqualTo(60);
        assertThat(buffer.sample(0)).containsExactly(0, 0.5);
        buffer.add(numbered(60, 190), 190);
        assertThat(buffer.size()).isEqualTo(100);
        for (int i = 0; i < 100; i++) {
            assertThat(buffer.sample(i)).containsExactly(150 + i, 150.5 + i);
        }
        assertThatThrownBy(() -> buffer.sample(100)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    /**
     * Each start comes from the buffer with probability 0.95: over 20 000 starts the count is binomial,
     * with standard error √(n p(1 − p)) ≈ 31. Reused starts are stored samples; the others are fresh.
     */
    @Test
    void theReuseFractionOfStartsComesFromTheBuffer() {
        ReplayBuffer buffer = new ReplayBuffer(500, 2, 0.95, new SplittableRandom(2));
        buffer.add(numbered(0, 500), 500);
        int rows = 20_000;
        double[] starts = new double[2 * rows];
        int reused = buffer.drawStarts(starts, rows, SENTINEL);
        assertThat((double) reused).isCloseTo(0.95 * rows, within(4 * Math.sqrt(rows * 0.95 * 0.05)));
        int fresh = 0;
        Set<Double> used = new HashSet<>();
        for (int i = 0; i < rows; i++) {
            double x = starts[2 * i];
            if (x == -7) {
                fresh++;
                assertThat(starts[2 * i + 1]).isEqualTo(-7);
            } else {
                assertThat(x).isBetween(0.0, 499.0);
                assertThat(starts[2 * i + 1]).isEqualTo(x + 0.5);
                used.add(x);
            }
        }
        assertThat(fresh).isEqualTo(rows - reused);
        // Uniform over the buffer: 19 000 draws from 500 samples miss any one with probability e⁻³⁸.
        assertThat(used).hasSize(500);
    }

    @Test
    void anEmptyBufferOrAZeroFractionStartsEveryChainAfresh() {
        double[] starts = new double[2 * 50];
        assertThat(new ReplayBuffer(10, 2, 1.0, new SplittableRandom(3)).drawStarts(starts, 50, SENTINEL))
                .isZero();
        assertThat(starts).containsOnly(-7);
        ReplayBuffer none = new ReplayBuffer(10, 2, 0.0, new SplittableRandom(3));
        none.add(numbered(0, 10), 10);
        assertThat(none.drawStarts(starts, 50, SENTINEL)).isZero();
    }

    @Test
    void theSeedDecidesTheStarts() {
        List<double[]> draws = new java.util.ArrayList<>();
        for (long seed : new long[] {4, 4, 5}) {
            ReplayBuffer buffer = new ReplayBuffer(100, 2, 0.5, new SplittableRandom(seed));
            buffer.add(numbered(0, 100), 100);
            double[] starts = new double[2 * 200];
            buffer.drawStarts(starts, 200, ReplayBuffer.uniformIn(new Box(-3, 3)));
            draws.add(starts);
        }
        assertThat(draws.get(1)).containsExactly(draws.get(0));
        assertThat(draws.get(2)).isNotEqualTo(draws.get(0));
    }

    /**
     * Persistent chains: restart from the buffer, step, save back. The restarted chains sit exactly at
     * their starts with their energies recomputed, and the buffer grows by one sample per chain up to
     * its capacity.
     */
    @Test
    void chainsRestartFromTheBufferAndSaveBackIntoIt() {
        Box box = new Box(-3, 3);
        GaussianEnergy energy = GaussianEnergy.isotropic(2, 0, 1);
        ReplayBuffer buffer = new ReplayBuffer(300, 2, 0.9, new SplittableRandom(6));
        MarkovChains chains = new MarkovChains(
                energy, SamplingMethod.MALA, 1, 0.05, Nd4j.zeros(128, 2), box, new SplittableRandom(7));
        for (int iteration = 0; iteration < 4; iteration++) {
            int reused = chains.restartFrom(buffer, ReplayBuffer.uniformIn(box));
            if (iteration == 0) {
                assertThat(reused).isZero();
            } else {
                assertThat(reused).isBetween(90, 128);
            }
            assertThat(chains.energies().toDoubleVector())
                    .containsExactly(energy.energy(chains.positions()).toDoubleVector());
            for (int s = 0; s < 10; s++) {
                chains.step();
            }
            chains.saveTo(buffer);
            assertThat(buffer.size()).isEqualTo(Math.min(300, 128 * (iteration + 1)));
        }
        double[] last = new double[256];
        chains.copyPositions(last);
        assertThat(buffer.sample(buffer.size() - 1)).containsExactly(last[254], last[255]);
    }

    @Test
    void badSizesAreRefused() {
        assertThatThrownBy(() -> new ReplayBuffer(0, 2, 0.5, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
        assertThatThrownBy(() -> new ReplayBuffer(10, 2, 1.5, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reuse fraction");
    }
}
