package org.energylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationClasses;
import org.energylab.simulation.SimulationRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The teacher's guard: the shipped {@code content/} folder loads without a single problem. When it
 * fails, the message lists every problem with its file and line.
 */
class ContentCheckTest {
    private static final Path CONTENT = Path.of("content");
    private static final int MIN_EXERCISES = 3;

    private static SimulationRegistry registry;
    private static CourseCatalog catalog;

    @BeforeAll
    static void load() {
        registry = new SimulationRegistry(SimulationClasses.instantiateAll());
        catalog = new CourseCatalog(
                new ContentStore(
                        new DefaultResourceLoader(), CONTENT.toAbsolutePath().toString()),
                registry);
    }

    @Test
    void contentLoadsWithoutProblems() {
        assertThat(catalog.problems())
                .as(
                        "the course in %s has problems:%n%s%n",
                        CONTENT.toAbsolutePath(),
                        catalog.problems().stream().map(p -> "  " + p).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    @Test
    void everyLessonHasThreeToFiveObjectivesEachCheckedByOneOfItsExercises() {
        for (Lesson lesson : catalog.lessons()) {
            assertThat(lesson.objectives())
                    .as("objectives of %s", lesson.file())
                    .hasSizeBetween(3, 5);
            List<String> exercises =
                    lesson.exercises().stream().map(e -> e.id()).toList();
            assertThat(lesson.objectives())
                    .as("objectives of %s", lesson.file())
                    .allSatisfy(o -> assertThat(exercises).contains(o.exercise()));
        }
    }

    @Test
    void theNotationPageCoversEveryLesson() {
        Lesson notation = catalog.notation().orElseThrow(() -> new AssertionError("course.yml names no notation page"));
        String html = notation.blocks().stream()
                .filter(b -> b instanceof LessonBlock.Prose)
                .map(b -> ((LessonBlock.Prose) b).html())
                .collect(Collectors.joining());
        for (Lesson lesson : catalog.lessons()) {
            assertThat(html)
                    .as("the notation page links to %s", lesson.id())
                    .contains("/lessons/" + lesson.id() + "\"");
        }
    }

    @Test
    void everyLessonOfCourseYmlIsPresent() throws IOException {
        Map<?, ?> course = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(CONTENT.resolve("course.yml")));
        List<String> listed = new ArrayList<>();
        for (Object module : (List<?>) course.get("modules")) {
            ((List<?>) ((Map<?, ?>) module).get("lessons")).forEach(f -> listed.add(f.toString()));
        }

        assertThat(listed).as("lessons listed in course.yml").isNotEmpty();
        assertThat(catalog.lessons())
                .extracting(Lesson::file)
                .as("lessons that loaded; problems: %s", catalog.problems())
                .containsExactlyElementsOf(listed);
        assertThat(catalog.modules()).allSatisfy(m -> assertThat(m.lessons())
                .as("lessons of module %s", m.id())
                .isNotEmpty());
    }

    @Test
    void everySimBlockNamesARegisteredSimulation() {
        List<String> wrong = new ArrayList<>();
        for (Lesson lesson : catalog.lessons()) {
            for (LessonBlock block : lesson.blocks()) {
                if (block instanceof LessonBlock.SimulationBlock sim
                        && registry.find(sim.simulation()).isEmpty()) {
                    wrong.add(lesson.file() + ":" + sim.line() + ": " + sim.simulation());
                }
            }
        }

        assertThat(wrong)
                .as("sim blocks naming no registered simulation (registered: %s)", registeredIds())
                .isEmpty();
    }

    @Test
    void everyLessonHasAtLeastThreeExercises() {
        assertThat(catalog.lessons()).as("the course has lessons").isNotEmpty().allSatisfy(lesson -> assertThat(
                        lesson.exercises())
                .as("exercises of %s", lesson.file())
                .hasSizeGreaterThanOrEqualTo(MIN_EXERCISES));
    }

    private static List<String> registeredIds() {
        return registry.all().stream().map(Simulation::id).toList();
    }
}
