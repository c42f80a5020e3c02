package org.energylab.lesson;

import org.energylab.simulation.SimulationRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Reads the course once at start-up, from {@code energylab.content.dir} or the packaged content. */
@Configuration
class ContentConfiguration {

    @Bean
    ContentStore contentStore(ResourceLoader loader, @Value("${energylab.content.dir:}") String directory) {
        return new ContentStore(loader, directory);
    }

    @Bean
    CourseCatalog courseCatalog(ContentStore store, SimulationRegistry simulations) {
        return new CourseCatalog(store, simulations);
    }
}
