package org.energylab.exercise;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.energylab.learner.Learner;
import org.springframework.stereotype.Component;

/** Attempts kept in memory only, lost on restart. */
@Component
class InMemoryAttemptStore implements AttemptStore {
    private final Map<String, ExerciseProgress> progress = new ConcurrentHashMap<>();

    @Override
    public ExerciseProgress progress(Learner learner, String lessonId, String exerciseId) {
        return progress.getOrDefault(key(learner, lessonId, exerciseId), ExerciseProgress.NOT_TRIED);
    }

    @Override
    public void add(Learner learner, String lessonId, String exerciseId, Attempt attempt) {
        progress.merge(
                key(learner, lessonId, exerciseId),
                ExerciseProgress.NOT_TRIED.after(attempt),
                (old, first) -> old.after(attempt));
    }

    private static String key(Learner learner, String lessonId, String exerciseId) {
        return learner.key() + "/" + lessonId + "/" + exerciseId;
    }
}
