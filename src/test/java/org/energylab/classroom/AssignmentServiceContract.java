package org.energylab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.energylab.account.Role;
import org.energylab.account.SignedInUser;
import org.energylab.account.UserStore;
import org.energylab.exercise.Answer;
import org.energylab.exercise.ChoiceExercise;
import org.energylab.exercise.ExerciseService;
import org.energylab.exercise.JdbcAttemptStore;
import org.energylab.learner.LearnerDirectory;
import org.energylab.learner.LessonVisits;
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.Lesson;
import org.energylab.lesson.ProgressService;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.SimulationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Assignments over the database stores and the packaged course: setting them, a student's state
 * (not started, in progress, done, overdue), who has finished, and who may do which. The same tests
 * run on H2 and on PostgreSQL.
 */
@SpringJUnitConfig(ClassServiceContract.Course.class)
abstract class AssignmentServiceContract {
    @Autowired
    CourseCatalog catalog;

    @Autowired
    SimulationRegistry simulations;

    abstract DataSource dataSource();

    private final JdbcClient jdbc = JdbcClient.create(dataSource());
    private final UserStore users = new UserStore(jdbc);
    private final LearnerDirectory learners = new LearnerDirectory(jdbc);
    private final JdbcAttemptStore attempts = new JdbcAttemptStore(jdbc, learners);
    private final LessonVisits visits = new LessonVisits(jdbc, learners);
    private final SettableClock clock = new SettableClock();

    private ProgressService progress() {
        return new ProgressService(catalog, attempts, visits, clock);
    }

    private ClassService classes() {
        return new ClassService(new ClassStore(jdbc), progress(), clock, new JoinCodes());
    }

    private AssignmentService service() {
        return new AssignmentService(classes(), new AssignmentStore(jdbc), () -> catalog, simulations, clock);
    }

    private SignedInUser account(Role role) {
        String name =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return SignedInUser.of(users.create(name, "{noop}not used", role, clock.instant()));
    }

