package org.energylab.simulation.regularized;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.energylab.simulation.Parameters;

/**
 * The values of a method's capacity knob that a run fits, in order of growing capacity: every
 * number of PCA components, a ladder of K for K-means, a ladder of L1 weights for sparse coding
 * (capacity grows as the weight falls). The learner's own value is always one of them, so the run's
 * scalars are a point of its curve.
 */
record CapacitySweep(RegularizationMethod method, List<Double> knobs, double chosen) {
    static final int[] CLUSTER_LADDER = {1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64};
    static final double[] SPARSITY_LADDER = {10, 3, 1, 0.3, 0.1, 0.03, 0.01, 0.003, 0.001};

    static CapacitySweep of(Parameters p) {
        RegularizationMethod method = p.choice("method", RegularizationMethod.class);
        TreeSet<Double> knobs = new TreeSet<>();
        double chosen;
        switch (method) {
            case PCA -> {
                chosen = p.integer("components");
                for (int k = 0; k <= 2; k++) {
                    knobs.add((double) k);
                }
            }
            case KMEANS -> {
                chosen = p.integer("clusters");
                for (int k : CLUSTER_LADDER) {
                    knobs.add((double) k);
                }
            }
            default -> {
                chosen = p.number("sparsity");
                for (double lambda : SPARSITY_LADDER) {
                    knobs.add(lambda);
                }
            }
        }
        knobs.add(chosen);
        List<Double> ordered =
                method == RegularizationMethod.SPARSE_CODING ? List.copyOf(knobs.descendingSet()) : List.copyOf(knobs);
        return new CapacitySweep(method, ordered, chosen);
    }

    /**
     * The model of this method with this knob, fitted to {@code points}. Its random start depends on
     * the seed and the knob alone, so the learner's value gives the same model inside the sweep as
     * on its own.
     */
    ReconstructionEnergy fit(double[][] points, double knob, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * Double.doubleToLongBits(knob)));
        return switch (method) {
            case PCA -> PrincipalSubspace.fit(points, (int) knob);
            case KMEANS -> KMeans.fit(points, (int) knob, random);
            case SPARSE_CODING -> SparseCoding.fit(points, knob, random);
        };
    }

    /** Where the knob sits on the capacity axis: k, K, or log₁₀(1/λ). */
    double capacity(double knob) {
        return method == RegularizationMethod.SPARSE_CODING ? Math.log10(1 / knob) : knob;
    }

    /** Codes tried per point when evaluating F at this knob: the cost of one energy. */
    double codesPerPoint(double knob) {
        return switch (method) {
            case PCA -> 1;
            case KMEANS -> knob;
            case SPARSE_CODING -> SparseCoding.CANDIDATES;
        };
    }
}
