package org.energylab.simulation.ebm;

import java.util.function.DoublePredicate;

/**
 * The Gibbs–Boltzmann distribution over y on a grid: P(y_i | x) = exp(−βF_i) / (Δy Σ_j exp(−βF_j)),
 * a density whose rectangle-rule integral Σ_i P_i Δy is 1. The normaliser is over y only. It is
 * computed as in a log-sum-exp, after shifting −βF by its maximum, so that a large β can neither
 * overflow nor underflow every term.
 */
final class GibbsSlice {
    private GibbsSlice() {}

    static double[] density(double[] energies, double beta, double step) {
        // Shift by the largest −βF before exponentiating: every term is then at most 1.
        double max = Double.NEGATIVE_INFINITY;
        for (double f : energies) {
            max = Math.max(max, -beta * f);
        }
        double[] density = new double[energies.length];
        double sum = 0;
        for (int i = 0; i < energies.length; i++) {
            density[i] = Math.exp(-beta * energies[i] - max);
            sum += density[i];
        }
        double normaliser = sum * step;
        for (int i = 0; i < density.length; i++) {
            density[i] /= normaliser;
        }
        return density;
    }

    /** Σ P_i Δy over the grid points where the condition holds. */
    static double mass(double[] ys, double[] density, double step, DoublePredicate where) {
        double mass = 0;
        for (int i = 0; i < ys.length; i++) {
            if (where.test(ys[i])) {
                mass += density[i] * step;
            }
        }
        return mass;
    }
}
