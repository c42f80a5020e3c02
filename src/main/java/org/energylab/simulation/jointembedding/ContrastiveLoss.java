package org.energylab.simulation.jointembedding;

/**
 * The loss of a batch of B positive pairs of embeddings (e_i, e'_i), two views of the same point:
 *
 * <pre>
 * C = (1/B) Σ_i ‖e_i − e'_i‖²  +  (1/(B(B−1))) Σ_{i≠j} max(0, m − ‖e_i − e'_j‖)²
 * </pre>
 *
 * The first term pulls the views of a point together; the second, the margin loss of Hadsell,
 * Chopra and LeCun (2006), pushes the views of different points in the batch (the negatives) apart
 * until they are at least m apart. Without negatives only the first term remains, and a constant
 * encoder minimises it.
 */
final class ContrastiveLoss {
    private final boolean negatives;
    private final double margin;

    private ContrastiveLoss(boolean negatives, double margin) {
        this.negatives = negatives;
        this.margin = margin;
    }

    /** Only the positive term: C = (1/B) Σ ‖e_i − e'_i‖². */
    static ContrastiveLoss positivesOnly() {
        return new ContrastiveLoss(false, 0);
    }

    /** Positive term plus margin loss on every in-batch negative pair (e_i, e'_j), i ≠ j. */
    static ContrastiveLoss withMargin(double margin) {
        return new ContrastiveLoss(true, margin);
    }

    /** The loss and its gradients ∂C/∂e_i (first) and ∂C/∂e'_i (second), each B × d. */
    record Evaluation(double loss, double[][] gradientFirst, double[][] gradientSecond) {}

    Evaluation evaluate(double[][] first, double[][] second) {
        int batch = first.length;
        int dim = first[0].length;
        double[][] gradFirst = new double[batch][dim];
        double[][] gradSecond = new double[batch][dim];
        double loss = 0;

        // Positive pairs: ∂/∂e_i of (1/B)‖e_i − e'_i‖² is (2/B)(e_i − e'_i), and minus that for e'_i.
        for (int i = 0; i < batch; i++) {
            for (int k = 0; k < dim; k++) {
                double delta = first[i][k] - second[i][k];
                loss += delta * delta / batch;
                gradFirst[i][k] += 2 * delta / batch;
                gradSecond[i][k] -= 2 * delta / batch;
            }
        }
        if (!negatives || batch < 2) {
            return new Evaluation(loss, gradFirst, gradSecond);
        }

        // Negative pairs closer than the margin: with d = ‖e_i − e'_j‖ and h = m − d > 0,
        // ∂(h²)/∂e_i = −2h (e_i − e'_j)/d and ∂(h²)/∂e'_j = +2h (e_i − e'_j)/d.
        double weight = 1.0 / ((double) batch * (batch - 1));
        double[] delta = new double[dim];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                if (i == j) {
                    continue;
                }
                double squared = 0;
                for (int k = 0; k < dim; k++) {
                    delta[k] = first[i][k] - second[j][k];
                    squared += delta[k] * delta[k];
                }
                double distance = Math.sqrt(squared);
                double shortfall = margin - distance;
                if (shortfall <= 0) {
                    continue;
                }
                loss += weight * shortfall * shortfall;
                if (distance == 0) {
                    // No direction to push in; the subgradient 0 is a valid choice.
                    continue;
                }
                double scale = 2 * weight * shortfall / distance;
                for (int k = 0; k < dim; k++) {
                    gradFirst[i][k] -= scale * delta[k];
                    gradSecond[j][k] += scale * delta[k];
                }
            }
        }
        return new Evaluation(loss, gradFirst, gradSecond);
    }
}
