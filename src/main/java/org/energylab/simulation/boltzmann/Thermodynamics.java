package org.energylab.simulation.boltzmann;

/**
 * Equilibrium quantities of a Boltzmann distribution at several inverse temperatures, index by
 * index: ln Z, the free energy F = −(1/β) ln Z, the mean energy ⟨E⟩, the entropy S = β(⟨E⟩ − F) in
 * units of k_B, and the mean position ⟨y⟩.
 */
record Thermodynamics(
        double[] beta,
        double[] logPartitionFunction,
        double[] freeEnergy,
        double[] meanEnergy,
        double[] entropy,
        double[] meanPosition) {}
