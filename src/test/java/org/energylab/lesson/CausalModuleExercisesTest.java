package org.energylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energylab.exercise.Exercise;
import org.energylab.exercise.NumericExercise;
import org.energylab.exercise.SimulationExercise;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationClasses;
import org.energylab.simulation.SimulationRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The exercises of module 6 as a learner meets them: each numeric answer against the model's own
 * formulas, each simulation exercise solved by the run its explanation proposes (seed 42, the form's
 * default) and not solved by the lesson's defaults alone.
 */
class CausalModuleExercisesTest {
    private static final long FORM_SEED = 42;

    private static SimulationRegistry registry;
    private static CourseCatalog catalog;

    @BeforeAll
    static void load() {
        registry = new SimulationRegistry(SimulationClasses.instantiateAll());
        catalog = new CourseCatalog(
                new ContentStore(
                        new DefaultResourceLoader(),
                        Path.of("content").toAbsolutePath().toString()),
                registry);
    }

    private static Exercise exercise(String lesson, String id) {
        Lesson found = catalog.lesson(lesson).orElseThrow(() -> new AssertionError("no lesson " + lesson));
        assertThat(found.moduleId()).isEqualTo("causal");
        return found.exercises().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no exercise " + id + " in " + lesson));
    }

    private static double answer(String lesson, String id) {
        return ((NumericExercise) exercise(lesson, id)).answer();
    }

    @Test
    void everyLessonOfTheModuleHasAtLeastFourExercisesAndOneGradedFromARun() {
        List<Lesson> lessons = catalog.lessons().stream()
                .filter(l -> l.moduleId().equals("causal"))
                .toList();
        assertThat(lessons)
                .extracting(Lesson::id)
                .containsExactly("latent-as-confounder", "sensitivity-analysis", "fisher-information");
        for (Lesson lesson : lessons) {
            assertThat(lesson.exercises()).as(lesson.id()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(lesson.exercises()).as(lesson.id()).anyMatch(e -> e instanceof SimulationExercise);
        }
    }

    /** c + a·b·σ_z²/(a²σ_z² + σ_x²), the limit of the naive slope of lesson 6.1. */
    private static double naiveSlope(double a, double b, double c, double sigmaZ, double sigmaX) {
        return c + a * b * sigmaZ * sigmaZ / (a * a * sigmaZ * sigmaZ + sigmaX * sigmaX);
    }

    @Test
    void theNumericAnswersFollowFromTheModel() {
        assertThat(answer("latent-as-confounder", "naive-limit")).isCloseTo(naiveSlope(2, 1, 0.5, 1, 1), within(1e-12));

        // s* = Cov(x, y)/σ_z² = c·Var(x) + a·b·σ_z² at σ_z = 1, with Var(x) = a²σ_z² + σ_x² = 5.
        assertThat(answer("sensitivity-analysis", "explain-away-value"))
                .isCloseTo(naiveSlope(2, 0.5, 0.3, 1, 1) * 5, within(1e-12));
        // The twin world y = x + ε matches Var(y) = c²Var(x) + b²σ_z² + 2abcσ_z² + σ_y² of the defaults.
        double varianceY = 0.25 * 2 + 1 + 2 * 0.5 + 0.25;
        assertThat(answer("sensitivity-analysis", "twin-world")).isCloseTo(Math.sqrt(varianceY - 2), within(5e-4));

        assertThat(answer("fisher-information", "information-of-a-mean")).isCloseTo(1 / (0.5 * 0.5), within(1e-12));
        assertThat(answer("fisher-information", "bound-at-n")).isCloseTo(2.0 * 2 / 100, within(1e-12));
        assertThat(answer("fisher-information", "median-efficiency")).isCloseTo(2 / Math.PI, within(5e-4));
        // Under do(x): E[x²]/(b²σ_z² + σ_y²), with E[x²] = Var(x) = 2.
        assertThat(answer("fisher-information", "information-under-do")).isCloseTo(2 / (1 + 0.25), within(1e-12));
    }

    @Test
    void theProposedRunsSolveTheSimulationExercisesAndTheDefaultsDoNot() {
        solves("latent-as-confounder", "wrong-sign", Map.of("a", 1, "b", -2));
        solves("latent-as-confounder", "small-latent", Map.of("sigmaZ", 0.2));
        solves("sensitivity-analysis", "robust-effect", Map.of("sigmaZ", 0.5, "sigmaX", 1.5));
        solves("fisher-information", "precise-slope", Map.of("maxSamples", 4000));
    }

    private static void solves(String lesson, String id, Map<String, Object> answer) {
        SimulationExercise exercise = (SimulationExercise) exercise(lesson, id);
        Simulation simulation = registry.find(exercise.simulation()).orElseThrow();
        Map<String, Object> required = new LinkedHashMap<>(exercise.require());
        assertThat(grade(exercise, simulation, required))
                .as("%s with only its requirements", id)
                .isFalse();
        required.putAll(answer);
        assertThat(grade(exercise, simulation, required))
                .as("%s with %s", id, answer)
                .isTrue();
    }

    private static boolean grade(SimulationExercise exercise, Simulation simulation, Map<String, Object> raw) {
        Parameters parameters = simulation.schema().validate(raw);
        simulation.checkCombination(parameters);
        return exercise.grade(parameters.asMap(), simulation.run(RunContext.of(parameters, FORM_SEED)))
                .correct();
    }
}
