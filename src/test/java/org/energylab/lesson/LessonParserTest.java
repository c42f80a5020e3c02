package org.energylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.energylab.exercise.ChoiceExercise;
import org.energylab.exercise.NumericExercise;
import org.energylab.exercise.SimulationExercise;
import org.energylab.simulation.InvalidParameterException;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationRegistry;
import org.energylab.simulation.pendulum.PendulumSimulation;
import org.junit.jupiter.api.Test;

class LessonParserTest {
    private static final SimulationRegistry REGISTRY = new SimulationRegistry(List.of(new PendulumSimulation()));

    /** The same check the catalog applies: a registered simulation and valid overrides. */
    private static final LessonParser.BlockChecker CHECKER = (simulation, overrides) -> {
        Simulation s = REGISTRY.find(simulation)
                .orElseThrow(() -> new IllegalArgumentException("there is no simulation \"" + simulation + "\""));
        try {
            SimulationRegistry.validate(s, overrides);
        } catch (InvalidParameterException e) {
            throw new IllegalArgumentException("parameter " + e.field() + ": " + e.getMessage());
        }
    };

    /** Renders prose as a marker, so the tests see exactly which Markdown went into each chunk. */
    private static final Function<String, String> ECHO = markdown -> "[" + markdown + "]";

    private static final String FRONT = """
            ---
            id: the-lesson
            title: The Lesson
            summary: What it is about.
            exercises:
              - id: pick
                type: choice
                prompt: Which one?
                choices: [first, second, third]
                answer: 1
                hint: Think.
                explanation: Because.
              - id: number
                type: numeric
                prompt: How much?
                answer: 5.5
                tolerance: 0.2
                unit: "m/s²"
                hint: Measure.
                explanation: It is 5.5.
              - id: run
                type: simulation
                simulation: pendulum
                prompt: Keep the energy.
                require:
                  dt: 0.05
                  duration: 200
                goal:
                  scalar: energyDrift
                  max: 0.01
                hint: Use Verlet.
                explanation: Symplectic.
            ---
            """;

    private static final int FRONT_LINES = 33;

    private static Lesson parse(String text) {
        return new LessonParser(CHECKER).parse("m/lesson.md", "module", text, ECHO);
    }

    private static ContentException error(String text) {
        ContentException e = catchThrowableOfType(ContentException.class, () -> parse(text));
        assertThat(e).as("a ContentException for:%n%s", text).isNotNull();
        return e;
    }

    @Test
    void objectivesNameTheExerciseThatChecksThem() {
        String front = FRONT.replace(
                "exercises:\n",
                "objectives:\n  - objective: Pick the right one.\n    exercise: pick\n"
                        + "  - objective: Compute $v$.\n    exercise: number\nexercises:\n");
        Lesson lesson = parse(front + "Hello.\n");
        assertThat(lesson.objectives())
                .containsExactly(
                        new Lesson.Objective("Pick the right one.", "pick"),
                        new Lesson.Objective("Compute $v$.", "number"));
        assertThat(parse(FRONT + "Hello.\n").objectives()).isEmpty();
    }

    @Test
    void anObjectiveCheckedByAMissingExerciseIsRefused() {
        String front = FRONT.replace(
                "exercises:\n", "objectives:\n  - objective: Do it.\n    exercise: nowhere\nexercises:\n");
        ContentException e = error(front + "Hello.\n");
        assertThat(e.getMessage()).contains("nowhere").contains("does not have");
        assertThat(e.line()).isEqualTo(5);
        assertThat(error(FRONT.replace("exercises:\n", "objectives:\n  - Do it.\nexercises:\n") + "x\n")
                        .getMessage())
                .contains("needs \"objective\"");
    }

    @Test
    void aRevealBlockIsFoldedProseBetweenTheTextAroundIt() {
        Lesson lesson = parse(FRONT + "Predict.\n```reveal\nIt is **5.5**.\n```\nAfter.\n");
        assertThat(lesson.blocks())
                .containsExactly(
                        new LessonBlock.Prose("[Predict.\n]"),
                        new LessonBlock.Reveal("[It is **5.5**.\n]"),
                        new LessonBlock.Prose("[After.\n\n]"));
        ContentException open = error(FRONT + "Predict.\n```reveal\nIt is 5.5.\n");
        assertThat(open.getMessage()).contains("never closed");
        assertThat(open.line()).isEqualTo(FRONT_LINES + 2);
        assertThat(error(FRONT + "```reveal\n\n```\n").getMessage()).contains("empty");
    }

