package org.energylab.simulation;

/** One allowed value of a choice parameter, with the label a learner reads. */
public record Choice(String value, String label) {}
