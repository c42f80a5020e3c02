package org.energylab.simulation.sampling;

import java.util.SplittableRandom;

/**
 * A fixed-capacity store of past samples from which new chains restart, as in contrastive divergence
 * with persistent chains (Du and Mordatch's replay buffer): each new chain starts from a sample drawn
 * uniformly from the buffer with probability {@code reuseFraction}, and afresh otherwise (from noise,
 * say), so that the chains keep mixing over many training steps while fresh starts keep exploring.
 * When full, the buffer overwrites its oldest samples first.
 *
 * <p>The buffer has its own {@link SplittableRandom}, so restarts do not disturb the sampler's random
 * stream. Samples are kept in plain Java (restarts happen once per training step, not per chain step).
 */
public final class ReplayBuffer {
    /** Draws one fresh starting point into {@code point} (of the buffer's dimension). */
    @FunctionalInterface
    public interface FreshStart {
        void draw(SplittableRandom random, double[] point);
    }

    private final int capacity;
    private final int dimension;
    private final double reuseFraction;
    private final SplittableRandom random;
    private final double[] samples;
    private final double[] point;
    private int size;
    /** Where the next sample goes: the oldest one once the buffer is full. */
    private int next;

    public ReplayBuffer(int capacity, int dimension, double reuseFraction, SplittableRandom random) {
        if (capacity < 1 || dimension < 1) {
            throw new IllegalArgumentException(
                    "a replay buffer needs capacity and dimension ≥ 1, not " + capacity + ", " + dimension);
        }
        if (!(reuseFraction >= 0 && reuseFraction <= 1)) {
            throw new IllegalArgumentException("the reuse fraction must lie in [0, 1], not " + reuseFraction);
        }
        if ((long) capacity * dimension > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a replay buffer of " + capacity + " × " + dimension + " is too large");
        }
        this.capacity = capacity;
        this.dimension = dimension;
        this.reuseFraction = reuseFraction;
        this.random = random;
        this.samples = new double[capacity * dimension];
        this.point = new double[dimension];
    }

    public int capacity() {
        return capacity;
    }

    public int dimension() {
        return dimension;
    }

    public double reuseFraction() {
        return reuseFraction;
    }

    /** How many samples the buffer holds, at most its capacity. */
    public int size() {
        return size;
    }

    /** Adds {@code rows} points, given row by row in {@code points}, overwriting the oldest when full. */
    public void add(double[] points, int rows) {
        if (rows < 0 || (long) rows * dimension > points.length) {
            throw new IllegalArgumentException("expected " + rows + " rows of " + dimension + " coordinates");
        }
        for (int i = 0; i < rows; i++) {
            System.arraycopy(points, i * dimension, samples, next * dimension, dimension);
            next = (next + 1) % capacity;
            size = Math.min(size + 1, capacity);
        }
    }

    /** A copy of the i-th stored sample (0 is the oldest still held once the buffer has wrapped). */
    public double[] sample(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("sample " + i + " of " + size);
        }
        int slot = size < capacity ? i : (next + i) % capacity;
        double[] copy = new double[dimension];
        System.arraycopy(samples, slot * dimension, copy, 0, dimension);
        return copy;
    }

    /**
     * Writes {@code rows} starting points into {@code target}, row by row: each from a uniformly chosen
     * stored sample with probability {@link #reuseFraction()} (never while the buffer is empty), else
     * from {@code fresh}. Returns how many came from the buffer.
     */
    public int drawStarts(double[] target, int rows, FreshStart fresh) {
        if (rows < 0 || (long) rows * dimension > target.length) {
            throw new IllegalArgumentException("the target holds fewer than " + rows + " rows of " + dimension);
        }
        int reused = 0;
        for (int i = 0; i < rows; i++) {
            if (size > 0 && random.nextDouble() < reuseFraction) {
                System.arraycopy(samples, random.nextInt(size) * dimension, target, i * dimension, dimension);
                reused++;
            } else {
                fresh.draw(random, point);
                System.arraycopy(point, 0, target, i * dimension, dimension);
            }
        }
        return reused;
    }

    /** Fresh starts drawn uniformly from a box, a usual choice for an energy-based model's negatives. */
    public static FreshStart uniformIn(Box box) {
        return (random, p) -> {
            for (int j = 0; j < p.length; j++) {
                p[j] = box.min() + box.length() * random.nextDouble();
            }
        };
    }
}
