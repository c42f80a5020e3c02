package org.energylab.exercise;

import org.energylab.learner.Learner;

/**
 * Where attempts are kept, per learner, lesson and exercise. Implementations must be safe to call
 * from several threads (the browser and the API answer at the same time).
 */
public interface AttemptStore {

    /** The learner's progress on one exercise, {@link ExerciseProgress#NOT_TRIED} if none. */
    ExerciseProgress progress(Learner learner, String lessonId, String exerciseId);

    /** Keeps one more attempt. */
    void add(Learner learner, String lessonId, String exerciseId, Attempt attempt);
}
