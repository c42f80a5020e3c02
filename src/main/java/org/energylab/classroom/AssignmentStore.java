package org.energylab.classroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assignments in the database (table {@code class_assignment}); who may set or see them is {@link AssignmentService}'s. */
@Repository
public class AssignmentStore {
    private final JdbcClient jdbc;

    public AssignmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Assignment create(long classId, String lessonId, String exerciseId, Instant dueAt, Instant now) {
        jdbc.sql("""
                        INSERT INTO class_assignment (class_id, lesson_id, exercise_id, due_at, created_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(classId, lessonId, exerciseId, utc(dueAt), utc(now))
                .update();
        return jdbc.sql("SELECT * FROM class_assignment WHERE class_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param(classId)
                .query(AssignmentStore::assignment)
                .single();
    }

    public int count(long classId) {
        return jdbc.sql("SELECT COUNT(*) FROM class_assignment WHERE class_id = ?")
                .param(classId)
                .query(Long.class)
                .single()
                .intValue();
    }

    /** The class's assignments, soonest due first, at most {@code limit}. */
    public List<Assignment> ofClass(long classId, int limit) {
        return jdbc.sql("SELECT * FROM class_assignment WHERE class_id = ? ORDER BY due_at, id FETCH FIRST ? ROWS ONLY")
                .params(classId, limit)
                .query(AssignmentStore::assignment)
                .list();
    }

    /** The assignments of every class the student is in, soonest due first, at most {@code limit}. */
    public List<Assignment> ofStudent(long studentId, int limit) {
        return jdbc.sql("""
                        SELECT a.* FROM class_assignment a JOIN class_member m ON m.class_id = a.class_id
                        WHERE m.student_id = ? ORDER BY a.due_at, a.id FETCH FIRST ? ROWS ONLY""")
                .params(studentId, limit)
                .query(AssignmentStore::assignment)
                .list();
    }

    private static Assignment assignment(ResultSet rs, int row) throws SQLException {
        return new Assignment(
                rs.getLong("id"),
                rs.getLong("class_id"),
                rs.getString("lesson_id"),
                rs.getString("exercise_id"),
                rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
