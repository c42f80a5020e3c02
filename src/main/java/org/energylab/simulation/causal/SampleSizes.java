package org.energylab.simulation.causal;

import java.util.Arrays;

/** Sample sizes spread evenly on a logarithmic axis, for curves of an estimate against n. */
final class SampleSizes {
    private SampleSizes() {}

    /**
     * About {@code count} whole numbers from {@code first} to {@code last}, both included, evenly spaced
     * in log n, without repeats (so fewer when the range is short).
     */
    static int[] geometric(int first, int last, int count) {
        if (first < 1 || last < first || count < 2) {
            throw new IllegalArgumentException("sample sizes need 1 ≤ first ≤ last and at least two points");
        }
        int[] sizes = new int[count];
        double ratio = Math.log((double) last / first) / (count - 1);
        for (int k = 0; k < count; k++) {
            sizes[k] = (int) Math.round(first * Math.exp(ratio * k));
        }
        sizes[0] = first;
        sizes[count - 1] = last;
        return Arrays.stream(sizes).distinct().sorted().toArray();
    }
}
