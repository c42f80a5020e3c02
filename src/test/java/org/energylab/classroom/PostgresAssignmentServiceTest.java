package org.energylab.classroom;

import javax.sql.DataSource;
import org.energylab.learner.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Runs where a PostgreSQL is given, as in CI (see {@code .ci/run}). */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL, matches = ".+")
class PostgresAssignmentServiceTest extends AssignmentServiceContract {
    @Override
    DataSource dataSource() {
        return TestDatabases.postgres();
    }
}
