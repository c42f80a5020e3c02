package org.energylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.pendulum.PendulumSimulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

class CourseCatalogTest {
    private static final SimulationRegistry REGISTRY = new SimulationRegistry(List.of(new PendulumSimulation()));

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private CourseCatalog catalog() {
        return new CourseCatalog(new ContentStore(new DefaultResourceLoader(), dir.toString()), REGISTRY);
    }

    private static String lesson(String id, String body) {
        return "---\nid: " + id + "\ntitle: Title of " + id + "\nsummary: About " + id + ".\n---\n" + body;
    }

    private static String course(String... modules) {
        return "title: Test course\nsummary: For tests.\nmodules:\n" + String.join("", modules);
    }

    private static String module(String id, String... files) {
        StringBuilder yaml =
                new StringBuilder("  - id: " + id + "\n    title: Module " + id + "\n    summary: S\n    lessons:\n");
        for (String file : files) {
            yaml.append("      - ").append(file).append('\n');
        }
        return yaml.toString();
    }

    private static String html(Lesson lesson) {
        StringBuilder html = new StringBuilder();
        lesson.blocks().forEach(b -> {
            if (b instanceof LessonBlock.Prose p) {
                html.append(p.html());
            }
        });
        return html.toString();
    }

    @Test
    void goodLessonLoadsAndBrokenOneBecomesAProblemWithFileAndLine() throws IOException {
        write("course.yml", course(module("m", "m/good.md", "m/broken.md")));
        write("m/good.md", lesson("good", "Some *text*.\n"));
        write("m/broken.md", "---\nid: broken\ntitle: Broken\nsummary: a: b\n---\nText\n");

        CourseCatalog catalog = catalog();

        assertThat(catalog.title()).isEqualTo("Test course");
        assertThat(catalog.summary()).isEqualTo("For tests.");
        assertThat(catalog.lessons()).extracting(Lesson::id).containsExactly("good");
        assertThat(catalog.lesson("good")).get().extracting(Lesson::title).isEqualTo("Title of good");
        assertThat(catalog.lesson("broken")).isEmpty();
        assertThat(catalog.modules()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("m");
            assertThat(m.title()).isEqualTo("Module m");
            assertThat(m.lessons()).extracting(Lesson::id).containsExactly("good");
        });
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("m/broken.md");
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("not valid YAML");
            assertThat(p.toString()).startsWith("m/broken.md:4: ");
        });
    }

    @Test
    void missingCourseFileIsAProblem() {
        CourseCatalog catalog = catalog();

        assertThat(catalog.lessons()).isEmpty();
        assertThat(catalog.problems())
                .singleElement()
                .extracting(ContentProblem::file)
                .isEqualTo("course.yml");
    }

    @Test
    void courseWithoutModulesIsAProblem() throws IOException {
        write("course.yml", "title: T\n");

        assertThat(catalog().problems()).singleElement().satisfies(p -> assertThat(p.toString())
                .isEqualTo("course.yml:1: needs a \"modules\" list"));
    }

    @Test
    void lessonListedInCourseButMissingIsAProblem() throws IOException {
        write("course.yml", course(module("m", "m/here.md", "m/gone.md")));
        write("m/here.md", lesson("here", "Text\n"));

        CourseCatalog catalog = catalog();

        assertThat(catalog.lessons()).extracting(Lesson::id).containsExactly("here");
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("course.yml");
            assertThat(p.message()).contains("m/gone.md").contains("does not exist");
        });
    }

    @Test
    void missingImageIsAProblemNamingTheImage() throws IOException {
        write("course.yml", course(module("m", "m/a.md")));
        write("m/images/there.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        write("m/a.md", lesson("a", "![ok](images/there.svg)\n\nText.\n\n![missing](images/nowhere.svg)\n"));

        CourseCatalog catalog = catalog();

        assertThat(catalog.lessons()).isEmpty();
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("m/a.md");
            assertThat(p.line()).isEqualTo(10);
            assertThat(p.message()).contains("images/nowhere.svg");
        });
    }

    @Test
    void imagesResolveToTheLessonFilesPath() throws IOException {
        write("course.yml", course(module("m", "m/a.md")));
        write("m/images/p.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        write("m/a.md", lesson("a", "![p](images/p.svg) ![far](https://example.org/x.png)\n"));

        CourseCatalog catalog = catalog();

        assertThat(catalog.problems()).isEmpty();
        assertThat(html(catalog.lesson("a").orElseThrow()))
                .contains("src=\"/lesson-files/m/images/p.svg\"")
                .contains("src=\"https://example.org/x.png\"");
    }

    @Test
    void linksToOtherLessonFilesBecomeLessonAddresses() throws IOException {
        write("course.yml", course(module("one", "one/a.md"), module("two", "two/b.md")));
        write(
                "one/a.md",
                lesson(
                        "first",
                        "Next: [B](../two/b.md), [its summary](../two/b.md#summary), [top](#intro),"
                                + " [web](https://example.org/page).\n"));
        write("two/b.md", lesson("second", "Back to [A](../one/a.md).\n"));

        CourseCatalog catalog = catalog();

        assertThat(catalog.problems()).isEmpty();
        assertThat(html(catalog.lesson("first").orElseThrow()))
                .contains("<a href=\"/lessons/second\">B</a>")
                .contains("<a href=\"/lessons/second#summary\">its summary</a>")
                .contains("<a href=\"#intro\">top</a>")
                .contains("<a href=\"https://example.org/page\">web</a>");
        assertThat(html(catalog.lesson("second").orElseThrow())).contains("<a href=\"/lessons/first\">A</a>");
        Lesson first = catalog.lesson("first").orElseThrow();
        assertThat(catalog.html(first, "See [B](../two/b.md)."))
                .isEqualTo("<p>See <a href=\"/lessons/second\">B</a>.</p>\n");
    }

    @Test
    void linkToAFileOutsideTheCourseIsAProblem() throws IOException {
        write("course.yml", course(module("m", "m/a.md")));
        write("m/a.md", lesson("a", "See [notes](notes.md).\n"));

        assertThat(catalog().problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("m/a.md");
            assertThat(p.message()).contains("notes.md");
        });
    }

    @Test
    void simBlocksAreCheckedAgainstTheRegistry() throws IOException {
        write("course.yml", course(module("m", "m/a.md", "m/b.md")));
        write("m/a.md", lesson("a", "Text\n\n```sim pendulum\ntheta0: 9\n```\n"));
        write("m/b.md", lesson("b", "Text\n\n```sim rocket\n```\n"));

        CourseCatalog catalog = catalog();

        assertThat(catalog.lessons()).isEmpty();
        assertThat(catalog.problems())
                .extracting(ContentProblem::toString)
                .containsExactly(
                        "m/a.md:8: parameter theta0: Initial angle θ₀ must be between -3.1 and 3.1 rad",
                        "m/b.md:8: there is no simulation \"rocket\"");
    }

    @Test
    void simulationExerciseMustGradeAScalarTheSimulationReports() throws IOException {
        write("course.yml", course(module("m", "m/typo.md")));
        write(
                "m/typo.md",
                lesson("typo", "```sim pendulum\n```\n")
                        .replace(
                                "summary: About typo.\n",
                                "summary: About typo.\n"
                                        + "exercises:\n"
                                        + "  - id: drift\n"
                                        + "    type: simulation\n"
                                        + "    simulation: pendulum\n"
                                        + "    prompt: Keep the energy.\n"
                                        + "    goal: {scalar: energyDrfit, max: 0.01}\n"
                                        + "    hint: H\n"
                                        + "    explanation: E\n"));

        CourseCatalog catalog = catalog();

        assertThat(catalog.lessons()).isEmpty();
        assertThat(catalog.problems())
                .extracting(ContentProblem::file, ContentProblem::message)
                .containsExactly(tuple(
                        "m/typo.md",
                        "exercise drift grades the scalar energyDrfit, which pendulum does not report; it reports"
                                + " [period, energyDrift]"));
    }

    @Test
    void simulationExerciseNeedsTheSimulationInTheLesson() throws IOException {
        String exercise = "exercises:\n"
                + "  - id: drift\n"
                + "    type: simulation\n"
                + "    simulation: pendulum\n"
                + "    prompt: Keep the energy.\n"
                + "    require: {dt: 0.05}\n"
                + "    goal: {scalar: energyDrift, max: 0.01}\n"
                + "    hint: H\n"
                + "    explanation: E\n";
        write("course.yml", course(module("m", "m/with.md", "m/without.md", "m/bad-require.md")));
        write(
                "m/with.md",
                lesson("with", "```sim pendulum\n```\n")
                        .replace("summary: About with.\n", "summary: About with.\n" + exercise));
        write(
                "m/without.md",
                lesson("without", "No simulation here.\n")
                        .replace("summary: About without.\n", "summary: About without.\n" + exercise));
        write(
                "m/bad-require.md",
                lesson("bad-require", "```sim pendulum\n```\n")
                        .replace(
                                "summary: About bad-require.\n",
                                "summary: About bad-require.\n" + exercise.replace("{dt: 0.05}", "{dt: 7}")));

        CourseCatalog catalog = catalog();

        assertThat(catalog.lessons()).extracting(Lesson::id).containsExactly("with");
        assertThat(catalog.problems())
                .extracting(ContentProblem::file, ContentProblem::message)
                .containsExactly(
                        tuple(
                                "m/without.md",
                                "exercise drift is graded from a pendulum run, but the lesson embeds no such"
                                        + " simulation"),
                        tuple(
                                "m/bad-require.md",
                                "exercise drift: parameter dt: Time step Δt must be between 1e-4 and 0.1 s"));
    }

    @Test
    void duplicateLessonIdIsAProblem() throws IOException {
        write("course.yml", course(module("m", "m/a.md", "m/b.md")));
        write("m/a.md", lesson("same", "A\n"));
        write("m/b.md", lesson("same", "B\n"));

        CourseCatalog catalog = catalog();

        assertThat(catalog.lessons()).extracting(Lesson::file).containsExactly("m/a.md");
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("m/b.md");
            assertThat(p.message()).contains("\"same\"");
        });
    }

    @Test
    void theNotationPageIsAPageOutsideTheModulesThatLessonsMayLinkTo() throws IOException {
        write("course.yml", course(module("m", "m/a.md", "m/b.md")) + "notation: notation.md\n");
        write("m/a.md", lesson("a", "See the [notation](../notation.md#lesson-a).\n"));
        write("m/b.md", lesson("b", "B\n"));
        write("notation.md", lesson("notation", "| symbol | meaning |\n|---|---|\n| $T$ | kinetic energy |\n"));

        CourseCatalog catalog = catalog();
        assertThat(catalog.problems()).isEmpty();
        Lesson notation = catalog.notation().orElseThrow();
        assertThat(notation.id()).isEqualTo("notation");
        assertThat(catalog.page("notation")).contains(notation);
        assertThat(catalog.lesson("notation")).isEmpty();
        assertThat(catalog.lessons()).extracting(Lesson::id).containsExactly("a", "b");
        assertThat(catalog.next(catalog.lesson("a").orElseThrow()))
                .contains(catalog.lesson("b").orElseThrow());
        assertThat(html(catalog.lesson("a").orElseThrow())).contains("href=\"/lessons/notation#lesson-a\"");
    }

    @Test
    void aCourseWithoutNotationHasNone() throws IOException {
        write("course.yml", course(module("m", "m/a.md")));
        write("m/a.md", lesson("a", "A\n"));
        assertThat(catalog().notation()).isEmpty();
    }

    @Test
    void previousAndNextFollowTheOrderOfCourseYml() throws IOException {
        write("course.yml", course(module("later", "z/3.md", "a/1.md"), module("earlier", "b/2.md")));
        write("a/1.md", lesson("one", "1\n"));
        write("b/2.md", lesson("two", "2\n"));
        write("z/3.md", lesson("three", "3\n"));

        CourseCatalog catalog = catalog();
        Lesson three = catalog.lesson("three").orElseThrow();
        Lesson one = catalog.lesson("one").orElseThrow();
        Lesson two = catalog.lesson("two").orElseThrow();

        assertThat(catalog.problems()).isEmpty();
        assertThat(catalog.modules()).extracting(CourseModule::id).containsExactly("later", "earlier");
        assertThat(catalog.lessons()).containsExactly(three, one, two);
        assertThat(one.moduleId()).isEqualTo("later");
        assertThat(two.moduleId()).isEqualTo("earlier");
        assertThat(catalog.previous(three)).isEmpty();
        assertThat(catalog.next(three)).contains(one);
        assertThat(catalog.previous(one)).contains(three);
        assertThat(catalog.next(one)).contains(two);
        assertThat(catalog.previous(two)).contains(one);
        assertThat(catalog.next(two)).isEmpty();
    }

    @Test
    void brokenMathInAnExerciseIsAProblemOfThatLessonOnly() throws IOException {
        write("course.yml", course(module("m", "m/a.md", "m/b.md")));
        write("m/a.md", lesson("a", "Fine.\n"));
        write(
                "m/b.md",
                lesson("b", "Fine too.\n")
                        .replace(
                                "summary: About b.\n",
                                "summary: About b.\n"
                                        + "exercises:\n"
                                        + "  - id: cost\n"
                                        + "    type: numeric\n"
                                        + "    prompt: What does it cost in $?\n"
                                        + "    answer: 5\n"
                                        + "    tolerance: 1\n"
                                        + "    hint: H\n"
                                        + "    explanation: E\n"));

        CourseCatalog catalog = catalog();

        assertThat(catalog.lessons()).extracting(Lesson::id).containsExactly("a");
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("m/b.md");
            assertThat(p.message()).startsWith("exercise cost: ").contains("never closed");
        });
    }

    @Test
    void aScriptLinkInProseRefusesTheLesson() throws IOException {
        write("course.yml", course(module("m", "m/a.md", "m/b.md")));
        write("m/a.md", lesson("a", "Fine text.\n\nThen [a prize](JavaScript:alert(document.cookie)).\n"));
        write("m/b.md", lesson("b", "Safe [web](https://example.org) and [mail](mailto:t@example.org).\n"));

        CourseCatalog catalog = catalog();

        assertThat(catalog.lessons()).extracting(Lesson::id).containsExactly("b");
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("m/a.md");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message())
                    .contains("JavaScript:alert(document.cookie)")
                    .contains("http, https and mailto");
        });
    }

    @Test
    void aScriptLinkInExerciseTextIsFoundThoughYamlEscapesIt() throws IOException {
        // In a double-quoted YAML string, \u006A is "j": the file itself never spells the scheme.
        String escaped = "---\nid: a\ntitle: A\nsummary: S.\n"
                + "exercises:\n"
                + "  - id: cost\n"
                + "    type: numeric\n"
                + "    prompt: \"See [the table](\\u006Aavascript:alert(1)) first.\"\n"
                + "    answer: 5\n"
                + "    tolerance: 1\n"
                + "    hint: H\n"
                + "    explanation: E\n"
                + "---\nText.\n";
        assertThat(escaped).doesNotContain("javascript");
        write("course.yml", course(module("m", "m/a.md")));
        write("m/a.md", escaped);

        CourseCatalog catalog = catalog();

        assertThat(catalog.lessons()).isEmpty();
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("m/a.md");
            assertThat(p.message()).contains("exercise cost").contains("javascript:alert(1)");
        });
    }

    @Test
    void anImageThatLinksOutOfTheFolderIsAProblem(@TempDir Path elsewhere) throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("secret.png"), "not an image");
        write("course.yml", course(module("m", "m/a.md")));
        write("m/a.md", lesson("a", "![innocent](images/p.png)\n"));
        Files.createDirectories(dir.resolve("m/images"));
        Files.createSymbolicLink(dir.resolve("m/images/p.png"), outside);

        CourseCatalog catalog = catalog();

        assertThat(catalog.lessons()).isEmpty();
        assertThat(catalog.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("m/a.md");
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("images/p.png").contains("outside the content folder");
        });
    }

    @Test
    void aLessonFileThatLinksOutOfTheFolderIsNotRead(@TempDir Path elsewhere) throws IOException {
        Path outside = Files.writeString(elsewhere.resolve("x.md"), lesson("x", "X.\n"));
        write("course.yml", course(module("m", "m/a.md")));
        Files.createDirectories(dir.resolve("m"));
        Files.createSymbolicLink(dir.resolve("m/a.md"), outside);

        CourseCatalog catalog = catalog();

        assertThat(catalog.lessons()).isEmpty();
        assertThat(catalog.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("m/a.md").contains("outside the content folder"));
    }

    @Test
    void linksInsideTheFolderMayBeSymbolicLinks() throws IOException {
        write("course.yml", course(module("m", "m/a.md")));
        write("shared/p.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        write("m/a.md", lesson("a", "![shared](images/p.svg)\n"));
        Files.createDirectories(dir.resolve("m/images"));
        Files.createSymbolicLink(dir.resolve("m/images/p.svg"), dir.resolve("shared/p.svg"));

        assertThat(catalog().problems()).isEmpty();
    }
}
