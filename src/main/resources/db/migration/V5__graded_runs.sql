-- The simulation run behind an attempt graded from a run: which simulation, its parameters as the run
-- had them (a JSON object of name to text, as a link to the run carries them), the seed (null for a
-- simulation without randomness) and the graded scalar with its value (null when the run could not
-- measure it). One script for H2 and PostgreSQL: standard types only. The sizes bound what is stored.

CREATE TABLE IF NOT EXISTS graded_run (
    attempt_id BIGINT NOT NULL,
    simulation_id VARCHAR(100) NOT NULL,
    parameters VARCHAR(4000) NOT NULL,
    seed BIGINT,
    scalar_name VARCHAR(100) NOT NULL,
    scalar_label VARCHAR(200) NOT NULL,
    scalar_unit VARCHAR(50) NOT NULL,
    scalar_value DOUBLE PRECISION,
    CONSTRAINT pk_graded_run PRIMARY KEY (attempt_id),
    CONSTRAINT fk_graded_run_attempt FOREIGN KEY (attempt_id) REFERENCES exercise_attempt (id) ON DELETE CASCADE
);
