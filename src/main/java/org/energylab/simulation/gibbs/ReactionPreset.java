package org.energylab.simulation.gibbs;

import org.energylab.simulation.ChoiceOption;

/** Textbook reactions with their standard ΔH° (kJ/mol) and ΔS° (J/(mol·K)) at 298.15 K, and the custom one. */
enum ReactionPreset implements ChoiceOption {
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

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    /** The preset's reaction, or the custom values for the custom preset. */
    Reaction reaction(double customEnthalpy, double customEntropy) {
        return this == CUSTOM ? new Reaction(customEnthalpy, customEntropy) : new Reaction(enthalpy, entropy);
    }
}
