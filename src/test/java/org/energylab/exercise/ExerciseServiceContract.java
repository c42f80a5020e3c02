package org.energylab.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.energylab.learner.Learner;
import org.energylab.learner.LearnerDirectory;
import org.energylab.simulation.Scalar;
import org.energylab.simulation.SimulationResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The grading state machine and the attempts it keeps, over the database store. The same tests run
 * on H2 ({@link H2ExerciseServiceTest}) and PostgreSQL ({@link PostgresExerciseServiceTest}).
 */
abstract class ExerciseServiceContract {
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

    static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private final DataSource dataSource = dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final LearnerDirectory learners = new LearnerDirectory(jdbc);
    private final ExerciseService service =
            new ExerciseService(new JdbcAttemptStore(jdbc, learners), Clock.fixed(NOW, ZoneOffset.UTC));
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
    void aGradedRunIsKeptWithItsParametersSeedAndGradedScalar() {
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        parameters.put("dt", 0.05);
        parameters.put("steps", 300L);
        parameters.put("integrator", "verlet");
        service.submit(ada, "1-1", RUN, new Answer.Run("pendulum", parameters, 7L, drift(0.00123)));

        GradedRun run = service.lastRun(ada, "1-1", RUN).orElseThrow();

        assertThat(run)
                .isEqualTo(new GradedRun(
                        "pendulum",
                        Map.of("dt", "0.05", "steps", "300", "integrator", "verlet"),
                        7L,
                        "energyDrift",
                        "Energy drift",
                        "",
                        0.00123));
        assertThat(run.parameters().keySet()).containsExactly("dt", "steps", "integrator");
        assertThat(run.link()).isEqualTo("/simulations/pendulum?dt=0.05&steps=300&integrator=verlet&seed=7");
        assertThat(service.progress(ada, "1-1", RUN).lastAnswer())
                .isEqualTo("dt=0.05&integrator=verlet&seed=7&steps=300");
        String stored = jdbc.sql("SELECT parameters FROM graded_run r JOIN exercise_attempt a ON a.id = r.attempt_id"
                        + " WHERE a.learner_id = ?")
                .param(learners.find(ada).orElseThrow())
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo("{\"dt\":\"0.05\",\"steps\":\"300\",\"integrator\":\"verlet\"}");
    }

    @Test
    void theLastGradedRunOfEachExerciseIsTheNewest() {
        SimulationExercise other = new SimulationExercise(
                "small-drift", "Less drift.", "pendulum", Map.of(), "energyDrift", null, 1e-6, "h", "e");
        service.submit(ada, "1-1", RUN, new Answer.Run("pendulum", Map.of("dt", 0.1), 1L, drift(0.5)));
        service.submit(ada, "1-1", RUN, new Answer.Run("pendulum", Map.of("dt", 0.05), 2L, drift(0.001)));
        // Solved: a later run is not an attempt, so it does not replace the graded one.
        service.submit(ada, "1-1", RUN, new Answer.Run("pendulum", Map.of("dt", 0.05), 3L, drift(0.002)));
        service.submit(ada, "1-2", other, new Answer.Run("pendulum", Map.of("dt", 0.2), 4L, drift(0.3)));
        service.submit(ada, "1-1", CHOICE, new Answer.Choice(1));

        assertThat(service.lastRun(ada, "1-1", RUN).orElseThrow().seed()).isEqualTo(2L);
        Map<String, GradedRun> runs = service.lastRuns(ada);
        assertThat(runs).containsOnlyKeys("1-1/drift", "1-2/small-drift");
        assertThat(runs.get("1-1/drift").seed()).isEqualTo(2L);
        assertThat(runs.get("1-1/drift").value()).isEqualTo(0.001);
        assertThat(runs.get("1-2/small-drift").parameters()).isEqualTo(Map.of("dt", "0.2"));
        assertThat(service.lastRun(ada, "1-1", CHOICE)).isEmpty();
    }

