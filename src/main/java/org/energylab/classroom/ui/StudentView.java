package org.energylab.classroom.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.energylab.account.SignedInUser;
import org.energylab.classroom.ClassException;
import org.energylab.classroom.ClassService;
import org.energylab.classroom.Classroom;
import org.energylab.lesson.CourseCatalog;

/**
 * One student of a class, for the class's teacher and for admins: every lesson's state and every
 * exercise's outcome, tries and last attempt, one row per exercise (as in the CSV export).
 */
@Route("classes/:classId/students/:studentId")
@PermitAll
public class StudentView extends Main implements BeforeEnterObserver, HasDynamicTitle {
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final ClassService classes;
    private final CourseCatalog catalog;
    private final SignedInUser user;
    private String title = "Student · Energy Lab";

    /** One row of the table: a lesson's exercise, or a lesson without exercises. */
    record Row(String lesson, String state, String exercise, String solved, String tries, String last) {}

    public StudentView(ClassService classes, CourseCatalog catalog, AuthenticationContext authentication) {
        this.classes = classes;
        this.catalog = catalog;
        this.user = authentication.getAuthenticatedUser(SignedInUser.class).orElse(null);
        addClassNames("page", "class-page", "student-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long classId = ClassPages.id(event.getRouteParameters().get("classId").orElse(""));
        long studentId =
                ClassPages.id(event.getRouteParameters().get("studentId").orElse(""));
        try {
            Classroom classroom = classes.manage(user, classId);
            ClassService.StudentProgress student = classes.student(user, classId, studentId);
            title = student.username() + " · " + classroom.name() + " · Energy Lab";
            show(classroom, student);
        } catch (ClassException e) {
            title = "Student · Energy Lab";
            add(new H2("Student"), ClassPages.refusal(e));
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(Classroom classroom, ClassService.StudentProgress student) {
        add(new H2(student.username()));
        Paragraph back = new Paragraph("In the class ");
        back.add(ClassPages.inText(ClassLinks.dashboard(classroom.id()), classroom.name()));
        back.add(" since " + WHEN.format(student.joinedAt()) + " · " + student.completed() + " of "
                + student.lessons().size() + " lessons done.");
        add(back);
        Grid<Row> grid = new Grid<>();
        grid.addClassName("student-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Row::lesson).setHeader("Lesson").setFlexGrow(3);
        grid.addColumn(Row::state).setHeader("Lesson state").setAutoWidth(true);
        grid.addColumn(Row::exercise).setHeader("Exercise").setFlexGrow(2);
        grid.addColumn(Row::solved).setHeader("Solved").setAutoWidth(true);
        grid.addColumn(Row::tries).setHeader("Tries").setAutoWidth(true);
        grid.addColumn(Row::last).setHeader("Last attempt").setAutoWidth(true);
        grid.setItems(rows(student));
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private List<Row> rows(ClassService.StudentProgress student) {
        List<Row> rows = new ArrayList<>();
        for (ClassService.LessonStatus lesson : student.lessons()) {
            String name = ClassPages.number(catalog, lesson.lessonId()) + " " + lesson.title();
            String state = lesson.completed() ? "done" : lesson.opened() ? "opened" : "not opened";
            if (lesson.exercises().isEmpty()) {
                rows.add(new Row(name, state, "", "", "", ""));
            }
            for (ClassService.ExerciseStatus exercise : lesson.exercises()) {
                Instant last = exercise.lastAttempt();
                rows.add(new Row(
                        name,
                        state,
                        exercise.id(),
                        exercise.solved() ? "yes" : "no",
                        String.valueOf(exercise.tries()),
                        last == null ? "" : WHEN.format(last)));
            }
        }
        return rows;
    }
}
