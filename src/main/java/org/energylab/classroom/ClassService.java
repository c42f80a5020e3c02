package org.energylab.classroom;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.energylab.account.Role;
import org.energylab.account.SignedInUser;
import org.energylab.learner.Learner;
import org.energylab.lesson.ProgressService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Classes, with who may do what enforced here, so that the pages and the API cannot differ:
 *
 * <ul>
 *   <li>a teacher or an admin makes a class; a student may not;
 *   <li>a student joins a class by its code; teachers and admins do not join classes;
 *   <li>a class's students and their progress are seen only by the class's teacher and by admins;
 *   <li>everyone lists their own classes: a teacher those they made, a student those they joined,
 *       an admin every class.
 * </ul>
 *
 * Refusals are {@link ClassException}s: {@code NOT_FOUND} for an unknown class, {@code FORBIDDEN}
 * for a class the caller may not see, {@code INVALID} (with the field) for bad input.
 */
@Service
public class ClassService {
    static final int MAX_NAME_LENGTH = 80;
    /** The most students one class takes: the dashboard shows them all on one page. */
    static final int MAX_STUDENTS = 300;

    private static final int CODE_DRAWS = 20;

    private final ClassStore store;
    private final ProgressService progress;
    private final Clock clock;
    private final Supplier<String> codes;

    /** One exercise of one student. {@code lastAttempt} is null before the first try. */
    public record ExerciseStatus(String id, boolean solved, int tries, Instant lastAttempt) {}

    /** One lesson of one student. */
    public record LessonStatus(
            String lessonId, String title, boolean opened, boolean completed, List<ExerciseStatus> exercises) {
        public long solved() {
            return exercises.stream().filter(ExerciseStatus::solved).count();
        }
    }

    /** One student of a class and where they stand in every lesson of the course, in course order. */
    public record StudentProgress(long userId, String username, Instant joinedAt, List<LessonStatus> lessons) {
        public long completed() {
            return lessons.stream().filter(LessonStatus::completed).count();
        }
    }

    @Autowired
    public ClassService(ClassStore store, ProgressService progress) {
        this(store, progress, Clock.systemUTC(), new JoinCodes());
    }

    ClassService(ClassStore store, ProgressService progress, Clock clock, Supplier<String> codes) {
        this.store = store;
        this.progress = progress;
        this.clock = clock;
        this.codes = codes;
    }

    /** A new class of {@code user}'s, with a fresh join code. */
    public Classroom create(SignedInUser user, String name) {
        requireSignedIn(user);
        if (user.role() == Role.STUDENT) {
            throw ClassException.forbidden("Only teachers make classes; join one with its code instead");
        }
        String checked = checkName(name);
        for (int draw = 0; draw < CODE_DRAWS; draw++) {
            Optional<Classroom> made = store.create(checked, user.id(), codes.get(), clock.instant());
            if (made.isPresent()) {
                return made.get();
            }
        }
        throw new IllegalStateException("No free join code after " + CODE_DRAWS + " draws");
    }

    /** Puts the student in the class with this code; joining a class twice is the same as once. */
    public Classroom join(SignedInUser user, String joinCode) {
        requireSignedIn(user);
        if (user.role() != Role.STUDENT) {
            throw ClassException.forbidden("Join codes are for students; a teacher's classes are those they make");
        }
        String code = JoinCodes.normalise(joinCode);
        if (code.isEmpty()) {
            throw ClassException.invalid("joinCode", "Type the join code your teacher gave you");
        }
        if (!JoinCodes.wellFormed(code)) {
            throw ClassException.invalid(
                    "joinCode",
                    "A join code has " + JoinCodes.LENGTH + " letters and digits, such as ABCD2345; check it with"
                            + " your teacher");
        }
        Classroom classroom = store.byCode(code)
                .orElseThrow(() -> ClassException.invalid(
                        "joinCode", "No class has the join code " + code + "; check it with your teacher"));
        if (!store.isMember(classroom.id(), user.id()) && store.memberCount(classroom.id()) >= MAX_STUDENTS) {
            throw ClassException.invalid(
                    "joinCode", "This class is full (" + MAX_STUDENTS + " students); ask your teacher");
        }
        store.join(classroom.id(), user.id(), clock.instant());
        return classroom;
    }

