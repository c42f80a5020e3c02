package org.energylab.simulation.diffusion;

import org.energylab.simulation.ChoiceOption;

/**
 * The variance schedules β₁ … β_T of a diffusion model, and the cumulative signal fraction
 * ᾱ_t = Π_{s ≤ t} (1 − β_s) that forward noising q(y_t | y₀) = N(√ᾱ_t y₀, (1 − ᾱ_t) I) uses.
 */
enum NoiseSchedule implements ChoiceOption {
    /**
     * Ho et al. (2020): β evenly spaced from 10⁻⁴ to 0.02 over T = 1000 steps. For other T both ends
     * are scaled by 1000/T, as in improved DDPM, so that Σβ and hence ᾱ_T stay about the same.
     */
    LINEAR("linear", "linear (Ho et al. 2020)") {
        @Override
        double[] betas(int steps) {
            double scale = 1000.0 / steps;
            double first = LINEAR_FIRST * scale;
            double last = LINEAR_LAST * scale;
            double[] betas = new double[steps];
            for (int s = 1; s <= steps; s++) {
                double beta = steps == 1 ? first : first + (last - first) * (s - 1) / (steps - 1);
                betas[s - 1] = Math.min(beta, MAX_BETA);
            }
            return betas;
        }
    },
    /**
     * Nichol and Dhariwal (2021): ᾱ follows f(t)/f(0) with f(t) = cos²(((t/T) + s)/(1 + s) · π/2),
     * s = 0.008; β_t = 1 − ᾱ_t/ᾱ_{t−1}, clipped at 0.999 so that the last steps do not destroy the
     * signal in one go.
     */
    COSINE("cosine", "cosine (Nichol & Dhariwal 2021)") {
        @Override
        double[] betas(int steps) {
            double[] betas = new double[steps];
            for (int s = 1; s <= steps; s++) {
                betas[s - 1] = Math.min(1 - cosineF(s, steps) / cosineF(s - 1, steps), MAX_BETA);
            }
            return betas;
        }
    };

    static final double LINEAR_FIRST = 1e-4;
    static final double LINEAR_LAST = 0.02;
    /** Largest β of any step (for the linear schedule it only binds when T < 20). */
    static final double MAX_BETA = 0.999;
    /** The offset s of the cosine schedule, which keeps β₁ from being vanishingly small. */
    static final double COSINE_OFFSET = 0.008;

    private final String id;
    private final String label;

    NoiseSchedule(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** β₁ … β_T, stored at indices 0 … T − 1. */
    abstract double[] betas(int steps);

    /** ᾱ₁ … ᾱ_T, stored at indices 0 … T − 1: the running product of 1 − β. */
    double[] alphaBars(int steps) {
        double[] betas = betas(steps);
        double[] alphaBars = new double[steps];
        double product = 1;
        for (int s = 0; s < steps; s++) {
            product *= 1 - betas[s];
            alphaBars[s] = product;
        }
        return alphaBars;
    }

    /** f(t) = cos²(((t/T) + s)/(1 + s) · π/2) of the cosine schedule. */
    static double cosineF(int t, int steps) {
        double c = Math.cos(((double) t / steps + COSINE_OFFSET) / (1 + COSINE_OFFSET) * Math.PI / 2);
        return c * c;
    }

    /** Signal-to-noise ratio of y_t = √ᾱ y₀ + √(1 − ᾱ) ε: ᾱ/(1 − ᾱ). */
    static double snr(double alphaBar) {
        return alphaBar / (1 - alphaBar);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }
}
