package org.energylab.simulation.ebmtraining;

import java.util.SplittableRandom;
import org.energylab.simulation.energy.NetworkEnergy;
import org.energylab.simulation.sampling.MarkovChains;
import org.energylab.simulation.sampling.ReplayBuffer;
import org.energylab.simulation.sampling.SamplingMethod;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws the negatives of one training step, row by row into an array made once. Langevin negatives
 * run k steps of unadjusted Langevin dynamics on exp(−F) in the plotted square, from uniform points
 * or, with a replay buffer, mostly from where earlier chains ended (95 %, the rest fresh, as in the UvA
 * tutorial), so that short chains add up to long ones over training. {@link #close()} frees the
 * chains' native memory at the end of a run.
 */
final class Negatives implements AutoCloseable {
    /** Standard deviation of the noise that makes perturbed-data negatives. */
    static final double PERTURBATION = 0.3;
    /** Langevin's time step η: each move is −η∇F plus noise of standard deviation √(2η). */
    static final double LANGEVIN_STEP = 0.005;

    static final double REUSE_FRACTION = 0.95;
    static final int BUFFER_CAPACITY = 4096;

    private final NegativeSource source;
    private final int count;
    private final int langevinSteps;
    private final SplittableRandom random;
    private final double[] rows;
    private final MarkovChains chains;
    private final ReplayBuffer buffer;

    Negatives(
            NegativeSource source,
            int count,
            int langevinSteps,
            boolean replay,
            NetworkEnergy energy,
            SplittableRandom random) {
        this.source = source;
        this.count = count;
        this.langevinSteps = langevinSteps;
        this.random = random;
        this.rows = new double[2 * count];
        if (source == NegativeSource.LANGEVIN) {
            chains = langevinChains(energy, PlotDomain.uniformPoints(count, random.split()), random.split());
            buffer = replay ? new ReplayBuffer(BUFFER_CAPACITY, 2, REUSE_FRACTION, random.split()) : null;
        } else {
            chains = null;
            buffer = null;
        }
    }

    /**
     * Unadjusted Langevin chains on exp(−F) in the plotted square, one from each of the points (given
     * row by row); the start array lives only as long as the chains copy it.
     */
    static MarkovChains langevinChains(NetworkEnergy energy, double[] starts, SplittableRandom random) {
        try (INDArray start = Nd4j.create(starts, new long[] {starts.length / 2, 2}, 'c')) {
            return new MarkovChains(energy, SamplingMethod.LANGEVIN, 1, LANGEVIN_STEP, start, PlotDomain.BOX, random);
        }
    }

    int count() {
        return count;
    }

    /** The negatives for this step, given the step's data batch (row by row): read only, valid until the next call. */
    double[] draw(double[] data) {
        switch (source) {
            case UNIFORM -> {
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = PlotDomain.BOX.min() + PlotDomain.BOX.length() * random.nextDouble();
                }
            }
            case PERTURBED_DATA -> {
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = data[i % data.length] + PERTURBATION * random.nextGaussian();
                }
            }
            case LANGEVIN -> langevin();
        }
        return rows;
    }

    private void langevin() {
        ReplayBuffer.FreshStart fresh = ReplayBuffer.uniformIn(PlotDomain.BOX);
        if (buffer != null) {
            chains.restartFrom(buffer, fresh);
        } else {
            double[] point = new double[2];
            for (int i = 0; i < count; i++) {
                fresh.draw(random, point);
                rows[2 * i] = point[0];
                rows[2 * i + 1] = point[1];
            }
            chains.moveTo(rows);
        }
        for (int s = 0; s < langevinSteps; s++) {
            chains.step();
        }
        chains.copyPositions(rows);
        if (buffer != null) {
            buffer.add(rows, count);
        }
    }

    @Override
    public void close() {
        if (chains != null) {
            chains.close();
        }
    }
}
