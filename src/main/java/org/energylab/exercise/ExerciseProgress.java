package org.energylab.exercise;

/**
 * Where a learner stands on one exercise: how many tries, whether it is solved, and the last answer
 * and feedback. Decides what the page shows: a hint after a wrong try, and the worked explanation
 * after a correct answer or {@value Exercise#TRIES_BEFORE_EXPLANATION} tries.
 *
 * @param lastAnswer the last {@link Answer#text()}, or null
 * @param lastFeedback the last feedback, empty before the first try
 */
public record ExerciseProgress(int tries, boolean solved, String lastAnswer, String lastFeedback) {
    public static final ExerciseProgress NOT_TRIED = new ExerciseProgress(0, false, null, "");

    public ExerciseProgress {
        if (tries < 0) {
            throw new IllegalArgumentException("tries must not be negative");
        }
        lastFeedback = lastFeedback == null ? "" : lastFeedback;
    }

    /** The progress after one more graded try; a solved exercise takes no more tries. */
    public ExerciseProgress after(Attempt attempt) {
        if (solved) {
            return this;
        }
        return new ExerciseProgress(tries + 1, attempt.correct(), attempt.answer(), attempt.feedback());
    }

    public boolean explanationShown() {
        return solved || tries >= Exercise.TRIES_BEFORE_EXPLANATION;
    }

    public boolean hintShown() {
        return tries > 0 && !explanationShown();
    }
}
