package org.energylab.exercise;

/** A number to enter, right within an absolute tolerance, in a stated unit. */
public record NumericExercise(
        String id, String prompt, double answer, double tolerance, String unit, String hint, String explanation)
        implements Exercise {

    public NumericExercise {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive");
        }
        unit = unit == null ? "" : unit;
    }

    /** Grades typed text; a decimal comma is accepted, anything else that is not a number is refused. */
    public Grade grade(String text) {
        if (text == null || text.isBlank()) {
            return Grade.wrong("Enter a number first.");
        }
        double value;
        try {
            value = Double.parseDouble(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Grade.wrong("\"" + text.trim() + "\" is not a number. Enter digits only, like 3.7"
                    + (unit.isEmpty() ? "" : ", without the unit") + ".");
        }
        if (!Double.isFinite(value)) {
            return Grade.wrong("Enter a finite number.");
        }
        if (Math.abs(value - answer) <= tolerance) {
            return Grade.right("Correct.");
        }
        return Grade.wrong(value < answer ? "Too low." : "Too high.");
    }
}
