package org.energylab.simulation;

/**
 * A named result number. When a value cannot be measured (too few swings for a period, say), {@code
 * value} is null and {@code note} says why, instead of a NaN that explains nothing.
 */
public record Scalar(String label, Double value, String unit, String note) {

    public static Scalar of(String label, double value, String unit) {
        return new Scalar(label, value, unit, "");
    }

    public static Scalar unavailable(String label, String unit, String reason) {
        return new Scalar(label, null, unit, reason);
    }

    public Scalar {
        unit = unit == null ? "" : unit;
        note = note == null ? "" : note;
    }

    public boolean available() {
        return value != null;
    }
}
