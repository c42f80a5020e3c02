package org.energylab.classroom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assignments in the database (table {@code class_assignment}); who may set or see them is {@link AssignmentService}'s. */
@Repository
public class AssignmentStore {
    private final JdbcClient jdbc;

    public AssignmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Assignment create(
            long classId, String lessonId, String exerciseId, SimulationSetup simulation, Instant dueAt, Instant now) {
        jdbc.sql("""
                        INSERT INTO class_assignment (class_id, lesson_id, exercise_id, simulation_id,
                            simulation_values, locked_parameters, due_at, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        classId,
                        lessonId,
                        exerciseId,
                        simulation == null ? null : simulation.simulationId(),
                        simulation == null ? null : simulation.query(),
                        simulation == null ? null : String.join(",", simulation.locked()),
                        utc(dueAt),
                        utc(now))
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

    public Optional<Assignment> find(long id) {
        return jdbc.sql("SELECT * FROM class_assignment WHERE id = ?")
                .param(id)
                .query(AssignmentStore::assignment)
                .optional();
    }

    /**
     * Records a student's finished run of a simulation assignment: the first and the last time, how
     * many, and the last run's values (as a query, for the teacher).
     */
    public void recordRun(long assignmentId, long studentId, String parameters, Instant at) {
        int updated = jdbc.sql("""
                        UPDATE assignment_run SET runs = runs + 1, last_run_at = ?, last_parameters = ?
                        WHERE assignment_id = ? AND student_id = ?""")
                .params(utc(at), parameters, assignmentId, studentId)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("""
                                INSERT INTO assignment_run (assignment_id, student_id, runs, first_run_at,
                                    last_run_at, last_parameters)
                                VALUES (?, ?, 1, ?, ?, ?)""")
                        .params(assignmentId, studentId, utc(at), utc(at), parameters)
                        .update();
            } catch (DuplicateKeyException e) {
                recordRun(assignmentId, studentId, parameters, at); // a run of another tab came first
            }
        }
    }

    /** The ids of the students with a recorded run of the assignment. */
    public Set<Long> studentsWithRuns(long assignmentId) {
        return Set.copyOf(jdbc.sql("SELECT student_id FROM assignment_run WHERE assignment_id = ?")
                .param(assignmentId)
                .query(Long.class)
                .list());
    }

    /** The simulation assignments the student has a recorded run of. */
    public Set<Long> assignmentsRunBy(long studentId) {
        return Set.copyOf(jdbc.sql("SELECT assignment_id FROM assignment_run WHERE student_id = ?")
                .param(studentId)
                .query(Long.class)
                .list());
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
                rs.getString("simulation_id") == null
                        ? null
                        : SimulationSetup.stored(
                                rs.getString("simulation_id"),
                                rs.getString("simulation_values"),
                                rs.getString("locked_parameters")),
                rs.getObject("due_at", OffsetDateTime.class).toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
