package org.energylab.simulation.boltzmann;

import java.util.Arrays;
import java.util.List;
import org.energylab.simulation.Choice;

/** The Markov chains of lesson 2.3, each leaving exp(−βE) invariant exactly or, for unadjusted Langevin, nearly. */
enum SamplingMethod {
    /** Random-walk Metropolis: propose y' = y + s·ξ, accept with probability min(1, exp(−β(E' − E))). */
    METROPOLIS("metropolis", "Metropolis (random walk)"),
    /** Unadjusted Langevin: y ← y − η∇E(y) + √(2η/β)·ξ, every move accepted, biased by O(η). */
    LANGEVIN("langevin", "Langevin (unadjusted)"),
    /** Metropolis-adjusted Langevin: the Langevin move as a proposal, with a Metropolis–Hastings correction. */
    MALA("mala", "MALA (Metropolis-adjusted Langevin)");

    private final String id;
    private final String label;

    SamplingMethod(String id, String label) {
        this.id = id;
        this.label = label;
    }

    String id() {
        return id;
    }

    /** Whether the method accepts or rejects proposals, so that it has an acceptance rate. */
    boolean rejects() {
        return this != LANGEVIN;
    }

    static SamplingMethod byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst().orElseThrow();
    }

    static List<Choice> choices() {
        return Arrays.stream(values()).map(m -> new Choice(m.id, m.label)).toList();
    }
}
