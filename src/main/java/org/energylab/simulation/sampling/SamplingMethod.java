package org.energylab.simulation.sampling;

import org.energylab.simulation.ChoiceOption;

/**
 * The Markov chains that sample P(x) ∝ exp(−βE(x)) from the energy and its gradient alone, each
 * leaving that density invariant exactly or, for unadjusted Langevin, nearly.
 */
public enum SamplingMethod implements ChoiceOption {
    /** Random-walk Metropolis: propose x' = x + s·ξ, accept with probability min(1, exp(−β(E' − E))). */
    METROPOLIS("metropolis", "Metropolis (random walk)"),
    /** Unadjusted Langevin: x ← x − η∇E(x) + √(2η/β)·ξ, every move accepted, biased by O(η). */
    LANGEVIN("langevin", "Langevin (unadjusted)"),
    /** Metropolis-adjusted Langevin: the Langevin move as a proposal, with a Metropolis–Hastings correction. */
    MALA("mala", "MALA (Metropolis-adjusted Langevin)");

    private final String id;
    private final String label;

    SamplingMethod(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public String id() {
        return id;
    }

    /** Whether the method accepts or rejects proposals, so that it has an acceptance rate. */
    public boolean rejects() {
        return this != LANGEVIN;
    }

    @Override
    public String label() {
        return label;
    }
}