    private static void refused(Runnable call, ClassException.Kind kind, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ClassException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    private Lesson first() {
        return catalog.lessons().get(0);
    }

    private ChoiceExercise choice() {
        return first().exercises().stream()
                .filter(ChoiceExercise.class::isInstance)
                .map(ChoiceExercise.class::cast)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aStudentSeesTheirAssignmentsMoveFromNotStartedToDone() {
        SignedInUser teacher = account(Role.TEACHER);
        Classroom classroom = classes().create(teacher, "Physics 2B");
        SignedInUser ada = account(Role.STUDENT);
        SignedInUser bob = account(Role.STUDENT);
        classes().join(ada, classroom.joinCode());
        classes().join(bob, classroom.joinCode());
        Assignment lesson = service().assign(teacher, classroom.id(), first().id(), null, "2026-09-10");
        Assignment exercise = service().assign(teacher, classroom.id(), first().id(), choice().id(), "2026-09-05");

        assertThat(lesson.dueAt()).isEqualTo(Instant.parse("2026-09-10T23:59:59Z"));
        assertThat(service().mine(ada))
                .extracting(m -> m.assignment().id(), AssignmentService.Mine::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(exercise.id(), Assignment.State.NOT_STARTED),
                        org.assertj.core.groups.Tuple.tuple(lesson.id(), Assignment.State.NOT_STARTED));

        progress().opened(ada.learner(), first());
        new ExerciseService(attempts, clock)
                .submit(ada.learner(), first().id(), choice(), new Answer.Choice(choice().answer()));

        List<AssignmentService.Mine> mine = service().mine(ada);
        assertThat(mine.get(0).state()).isEqualTo(Assignment.State.DONE);
        assertThat(mine.get(0).title()).isEqualTo(first().title() + " · exercise " + choice().id());
        assertThat(mine.get(1).state())
                .isEqualTo(first().exercises().size() == 1 ? Assignment.State.DONE : Assignment.State.IN_PROGRESS);
        assertThat(service().mine(bob)).allMatch(m -> m.state() == Assignment.State.NOT_STARTED);

        List<AssignmentService.Review> review = service().review(teacher, classroom.id());
        assertThat(review.get(0).finished()).containsExactly(ada.username());
        assertThat(review.get(0).students()).isEqualTo(2);
    }

    @Test
    void anAssignmentNotDoneByItsDueTimeIsOverdue() {
        SignedInUser teacher = account(Role.TEACHER);
        Classroom classroom = classes().create(teacher, "Physics 2B");
        SignedInUser ada = account(Role.STUDENT);
        classes().join(ada, classroom.joinCode());
        service().assign(teacher, classroom.id(), first().id(), choice().id(), "2026-09-02T12:00:00Z");
        assertThat(service().mine(ada).get(0).overdue()).isFalse();

        clock.now = Instant.parse("2026-09-02T12:00:01Z");

        assertThat(service().mine(ada).get(0).overdue()).isTrue();
        new ExerciseService(attempts, clock)
                .submit(ada.learner(), first().id(), choice(), new Answer.Choice(choice().answer()));
        assertThat(service().mine(ada).get(0).overdue()).isFalse();
        assertThat(service().mine(ada).get(0).state()).isEqualTo(Assignment.State.DONE);
    }

    @Test
    void badInputIsRefusedOnItsField() {
        SignedInUser teacher = account(Role.TEACHER);
        long id = classes().create(teacher, "Physics 2B").id();
        refused(
                () -> service().assign(teacher, id, "no-such-lesson", null, "2026-09-10"),
                ClassException.Kind.INVALID,
                "lessonId");
        refused(() -> service().assign(teacher, id, null, null, "2026-09-10"), ClassException.Kind.INVALID, "lessonId");
        refused(
                () -> service().assign(teacher, id, first().id(), "no-such", "2026-09-10"),
                ClassException.Kind.INVALID,
                "exerciseId");
        refused(
                () -> service().assign(teacher, id, first().id(), null, "10/09/2026"),
                ClassException.Kind.INVALID,
                "dueAt");
        refused(() -> service().assign(teacher, id, first().id(), null, ""), ClassException.Kind.INVALID, "dueAt");
        refused(
                () -> service().assign(teacher, id, first().id(), null, "2026-08-31"),
                ClassException.Kind.INVALID,
                "dueAt");
        assertThat(service().review(teacher, id)).isEmpty();
    }

    @Test
    void onlyWhoManagesTheClassSetsAndReviewsItsAssignments() {
        SignedInUser teacher = account(Role.TEACHER);
        Classroom classroom = classes().create(teacher, "Physics 2B");
        SignedInUser member = account(Role.STUDENT);
        classes().join(member, classroom.joinCode());
        long id = classroom.id();

        refused(
                () -> service().assign(member, id, first().id(), null, "2026-09-10"),
                ClassException.Kind.FORBIDDEN,
                null);
        refused(
                () -> service().assign(account(Role.TEACHER), id, first().id(), null, "2026-09-10"),
                ClassException.Kind.FORBIDDEN,
                null);
        refused(() -> service().review(member, id), ClassException.Kind.FORBIDDEN, null);
        refused(
                () -> service().assign(teacher, Long.MAX_VALUE, first().id(), null, "2026-09-10"),
                ClassException.Kind.NOT_FOUND,
                null);
        service().assign(account(Role.ADMIN), id, first().id(), null, "2026-09-10");

        assertThat(service().review(teacher, id)).hasSize(1);
        assertThat(service().mine(member)).hasSize(1);
        assertThat(service().mine(account(Role.STUDENT))).isEmpty();
        assertThat(service().mine(teacher)).isEmpty();
    }

    private Parameters pendulum(String... pairs) {
        java.util.Map<String, String> raw = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            raw.put(pairs[i], pairs[i + 1]);
        }
        return SimulationRegistry.validate(simulations.find("pendulum").orElseThrow(), raw);
    }

    @Test
    void aSimulationAssignmentIsDoneByARunWithItsLockedValues() {
        SignedInUser teacher = account(Role.TEACHER);
        Classroom classroom = classes().create(teacher, "Physics 2B");
        SignedInUser ada = account(Role.STUDENT);
        SignedInUser bob = account(Role.STUDENT);
        classes().join(ada, classroom.joinCode());
        classes().join(bob, classroom.joinCode());

        Assignment assignment = service()
                .assignSimulation(
                        teacher,
                        classroom.id(),
                        "http://localhost:8080/simulations/pendulum?planet=moon&length=2&mass=3",
                        List.of("length", "planet", "damping", "gravity"),
                        "2026-09-10");

        SimulationSetup setup = assignment.simulation();
        assertThat(setup.simulationId()).isEqualTo("pendulum");
        // Locked in the schema's order; damping fixed at its default; gravity counts for nothing on the
        // Moon, so it is locked without a value, as the form greys it out.
        assertThat(setup.locked()).containsExactly("length", "planet", "gravity", "damping");
        assertThat(setup.values())
                .containsExactly(
                        java.util.Map.entry("planet", "moon"),
                        java.util.Map.entry("length", "2"),
                        java.util.Map.entry("mass", "3"),
                        java.util.Map.entry("damping", "0"));
        assertThat(assignment.address()).isEqualTo("/assignments/" + assignment.id());
        assertThat(service().open(ada, assignment.id()).student()).isTrue();
        assertThat(service().mine(ada).get(0).state()).isEqualTo(Assignment.State.NOT_STARTED);
        assertThat(service().mine(ada).get(0).title()).startsWith("Pendulum").endsWith("4 settings fixed");

        refused(
                () -> service().recordRun(ada, assignment.id(), pendulum("planet", "earth", "length", "2"), null),
                ClassException.Kind.INVALID,
                "planet");
        refused(
                () -> service().recordRun(ada, assignment.id(), pendulum("planet", "moon", "length", "2.5"), null),
                ClassException.Kind.INVALID,
                "length");
        assertThat(service().mine(ada).get(0).state()).isEqualTo(Assignment.State.NOT_STARTED);

        // The unlocked values are the student's to change.
        assertThat(service()
                        .recordRun(ada, assignment.id(), pendulum("planet", "moon", "length", "2", "mass", "7"), null))
                .isTrue();
        assertThat(service().mine(ada).get(0).state()).isEqualTo(Assignment.State.DONE);
        assertThat(service().open(ada, assignment.id()).done()).isTrue();
        assertThat(service().mine(bob).get(0).state()).isEqualTo(Assignment.State.NOT_STARTED);
        assertThat(service().review(teacher, classroom.id()).get(0).finished()).containsExactly(ada.username());
        Integer runs = jdbc.sql("SELECT runs FROM assignment_run WHERE assignment_id = ? AND student_id = ?")
                .params(assignment.id(), ada.id())
                .query(Integer.class)
                .single();
        assertThat(runs).isEqualTo(1);
        service().recordRun(ada, assignment.id(), pendulum("planet", "moon", "length", "2"), null);
        assertThat(jdbc.sql("SELECT runs FROM assignment_run WHERE assignment_id = ?")
                        .param(assignment.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);

        // The teacher previews it without being recorded; nobody outside the class opens it.
        assertThat(service().open(teacher, assignment.id()).student()).isFalse();
        assertThat(service().recordRun(teacher, assignment.id(), pendulum("planet", "moon", "length", "2"), null))
                .isFalse();
        assertThat(service().review(teacher, classroom.id()).get(0).finished()).containsExactly(ada.username());
        refused(() -> service().open(account(Role.STUDENT), assignment.id()), ClassException.Kind.FORBIDDEN, null);
        refused(
                () -> service().recordRun(account(Role.STUDENT), assignment.id(), pendulum(), null),
                ClassException.Kind.FORBIDDEN,
                null);
        refused(() -> service().open(account(Role.TEACHER), assignment.id()), ClassException.Kind.FORBIDDEN, null);
        refused(() -> service().open(null, assignment.id()), ClassException.Kind.FORBIDDEN, null);
        refused(() -> service().open(ada, Long.MAX_VALUE), ClassException.Kind.NOT_FOUND, null);
        assertThat(service().open(account(Role.ADMIN), assignment.id()).student())
                .isFalse();
    }

    @Test
    void aLockedSeedMustBeTheRunsSeed() {
        SignedInUser teacher = account(Role.TEACHER);
        Classroom classroom = classes().create(teacher, "Physics 2B");
        SignedInUser ada = account(Role.STUDENT);
        classes().join(ada, classroom.joinCode());
        String id = simulations.all().stream()
                .filter(org.energylab.simulation.Simulation::usesSeed)
                .map(org.energylab.simulation.Simulation::id)
                .filter(sim -> catalog.lessons().stream().anyMatch(l -> l.blocks().stream()
                        .anyMatch(b -> b instanceof org.energylab.lesson.LessonBlock.SimulationBlock block
                                && block.simulation().equals(sim))))
                .findFirst()
                .orElseThrow();
        Assignment assignment = service()
                .assignSimulation(
                        teacher, classroom.id(), "/simulations/" + id + "?seed=7", List.of("seed"), "2026-09-10");
        Parameters defaults = SimulationRegistry.validate(simulations.find(id).orElseThrow(), java.util.Map.of());

        refused(() -> service().recordRun(ada, assignment.id(), defaults, 8L), ClassException.Kind.INVALID, "seed");
        assertThat(service().recordRun(ada, assignment.id(), defaults, 7L)).isTrue();
    }

    @Test
    void aSimulationAddressIsCheckedBeforeItIsAssigned() {
        SignedInUser teacher = account(Role.TEACHER);
        long id = classes().create(teacher, "Physics 2B").id();
        List<String> accepted = new java.util.ArrayList<>();
        for (String link : List.of(
                "",
                "/lessons/the-lagrangian",
                "/simulations/no-such-simulation",
                "/simulations/pendulum?lenght=2",
                "/simulations/pendulum?length=99",
                "/simulations/pendulum?length=abc",
                "/simulations/pendulum?length=%zz",
                "/simulations/pendulum?planet=pluto",
                "/simulations/pendulum?gravity=1.62",
                "/simulations/pendulum?length=" + "1".repeat(2000))) {
            try {
                service().assignSimulation(teacher, id, link, List.of(), "2026-09-10");
                accepted.add(link);
            } catch (ClassException e) {
                assertThat(e.kind()).as(link).isEqualTo(ClassException.Kind.INVALID);
                assertThat(e.field()).as(link).isEqualTo("simulationLink");
            }
        }
        assertThat(accepted).isEmpty();
        refused(
                () -> service().assignSimulation(teacher, id, "/simulations/pendulum", List.of("colour"), "2026-09-10"),
                ClassException.Kind.INVALID,
                "locked");
        refused(
                () -> service().assignSimulation(teacher, id, "/simulations/pendulum", List.of(), "2026-08-01"),
                ClassException.Kind.INVALID,
                "dueAt");
        refused(
                () -> service()
                        .assignSimulation(account(Role.TEACHER), id, "/simulations/pendulum", List.of(), "2026-09-10"),
                ClassException.Kind.FORBIDDEN,
                null);
        assertThat(service().review(teacher, id)).isEmpty();
    }

    /** A clock that stands still until a test moves it. */
    private static final class SettableClock extends Clock {
        volatile Instant now = Instant.parse("2026-09-01T08:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
