package org.energylab.exercise;

import java.time.Instant;

/**
 * One graded try at an exercise, as stored.
 *
 * @param answer the answer's {@link Answer#text()}, null when the learner checked without answering
 * @param run the simulation run the attempt was graded from, null for other answers
 */
public record Attempt(Instant at, String answer, boolean correct, String feedback, GradedRun run) {
    public Attempt {
        if (at == null || feedback == null) {
            throw new IllegalArgumentException("An attempt needs a time and feedback");
        }
    }

    /** An attempt not graded from a run. */
    public Attempt(Instant at, String answer, boolean correct, String feedback) {
        this(at, answer, correct, feedback, null);
    }
}
