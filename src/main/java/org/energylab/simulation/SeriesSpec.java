package org.energylab.simulation;

/** A series a simulation produces: its name, legend label, and what each axis measures. */
public record SeriesSpec(String name, String label, Axis x, Axis y) {}
