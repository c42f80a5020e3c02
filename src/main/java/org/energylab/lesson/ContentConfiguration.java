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

    /**
     * Parsing and rendering the course takes a second or two on a cold start: it runs beside the rest of
     * the start-up, on Spring's bootstrap executor; the application is ready once both are done.
     */
    @Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
    CourseCatalog courseCatalog(ContentStore store, SimulationRegistry simulations) {
        return new CourseCatalog(store, simulations);
    }
}
