package org.energylab.learner;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves the data folder ({@code energylab.data.dir}, from {@code ENERGYLAB_DATA_DIR}, default
 * {@code ./data}) to an absolute path in {@code energylab.data.path}, which the default database URL
 * uses: H2 refuses file paths that are only implicitly relative, such as {@code data/energylab}.
 */
public class DataFolder implements EnvironmentPostProcessor {
    static final String DIR = "energylab.data.dir";
    static final String PATH = "energylab.data.path";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty(DIR, "./data");
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("energylab-data-folder", Map.of(PATH, resolve(dir))));
    }

    static String resolve(String dir) {
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException(DIR + " (ENERGYLAB_DATA_DIR) must name a folder");
        }
        try {
            return Path.of(dir.strip()).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(DIR + " (ENERGYLAB_DATA_DIR) is not a valid path: " + dir, e);
        }
    }
}
