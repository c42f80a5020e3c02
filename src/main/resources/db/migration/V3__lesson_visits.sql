-- Which lessons a learner has opened, and when first and last: the home page's "continue where you
-- left off" and the progress the API and the teacher's views report.

CREATE TABLE IF NOT EXISTS lesson_visit (
    learner_id BIGINT NOT NULL,
    lesson_id VARCHAR(200) NOT NULL,
    first_opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_lesson_visit PRIMARY KEY (learner_id, lesson_id),
    CONSTRAINT fk_lesson_visit_learner FOREIGN KEY (learner_id) REFERENCES learner (id) ON DELETE CASCADE
);
