-- Simulation assignments: a class's teacher sets a simulation with chosen values, some of them locked
-- for the students, and a student's finished run with those locked values is recorded. One script for
-- H2 and PostgreSQL: standard types only.
--
-- simulation_values holds the chosen values as a URL query ("planet=moon&length=2"), locked_parameters
-- the names a student may not change, comma-separated. Both are NULL for a lesson or an exercise.

ALTER TABLE class_assignment ADD COLUMN simulation_id VARCHAR(200);
ALTER TABLE class_assignment ADD COLUMN simulation_values VARCHAR(2000);
ALTER TABLE class_assignment ADD COLUMN locked_parameters VARCHAR(2000);

CREATE TABLE IF NOT EXISTS assignment_run (
    assignment_id BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    runs INTEGER NOT NULL,
    first_run_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_run_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_parameters VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_assignment_run PRIMARY KEY (assignment_id, student_id),
    CONSTRAINT fk_assignment_run_assignment FOREIGN KEY (assignment_id) REFERENCES class_assignment (id) ON DELETE CASCADE,
    CONSTRAINT fk_assignment_run_student FOREIGN KEY (student_id) REFERENCES user_account (id) ON DELETE CASCADE
);

CREATE INDEX IF NOT EXISTS ix_assignment_run_student ON assignment_run (student_id);
