package org.energylab.exercise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.energylab.learner.Learner;
import org.energylab.learner.LearnerDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attempts in the database (table {@code exercise_attempt}): every try with its time, answer,
 * outcome and feedback, and for a try graded from a simulation run that run (table {@code
 * graded_run}). Progress is counted by the database, so a learner's many tries are never
 * all loaded.
 */
@Repository
public class JdbcAttemptStore implements AttemptStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keeps the stored order, which is the simulation's order of parameters. */
    private static final TypeReference<LinkedHashMap<String, String>> PARAMETERS = new TypeReference<>() {};

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
    @Transactional
    public void add(Learner learner, String lessonId, String exerciseId, Attempt attempt) {
        long id = learners.findOrCreate(learner);
        KeyHolder key = new GeneratedKeyHolder();
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
                .update(key, "id");
        GradedRun run = attempt.run();
        if (run != null) {
            jdbc.sql("""
                            INSERT INTO graded_run
                                (attempt_id, simulation_id, parameters, seed,
                                 scalar_name, scalar_label, scalar_unit, scalar_value)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            attemptId(key),
                            run.simulation(),
                            json(run.parameters()),
                            run.seed(),
                            run.scalar(),
                            run.label(),
                            run.unit(),
                            run.value())
                    .update();
        }
    }

    @Override
    public Optional<GradedRun> lastRun(Learner learner, String lessonId, String exerciseId) {
        Optional<Long> id = learners.find(learner);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT r.simulation_id, r.parameters, r.seed,
                               r.scalar_name, r.scalar_label, r.scalar_unit, r.scalar_value
                        FROM graded_run r JOIN exercise_attempt a ON a.id = r.attempt_id
                        WHERE a.learner_id = ? AND a.lesson_id = ? AND a.exercise_id = ?
                        ORDER BY r.attempt_id DESC FETCH FIRST 1 ROWS ONLY""")
                .params(id.get(), lessonId, exerciseId)
                .query((rs, row) -> run(rs))
                .optional();
    }

    /** One row per exercise of the learner (the course bounds them), the newest run of each. */
    @Override
    public List<LastRun> lastRuns(Learner learner) {
        Optional<Long> id = learners.find(learner);
        if (id.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT a.lesson_id, a.exercise_id, r.simulation_id, r.parameters, r.seed,
                               r.scalar_name, r.scalar_label, r.scalar_unit, r.scalar_value
                        FROM graded_run r JOIN exercise_attempt a ON a.id = r.attempt_id
                        WHERE a.learner_id = ? AND r.attempt_id = (
                            SELECT MAX(newer.attempt_id)
                            FROM graded_run newer JOIN exercise_attempt b ON b.id = newer.attempt_id
                            WHERE b.learner_id = a.learner_id
                              AND b.lesson_id = a.lesson_id
                              AND b.exercise_id = a.exercise_id)
                        ORDER BY a.lesson_id, a.exercise_id""")
                .param(id.get())
                .query((rs, row) -> new LastRun(rs.getString("lesson_id"), rs.getString("exercise_id"), run(rs)))
                .list();
    }

    private static long attemptId(KeyHolder key) {
        Map<String, Object> keys = key.getKeys();
        Object id = keys == null
                ? null
                : keys.size() == 1 ? keys.values().iterator().next() : keys.get("id");
        if (!(id instanceof Number n)) {
            throw new IllegalStateException("The database returned no id for the new attempt: " + keys);
        }
        return n.longValue();
    }

    private static GradedRun run(ResultSet rs) throws SQLException {
        long seed = rs.getLong("seed");
        Long seedOrNull = rs.wasNull() ? null : seed;
        double value = rs.getDouble("scalar_value");
        Double valueOrNull = rs.wasNull() ? null : value;
        return new GradedRun(
                rs.getString("simulation_id"),
                parameters(rs.getString("parameters")),
                seedOrNull,
                rs.getString("scalar_name"),
                rs.getString("scalar_label"),
                rs.getString("scalar_unit"),
                valueOrNull);
    }

    private static String json(Map<String, String> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Parameters that cannot be written as JSON: " + parameters, e);
        }
    }

    private static Map<String, String> parameters(String json) {
        try {
            return JSON.readValue(json, PARAMETERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored parameters that are not a JSON object of text: " + json, e);
        }
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
