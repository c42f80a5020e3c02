package org.energylab.simulation.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Where each layer's parameters sit in one flat row of P values: W_1 (row by row), b_1, W_2, b_2, …
 * The parameters and their gradients share this layout, so an optimiser sweeps both as one array.
 */
final class ParameterLayout {
    private final int[] sizes;
    private final int[] weightOffsets;
    private final int[] biasOffsets;
    private final int count;

    ParameterLayout(int[] sizes) {
        this.sizes = sizes.clone();
        int layers = sizes.length - 1;
        weightOffsets = new int[layers + 1];
        biasOffsets = new int[layers + 1];
        long offset = 0;
        for (int k = 1; k <= layers; k++) {
            weightOffsets[k] = (int) offset;
            offset += (long) sizes[k - 1] * sizes[k];
            biasOffsets[k] = (int) offset;
            offset += sizes[k];
        }
        if (offset > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("a network of " + offset + " parameters is too large");
        }
        count = (int) offset;
    }

    int count() {
        return count;
    }

    /** W_k, in × out, a view of the flat 1 × P row. */
    INDArray weightView(INDArray flat, int k) {
        int length = sizes[k - 1] * sizes[k];
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(weightOffsets[k], weightOffsets[k] + length))
                .reshape('c', sizes[k - 1], sizes[k]);
    }

    /** b_k, 1 × out, a view of the flat 1 × P row. */
    INDArray biasView(INDArray flat, int k) {
        return flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(biasOffsets[k], biasOffsets[k] + sizes[k]))
                .reshape('c', 1, sizes[k]);
    }

    int weightOffset(int k) {
        return weightOffsets[k];
    }

    int biasOffset(int k) {
        return biasOffsets[k];
    }
}
