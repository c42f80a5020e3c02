package org.energylab.exercise;

import java.time.Instant;

/**
 * One graded try at an exercise, as stored.
 *
 * @param answer the answer's {@link Answer#text()}, null when the learner checked without answering
 */
public record Attempt(Instant at, String answer, boolean correct, String feedback) {
    public Attempt {
        if (at == null || feedback == null) {
            throw new IllegalArgumentException("An attempt needs a time and feedback");
        }
    }
}
