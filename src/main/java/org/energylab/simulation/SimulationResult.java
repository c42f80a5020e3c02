package org.energylab.simulation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a run produces: named scalars, named series and named grids, each in the order the simulation gave. */
public record SimulationResult(Map<String, Scalar> scalars, Map<String, Series> series, Map<String, Grid> grids) {

    public SimulationResult {
        scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        series = Collections.unmodifiableMap(new LinkedHashMap<>(series));
        grids = Collections.unmodifiableMap(new LinkedHashMap<>(grids));
    }

    public Scalar scalar(String name) {
        Scalar scalar = scalars.get(name);
        if (scalar == null) {
            throw new IllegalArgumentException("No scalar named " + name);
        }
        return scalar;
    }

    public Series series(String name) {
        Series s = series.get(name);
        if (s == null) {
            throw new IllegalArgumentException("No series named " + name);
        }
        return s;
    }
}
