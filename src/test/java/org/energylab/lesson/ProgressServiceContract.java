package org.energylab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.energylab.exercise.Answer;
import org.energylab.exercise.ChoiceExercise;
import org.energylab.exercise.Exercise;
import org.energylab.exercise.ExerciseService;
import org.energylab.exercise.JdbcAttemptStore;
import org.energylab.exercise.NumericExercise;
import org.energylab.learner.Learner;
import org.energylab.learner.LearnerDirectory;
import org.energylab.learner.LessonVisits;
import org.energylab.simulation.Scalar;
import org.energylab.simulation.SimulationResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * A learner's place in the packaged course, over the database stores: lessons opened, completed
 * once every exercise is solved, and the lesson to continue with. The same tests run on H2 and on
 * PostgreSQL.
 */
@SpringJUnitConfig(ProgressServiceContract.Course.class)
abstract class ProgressServiceContract {

    /** The packaged course and every simulation, as the application reads them. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = {"org.energylab.simulation", "org.energylab.lesson"},
            excludeFilters = {
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.ui\\..*"),
                @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ProgressService.class)
            })
    static class Course {}

    @Autowired
    CourseCatalog catalog;

    abstract DataSource dataSource();

    private final JdbcClient jdbc = JdbcClient.create(dataSource());
    private final LearnerDirectory learners = new LearnerDirectory(jdbc);
    private final JdbcAttemptStore attempts = new JdbcAttemptStore(jdbc, learners);
    private final LessonVisits visits = new LessonVisits(jdbc, learners);
    private final MovingClock clock = new MovingClock();
    private final ExerciseService exercises = new ExerciseService(attempts, clock);
    private final Learner ada = Learner.Guest.newGuest();

    private ProgressService progress() {
        return new ProgressService(catalog, attempts, visits, clock);
    }

    @Test
    void beforeAnyLessonThereIsNothingToContinue() {
        ProgressService.CourseProgress course = progress().of(ada);

        assertThat(course.resume()).isEmpty();
        assertThat(course.lessons()).hasSize(catalog.lessons().size());
        assertThat(course.lessons()).noneMatch(ProgressService.LessonProgress::opened);
        assertThat(course.completed()).isZero();
    }

    @Test
    void theMostRecentlyOpenedLessonIsTheOneToContinue() {
        Lesson first = catalog.lessons().get(0);
        Lesson third = catalog.lessons().get(2);
        progress().opened(ada, third);
        progress().opened(ada, first);

        ProgressService.CourseProgress course = progress().of(ada);

        assertThat(course.resume()).contains(first);
        assertThat(course.lessons().get(2).opened()).isTrue();
        assertThat(course.lessons().get(1).opened()).isFalse();
        assertThat(progress().of(Learner.Guest.newGuest()).resume()).isEmpty();
    }

    @Test
    void solvingEveryExerciseCompletesTheLessonAndMovesOnToTheNext() {
        Lesson first = catalog.lessons().get(0);
        progress().opened(ada, first);
        for (Exercise exercise : first.exercises()) {
            exercises.submit(ada, first.id(), exercise, rightAnswer(exercise));
            assertThat(progress().of(ada).lessons().get(0).completed())
                    .as("completed before its last exercise")
                    .isEqualTo(
                            exercise == first.exercises().get(first.exercises().size() - 1));
        }

        ProgressService.CourseProgress course = progress().of(ada);

        assertThat(course.lessons().get(0).solved()).isEqualTo(first.exercises().size());
        assertThat(course.completed()).isEqualTo(1);
        assertThat(course.resume()).contains(catalog.lessons().get(1));
    }

    @Test
    void theNotationPageIsNotALessonToContinueWith() {
        Lesson first = catalog.lessons().get(0);
        progress().opened(ada, first);
        progress().opened(ada, catalog.notation().orElseThrow());

        assertThat(progress().of(ada).resume()).contains(first);
        assertThat(visits.visits(ada)).extracting(LessonVisits.Visit::lessonId).containsExactly(first.id());
    }

    @Test
    void reopeningKeepsTheFirstVisitAndMovesTheLast() {
        Lesson first = catalog.lessons().get(0);
        progress().opened(ada, first);
        Instant firstTime = clock.instant();
        progress().opened(ada, catalog.lessons().get(1));
        progress().opened(ada, first);

        LessonVisits.Visit visit = visits.visits(ada).get(0);

        assertThat(visit.lessonId()).isEqualTo(first.id());
        assertThat(visit.firstOpened()).isBefore(visit.lastOpened());
        assertThat(visits.visits(ada)).hasSize(2);
        assertThat(firstTime).isBefore(visit.lastOpened());
    }

    @Test
    void aGuestWhoSignsInKeepsTheLessonsTheyOpened() {
        Learner.Account account = new Learner.Account(ACCOUNT_IDS.incrementAndGet(), "ada");
        Lesson first = catalog.lessons().get(0);
        Lesson second = catalog.lessons().get(1);
        progress().opened(account, first);
        progress().opened(ada, second);
        progress().opened(ada, first);

        visits.moveAll(ada, account);

        assertThat(visits.visits(ada)).isEmpty();
        assertThat(visits.visits(account))
                .extracting(LessonVisits.Visit::lessonId)
                .containsExactly(first.id(), second.id());
        LessonVisits.Visit merged = visits.visits(account).get(0);
        assertThat(merged.firstOpened()).isBefore(merged.lastOpened());
        assertThat(progress().of(account).resume()).contains(first);
    }

    private static final java.util.concurrent.atomic.AtomicLong ACCOUNT_IDS =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** The right answer of each kind, for lesson 1.1's exercises. */
    private static Answer rightAnswer(Exercise exercise) {
        if (exercise instanceof ChoiceExercise choice) {
            return new Answer.Choice(choice.answer());
        }
        if (exercise instanceof NumericExercise numeric) {
            return new Answer.Typed(Double.toString(numeric.answer()));
        }
        org.energylab.exercise.SimulationExercise run = (org.energylab.exercise.SimulationExercise) exercise;
        Map<String, Object> parameters = new java.util.HashMap<>(run.require());
        double inside = run.max() != null ? run.max() / 2 : run.min() * 2;
        return new Answer.Run(
                run.simulation(),
                parameters,
                new SimulationResult(Map.of(run.scalar(), Scalar.of(run.scalar(), inside, "")), Map.of(), Map.of()));
    }

    /** A clock a second further on at every reading, so that visits are ordered. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-09-01T08:00:00Z");

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