    @Test
    void frontMatterGivesIdTitleSummaryAndExercises() {
        Lesson lesson = parse(FRONT + "Hello.\n");

        assertThat(FRONT.lines().count()).isEqualTo(FRONT_LINES);
        assertThat(lesson.id()).isEqualTo("the-lesson");
        assertThat(lesson.title()).isEqualTo("The Lesson");
        assertThat(lesson.summary()).isEqualTo("What it is about.");
        assertThat(lesson.moduleId()).isEqualTo("module");
        assertThat(lesson.file()).isEqualTo("m/lesson.md");
        assertThat(lesson.folder()).isEqualTo("m/");
        assertThat(lesson.exercises()).hasSize(3);

        ChoiceExercise choice = (ChoiceExercise) lesson.exercises().get(0);
        assertThat(choice.id()).isEqualTo("pick");
        assertThat(choice.choices()).containsExactly("first", "second", "third");
        assertThat(choice.answer()).isEqualTo(1);

        NumericExercise numeric = (NumericExercise) lesson.exercises().get(1);
        assertThat(numeric.answer()).isEqualTo(5.5);
        assertThat(numeric.tolerance()).isEqualTo(0.2);
        assertThat(numeric.unit()).isEqualTo("m/s²");

        SimulationExercise simulation = (SimulationExercise) lesson.exercises().get(2);
        assertThat(simulation.simulation()).isEqualTo("pendulum");
        assertThat(simulation.require()).containsOnly(entry("dt", 0.05), entry("duration", 200));
        assertThat(simulation.scalar()).isEqualTo("energyDrift");
        assertThat(simulation.min()).isNull();
        assertThat(simulation.max()).isEqualTo(0.01);
    }

    @Test
    void exercisesAreOptional() {
        Lesson lesson = parse("---\nid: a\ntitle: A\nsummary: S\n---\nText\n");

        assertThat(lesson.exercises()).isEmpty();
        assertThat(lesson.blocks()).containsExactly(new LessonBlock.Prose("[Text\n\n]"));
    }

    @Test
    void bodySplitsIntoProseAndSimulationBlocksWithTheirFenceLines() {
        String body = """
                Intro with $x$.

                ```sim pendulum
                theta0: 0.5
                integrator: velocity-verlet
                ```

                Middle.
                ```sim pendulum
                ```
                End.
                """;

        Lesson lesson = parse(FRONT + body);

        assertThat(lesson.blocks())
                .containsExactly(
                        new LessonBlock.Prose("[Intro with $x$.\n\n]"),
                        new LessonBlock.SimulationBlock(
                                "pendulum", Map.of("theta0", 0.5, "integrator", "velocity-verlet"), FRONT_LINES + 3),
                        new LessonBlock.Prose("[\nMiddle.\n]"),
                        new LessonBlock.SimulationBlock("pendulum", Map.of(), FRONT_LINES + 9),
                        new LessonBlock.Prose("[End.\n\n]"));
    }

    @Test
    void ordinaryCodeFencesStayProse() {
        Lesson lesson = parse("---\nid: a\ntitle: A\nsummary: S\n---\n```python\nx = 1\n```\n");

        assertThat(lesson.blocks()).containsExactly(new LessonBlock.Prose("[```python\nx = 1\n```\n\n]"));
    }

    @Test
    void missingFrontMatterIsAnErrorOnLine1() {
        ContentException e = error("# A lesson\n\nNo front matter.\n");

        assertThat(e.line()).isEqualTo(1);
        assertThat(e).hasMessageContaining("front matter");
    }

    @Test
    void unclosedFrontMatterIsAnErrorOnLine1() {
        ContentException e = error("---\nid: a\ntitle: A\nsummary: S\n\nText\n");

        assertThat(e.line()).isEqualTo(1);
        assertThat(e).hasMessageContaining("never closed");
    }

