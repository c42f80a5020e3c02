package org.energylab.classroom;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.energylab.account.Role;
import org.energylab.account.SignedInUser;
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.Lesson;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Assignments: the class's teacher (or an admin) sets a lesson or one of its exercises with a due
 * time; each student of the class sees theirs with its state; the teacher sees who has finished.
 * The same rules as {@link ClassService}: only who manages a class sets or reviews its assignments,
 * a student sees only their own state.
 */
@Service
public class AssignmentService {
    /** The most assignments one class holds, and one student's list shows. */
    static final int MAX_ASSIGNMENTS = 200;

    private final ClassService classes;
    private final AssignmentStore store;
    private final Supplier<CourseCatalog> catalog;
    private final Clock clock;

    /** One assignment as a student sees it. */
    public record Mine(
            Assignment assignment, Classroom classroom, String title, Assignment.State state, boolean overdue) {}

    /** One assignment as the teacher sees it: who has finished, out of how many students. */
    public record Review(Assignment assignment, String title, List<String> finished, int students) {}

    @Autowired
    public AssignmentService(ClassService classes, AssignmentStore store, ObjectProvider<CourseCatalog> catalog) {
        this(classes, store, catalog::getObject, Clock.systemUTC());
    }

    AssignmentService(ClassService classes, AssignmentStore store, Supplier<CourseCatalog> catalog, Clock clock) {
        this.classes = classes;
        this.store = store;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Sets a lesson (or, with {@code exerciseId}, one exercise of it) for the class, due at {@code
     * due}: a date {@code YYYY-MM-DD} (due at the end of that day, UTC) or an ISO-8601 time with its
     * offset ({@code 2026-10-01T17:00:00Z}). Not in the past.
     */
    public Assignment assign(SignedInUser user, long classId, String lessonId, String exerciseId, String due) {
        Classroom classroom = classes.manage(user, classId);
        Lesson lesson = catalog.get()
                .lesson(lessonId == null ? "" : lessonId.strip())
                .orElseThrow(() -> ClassException.invalid(
                        "lessonId",
                        lessonId == null || lessonId.isBlank()
                                ? "Choose the lesson to assign"
                                : "There is no lesson \"" + lessonId + "\""));
        String exercise = exerciseId == null || exerciseId.isBlank() ? null : exerciseId.strip();
        if (exercise != null && lesson.exercises().stream().noneMatch(e -> e.id().equals(exercise))) {
            throw ClassException.invalid(
                    "exerciseId", "The lesson \"" + lesson.title() + "\" has no exercise \"" + exercise + "\"");
        }
        Instant dueAt = parseDue(due);
        if (dueAt.isBefore(clock.instant())) {
            throw ClassException.invalid("dueAt", "That due date has passed; choose a later one");
        }
        if (store.count(classroom.id()) >= MAX_ASSIGNMENTS) {
            throw ClassException.invalid(
                    null, "A class holds at most " + MAX_ASSIGNMENTS + " assignments; this one has as many");
        }
        return store.create(classroom.id(), lesson.id(), exercise, dueAt, clock.instant());
    }

    /** The signed-in student's assignments in every class they are in, soonest due first; none for other roles. */
    public List<Mine> mine(SignedInUser user) {
        if (user == null) {
            throw ClassException.forbidden("Sign in first");
        }
        if (user.role() != Role.STUDENT) {
            return List.of();
        }
        Map<Long, Classroom> joined = new HashMap<>();
        classes.classesOf(user).forEach(c -> joined.put(c.id(), c));
        Map<String, ClassService.LessonStatus> lessons = byLesson(classes.lessons(user.learner()));
        Instant now = clock.instant();
        List<Mine> mine = new ArrayList<>();
        for (Assignment assignment : store.ofStudent(user.id(), MAX_ASSIGNMENTS)) {
            ClassService.LessonStatus lesson = lessons.get(assignment.lessonId());
            if (lesson == null || !joined.containsKey(assignment.classId())) {
                continue; // a lesson no longer in the course
            }
            Assignment.State state = assignment.stateOf(lesson);
            mine.add(new Mine(
                    assignment,
                    joined.get(assignment.classId()),
                    title(lesson, assignment),
                    state,
                    state != Assignment.State.DONE && now.isAfter(assignment.dueAt())));
        }
        return List.copyOf(mine);
    }

    /** The class's assignments with who has finished each, for who manages the class. */
    public List<Review> review(SignedInUser user, long classId) {
        Classroom classroom = classes.manage(user, classId);
        List<ClassService.StudentProgress> students = classes.progress(user, classroom.id());
        List<Review> reviews = new ArrayList<>();
        for (Assignment assignment : store.ofClass(classroom.id(), MAX_ASSIGNMENTS)) {
            List<String> finished = new ArrayList<>();
            String title = assignment.lessonId();
            for (ClassService.StudentProgress student : students) {
                ClassService.LessonStatus lesson = byLesson(student.lessons()).get(assignment.lessonId());
                if (lesson != null) {
                    title = title(lesson, assignment);
                    if (assignment.stateOf(lesson) == Assignment.State.DONE) {
                        finished.add(student.username());
                    }
                }
            }
            if (students.isEmpty()) {
                title = catalog.get()
                                .lesson(assignment.lessonId())
                                .map(Lesson::title)
                                .orElse(title)
                        + (assignment.exerciseId() == null ? "" : " · exercise " + assignment.exerciseId());
            }
            reviews.add(new Review(assignment, title, List.copyOf(finished), students.size()));
        }
        return List.copyOf(reviews);
    }

    private static String title(ClassService.LessonStatus lesson, Assignment assignment) {
        return lesson.title() + (assignment.exerciseId() == null ? "" : " · exercise " + assignment.exerciseId());
    }

    private static Map<String, ClassService.LessonStatus> byLesson(List<ClassService.LessonStatus> lessons) {
        Map<String, ClassService.LessonStatus> map = new HashMap<>();
        lessons.forEach(l -> map.put(l.lessonId(), l));
        return map;
    }

    static Instant parseDue(String due) {
        String text = due == null ? "" : due.strip();
        if (text.isEmpty()) {
            throw ClassException.invalid("dueAt", "Give the due date, as YYYY-MM-DD");
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .minusSeconds(1);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw ClassException.invalid(
                    "dueAt", "Give the due date as YYYY-MM-DD, or a time such as 2026-10-01T17:00:00Z");
        }
    }
}
