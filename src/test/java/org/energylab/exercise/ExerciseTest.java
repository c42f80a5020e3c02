package org.energylab.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.Scalar;
import org.energylab.simulation.SimulationResult;
import org.junit.jupiter.api.Test;

class ExerciseTest {
    private final ChoiceExercise choiceExercise = (ChoiceExercise) ExerciseParser.parse(choice(), 0);
    private final NumericExercise numericExercise = (NumericExercise) ExerciseParser.parse(numeric(), 0);
    private final SimulationExercise simulationExercise = (SimulationExercise) ExerciseParser.parse(simulation(), 0);

    private static Map<String, Object> base(String id, String type) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("type", type);
        map.put("prompt", "  The prompt.  ");
        map.put("hint", "The hint.");
        map.put("explanation", "The explanation.");
        return map;
    }

    private static Map<String, Object> choice() {
        Map<String, Object> map = base("pick", "choice");
        map.put("choices", List.of("heavier", " lighter ", "the same"));
        map.put("answer", 2);
        return map;
    }

    private static Map<String, Object> numeric() {
        Map<String, Object> map = base("gravity", "numeric");
        map.put("answer", 5.5);
        map.put("tolerance", 0.2);
        map.put("unit", "m/s²");
        return map;
    }

    private static Map<String, Object> simulation() {
        Map<String, Object> map = base("drift", "simulation");
        map.put("simulation", "pendulum");
        map.put("require", Map.of("dt", 0.05, "duration", 200, "integrator", "velocity-verlet"));
        map.put("goal", Map.of("scalar", "energyDrift", "max", 0.01));
        return map;
    }

    @Test
    void parseChoice() {
        Exercise exercise = ExerciseParser.parse(choice(), 0);

        assertThat(exercise)
                .isEqualTo(new ChoiceExercise(
                        "pick",
                        "The prompt.",
                        List.of("heavier", "lighter", "the same"),
                        2,
                        "The hint.",
                        "The explanation."));
    }

    @Test
    void parseNumeric() {
        Exercise exercise = ExerciseParser.parse(numeric(), 1);

        assertThat(exercise)
                .isEqualTo(new NumericExercise(
                        "gravity", "The prompt.", 5.5, 0.2, "m/s²", "The hint.", "The explanation."));
    }

    @Test
    void parseNumericWithoutUnitHasAnEmptyUnit() {
        Map<String, Object> map = numeric();
        map.remove("unit");

        assertThat(((NumericExercise) ExerciseParser.parse(map, 0)).unit()).isEmpty();
    }

    @Test
    void parseSimulation() {
        SimulationExercise exercise = (SimulationExercise) ExerciseParser.parse(simulation(), 2);

        assertThat(exercise.id()).isEqualTo("drift");
        assertThat(exercise.simulation()).isEqualTo("pendulum");
        assertThat(exercise.require())
                .containsOnly(entry("dt", 0.05), entry("duration", 200), entry("integrator", "velocity-verlet"));
        assertThat(exercise.scalar()).isEqualTo("energyDrift");
        assertThat(exercise.min()).isNull();
        assertThat(exercise.max()).isEqualTo(0.01);
        assertThat(exercise.describeRequirements())
                .isEqualTo("dt = 0.05, duration = 200, integrator = velocity-verlet");
    }

    @Test
    void parseSimulationWithoutRequirementsAndWithMinOnly() {
        Map<String, Object> map = simulation();
        map.remove("require");
        map.put("goal", Map.of("scalar", "period", "min", 3));

        SimulationExercise exercise = (SimulationExercise) ExerciseParser.parse(map, 0);

        assertThat(exercise.require()).isEmpty();
        assertThat(exercise.min()).isEqualTo(3.0);
        assertThat(exercise.max()).isNull();
    }

    @Test
    void parseUnknownTypeIsRefused() {
        Map<String, Object> map = base("essay", "essay");

        assertThatThrownBy(() -> ExerciseParser.parse(map, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("exercise 4 (essay): ")
                .hasMessageContaining("\"essay\"")
                .hasMessageContaining("choice, numeric or simulation");
    }

    @Test
    void parseChoiceAnswerOutOfRangeIsRefused() {
        Map<String, Object> map = choice();
        map.put("answer", 3);

        assertThatThrownBy(() -> ExerciseParser.parse(map, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("exercise 1 (pick): ")
                .hasMessageContaining("answer")
                .hasMessageContaining("3 choices");
    }

    @Test
    void parseChoiceWithOneAnswerIsRefused() {
        Map<String, Object> map = choice();
        map.put("choices", List.of("only"));
        map.put("answer", 0);

        assertThatThrownBy(() -> ExerciseParser.parse(map, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"choices\"");
    }

    @Test
    void parseMissingToleranceIsRefused() {
        Map<String, Object> map = numeric();
        map.remove("tolerance");

        assertThatThrownBy(() -> ExerciseParser.parse(map, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("exercise 2 (gravity): ")
                .hasMessageContaining("\"tolerance\"");
    }

    @Test
    void parseZeroToleranceIsRefused() {
        Map<String, Object> map = numeric();
        map.put("tolerance", 0);

        assertThatThrownBy(() -> ExerciseParser.parse(map, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance must be positive");
    }

    @Test
    void parseAnswerThatIsTextIsRefused() {
        Map<String, Object> map = numeric();
        map.put("answer", "5.5");

        assertThatThrownBy(() -> ExerciseParser.parse(map, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"answer\" must be a number");
    }

    @Test
    void parseMissingFieldsAreNamed() {
        Map<String, Object> noHint = choice();
        noHint.remove("hint");
        Map<String, Object> noId = choice();
        noId.remove("id");

        assertThatThrownBy(() -> ExerciseParser.parse(noHint, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"hint\" is missing");
        assertThatThrownBy(() -> ExerciseParser.parse(noId, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("exercise 1: ")
                .hasMessageContaining("\"id\" is missing");
    }

    @Test
    void parseSimulationGoalNeedsABound() {
        Map<String, Object> map = simulation();
        map.put("goal", Map.of("scalar", "period"));

        assertThatThrownBy(() -> ExerciseParser.parse(map, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("goal needs min or max");
    }

    @Test
    void parseSimulationGoalMustBeAMap() {
        Map<String, Object> map = simulation();
        map.put("goal", "energyDrift < 0.01");

        assertThatThrownBy(() -> ExerciseParser.parse(map, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"goal\" must be a map");
    }

    @Test
    void choiceRightAnswer() {
        assertThat(choiceExercise.grade(2)).isEqualTo(Grade.right("Correct."));
    }

    @Test
    void choiceWrongAnswer() {
        assertThat(choiceExercise.grade(0).correct()).isFalse();
        assertThat(choiceExercise.grade(1).correct()).isFalse();
    }

    @Test
    void choiceNoAnswer() {
        Grade grade = choiceExercise.grade(null);

        assertThat(grade.correct()).isFalse();
        assertThat(grade.feedback()).contains("Pick an answer");
    }

    @Test
    void numericWithinTolerance() {
        assertThat(numericExercise.grade("5.5").correct()).isTrue();
        assertThat(numericExercise.grade(" 5.65 ").correct()).isTrue();
        assertThat(numericExercise.grade("5.35").correct()).isTrue();
    }

    @Test
    void numericDecimalCommaIsAccepted() {
        assertThat(numericExercise.grade("5,5")).isEqualTo(Grade.right("Correct."));
    }

    @Test
    void numericTooLow() {
        assertThat(numericExercise.grade("5.2")).isEqualTo(Grade.wrong("Too low."));
    }

    @Test
    void numericTooHigh() {
        assertThat(numericExercise.grade("5,8")).isEqualTo(Grade.wrong("Too high."));
    }

    @Test
    void numericTextThatIsNoNumberIsExplained() {
        Grade grade = numericExercise.grade("abc");

        assertThat(grade.correct()).isFalse();
        assertThat(grade.feedback()).contains("\"abc\" is not a number").contains("without the unit");
    }

    @Test
    void numericNumberWithUnitIsNotANumber() {
        assertThat(numericExercise.grade("5.5 m/s²").feedback()).contains("is not a number");
    }

    @Test
    void numericEmptyAndNonFiniteInputAreRefused() {
        assertThat(numericExercise.grade(null).feedback()).contains("Enter a number");
        assertThat(numericExercise.grade("  ").feedback()).contains("Enter a number");
        assertThat(numericExercise.grade("NaN")).isEqualTo(Grade.wrong("Enter a finite number."));
        assertThat(numericExercise.grade("Infinity").correct()).isFalse();
    }

    private Map<String, Object> parameters() {
        // As the schema validates them: numbers as doubles, choices as text.
        Map<String, Object> p = new HashMap<>();
        p.put("dt", 0.05);
        p.put("duration", 200.0);
        p.put("integrator", "velocity-verlet");
        p.put("theta0", 1.0);
        return p;
    }

    private static SimulationResult result(Scalar drift) {
        return new SimulationResult(drift == null ? Map.of() : Map.of("energyDrift", drift), Map.of(), Map.of());
    }

    @Test
    void simulationMetGoal() {
        Grade grade = simulationExercise.grade(parameters(), result(Scalar.of("Energy drift", 0.005, "")));

        assertThat(grade.correct()).isTrue();
        assertThat(grade.feedback()).contains("Energy drift = 0.005000").contains("goal met");
    }

    @Test
    void simulationUnmetGoal() {
        Grade grade = simulationExercise.grade(parameters(), result(Scalar.of("Energy drift", 0.07, "")));

        assertThat(grade.correct()).isFalse();
        assertThat(grade.feedback()).contains("0.07000").contains("does not meet the goal");
    }

    @Test
    void simulationMinBoundIsChecked() {
        Map<String, Object> map = simulation();
        map.put("goal", Map.of("scalar", "energyDrift", "min", 1, "max", 2));
        SimulationExercise between = (SimulationExercise) ExerciseParser.parse(map, 0);

        assertThat(between.grade(parameters(), result(Scalar.of("d", 0.5, ""))).correct())
                .isFalse();
        assertThat(between.grade(parameters(), result(Scalar.of("d", 1.5, ""))).correct())
                .isTrue();
        assertThat(between.grade(parameters(), result(Scalar.of("d", 2.5, ""))).correct())
                .isFalse();
    }

    @Test
    void simulationWrongRequiredParameterIsNamed() {
        Map<String, Object> p = parameters();
        p.put("dt", 0.01);

        Grade grade = simulationExercise.grade(p, result(Scalar.of("Energy drift", 0.001, "")));

        assertThat(grade.correct()).isFalse();
        assertThat(grade.feedback())
                .contains("dt = 0.01")
                .contains("asks for dt = 0.05, duration = 200, integrator = velocity-verlet");
    }

    @Test
    void simulationWrongRequiredChoiceIsNamed() {
        Map<String, Object> p = parameters();
        p.put("integrator", "rk4");

        Grade grade = simulationExercise.grade(p, result(Scalar.of("Energy drift", 0.001, "")));

        assertThat(grade.correct()).isFalse();
        assertThat(grade.feedback()).contains("integrator = rk4");
    }

    @Test
    void simulationMissingRequiredParameterIsWrong() {
        Map<String, Object> p = parameters();
        p.remove("duration");

        assertThat(simulationExercise
                        .grade(p, result(Scalar.of("Energy drift", 0.001, "")))
                        .correct())
                .isFalse();
    }

    @Test
    void simulationIntegerRequirementMatchesDoubleParameter() {
        // duration: 200 in YAML is an Integer; the validated run has 200.0.
        assertThat(simulationExercise
                        .grade(parameters(), result(Scalar.of("Energy drift", 0.001, "")))
                        .correct())
                .isTrue();
    }

    @Test
    void simulationUnavailableScalarIsExplained() {
        Grade grade = simulationExercise.grade(
                parameters(), result(Scalar.unavailable("Energy drift", "", "Too few swings to measure.")));

        assertThat(grade.correct()).isFalse();
        assertThat(grade.feedback()).contains("no energyDrift to check").contains("Too few swings to measure.");
    }

    @Test
    void simulationAbsentScalarIsWrong() {
        Grade grade = simulationExercise.grade(parameters(), result(null));

        assertThat(grade.correct()).isFalse();
        assertThat(grade.feedback()).contains("no energyDrift to check");
    }
}
