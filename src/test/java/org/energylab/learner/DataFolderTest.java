package org.energylab.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class DataFolderTest {

    @Test
    void aRelativeFolderBecomesAbsoluteForTheDatabaseUrl() {
        MockEnvironment environment = new MockEnvironment().withProperty(DataFolder.DIR, "data");

        new DataFolder().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(DataFolder.PATH))
                .isEqualTo(Path.of("data").toAbsolutePath().normalize().toString());
    }

    @Test
    void theDefaultIsDataBesideTheWorkingDirectory() {
        MockEnvironment environment = new MockEnvironment();

        new DataFolder().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(DataFolder.PATH))
                .isEqualTo(Path.of("").toAbsolutePath().resolve("data").toString());
    }

    @Test
    void aBlankFolderIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> DataFolder.resolve(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ENERGYLAB_DATA_DIR");
    }
}
