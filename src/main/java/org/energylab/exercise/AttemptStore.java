package org.energylab.exercise;

import org.energylab.learner.Learner;

/**
 * Where attempts are kept, per learner, lesson and exercise. Implementations must be safe to call
 * from several threads (the browser and the API answer at the same time).
 */
public interface AttemptStore {

    /** The learner's progress on one exercise, {@link ExerciseProgress#NOT_TRIED} if none. */
    ExerciseProgress progress(Learner learner, String lessonId, String exerciseId);

    /** Keeps one more attempt, with the run it was graded from if any. */
    void add(Learner learner, String lessonId, String exerciseId, Attempt attempt);

    /** Tries and outcome of every exercise the learner has tried, in any lesson. */
    java.util.List<Tally> tallies(Learner learner);

    /** The run behind the learner's last attempt at the exercise that was graded from a run. */
    java.util.Optional<GradedRun> lastRun(Learner learner, String lessonId, String exerciseId);

    /** The last graded run of every exercise the learner has answered with a run, in any lesson. */
    java.util.List<LastRun> lastRuns(Learner learner);

    /** One exercise's last graded run. */
    record LastRun(String lessonId, String exerciseId, GradedRun run) {}

    /** How one learner stands on one exercise, without the answers. */
    record Tally(String lessonId, String exerciseId, int tries, boolean solved) {}

    /**
     * Moves every attempt of {@code from} to {@code to}: a guest who signs up or in keeps their
     * answers. Attempts at an exercise that {@code to} has already solved are dropped instead, as a
     * solved exercise takes no more attempts. Afterwards {@code from} has no attempts.
     */
    void moveAll(Learner from, Learner to);
}
