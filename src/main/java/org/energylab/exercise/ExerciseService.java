package org.energylab.exercise;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.energylab.learner.Learner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Grades answers and keeps every learner's attempts: the one implementation behind the exercise
 * cards of the lesson pages and any other client. A solved exercise takes no more attempts.
 */
@Service
public class ExerciseService {
    private static final int LOCK_STRIPES = 64;

    private final AttemptStore store;
    private final Clock clock;
    /** Serialises check-then-add per learner and exercise within this server. */
    private final Object[] locks = new Object[LOCK_STRIPES];

    @Autowired
    public ExerciseService(AttemptStore store) {
        this(store, Clock.systemUTC());
    }

    public ExerciseService(AttemptStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    public ExerciseProgress progress(Learner learner, String lessonId, Exercise exercise) {
        return store.progress(learner, lessonId, exercise.id());
    }

    /** The run behind the learner's last attempt at a simulation exercise, empty for other exercises. */
    public Optional<GradedRun> lastRun(Learner learner, String lessonId, Exercise exercise) {
        return exercise instanceof SimulationExercise
                ? store.lastRun(learner, lessonId, exercise.id())
                : Optional.empty();
    }

    /** The last graded run of each exercise the learner has answered with a run, keyed "lessonId/exerciseId". */
    public Map<String, GradedRun> lastRuns(Learner learner) {
        Map<String, GradedRun> runs = new HashMap<>();
        for (AttemptStore.LastRun last : store.lastRuns(learner)) {
            runs.put(last.lessonId() + "/" + last.exerciseId(), last.run());
        }
        return runs;
    }

    /**
     * Grades an answer and records it, unless the exercise is already solved. A run of another
     * simulation than the one a simulation exercise watches is not an attempt at it.
     *
     * @return the progress after this answer
     * @throws IllegalArgumentException if the answer is of the wrong kind for the exercise
     */
    public ExerciseProgress submit(Learner learner, String lessonId, Exercise exercise, Answer answer) {
        Optional<Grade> grade = grade(exercise, answer);
        String key = learner.key() + "/" + lessonId + "/" + exercise.id();
        synchronized (locks[Math.floorMod(key.hashCode(), LOCK_STRIPES)]) {
            ExerciseProgress before = store.progress(learner, lessonId, exercise.id());
            if (before.solved() || grade.isEmpty()) {
                return before;
            }
            Attempt attempt = new Attempt(
                    clock.instant(),
                    answer.text(),
                    grade.get().correct(),
                    grade.get().feedback(),
                    gradedRun(exercise, answer));
            store.add(learner, lessonId, exercise.id(), attempt);
            return before.after(attempt);
        }
    }

    private static GradedRun gradedRun(Exercise exercise, Answer answer) {
        if (exercise instanceof SimulationExercise s && answer instanceof Answer.Run run) {
            return GradedRun.of(s, run).orElse(null);
        }
        return null;
    }

    static Optional<Grade> grade(Exercise exercise, Answer answer) {
        if (exercise instanceof ChoiceExercise c && answer instanceof Answer.Choice a) {
            return Optional.of(c.grade(a.index()));
        }
        if (exercise instanceof NumericExercise n && answer instanceof Answer.Typed a) {
            return Optional.of(n.grade(a.typed()));
        }
        if (exercise instanceof SimulationExercise s && answer instanceof Answer.Run run) {
            return s.simulation().equals(run.simulation())
                    ? Optional.of(s.grade(run.parameters(), run.result()))
                    : Optional.empty();
        }
        throw new IllegalArgumentException("answer: exercise " + exercise.id() + " takes " + expected(exercise));
    }

    private static String expected(Exercise exercise) {
        if (exercise instanceof ChoiceExercise c) {
            return "the index of one of its " + c.choices().size() + " choices";
        }
        if (exercise instanceof NumericExercise) {
            return "a number";
        }
        return "a run of the " + ((SimulationExercise) exercise).simulation() + " simulation";
    }
}
