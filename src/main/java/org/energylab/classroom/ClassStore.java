package org.energylab.classroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.energylab.exercise.AttemptStore;
import org.energylab.learner.Learner;
import org.energylab.learner.LessonVisits;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Classes and their students in the database (tables {@code school_class} and {@code
 * class_member}). Who may see or change what is {@link ClassService}'s to decide, not the store's.
 */
@Repository
public class ClassStore {
    /** The most classes one list holds (an admin's list of every class included). */
    static final int LIST_LIMIT = 500;

    private static final String SELECT_CLASS = """
            SELECT c.id, c.name, c.teacher_id, u.username AS teacher, c.join_code, c.created_at
            FROM school_class c JOIN user_account u ON u.id = c.teacher_id""";

    private final JdbcClient jdbc;

    /** A student in a class. */
    public record Member(long userId, String username, Instant joinedAt) {}

    public ClassStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new class; empty if the join code is already taken (the caller draws another). */
    public Optional<Classroom> create(String name, long teacherId, String joinCode, Instant now) {
        try {
            jdbc.sql("INSERT INTO school_class (name, teacher_id, join_code, created_at) VALUES (?, ?, ?, ?)")
                    .params(name, teacherId, joinCode, utc(now))
                    .update();
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
        return byCode(joinCode);
    }

    public Optional<Classroom> find(long id) {
        return jdbc.sql(SELECT_CLASS + " WHERE c.id = ?")
                .param(id)
                .query(ClassStore::classroom)
                .optional();
    }

    public Optional<Classroom> byCode(String joinCode) {
        return jdbc.sql(SELECT_CLASS + " WHERE c.join_code = ?")
                .param(joinCode)
                .query(ClassStore::classroom)
                .optional();
    }

    /** The classes the account made, oldest first, at most {@link #LIST_LIMIT}. */
    public List<Classroom> ownedBy(long teacherId) {
        return jdbc.sql(SELECT_CLASS + " WHERE c.teacher_id = ? ORDER BY c.id FETCH FIRST " + LIST_LIMIT + " ROWS ONLY")
                .param(teacherId)
                .query(ClassStore::classroom)
                .list();
    }

    /** Every class, oldest first, at most {@link #LIST_LIMIT}. */
    public List<Classroom> all() {
        return jdbc.sql(SELECT_CLASS + " ORDER BY c.id FETCH FIRST " + LIST_LIMIT + " ROWS ONLY")
                .query(ClassStore::classroom)
                .list();
    }

    /** The classes the student has joined, in the order joined, at most {@link #LIST_LIMIT}. */
    public List<Classroom> joinedBy(long studentId) {
        return jdbc.sql(SELECT_CLASS + " JOIN class_member m ON m.class_id = c.id WHERE m.student_id = ?"
                        + " ORDER BY m.joined_at, c.id FETCH FIRST " + LIST_LIMIT + " ROWS ONLY")
                .param(studentId)
                .query(ClassStore::classroom)
                .list();
    }

    /** Puts the student in the class; false if they were in it already. */
    public boolean join(long classId, long studentId, Instant now) {
        if (isMember(classId, studentId)) {
            return false;
        }
        try {
            jdbc.sql("INSERT INTO class_member (class_id, student_id, joined_at) VALUES (?, ?, ?)")
                    .params(classId, studentId, utc(now))
                    .update();
            return true;
        } catch (DuplicateKeyException raced) {
            // The same student joined in another tab at the same moment: once is enough.
            return false;
        }
    }

    public boolean isMember(long classId, long studentId) {
        return jdbc.sql("SELECT COUNT(*) FROM class_member WHERE class_id = ? AND student_id = ?")
                        .params(classId, studentId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public int memberCount(long classId) {
        return jdbc.sql("SELECT COUNT(*) FROM class_member WHERE class_id = ?")
                .param(classId)
                .query(Long.class)
                .single()
                .intValue();
    }

    /** One student of the class, if they are in it. */
    public Optional<Member> member(long classId, long studentId) {
        return jdbc.sql("""
                        SELECT u.id, u.username, m.joined_at FROM class_member m
                        JOIN user_account u ON u.id = m.student_id
                        WHERE m.class_id = ? AND m.student_id = ?""")
                .params(classId, studentId)
                .query((rs, row) -> new Member(rs.getLong("id"), rs.getString("username"), instant(rs, "joined_at")))
                .optional();
    }

    /** The class's students by username, at most {@code limit}. */
    public List<Member> members(long classId, int limit) {
        return jdbc.sql("""
                        SELECT u.id, u.username, m.joined_at FROM class_member m
                        JOIN user_account u ON u.id = m.student_id
                        WHERE m.class_id = ? ORDER BY u.username FETCH FIRST ? ROWS ONLY""")
                .params(classId, limit)
                .query((rs, row) -> new Member(rs.getLong("id"), rs.getString("username"), instant(rs, "joined_at")))
                .list();
    }

    /**
     * What a class's students have done, read in two queries for the whole class: per student id,
     * the lessons opened (most recent first), the attempt tallies, and when each exercise was last
     * tried (keyed {@code lessonId/exerciseId}). A student who has done nothing has no entry.
     */
    public record Activity(
            Map<Long, List<LessonVisits.Visit>> visits,
            Map<Long, List<AttemptStore.Tally>> tallies,
            Map<Long, Map<String, Instant>> lastAttempts) {}

    /** A member's learner row: accounts are stored under the key {@code user:<id>} (see V2). */
    private static final String MEMBER_LEARNER = """
            FROM class_member m
            JOIN learner l ON l.learner_key = CONCAT('user:', CAST(m.student_id AS VARCHAR(20)))""";

    public Activity activity(long classId) {
        Map<Long, List<LessonVisits.Visit>> visits = new HashMap<>();
        jdbc.sql("SELECT m.student_id, v.lesson_id, v.first_opened_at, v.last_opened_at " + MEMBER_LEARNER + """

                        JOIN lesson_visit v ON v.learner_id = l.id
                        WHERE m.class_id = ? ORDER BY m.student_id, v.last_opened_at DESC, v.lesson_id""")
                .param(classId)
                .query(rs -> {
                    visits.computeIfAbsent(rs.getLong("student_id"), k -> new ArrayList<>())
                            .add(new LessonVisits.Visit(
                                    rs.getString("lesson_id"),
                                    instant(rs, "first_opened_at"),
                                    instant(rs, "last_opened_at")));
                });
        Map<Long, List<AttemptStore.Tally>> tallies = new HashMap<>();
        Map<Long, Map<String, Instant>> last = new HashMap<>();
        jdbc.sql("SELECT m.student_id, a.lesson_id, a.exercise_id, COUNT(*) AS tries,"
                        + " COALESCE(MAX(CASE WHEN a.correct THEN 1 ELSE 0 END), 0) AS solved,"
                        + " MAX(a.attempted_at) AS last_at " + MEMBER_LEARNER + """

                        JOIN exercise_attempt a ON a.learner_id = l.id
                        WHERE m.class_id = ? GROUP BY m.student_id, a.lesson_id, a.exercise_id""")
                .param(classId)
                .query(rs -> {
                    long student = rs.getLong("student_id");
                    String lesson = rs.getString("lesson_id");
                    String exercise = rs.getString("exercise_id");
                    tallies.computeIfAbsent(student, k -> new ArrayList<>())
                            .add(new AttemptStore.Tally(
                                    lesson, exercise, rs.getInt("tries"), rs.getInt("solved") == 1));
                    last.computeIfAbsent(student, k -> new HashMap<>())
                            .put(lesson + "/" + exercise, instant(rs, "last_at"));
                });
        return new Activity(visits, tallies, last);
    }

    /** When the learner last tried each exercise, keyed {@code lessonId/exerciseId}. */
    public Map<String, Instant> lastAttempts(Learner learner) {
        Map<String, Instant> last = new HashMap<>();
        jdbc.sql("""
                        SELECT a.lesson_id, a.exercise_id, MAX(a.attempted_at) AS last_at
                        FROM exercise_attempt a JOIN learner l ON l.id = a.learner_id
                        WHERE l.learner_key = ? GROUP BY a.lesson_id, a.exercise_id""").param(learner.key()).query(rs -> {
            last.put(rs.getString("lesson_id") + "/" + rs.getString("exercise_id"), instant(rs, "last_at"));
        });
        return last;
    }

    private static Classroom classroom(ResultSet rs, int row) throws SQLException {
        return new Classroom(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getLong("teacher_id"),
                rs.getString("teacher"),
                rs.getString("join_code"),
                instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
