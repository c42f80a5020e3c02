package org.energylab.exercise;

/** The outcome of checking one answer: right or not, and what to tell the learner. */
public record Grade(boolean correct, String feedback) {
    public static Grade right(String feedback) {
        return new Grade(true, feedback);
    }

    public static Grade wrong(String feedback) {
        return new Grade(false, feedback);
    }
}