    @Test
    void badYamlNamesTheLineOfTheProblem() {
        ContentException e = error("---\nid: a\ntitle: A\nsummary: S: T\n---\nText\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e).hasMessageContaining("not valid YAML");
    }

    @Test
    void frontMatterThatIsNoMapIsRefused() {
        ContentException e = error("---\n- a\n- b\n---\nText\n");

        assertThat(e).hasMessageContaining("YAML map");
    }

    @Test
    void missingTitleIsNamed() {
        ContentException e = error("---\nid: a\nsummary: S\n---\nText\n");

        assertThat(e).hasMessageContaining("\"title\"");
    }

    @Test
    void badIdNamesItsLine() {
        ContentException onLine2 = error("---\nid: The_Lesson\ntitle: A\nsummary: S\n---\nText\n");
        ContentException onLine4 = error("---\ntitle: A\nsummary: S\nid: Bad Id\n---\nText\n");

        assertThat(onLine2.line()).isEqualTo(2);
        assertThat(onLine2).hasMessageContaining("The_Lesson").hasMessageContaining("lowercase");
        assertThat(onLine4.line()).isEqualTo(4);
        assertThat(onLine4).hasMessageContaining("Bad Id");
    }

    @Test
    void badExerciseIsAnErrorNamingTheExercise() {
        ContentException e = error(FRONT.replace("    tolerance: 0.2\n", "") + "Text\n");

        assertThat(e).hasMessageContaining("exercise 2 (number)").hasMessageContaining("tolerance");
    }

    @Test
    void duplicateExerciseIdsAreRefused() {
        ContentException e = error(FRONT.replace("id: number", "id: pick") + "Text\n");

        assertThat(e).hasMessageContaining("share an id");
    }

    @Test
    void unknownSimulationIsAnErrorOnTheFenceLine() {
        ContentException e = error(FRONT + "Text\n\n```sim double-pendulum\n```\n");

        assertThat(e.line()).isEqualTo(FRONT_LINES + 3);
        assertThat(e).hasMessageContaining("double-pendulum");
    }

    @Test
    void simBlockWithoutSimulationIdIsAnError() {
        ContentException e = error(FRONT + "```sim\ntheta0: 1\n```\n");

        assertThat(e.line()).isEqualTo(FRONT_LINES + 1);
        assertThat(e).hasMessageContaining("names its simulation");
    }

    @Test
    void outOfRangeOverrideNamesTheParameterAndTheFenceLine() {
        ContentException e = error(FRONT + "Text\n```sim pendulum\ndt: 0.01\ntheta0: 5\n```\n");

        assertThat(e.line()).isEqualTo(FRONT_LINES + 2);
        assertThat(e).hasMessageContaining("theta0").hasMessageContaining("3.1");
    }

    @Test
    void unknownOverrideNamesTheParameter() {
        ContentException e = error(FRONT + "```sim pendulum\nlenght: 2\n```\n");

        assertThat(e.line()).isEqualTo(FRONT_LINES + 1);
        assertThat(e).hasMessageContaining("lenght");
    }

    @Test
    void simBlockThatIsNoMapIsAnError() {
        ContentException e = error(FRONT + "```sim pendulum\n- theta0\n```\n");

        assertThat(e.line()).isEqualTo(FRONT_LINES + 1);
        assertThat(e).hasMessageContaining("name: value");
    }

    @Test
    void unclosedSimBlockIsAnErrorOnItsFenceLine() {
        ContentException e = error(FRONT + "Text\n\n\n```sim pendulum\ntheta0: 1\n\nMore text.\n");

        assertThat(e.line()).isEqualTo(FRONT_LINES + 4);
        assertThat(e).hasMessageContaining("never closed");
    }

    @Test
    void proseThatFailsToRenderNamesTheLineWhereItsChunkStarts() {
        String text = FRONT + "Fine.\n```sim pendulum\n```\nBroken $$ math\n";

        ContentException e = catchThrowableOfType(ContentException.class, () -> new LessonParser(CHECKER)
                .parse("m/lesson.md", "module", text, MarkdownRenderer.plain()::toHtml));

        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(FRONT_LINES + 4);
        assertThat(e).hasMessageContaining("never closed");
    }
}