    /** The caller's classes: made (a teacher), joined (a student), or all of them (an admin). */
    public List<Classroom> classesOf(SignedInUser user) {
        requireSignedIn(user);
        return switch (user.role()) {
            case ADMIN -> store.all();
            case TEACHER -> store.ownedBy(user.id());
            case STUDENT -> store.joinedBy(user.id());
        };
    }

    /** A class the caller may manage: theirs, or any for an admin. */
    public Classroom manage(SignedInUser user, long classId) {
        requireSignedIn(user);
        Classroom classroom = store.find(classId).orElseThrow(() -> ClassException.notFound(classId));
        if (user.role() == Role.ADMIN || (user.role() == Role.TEACHER && classroom.teacherId() == user.id())) {
            return classroom;
        }
        throw ClassException.forbidden(
                user.role() == Role.STUDENT
                        ? "Only the class's teacher sees its students' progress; yours is on the course overview"
                        : "This class is another teacher's; you see only the classes you made");
    }

    /** Every student of a class the caller manages, with their progress, by username. */
    public List<StudentProgress> progress(SignedInUser user, long classId) {
        Classroom classroom = manage(user, classId);
        List<StudentProgress> rows = new ArrayList<>();
        // Two queries for the whole class, not a few per student.
        ClassStore.Activity activity = store.activity(classroom.id());
        for (ClassStore.Member member : store.members(classroom.id(), MAX_STUDENTS)) {
            ProgressService.CourseProgress course = progress.of(
                    activity.visits().getOrDefault(member.userId(), List.of()),
                    activity.tallies().getOrDefault(member.userId(), List.of()));
            rows.add(new StudentProgress(
                    member.userId(),
                    member.username(),
                    member.joinedAt(),
                    lessons(course, activity.lastAttempts().getOrDefault(member.userId(), Map.of()))));
        }
        return List.copyOf(rows);
    }

    /** One student of a class the caller manages; NOT_FOUND if the student is not in it. */
    public StudentProgress student(SignedInUser user, long classId, long studentId) {
        Classroom classroom = manage(user, classId);
        return store.member(classroom.id(), studentId)
                .map(this::progressOf)
                .orElseThrow(() -> new ClassException(
                        ClassException.Kind.NOT_FOUND, null, "There is no student " + studentId + " in this class"));
    }

    /** The class's progress as CSV; see {@link ClassCsv} for its rows. */
    public String csv(SignedInUser user, long classId) {
        return ClassCsv.of(progress(user, classId));
    }

    private StudentProgress progressOf(ClassStore.Member member) {
        Learner learner = new Learner.Account(member.userId(), member.username());
        return new StudentProgress(member.userId(), member.username(), member.joinedAt(), lessons(learner));
    }

    /** Where the learner stands in every lesson of the course, in course order. */
    List<LessonStatus> lessons(Learner learner) {
        return lessons(progress.of(learner), store.lastAttempts(learner));
    }

    private static List<LessonStatus> lessons(ProgressService.CourseProgress course, Map<String, Instant> last) {
        List<LessonStatus> lessons = new ArrayList<>();
        for (ProgressService.LessonProgress lesson : course.lessons()) {
            String lessonId = lesson.lesson().id();
            List<ExerciseStatus> exercises = lesson.exercises().stream()
                    .map(e -> new ExerciseStatus(e.id(), e.solved(), e.tries(), last.get(lessonId + "/" + e.id())))
                    .toList();
            lessons.add(new LessonStatus(
                    lessonId, lesson.lesson().title(), lesson.opened(), lesson.completed(), exercises));
        }
        return List.copyOf(lessons);
    }

    /** A class name: 1 to {@value #MAX_NAME_LENGTH} characters, not only spaces, no control characters. */
    static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw ClassException.invalid("name", "Give the class a name, such as \"Physics 2B\"");
        }
        if (stripped.codePointCount(0, stripped.length()) > MAX_NAME_LENGTH) {
            throw ClassException.invalid("name", "A class name has at most " + MAX_NAME_LENGTH + " characters");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw ClassException.invalid("name", "A class name is one line of text, without control characters");
        }
        return stripped;
    }

    private static void requireSignedIn(SignedInUser user) {
        if (user == null) {
            throw ClassException.forbidden("Sign in first");
        }
    }
}
