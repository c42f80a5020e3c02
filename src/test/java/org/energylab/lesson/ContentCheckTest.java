package org.energylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationClasses;
import org.energylab.simulation.SimulationRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
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
    private static final int MAX_FIGURE_BYTES = 40_000;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>\\s*[^<\\s][^<]*</title>");
    private static final Pattern DESC = Pattern.compile("<desc[^>]*>\\s*[^<\\s][^<]*</desc>");
    private static final Pattern EXTERNAL = Pattern.compile(
            "<script|<foreignObject|@import|(?:xlink:)?href=\"(?!#)|url\\((?!#)", Pattern.CASE_INSENSITIVE);

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

    @Test
    void everyLessonHasAFigureWithAltTextWhoseFileExists() {
        List<String> wrong = new ArrayList<>();
        for (Lesson lesson : catalog.lessons()) {
            List<Element> images = lesson.blocks().stream()
                    .filter(LessonBlock.Prose.class::isInstance)
                    .map(LessonBlock.Prose.class::cast)
                    .flatMap(prose -> Jsoup.parseBodyFragment(prose.html()).select("img").stream())
                    .toList();
            if (images.isEmpty()) {
                wrong.add(lesson.file() + ": no figure");
            }
            for (Element image : images) {
                String src = image.attr("src");
                if (image.attr("alt").isBlank()) {
                    wrong.add(lesson.file() + ": " + src + " has no alt text");
                }
                if (!src.startsWith(CourseCatalog.ASSET_PATH)
                        || !Files.isRegularFile(CONTENT.resolve(src.substring(CourseCatalog.ASSET_PATH.length())))) {
                    wrong.add(lesson.file() + ": " + src + " is not a file of " + CONTENT);
                }
            }
        }

        assertThat(wrong).as("lessons without a described figure").isEmpty();
    }

    @Test
    void everySvgFigureIsSmallSelfContainedAndTitled() throws IOException {
        List<Path> figures;
        try (Stream<Path> files = Files.walk(CONTENT)) {
            figures = files.filter(f -> f.toString().endsWith(".svg")).sorted().toList();
        }
        List<String> wrong = new ArrayList<>();
        for (Path figure : figures) {
            String svg = Files.readString(figure);
            if (!TITLE.matcher(svg).find() || !DESC.matcher(svg).find()) {
                wrong.add(figure + ": needs a non-empty <title> and <desc>");
            }
            if (EXTERNAL.matcher(svg).find()) {
                wrong.add(figure + ": loads or runs something (script, external reference, import)");
            }
            if (Files.size(figure) > MAX_FIGURE_BYTES) {
                wrong.add(figure + ": " + Files.size(figure) + " bytes, more than " + MAX_FIGURE_BYTES);
            }
        }

        assertThat(figures).as("SVG figures in %s", CONTENT).isNotEmpty();
        assertThat(wrong).isEmpty();
    }

    private static List<String> registeredIds() {
        return registry.all().stream().map(Simulation::id).toList();
    }
}
