package org.energylab.learner;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The lessons each learner has opened (table {@code lesson_visit}): first and last time, one row a lesson. */
@Repository
public class LessonVisits {
    private final JdbcClient jdbc;
    private final LearnerDirectory learners;

    /** One lesson a learner has opened. */
    public record Visit(String lessonId, Instant firstOpened, Instant lastOpened) {}

    public LessonVisits(JdbcClient jdbc, LearnerDirectory learners) {
        this.jdbc = jdbc;
        this.learners = learners;
    }

    /** Notes that the learner opened the lesson at {@code at}. */
    public void opened(Learner learner, String lessonId, Instant at) {
        long id = learners.findOrCreate(learner);
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE lesson_visit SET last_opened_at = ? WHERE learner_id = ? AND lesson_id = ?")
                .params(when, id, lessonId)
                .update();
        if (updated == 0) {
            try {
                jdbc.sql("""
                                INSERT INTO lesson_visit (learner_id, lesson_id, first_opened_at, last_opened_at)
                                VALUES (?, ?, ?, ?)""").params(id, lessonId, when, when).update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                // The same learner opened the lesson in another tab at the same moment: one row is enough.
            }
        }
    }

    /**
     * Moves every visit of {@code from} to {@code to}, as a guest who signs up or in keeps their
     * progress: a lesson both have opened keeps the earlier first and the later last visit.
     * Afterwards {@code from} has no visits.
     */
    public void moveAll(Learner from, Learner to) {
        Optional<Long> source = learners.find(from);
        if (source.isEmpty() || from.key().equals(to.key())) {
            return;
        }
        long target = learners.findOrCreate(to);
        jdbc.sql("""
                        UPDATE lesson_visit SET
                            first_opened_at = LEAST(first_opened_at, (SELECT g.first_opened_at FROM lesson_visit g
                                WHERE g.learner_id = ? AND g.lesson_id = lesson_visit.lesson_id)),
                            last_opened_at = GREATEST(last_opened_at, (SELECT g.last_opened_at FROM lesson_visit g
                                WHERE g.learner_id = ? AND g.lesson_id = lesson_visit.lesson_id))
                        WHERE learner_id = ? AND EXISTS (SELECT 1 FROM lesson_visit g
                            WHERE g.learner_id = ? AND g.lesson_id = lesson_visit.lesson_id)""").params(source.get(), source.get(), target, source.get()).update();
        jdbc.sql("""
                        UPDATE lesson_visit SET learner_id = ?
                        WHERE learner_id = ? AND NOT EXISTS (SELECT 1 FROM lesson_visit t
                            WHERE t.learner_id = ? AND t.lesson_id = lesson_visit.lesson_id)""").params(target, source.get(), target).update();
        jdbc.sql("DELETE FROM lesson_visit WHERE learner_id = ?")
                .param(source.get())
                .update();
    }

    /** The learner's visits, the most recent first. */
    public List<Visit> visits(Learner learner) {
        Optional<Long> id = learners.find(learner);
        if (id.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT lesson_id, first_opened_at, last_opened_at FROM lesson_visit
                        WHERE learner_id = ? ORDER BY last_opened_at DESC, lesson_id""")
                .param(id.get())
                .query((rs, row) -> new Visit(
                        rs.getString("lesson_id"),
                        rs.getObject("first_opened_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("last_opened_at", OffsetDateTime.class).toInstant()))
                .list();
    }
}
