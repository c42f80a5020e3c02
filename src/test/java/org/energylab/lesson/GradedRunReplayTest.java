package org.energylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.energylab.exercise.Answer;
import org.energylab.exercise.GradedRun;
import org.energylab.exercise.SimulationExercise;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.Seed;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationClasses;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.SimulationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A graded run's link re-opens that run: the parameters it carries, read back as text the way the
 * simulation page reads them, validate to the run's own parameters, and with its seed the run gives
 * the same numbers again. Checked on a course exercise whose simulation draws random numbers.
 */
class GradedRunReplayTest {
    private static SimulationRegistry registry;
    private static SimulationExercise crossTheBarrier;

    @BeforeAll
    static void load() {
        registry = new SimulationRegistry(SimulationClasses.instantiateAll());
        CourseCatalog catalog = new CourseCatalog(
                new ContentStore(
                        new DefaultResourceLoader(),
                        Path.of("content").toAbsolutePath().toString()),
                registry);
        crossTheBarrier = (SimulationExercise) catalog.lesson("sampling-an-energy").orElseThrow().exercises().stream()
                .filter(e -> e.id().equals("cross-the-barrier"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theLinkOfAGradedRunReproducesItsGradedScalar() {
        Simulation sampler = registry.find(crossTheBarrier.simulation()).orElseThrow();
        assertThat(sampler.usesSeed()).isTrue();
        Map<String, Object> chosen = new LinkedHashMap<>(crossTheBarrier.require());
        chosen.put("stepSize", "2");
        chosen.put("chains", "200");
        chosen.put("steps", "400");
        Parameters parameters = SimulationRegistry.validate(sampler, chosen);
        SimulationResult first = sampler.run(RunContext.of(parameters, 7));
        Answer.Run answer = new Answer.Run(sampler.id(), parameters.asMap(), 7L, first);
        assertThat(crossTheBarrier.grade(parameters.asMap(), first).correct()).isTrue();

        GradedRun run = GradedRun.of(crossTheBarrier, answer).orElseThrow();
        Map<String, String> query = query(run.link());
        assertThat(URI.create(run.link()).getPath()).isEqualTo("/simulations/sampler");
        long seed = Seed.parse(query.remove(Seed.FIELD));
        Parameters reopened = SimulationRegistry.validate(sampler, new LinkedHashMap<>(query));
        SimulationResult again = sampler.run(RunContext.of(reopened, seed));

        assertThat(reopened).isEqualTo(parameters);
        assertThat(seed).isEqualTo(7);
        assertThat(again.scalar(run.scalar()).value()).isEqualTo(run.value());
        assertThat(again.scalars()).isEqualTo(first.scalars());
        // The seed matters: another one gives other samples.
        SimulationResult otherSeed = sampler.run(RunContext.of(reopened, 8));
        assertThat(otherSeed.scalar(run.scalar()).value()).isNotEqualTo(run.value());
    }

    private static Map<String, String> query(String link) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : URI.create(link).getRawQuery().split("&")) {
            String[] nameValue = pair.split("=", 2);
            values.put(
                    URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
                    URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
        }
        return values;
    }
}
