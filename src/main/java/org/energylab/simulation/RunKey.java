package org.energylab.simulation;

/**
 * What determines a run's numbers: the simulation, its validated parameters (canonical values in
 * schema order) and the seed. Two runs with equal keys give identical results.
 */
record RunKey(String simulation, Parameters parameters, long seed) {}
