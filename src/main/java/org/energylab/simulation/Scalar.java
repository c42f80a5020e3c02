package org.energylab.simulation;

/**
 * A named result number. When a value cannot be measured (too few swings for a period, say), {@code
 * value} is null and {@code note} says why, instead of a NaN that explains nothing. A non-finite
 * value (a run that overflowed or diverged) is turned into exactly that: no value, and a note.
 */
public record Scalar(String label, Double value, String unit, String note) {
    /** The note of a value that came out NaN or infinite, when the simulation gave no reason of its own. */
    public static final String NOT_FINITE = "The run produced no finite value here: its numbers overflowed or"
            + " diverged (a smaller time step or milder settings usually help).";

    public static Scalar of(String label, double value, String unit) {
        return new Scalar(label, value, unit, "");
    }

    public static Scalar unavailable(String label, String unit, String reason) {
        return new Scalar(label, null, unit, reason);
    }

    public Scalar {
        unit = unit == null ? "" : unit;
        note = note == null ? "" : note;
        if (value != null && !Double.isFinite(value)) {
            // A note written for a measured value (a caveat about its accuracy) no longer applies.
            value = null;
            note = NOT_FINITE;
        }
    }

    public boolean available() {
        return value != null;
    }
}
