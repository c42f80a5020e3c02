package org.energylab.simulation.jointembedding;

/** Measures of an embedding: how spread out it is, and how close the views of a point land. */
final class EmbeddingStatistics {
    private EmbeddingStatistics() {}

    /** Total variance, the trace of the covariance: (1/N) Σ_i ‖e_i − ē‖². Zero for a collapsed encoder. */
    static double totalVariance(double[][] embeddings) {
        int n = embeddings.length;
        int dim = embeddings[0].length;
        double total = 0;
        for (int k = 0; k < dim; k++) {
            double mean = 0;
            for (double[] e : embeddings) {
                mean += e[k];
            }
            mean /= n;
            for (double[] e : embeddings) {
                total += (e[k] - mean) * (e[k] - mean);
            }
        }
        return total / n;
    }

    /** The mean of ‖a_i − b_i‖ over rows: for two views of the same points, the mean positive-pair distance. */
    static double meanDistance(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += distance(a[i], b[i]);
        }
        return sum / a.length;
    }

    private static double distance(double[] a, double[] b) {
        double squared = 0;
        for (int k = 0; k < a.length; k++) {
            squared += (a[k] - b[k]) * (a[k] - b[k]);
        }
        return Math.sqrt(squared);
    }
}