    @Test
    void aLearnerSeesOnlyTheirOwnRuns() {
        service.submit(ada, "1-1", RUN, new Answer.Run("pendulum", Map.of("dt", 0.05), 9L, drift(0.001)));

        assertThat(service.lastRun(bob, "1-1", RUN)).isEmpty();
        assertThat(service.lastRuns(bob)).isEmpty();
        service.submit(bob, "1-1", RUN, new Answer.Run("pendulum", Map.of("dt", 0.1), 5L, drift(0.001)));
        assertThat(service.lastRun(bob, "1-1", RUN).orElseThrow().seed()).isEqualTo(5L);
        assertThat(service.lastRun(ada, "1-1", RUN).orElseThrow().seed()).isEqualTo(9L);
    }

    @Test
    void aRunWithoutSeedOrMeasuredValueIsKeptWithNulls() {
        SimulationResult unmeasured = new SimulationResult(
                Map.of("energyDrift", Scalar.unavailable("Energy drift", "J", "Too short.")), Map.of(), Map.of());
        ExerciseProgress progress =
                service.submit(ada, "1-1", RUN, new Answer.Run("pendulum", Map.of("dt", 0.05), unmeasured));

        assertThat(progress.solved()).isFalse();
        GradedRun run = service.lastRun(ada, "1-1", RUN).orElseThrow();
        assertThat(run.seed()).isNull();
        assertThat(run.value()).isNull();
        assertThat(run.unit()).isEqualTo("J");
        assertThat(run.shownValue()).isEqualTo("not measured");
        assertThat(run.link()).isEqualTo("/simulations/pendulum?dt=0.05");
    }

    @Test
    void aRunTooLargeToKeepIsGradedButNotKept() {
        Map<String, Object> many = new java.util.LinkedHashMap<>(Map.of("dt", 0.05));
        for (int i = 0; i < GradedRun.MAX_PARAMETERS; i++) {
            many.put("p" + i, i);
        }
        ExerciseProgress progress = service.submit(ada, "1-1", RUN, new Answer.Run("pendulum", many, 1L, drift(0.001)));

        assertThat(progress.solved()).isTrue();
        assertThat(service.lastRun(ada, "1-1", RUN)).isEmpty();
    }

    @Test
    void aGuestsRunsMoveIntoTheAccount() {
        Learner.Account account = someAccount();
        service.submit(ada, "1-1", RUN, new Answer.Run("pendulum", Map.of("dt", 0.05), 11L, drift(0.001)));

        new JdbcAttemptStore(jdbc, learners).moveAll(ada, account);

        assertThat(service.lastRun(account, "1-1", RUN).orElseThrow().seed()).isEqualTo(11L);
        assertThat(service.lastRuns(ada)).isEmpty();
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

    /** An account learner of this test alone (the PostgreSQL database is shared by test runs). */
    private static Learner.Account someAccount() {
        return new Learner.Account(
                java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), "ada");
    }

    @Test
    void aGuestWhoSignsInKeepsEveryAnswerInTheAccount() {
        Learner.Account account = someAccount();
        service.submit(account, "1-1", NUMERIC, new Answer.Typed("1"));
        service.submit(ada, "1-1", NUMERIC, new Answer.Typed("9"));
        service.submit(ada, "1-1", NUMERIC, new Answer.Typed("5.5"));
        service.submit(ada, "1-1", CHOICE, new Answer.Choice(0));

        new JdbcAttemptStore(jdbc, learners).moveAll(ada, account);

        assertThat(service.progress(account, "1-1", NUMERIC))
                .isEqualTo(new ExerciseProgress(3, true, "5.5", "Correct."));
        assertThat(service.progress(account, "1-1", CHOICE))
                .isEqualTo(new ExerciseProgress(1, false, "0", "Not quite."));
        assertThat(service.progress(ada, "1-1", NUMERIC)).isEqualTo(ExerciseProgress.NOT_TRIED);
        assertThat(learners.find(ada)).isEmpty();
    }

