package org.energylab.simulation;

/** The kinds of value a simulation parameter can take. */
public enum ParameterType {
    NUMBER,
    INTEGER,
    CHOICE
}
