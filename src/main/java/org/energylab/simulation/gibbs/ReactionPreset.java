package org.energylab.simulation.gibbs;

import java.util.Arrays;
import java.util.List;
import org.energylab.simulation.Choice;

/** Textbook reactions with their standard ΔH° (kJ/mol) and ΔS° (J/(mol·K)) at 298.15 K, and the custom one. */
enum ReactionPreset {
    LIMESTONE("limestone", "CaCO₃ → CaO + CO₂ (lime kiln)", 178.3, 160.5),
    AMMONIA("ammonia", "N₂ + 3H₂ → 2NH₃ (Haber–Bosch)", -92.2, -198.7),
    WATER("water", "H₂O(l) → H₂O(g) (boiling water)", 44.0, 118.8),
    CUSTOM("custom", "Custom (set ΔH° and ΔS°)", Double.NaN, Double.NaN);

    private final String id;
    private final String label;
    private final double enthalpy;
    private final double entropy;

    ReactionPreset(String id, String label, double enthalpy, double entropy) {
        this.id = id;
        this.label = label;
        this.enthalpy = enthalpy;
        this.entropy = entropy;
    }

    String id() {
        return id;
    }

    /** The preset's reaction, or the custom values for the custom preset. */
    Reaction reaction(double customEnthalpy, double customEntropy) {
        return this == CUSTOM ? new Reaction(customEnthalpy, customEntropy) : new Reaction(enthalpy, entropy);
    }

    static ReactionPreset byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst().orElseThrow();
    }

    static List<Choice> choices() {
        return Arrays.stream(values()).map(p -> new Choice(p.id, p.label)).toList();
    }
}
