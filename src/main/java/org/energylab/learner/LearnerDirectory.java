package org.energylab.learner;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored learners: one row per {@link Learner#key()}, made on the learner's first stored answer. */
@Repository
public class LearnerDirectory {
    private final JdbcClient jdbc;

    public LearnerDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The learner's row id, if anything of theirs is stored. */
    public Optional<Long> find(Learner learner) {
        return jdbc.sql("SELECT id FROM learner WHERE learner_key = ?")
                .param(learner.key())
                .query(Long.class)
                .optional();
    }

    /** The learner's row id, made now if needed; safe when two servers make the same learner at once. */
    public long findOrCreate(Learner learner) {
        Optional<Long> found = find(learner);
        if (found.isPresent()) {
            return found.get();
        }
        try {
            jdbc.sql("INSERT INTO learner (learner_key) VALUES (?)")
                    .param(learner.key())
                    .update();
        } catch (DuplicateKeyException raced) {
            // Another request stored the same learner first: use its row.
        }
        return find(learner).orElseThrow();
    }
}
