package org.energylab.simulation;

/**
 * A series a simulation produces: its name, legend label, what each axis measures, and whether it
 * is drawn as separate points (a cloud of ensemble members) rather than a curve.
 */
public record SeriesSpec(String name, String label, Axis x, Axis y, boolean points) {

    public SeriesSpec(String name, String label, Axis x, Axis y) {
        this(name, label, x, y, false);
    }

    /** The same series, drawn as points. */
    public SeriesSpec asPoints() {
        return new SeriesSpec(name, label, x, y, true);
    }
}
