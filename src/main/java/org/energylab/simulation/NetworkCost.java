package org.energylab.simulation;

/** Sizes of a fully connected network in → width (× depth) → out, for the cost models that train one. */
public final class NetworkCost {
    private NetworkCost() {}

    /** Multiply-adds of one row's forward pass. */
    public static double multiplyAdds(int inputs, int width, int depth, int outputs) {
        return (double) width * (inputs + (double) width * (depth - 1) + outputs);
    }

    /** Weights and biases. */
    public static long parameters(int inputs, int width, int depth, int outputs) {
        return (long) Math.ceil(multiplyAdds(inputs, width, depth, outputs)) + (long) depth * width + outputs;
    }

    /**
     * Bytes of training on {@code rows} rows at once, in doubles: activations, pre-activations and
     * multipliers of every layer with room for one operation's temporaries (four copies), and the
     * parameters with their gradients and two Adam moments.
     */
    public static long trainingBytes(long rows, int inputs, int width, int depth, int outputs) {
        long units = inputs + (long) depth * width + outputs;
        return Double.BYTES * (4 * rows * units + 4 * parameters(inputs, width, depth, outputs));
    }
}
