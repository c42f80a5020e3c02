package org.energylab.learner;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Real databases for the persistence tests, migrated by the application's Flyway scripts: a fresh
 * in-memory H2 database, and the PostgreSQL named by {@code ENERGYLAB_TEST_POSTGRES_URL} (a JDBC URL
 * with user and password, as {@code .ci/run} sets it) when there is one.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL = "ENERGYLAB_TEST_POSTGRES_URL";

    private TestDatabases() {}

    public static DataSource h2() {
        return migrated(
                new DriverManagerDataSource("jdbc:h2:mem:test-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    public static Optional<String> postgresUrl() {
        return Optional.ofNullable(System.getenv(POSTGRES_URL)).filter(url -> !url.isBlank());
    }

    private static DataSource postgres;

    /** The test PostgreSQL, pooled and migrated once per test run; tests keep apart by using learners of their own. */
    public static synchronized DataSource postgres() {
        if (postgres == null) {
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(postgresUrl().orElseThrow(() -> new IllegalStateException(POSTGRES_URL + " is not set")));
            pool.setMaximumPoolSize(2);
            postgres = migrated(pool);
        }
        return postgres;
    }

    private static DataSource migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }
}
