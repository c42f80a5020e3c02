package org.energylab.simulation.ebmtraining;

import org.energylab.simulation.ChoiceOption;

/**
 * The losses of lesson 5.2, after the table of LeCun et al. (2006), "A Tutorial on Energy-Based
 * Learning". The contrastive ones are functions of the energies of a batch: b data points y_i in rows
 * 0..b−1 and m negatives ŷ in rows b..b+m−1 (for the pairwise losses, m = b and ŷ_i goes with y_i).
 * Each writes ∂L/∂F for every row, the gradient the network's backward sweep starts from, and returns
 * L. Score matching does not use negatives at all: it is trained by its own step.
 */
enum EnergyLoss implements ChoiceOption {
    /** max(0, m + F(y) − F(ŷ)): pushes F(y) down and F(ŷ) up until ŷ is at least m higher, then nothing. */
    HINGE("hinge", "hinge (margin)") {
        @Override
        double apply(double[] f, int b, int m, double[] g) {
            checkPairs(b, m);
            double loss = 0;
            for (int i = 0; i < b; i++) {
                double excess = MARGIN + f[i] - f[b + i];
                boolean active = excess > 0;
                loss += active ? excess : 0;
                g[i] = active ? 1.0 / b : 0;
                g[b + i] = active ? -1.0 / b : 0;
            }
            return loss / b;
        }
    },
    /** F(y)² + max(0, m − F(ŷ))²: pushes F(y) to 0 and F(ŷ) up to at least m. */
    SQUARE_SQUARE("square-square", "square-square") {
        @Override
        double apply(double[] f, int b, int m, double[] g) {
            checkPairs(b, m);
            double loss = 0;
            for (int i = 0; i < b; i++) {
                double shortfall = Math.max(0, MARGIN - f[b + i]);
                loss += f[i] * f[i] + shortfall * shortfall;
                g[i] = 2 * f[i] / b;
                g[b + i] = -2 * shortfall / b;
            }
            return loss / b;
        }
    },
    /**
     * The negative log-likelihood over the data point and a set of m negatives shared by the batch
     * (InfoNCE): F(y) + log(e^{−F(y)} + Σ_j e^{−F(ŷ_j)}), plus α F(y)² to fix the free constant.
     */
    NLL("nll", "negative log-likelihood (InfoNCE)") {
        @Override
        double apply(double[] f, int b, int m, double[] g) {
            // The shared negatives' log-sum-exp of −F, from the largest term so nothing overflows.
            double top = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                top = Math.max(top, -f[b + j]);
            }
            double negativeSum = 0;
            for (int j = 0; j < m; j++) {
                negativeSum += Math.exp(-f[b + j] - top);
                g[b + j] = 0;
            }
            double loss = 0;
            for (int i = 0; i < b; i++) {
                double shift = Math.max(top, -f[i]);
                double own = Math.exp(-f[i] - shift);
                double others = negativeSum * Math.exp(top - shift);
                double z = own + others;
                loss += f[i] + Math.log(z) + shift + NLL_ANCHOR * f[i] * f[i];
                // ∂/∂F(y_i) = 1 − P(y_i) + 2αF(y_i); ∂/∂F(ŷ_j) = −Σ_i P_i(ŷ_j), with P the softmax of −F.
                g[i] = (1 - own / z + 2 * NLL_ANCHOR * f[i]) / b;
                for (int j = 0; j < m; j++) {
                    g[b + j] -= Math.exp(-f[b + j] - shift) / z / b;
                }
            }
            return loss / b;
        }
    },
    /**
     * Contrastive divergence: mean F(y) − mean F(ŷ) with the negatives drawn from the model itself
     * (Langevin), plus α(mean F(y)² + mean F(ŷ)²) to keep the energies near 0, as in the UvA tutorial.
     */
    CONTRASTIVE_DIVERGENCE("contrastive-divergence", "contrastive divergence") {
        @Override
        double apply(double[] f, int b, int m, double[] g) {
            double data = 0;
            double negatives = 0;
            double squares = 0;
            for (int i = 0; i < b; i++) {
                data += f[i];
                squares += f[i] * f[i] / b;
                g[i] = (1 + 2 * CD_REGULARISER * f[i]) / b;
            }
            for (int j = 0; j < m; j++) {
                negatives += f[b + j];
                squares += f[b + j] * f[b + j] / m;
                g[b + j] = (-1 + 2 * CD_REGULARISER * f[b + j]) / m;
            }
            return data / b - negatives / m + CD_REGULARISER * squares;
        }
    },
    /**
     * Denoising score matching: ‖∇F(ỹ) − (ỹ − y)/σ²‖² σ² with ỹ = y + σξ, so that −∇F learns the score
     * of the noised data. No negatives: trained by {@link ScoreMatchingStep}.
     */
    SCORE_MATCHING("score-matching", "denoising score matching") {
        @Override
        double apply(double[] f, int b, int m, double[] g) {
            throw new UnsupportedOperationException("score matching uses no negatives");
        }
    };

    /** The margin m of the hinge and square-square losses. */
    static final double MARGIN = 1;
    /** α of contrastive divergence's energy regulariser (0.1 in the UvA tutorial). */
    static final double CD_REGULARISER = 0.01;
    /** α of the term that holds the data's energy near 0 under the NLL, which ignores a constant. */
    static final double NLL_ANCHOR = 0.01;

    private final String id;
    private final String label;

    EnergyLoss(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether the loss pairs each data point with one negative (hinge and square-square). */
    boolean pairwise() {
        return this == HINGE || this == SQUARE_SQUARE;
    }

    /** The loss of the batch; writes ∂L/∂F of every row into {@code g}. */
    abstract double apply(double[] f, int b, int m, double[] g);

    private static void checkPairs(int b, int m) {
        if (b != m) {
            throw new IllegalArgumentException("a pairwise loss needs one negative per data point");
        }
    }
}
