package org.energylab.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.HashMap;
import java.util.Map;
import org.energylab.account.SignedInUser;
import org.energylab.classroom.AssignmentService;
import org.energylab.classroom.ui.AssignmentList;
import org.energylab.learner.ui.BrowserLearner;
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.CourseModule;
import org.energylab.lesson.Lesson;
import org.energylab.lesson.ProgressService;

/** The home page: the course's modules and lessons in the order of course.yml. */
@Route("")
@AnonymousAllowed
@PageTitle("Energy Lab")
public class CourseView extends Main {

    public CourseView(
            CourseCatalog catalog,
            ProgressService progressService,
            AssignmentService assignments,
            AuthenticationContext authentication) {
        addClassName("page");
        add(new H2(catalog.title()), new Paragraph(catalog.summary()));
        authentication
                .getAuthenticatedUser(SignedInUser.class)
                .map(assignments::mine)
                .filter(mine -> !mine.isEmpty())
                .ifPresent(mine -> add(new AssignmentList(mine)));
        ProgressService.CourseProgress progress = progressService.of(BrowserLearner.current());
        Map<String, ProgressService.LessonProgress> byLesson = new HashMap<>();
        progress.lessons().forEach(p -> byLesson.put(p.lesson().id(), p));
        progress.resume().ifPresent(lesson -> add(resume(lesson, byLesson.get(lesson.id()), progress)));
        int number = 1;
        for (CourseModule module : catalog.modules()) {
            add(module(number++, module, byLesson));
        }
        if (!catalog.problems().isEmpty()) {
            add(problems(catalog));
        }
    }

    /** "Continue where you left off": the lesson to go on with, and how far the learner is. */
    private static Div resume(
            Lesson lesson, ProgressService.LessonProgress where, ProgressService.CourseProgress course) {
        Div card = new Div();
        card.addClassName("resume-card");
        Anchor link = new Anchor("/lessons/" + lesson.id(), lesson.title());
        link.addClassName("resume-link");
        Paragraph line = new Paragraph(new Span("Continue where you left off: "), link);
        Paragraph tally = new Paragraph(course.completed() + " of "
                + course.lessons().size() + " lessons completed" + (where == null ? "" : " · " + status(where)));
        tally.addClassName("resume-tally");
        card.add(line, tally);
        return card;
    }

    /** A lesson's state in words: not started, opened, exercises solved, or completed. */
    static String status(ProgressService.LessonProgress lesson) {
        if (lesson.completed()) {
            return "completed";
        }
        if (!lesson.opened() && lesson.solved() == 0) {
            return "";
        }
        int total = lesson.exercises().size();
        return total == 0
                ? "opened"
                : lesson.solved() + " of " + total + " exercise" + (total == 1 ? "" : "s") + " solved";
    }

    private static Div module(int number, CourseModule module, Map<String, ProgressService.LessonProgress> progress) {
        Div card = new Div();
        card.addClassName("module-card");
        card.add(new H3("Module " + number + " · " + module.title()));
        if (!module.summary().isEmpty()) {
            card.add(new Paragraph(module.summary()));
        }
        OrderedList lessons = new OrderedList();
        int index = 1;
        for (Lesson lesson : module.lessons()) {
            Anchor link = new Anchor("/lessons/" + lesson.id(), number + "." + index++ + "  " + lesson.title());
            link.addClassName("lesson-link");
            Span summary = new Span(lesson.summary());
            summary.addClassName("lesson-summary");
            ListItem item = new ListItem(link, summary);
            ProgressService.LessonProgress where = progress.get(lesson.id());
            String status = where == null ? "" : status(where);
            if (!status.isEmpty()) {
                Span badge = new Span(where.completed() ? "✓ Completed" : status);
                badge.addClassName("lesson-status");
                badge.getElement().setAttribute("data-status", where.completed() ? "completed" : "started");
                item.add(badge);
            }
            lessons.add(item);
        }
        card.add(lessons);
        return card;
    }

    /** Shown to the teacher who edits the content: which files could not be read, and why. */
    private static Div problems(CourseCatalog catalog) {
        Div box = new Div();
        box.addClassName("content-problems");
        box.add(new H3("Some lessons could not be loaded"));
        UnorderedList list = new UnorderedList();
        catalog.problems().forEach(p -> list.add(new ListItem(p.toString())));
        box.add(list);
        return box;
    }
}
