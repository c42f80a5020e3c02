package org.energylab.simulation.backprop;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Minibatches drawn without replacement: each epoch is a fresh random permutation of the points cut
 * into consecutive batches (a last, incomplete batch is skipped). A batch of all the points is the
 * whole data set every step.
 */
final class MinibatchSampler {
    private final int[] order;
    private final int batchSize;
    private final SplittableRandom rng;
    private int position;

    MinibatchSampler(int size, int batchSize, SplittableRandom rng) {
        if (batchSize < 1 || batchSize > size) {
            throw new IllegalArgumentException("batch size must be between 1 and " + size);
        }
        this.order = new int[size];
        Arrays.setAll(order, i -> i);
        this.batchSize = batchSize;
        this.rng = rng;
        this.position = size;
    }

    /** The indices of the next batch. */
    int[] next() {
        if (batchSize == order.length) {
            return order;
        }
        if (position + batchSize > order.length) {
            shuffle();
            position = 0;
        }
        int[] batch = Arrays.copyOfRange(order, position, position + batchSize);
        position += batchSize;
        return batch;
    }

    /** Fisher–Yates. */
    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
