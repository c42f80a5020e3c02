package org.energylab.simulation;

/** What an axis of a result shows: a quantity and its unit (empty for dimensionless). */
public record Axis(String label, String unit) {
    public Axis {
        unit = unit == null ? "" : unit;
    }

    /** The title a chart puts on this axis, e.g. "time (s)". */
    public String title() {
        return unit.isEmpty() ? label : label + " (" + unit + ")";
    }
}
