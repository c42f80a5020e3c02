package org.energylab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.energylab.learner.Learner;
import org.energylab.learner.LearnerDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * With the application's own configuration (application.properties, the data folder, Flyway), a
 * learner's answers are written to the H2 file in the data folder and are there after a restart.
 */
class ProgressSurvivesRestartTest {

    /** The storage part of the application: its database configuration and the exercise service. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        DataSourceAutoConfiguration.class,
        FlywayAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class
    })
    @Import({LearnerDirectory.class, JdbcAttemptStore.class, ExerciseService.class})
    static class Storage {}

    @TempDir
    Path dataFolder;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Storage.class)
                .web(WebApplicationType.NONE)
                .run("--energylab.data.dir=" + dataFolder);
    }

    @Test
    void answersAreFoundAfterARestartOnTheSameDataFolder() {
        Learner learner = new Learner.Guest(UUID.randomUUID());
        try (ConfigurableApplicationContext first = start()) {
            ExerciseService service = first.getBean(ExerciseService.class);
            service.submit(learner, "1-1", ExerciseServiceContract.CHOICE, new Answer.Choice(0));
            service.submit(learner, "1-1", ExerciseServiceContract.CHOICE, new Answer.Choice(2));
            service.submit(learner, "1-1", ExerciseServiceContract.NUMERIC, new Answer.Typed("9.81"));
        }
        assertThat(dataFolder.resolve("energylab.mv.db")).isRegularFile();

        try (ConfigurableApplicationContext second = start()) {
            ExerciseService service = second.getBean(ExerciseService.class);

            assertThat(service.progress(learner, "1-1", ExerciseServiceContract.CHOICE))
                    .isEqualTo(new ExerciseProgress(2, true, "2", "Correct."));
            assertThat(service.progress(learner, "1-1", ExerciseServiceContract.NUMERIC))
                    .isEqualTo(new ExerciseProgress(1, false, "9.81", "Too high."));
            assertThat(service.progress(new Learner.Guest(UUID.randomUUID()), "1-1", ExerciseServiceContract.CHOICE))
                    .isEqualTo(ExerciseProgress.NOT_TRIED);
        }
    }

    @Test
    void aFreshDataFolderIsMadeAndMigrated() throws Exception {
        Path nested = dataFolder.resolve("not/yet/there");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Storage.class)
                .web(WebApplicationType.NONE)
                .run("--energylab.data.dir=" + nested)) {
            assertThat(context.getBean(ExerciseService.class)
                            .progress(Learner.Guest.newGuest(), "1-1", ExerciseServiceContract.CHOICE))
                    .isEqualTo(ExerciseProgress.NOT_TRIED);
        }
        assertThat(Files.list(nested))
                .extracting(p -> p.getFileName().toString())
                .contains("energylab.mv.db");
    }
}
