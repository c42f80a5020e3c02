package org.energylab.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.UUID;
import org.energylab.learner.Learner;
import org.energylab.learner.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several application instances behind a proxy share one database: what a learner answers through
 * one instance, another instance reads. Two instances run side by side here, each with its own
 * connection pool, Flyway run and exercise service, on the test PostgreSQL (and, where that is not
 * configured, on an H2 file database opened in its server mode).
 */
class InstancesShareOneDatabaseTest {

    @TempDir
    Path dataFolder;

    private ConfigurableApplicationContext instance(String databaseUrl) {
        return new SpringApplicationBuilder(ProgressSurvivesRestartTest.Storage.class)
                .web(WebApplicationType.NONE)
                .run("--energylab.data.dir=" + dataFolder, "--spring.datasource.url=" + databaseUrl);
    }

    @Test
    void progressWrittenThroughOneInstanceIsReadThroughTheOther() {
        assumeTrue(TestDatabases.postgresUrl().isPresent(), TestDatabases.POSTGRES_URL + " is not set");
        writeThroughOneReadThroughTheOther(TestDatabases.postgresUrl().get());
    }

    @Test
    void twoInstancesOnOneH2ServerDatabase() {
        writeThroughOneReadThroughTheOther("jdbc:h2:file:" + dataFolder.resolve("shared") + ";AUTO_SERVER=TRUE");
    }

    private void writeThroughOneReadThroughTheOther(String databaseUrl) {
        try (ConfigurableApplicationContext first = instance(databaseUrl);
                ConfigurableApplicationContext second = instance(databaseUrl)) {
            Learner learner = new Learner.Guest(UUID.randomUUID());
            ExerciseService one = first.getBean(ExerciseService.class);
            ExerciseService other = second.getBean(ExerciseService.class);

            one.submit(learner, "1-1", ExerciseServiceContract.CHOICE, new Answer.Choice(0));
            assertThat(other.progress(learner, "1-1", ExerciseServiceContract.CHOICE)
                            .tries())
                    .as("tries seen through the other instance")
                    .isEqualTo(1);

            other.submit(learner, "1-1", ExerciseServiceContract.CHOICE, new Answer.Choice(2));
            assertThat(one.progress(learner, "1-1", ExerciseServiceContract.CHOICE))
                    .isEqualTo(new ExerciseProgress(2, true, "2", "Correct."));
            // Solved is solved on every instance: the first one takes no further attempt.
            assertThat(one.submit(learner, "1-1", ExerciseServiceContract.CHOICE, new Answer.Choice(1))
                            .tries())
                    .isEqualTo(2);
        }
    }
}
