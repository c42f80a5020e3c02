package org.energylab.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.energylab.learner.Learner;
import org.energylab.simulation.Scalar;
import org.energylab.simulation.SimulationResult;
import org.junit.jupiter.api.Test;

/** The grading state machine and the attempts it keeps, over a real store. */
class ExerciseServiceTest {
    static final ChoiceExercise CHOICE =
            new ChoiceExercise("pick", "Which?", List.of("a", "b", "c"), 2, "The hint.", "The explanation.");
    static final NumericExercise NUMERIC =
            new NumericExercise("gravity", "How much?", 5.5, 0.2, "m/s²", "The hint.", "The explanation.");
    static final SimulationExercise RUN = new SimulationExercise(
            "drift",
            "Keep energy.",
            "pendulum",
            Map.of("dt", 0.05),
            "energyDrift",
            null,
            0.01,
            "The hint.",
            "The explanation.");

    private final ExerciseService service = new ExerciseService(
            new InMemoryAttemptStore(), Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC));
    private final Learner ada = Learner.Guest.newGuest();
    private final Learner bob = Learner.Guest.newGuest();

    @Test
    void aWrongAnswerCountsATryAndShowsTheHint() {
        ExerciseProgress progress = service.submit(ada, "1-1", CHOICE, new Answer.Choice(0));

        assertThat(progress).isEqualTo(new ExerciseProgress(1, false, "0", "Not quite."));
        assertThat(progress.hintShown()).isTrue();
        assertThat(progress.explanationShown()).isFalse();
        assertThat(service.progress(ada, "1-1", CHOICE)).isEqualTo(progress);
    }

    @Test
    void aRightAnswerSolvesAndShowsTheExplanationInsteadOfTheHint() {
        service.submit(ada, "1-1", CHOICE, new Answer.Choice(0));
        ExerciseProgress progress = service.submit(ada, "1-1", CHOICE, new Answer.Choice(2));

        assertThat(progress).isEqualTo(new ExerciseProgress(2, true, "2", "Correct."));
        assertThat(progress.explanationShown()).isTrue();
        assertThat(progress.hintShown()).isFalse();
    }

    @Test
    void aSolvedExerciseTakesNoMoreAttempts() {
        service.submit(ada, "1-1", NUMERIC, new Answer.Typed("5,5"));
        ExerciseProgress after = service.submit(ada, "1-1", NUMERIC, new Answer.Typed("9.81"));

        assertThat(after).isEqualTo(new ExerciseProgress(1, true, "5,5", "Correct."));
        assertThat(service.progress(ada, "1-1", NUMERIC)).isEqualTo(after);
    }

    @Test
    void theExplanationAppearsAfterThreeWrongTries() {
        service.submit(ada, "1-1", NUMERIC, new Answer.Typed("1"));
        ExerciseProgress second = service.submit(ada, "1-1", NUMERIC, new Answer.Typed("9"));
        assertThat(second.explanationShown()).isFalse();
        assertThat(second.hintShown()).isTrue();

        ExerciseProgress third = service.submit(ada, "1-1", NUMERIC, new Answer.Typed("ten"));

        assertThat(third.tries()).isEqualTo(Exercise.TRIES_BEFORE_EXPLANATION);
        assertThat(third.solved()).isFalse();
        assertThat(third.explanationShown()).isTrue();
        assertThat(third.hintShown()).isFalse();
        assertThat(third.lastFeedback()).startsWith("\"ten\" is not a number");
    }

    @Test
    void checkingWithoutAChoiceIsAWrongTryWithoutAnAnswer() {
        ExerciseProgress progress = service.submit(ada, "1-1", CHOICE, new Answer.Choice(null));

        assertThat(progress).isEqualTo(new ExerciseProgress(1, false, null, "Pick an answer first."));
    }

    @Test
    void learnersLessonsAndExercisesAreKeptApart() {
        service.submit(ada, "1-1", CHOICE, new Answer.Choice(2));

        assertThat(service.progress(bob, "1-1", CHOICE)).isEqualTo(ExerciseProgress.NOT_TRIED);
        assertThat(service.progress(ada, "1-2", CHOICE)).isEqualTo(ExerciseProgress.NOT_TRIED);
        assertThat(service.progress(ada, "1-1", NUMERIC)).isEqualTo(ExerciseProgress.NOT_TRIED);
    }

    @Test
    void aRunIsGradedAndStoredAsItsParameters() {
        ExerciseProgress wrong =
                service.submit(ada, "1-1", RUN, new Answer.Run("pendulum", Map.of("dt", 0.1, "n", 3), drift(0.001)));
        assertThat(wrong.solved()).isFalse();
        assertThat(wrong.lastFeedback()).contains("the exercise asks for dt = 0.05");
        assertThat(wrong.lastAnswer()).isEqualTo("dt=0.1&n=3");

        ExerciseProgress right =
                service.submit(ada, "1-1", RUN, new Answer.Run("pendulum", Map.of("dt", 0.05), drift(0.001)));

        assertThat(right.tries()).isEqualTo(2);
        assertThat(right.solved()).isTrue();
        assertThat(right.lastFeedback()).endsWith("goal met.");
    }

    @Test
    void aRunOfAnotherSimulationIsNotAnAttempt() {
        ExerciseProgress progress =
                service.submit(ada, "1-1", RUN, new Answer.Run("boltzmann", Map.of("dt", 0.05), drift(0.001)));

        assertThat(progress).isEqualTo(ExerciseProgress.NOT_TRIED);
        assertThat(service.progress(ada, "1-1", RUN)).isEqualTo(ExerciseProgress.NOT_TRIED);
    }

    @Test
    void anAnswerOfTheWrongKindIsRefusedNamingTheField() {
        assertThatThrownBy(() -> service.submit(ada, "1-1", CHOICE, new Answer.Typed("2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("answer: exercise pick takes the index of one of its 3 choices");
        assertThatThrownBy(() -> service.submit(ada, "1-1", NUMERIC, new Answer.Choice(1)))
                .hasMessage("answer: exercise gravity takes a number");
        assertThat(service.progress(ada, "1-1", CHOICE)).isEqualTo(ExerciseProgress.NOT_TRIED);
    }

    static SimulationResult drift(double value) {
        return new SimulationResult(Map.of("energyDrift", Scalar.of("Energy drift", value, "")), Map.of(), Map.of());
    }
}
