package org.energylab.exercise;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.energylab.learner.Learner;
import org.energylab.learner.LearnerDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attempts in the database (table {@code exercise_attempt}): every try with its time, answer,
 * outcome and feedback. Progress is counted by the database, so a learner's many tries are never
 * all loaded.
 */
@Repository
public class JdbcAttemptStore implements AttemptStore {
    private final JdbcClient jdbc;
    private final LearnerDirectory learners;

    public JdbcAttemptStore(JdbcClient jdbc, LearnerDirectory learners) {
        this.jdbc = jdbc;
        this.learners = learners;
    }

    @Override
    public ExerciseProgress progress(Learner learner, String lessonId, String exerciseId) {
        Optional<Long> id = learners.find(learner);
        if (id.isEmpty()) {
            return ExerciseProgress.NOT_TRIED;
        }
        record Counts(int tries, boolean solved) {}
        Counts counts = jdbc.sql("""
                        SELECT COUNT(*) AS tries,
                               COALESCE(MAX(CASE WHEN correct THEN 1 ELSE 0 END), 0) AS solved
                        FROM exercise_attempt
                        WHERE learner_id = ? AND lesson_id = ? AND exercise_id = ?""")
                .params(id.get(), lessonId, exerciseId)
                .query((rs, row) -> new Counts(rs.getInt("tries"), rs.getInt("solved") == 1))
                .single();
        if (counts.tries() == 0) {
            return ExerciseProgress.NOT_TRIED;
        }
        return jdbc.sql("""
                        SELECT answer, feedback FROM exercise_attempt
                        WHERE learner_id = ? AND lesson_id = ? AND exercise_id = ?
                        ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
                .params(id.get(), lessonId, exerciseId)
                .query((rs, row) -> new ExerciseProgress(
                        counts.tries(), counts.solved(), rs.getString("answer"), rs.getString("feedback")))
                .single();
    }

    @Override
    public List<Tally> tallies(Learner learner) {
        Optional<Long> id = learners.find(learner);
        if (id.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT lesson_id, exercise_id, COUNT(*) AS tries,
                               COALESCE(MAX(CASE WHEN correct THEN 1 ELSE 0 END), 0) AS solved
                        FROM exercise_attempt WHERE learner_id = ?
                        GROUP BY lesson_id, exercise_id ORDER BY lesson_id, exercise_id""")
                .param(id.get())
                .query((rs, row) -> new Tally(
                        rs.getString("lesson_id"),
                        rs.getString("exercise_id"),
                        rs.getInt("tries"),
                        rs.getInt("solved") == 1))
                .list();
    }

    @Override
    public void add(Learner learner, String lessonId, String exerciseId, Attempt attempt) {
        long id = learners.findOrCreate(learner);
        jdbc.sql("""
                        INSERT INTO exercise_attempt
                            (learner_id, lesson_id, exercise_id, answer, correct, feedback, attempted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        lessonId,
                        exerciseId,
                        attempt.answer(),
                        attempt.correct(),
                        attempt.feedback(),
                        attempt.at().atOffset(ZoneOffset.UTC))
                .update();
    }

    @Override
    @Transactional
    public void moveAll(Learner from, Learner to) {
        Optional<Long> source = learners.find(from);
        if (source.isEmpty() || from.key().equals(to.key())) {
            return;
        }
        long target = learners.findOrCreate(to);
        jdbc.sql("""
                        UPDATE exercise_attempt SET learner_id = ?
                        WHERE learner_id = ? AND NOT EXISTS (
                            SELECT 1 FROM exercise_attempt solved
                            WHERE solved.learner_id = ?
                              AND solved.lesson_id = exercise_attempt.lesson_id
                              AND solved.exercise_id = exercise_attempt.exercise_id
                              AND solved.correct)""").params(target, source.get(), target).update();
        // The attempts left behind (at exercises the account had solved) go with the guest's row.
        jdbc.sql("DELETE FROM learner WHERE id = ?").param(source.get()).update();
    }
}