    @Test
    void aGuestsTriesAtAnExerciseTheAccountHadSolvedAreNotAddedAfterTheSolution() {
        Learner.Account account = someAccount();
        service.submit(account, "1-1", CHOICE, new Answer.Choice(2));
        service.submit(ada, "1-1", CHOICE, new Answer.Choice(0));
        service.submit(ada, "1-2", CHOICE, new Answer.Choice(2));

        new JdbcAttemptStore(jdbc, learners).moveAll(ada, account);

        assertThat(service.progress(account, "1-1", CHOICE)).isEqualTo(new ExerciseProgress(1, true, "2", "Correct."));
        assertThat(service.progress(account, "1-2", CHOICE)).isEqualTo(new ExerciseProgress(1, true, "2", "Correct."));
        assertThat(service.progress(ada, "1-1", CHOICE)).isEqualTo(ExerciseProgress.NOT_TRIED);
    }

    @Test
    void movingFromALearnerWithNothingStoredChangesNothing() {
        Learner.Account account = someAccount();
        service.submit(account, "1-1", CHOICE, new Answer.Choice(0));

        new JdbcAttemptStore(jdbc, learners).moveAll(bob, account);

        assertThat(service.progress(account, "1-1", CHOICE))
                .isEqualTo(new ExerciseProgress(1, false, "0", "Not quite."));
        assertThat(learners.find(bob)).isEmpty();
    }

    /** A migrated database; each test makes learners of its own, so the database may be shared. */
    abstract DataSource dataSource();

    @Test
    void everyAttemptIsWrittenWithItsTimeAnswerAndOutcome() {
        service.submit(ada, "1-1", NUMERIC, new Answer.Typed("9,81 m/s²"));
        service.submit(ada, "1-1", NUMERIC, new Answer.Typed("5.45"));

        long id = learners.find(ada).orElseThrow();
        var rows = jdbc.sql("""
                        SELECT lesson_id, exercise_id, answer, correct, feedback, attempted_at
                        FROM exercise_attempt WHERE learner_id = ? ORDER BY id""")
                .param(id)
                .query((rs, row) -> List.of(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getObject(6, java.time.OffsetDateTime.class).toInstant()))
                .list();
        assertThat(rows)
                .containsExactly(
                        List.of(
                                "1-1",
                                "gravity",
                                "9,81 m/s²",
                                false,
                                "\"9,81 m/s²\" is not a number. Enter digits only, like 3.7, without the unit.",
                                NOW),
                        List.of("1-1", "gravity", "5.45", true, "Correct.", NOW));
    }

    @Test
    void aLearnerIsStoredOnceAndOnlyWhenTheyAnswer() {
        assertThat(service.progress(bob, "1-1", CHOICE)).isEqualTo(ExerciseProgress.NOT_TRIED);
        assertThat(learners.find(bob)).isEmpty();

        service.submit(bob, "1-1", CHOICE, new Answer.Choice(0));
        service.submit(bob, "1-2", CHOICE, new Answer.Choice(1));

        assertThat(learners.findOrCreate(bob)).isEqualTo(learners.find(bob).orElseThrow());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM learner WHERE learner_key = ?")
                        .param(bob.key())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void anotherStoreOnTheSameDatabaseSeesTheProgress() {
        service.submit(ada, "1-1", CHOICE, new Answer.Choice(2));
        ExerciseService other = new ExerciseService(new JdbcAttemptStore(
                JdbcClient.create(dataSource), new LearnerDirectory(JdbcClient.create(dataSource))));

        assertThat(other.progress(ada, "1-1", CHOICE)).isEqualTo(new ExerciseProgress(1, true, "2", "Correct."));
    }

    static SimulationResult drift(double value) {
        return new SimulationResult(Map.of("energyDrift", Scalar.of("Energy drift", value, "")), Map.of(), Map.of());
    }
}
