package org.energylab.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Classes over the database stores and the packaged course: making, joining, who sees which class,
 * and the progress a teacher sees. The same tests run on H2 and on PostgreSQL; each test makes
 * accounts of its own, so tests sharing one PostgreSQL keep apart.
 */
@SpringJUnitConfig(ClassServiceContract.Course.class)
abstract class ClassServiceContract {

    /** The packaged course and every simulation, as the application reads them. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(
            basePackages = {"org.energylab.simulation", "org.energylab.lesson"},
            excludeFilters = {
                @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.ui\\..*"),
                @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ProgressService.class)
            })
    static class Course {}

    private static final Instant NOW = Instant.parse("2026-09-01T08:00:00Z");
    private static final String CODE_SHAPE = "[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}";

    @Autowired
    CourseCatalog catalog;

    abstract DataSource dataSource();

    private final JdbcClient jdbc = JdbcClient.create(dataSource());
    private final UserStore users = new UserStore(jdbc);
    private final LearnerDirectory learners = new LearnerDirectory(jdbc);
    private final JdbcAttemptStore attempts = new JdbcAttemptStore(jdbc, learners);
    private final LessonVisits visits = new LessonVisits(jdbc, learners);
    private final ClassStore store = new ClassStore(jdbc);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private ClassService service() {
        return service(new JoinCodes());
    }

    private ClassService service(Supplier<String> codes) {
        return new ClassService(store, new ProgressService(catalog, attempts, visits, clock), clock, codes);
    }

    private SignedInUser account(Role role) {
        String name =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return SignedInUser.of(users.create(name, "{noop}not used", role, NOW));
    }

    private static void refused(Runnable call, ClassException.Kind kind, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ClassException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).isNotBlank();
        });
    }

    @Test
    void aTeacherMakesAClassWithAnUnambiguousJoinCode() {
        SignedInUser teacher = account(Role.TEACHER);

        Classroom first = service().create(teacher, "  Physics 2B ");
        Classroom second = service().create(teacher, "Physics 2C");

        assertThat(first.name()).isEqualTo("Physics 2B");
        assertThat(first.teacher()).isEqualTo(teacher.username());
        assertThat(first.teacherId()).isEqualTo(teacher.id());
        assertThat(first.joinCode()).matches(CODE_SHAPE);
        assertThat(second.joinCode()).matches(CODE_SHAPE).isNotEqualTo(first.joinCode());
        assertThat(store.find(first.id())).contains(first);
    }

    @Test
    void aTakenJoinCodeIsDrawnAgain() {
        String taken = new JoinCodes().get();
        String fresh = new JoinCodes().get();
        Deque<String> draws = new ArrayDeque<>(List.of(taken, taken, fresh));
        ClassService service = service(draws::pop);
        SignedInUser teacher = account(Role.TEACHER);

        assertThat(service.create(teacher, "First").joinCode()).isEqualTo(taken);
        assertThat(service.create(teacher, "Second").joinCode()).isEqualTo(fresh);
        assertThat(draws).isEmpty();
    }

    @Test
    void anAdminMakesClassesButAStudentMayNot() {
        assertThat(service().create(account(Role.ADMIN), "Staff demo").joinCode())
                .matches(CODE_SHAPE);
        refused(() -> service().create(account(Role.STUDENT), "Mine"), ClassException.Kind.FORBIDDEN, null);
    }

    @Test
    void aClassNameIsOneLineOfAtMost80Characters() {
        SignedInUser teacher = account(Role.TEACHER);
        refused(() -> service().create(teacher, null), ClassException.Kind.INVALID, "name");
        refused(() -> service().create(teacher, "   "), ClassException.Kind.INVALID, "name");
        refused(() -> service().create(teacher, "x".repeat(81)), ClassException.Kind.INVALID, "name");
        refused(() -> service().create(teacher, "two\nlines"), ClassException.Kind.INVALID, "name");
        assertThat(service().create(teacher, "é".repeat(80)).name()).hasSize(80);
        assertThat(service().classesOf(teacher)).hasSize(1);
    }

    @Test
    void aStudentJoinsByCodeAndJoiningTwiceIsJoiningOnce() {
        Classroom classroom = service().create(account(Role.TEACHER), "Physics 2B");
        SignedInUser student = account(Role.STUDENT);
        String typed = " " + classroom.joinCode().substring(0, 4).toLowerCase() + "-"
                + classroom.joinCode().substring(4) + " ";

        assertThat(service().join(student, typed)).isEqualTo(classroom);
        assertThat(service().join(student, classroom.joinCode())).isEqualTo(classroom);

        assertThat(store.memberCount(classroom.id())).isEqualTo(1);
        assertThat(service().classesOf(student)).containsExactly(classroom);
    }

    @Test
    void anUnknownOrMisshapenCodeIsRefusedOnTheCodeField() {
        SignedInUser student = account(Role.STUDENT);
        refused(() -> service().join(student, ""), ClassException.Kind.INVALID, "joinCode");
        refused(() -> service().join(student, "ABC"), ClassException.Kind.INVALID, "joinCode");
        refused(() -> service().join(student, "ABCD0000"), ClassException.Kind.INVALID, "joinCode");
        String unused = new JoinCodes().get();
        assertThatThrownBy(() -> service().join(student, unused))
                .hasMessage("No class has the join code " + unused + "; check it with your teacher");
        assertThat(service().classesOf(student)).isEmpty();
    }

    @Test
    void teachersAndAdminsDoNotJoinClasses() {
        Classroom classroom = service().create(account(Role.TEACHER), "Physics 2B");
        refused(() -> service().join(account(Role.TEACHER), classroom.joinCode()), ClassException.Kind.FORBIDDEN, null);
        refused(() -> service().join(account(Role.ADMIN), classroom.joinCode()), ClassException.Kind.FORBIDDEN, null);
        assertThat(store.memberCount(classroom.id())).isZero();
    }

    @Test
    void eachSeesTheirOwnClassesAndAnAdminSeesAll() {
        SignedInUser ada = account(Role.TEACHER);
        SignedInUser bob = account(Role.TEACHER);
        Classroom adas = service().create(ada, "Ada's");
        Classroom bobs = service().create(bob, "Bob's");
        SignedInUser student = account(Role.STUDENT);
        service().join(student, bobs.joinCode());

        assertThat(service().classesOf(ada)).containsExactly(adas);
        assertThat(service().classesOf(bob)).containsExactly(bobs);
        assertThat(service().classesOf(student)).containsExactly(bobs);
        assertThat(service().classesOf(account(Role.ADMIN))).contains(adas, bobs);
    }

    @Test
    void onlyTheClassesTeacherAndAdminsManageIt() {
        SignedInUser ada = account(Role.TEACHER);
        Classroom adas = service().create(ada, "Ada's");
        SignedInUser member = account(Role.STUDENT);
        service().join(member, adas.joinCode());

        assertThat(service().manage(ada, adas.id())).isEqualTo(adas);
        assertThat(service().manage(account(Role.ADMIN), adas.id())).isEqualTo(adas);
        refused(() -> service().manage(account(Role.TEACHER), adas.id()), ClassException.Kind.FORBIDDEN, null);
        refused(() -> service().progress(member, adas.id()), ClassException.Kind.FORBIDDEN, null);
        refused(() -> service().csv(member, adas.id()), ClassException.Kind.FORBIDDEN, null);
        refused(() -> service().manage(null, adas.id()), ClassException.Kind.FORBIDDEN, null);
        refused(() -> service().manage(ada, Long.MAX_VALUE), ClassException.Kind.NOT_FOUND, null);
    }

    @Test
    void theTeacherSeesEachStudentsLessonsTriesAndLastAttempt() {
        SignedInUser teacher = account(Role.TEACHER);
        Classroom classroom = service().create(teacher, "Physics 2B");
        SignedInUser ada = account(Role.STUDENT);
        SignedInUser idle = account(Role.STUDENT);
        SignedInUser outsider = account(Role.STUDENT);
        service().join(ada, classroom.joinCode());
        service().join(idle, classroom.joinCode());
        Lesson first = catalog.lessons().get(0);
        ChoiceExercise choice = first.exercises().stream()
                .filter(ChoiceExercise.class::isInstance)
                .map(ChoiceExercise.class::cast)
                .findFirst()
                .orElseThrow();
        ExerciseService exercises = new ExerciseService(attempts, clock);
        new ProgressService(catalog, attempts, visits, clock).opened(ada.learner(), first);
        exercises.submit(
                ada.learner(),
                first.id(),
                choice,
                new Answer.Choice((choice.answer() + 1) % choice.choices().size()));
        exercises.submit(ada.learner(), first.id(), choice, new Answer.Choice(choice.answer()));
        exercises.submit(outsider.learner(), first.id(), choice, new Answer.Choice(choice.answer()));

        List<ClassService.StudentProgress> rows = service().progress(teacher, classroom.id());

        assertThat(rows)
                .extracting(ClassService.StudentProgress::username)
                .containsExactlyInAnyOrder(ada.username(), idle.username());
        ClassService.StudentProgress adas = service().student(teacher, classroom.id(), ada.id());
        assertThat(adas.lessons()).hasSize(catalog.lessons().size());
        ClassService.LessonStatus lesson = adas.lessons().get(0);
        assertThat(lesson.opened()).isTrue();
        assertThat(lesson.completed()).isEqualTo(first.exercises().size() == 1);
        ClassService.ExerciseStatus status = lesson.exercises().stream()
                .filter(e -> e.id().equals(choice.id()))
                .findFirst()
                .orElseThrow();
        assertThat(status.solved()).isTrue();
        assertThat(status.tries()).isEqualTo(2);
        assertThat(status.lastAttempt()).isEqualTo(NOW);
        ClassService.StudentProgress idles = service().student(teacher, classroom.id(), idle.id());
        assertThat(idles.lessons()).allMatch(l -> !l.opened() && l.solved() == 0);
        assertThat(idles.lessons().get(0).exercises()).allMatch(e -> e.tries() == 0 && e.lastAttempt() == null);
        refused(() -> service().student(teacher, classroom.id(), outsider.id()), ClassException.Kind.NOT_FOUND, null);
        // The dashboard reads the whole class in two queries; each row is what the student's own page
        // reads for that student alone (the outsider's answer in neither).
        assertThat(rows).containsExactlyInAnyOrder(adas, idles);

        String csv = service().csv(teacher, classroom.id());
        assertThat(csv).startsWith(String.join(",", ClassCsv.HEADER) + "\r\n");
        assertThat(csv)
                .contains(ada.username() + "," + first.id() + ",")
                .contains("," + choice.id() + ",true,2," + NOW + "\r\n")
                .doesNotContain(outsider.username());
    }
}
