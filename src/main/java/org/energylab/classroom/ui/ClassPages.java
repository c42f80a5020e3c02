package org.energylab.classroom.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.energylab.classroom.ClassException;
import org.energylab.classroom.ClassService;
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.CourseModule;
import org.energylab.lesson.Lesson;

/** What the class dashboard and a student's page share: ids from the address, lesson numbers, refusals. */
final class ClassPages {
    private ClassPages() {}

    /** A positive id from the address, or -1 (which names no class or student). */
    static long id(String text) {
        try {
            long id = Long.parseLong(text);
            return id > 0 ? id : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A lesson's number in the course, such as "2.3" (module 2, lesson 3). */
    static String number(CourseCatalog catalog, String lessonId) {
        List<CourseModule> modules = catalog.modules();
        for (int m = 0; m < modules.size(); m++) {
            List<Lesson> lessons = modules.get(m).lessons();
            for (int l = 0; l < lessons.size(); l++) {
                if (lessons.get(l).id().equals(lessonId)) {
                    return (m + 1) + "." + (l + 1);
                }
            }
        }
        return lessonId;
    }

    /** A lesson's state in one cell: ✓ done, solved of all, opened, or — when not opened. */
    static String cell(ClassService.LessonStatus lesson) {
        if (lesson.completed()) {
            return "✓";
        }
        if (!lesson.exercises().isEmpty() && (lesson.opened() || lesson.solved() > 0)) {
            return lesson.solved() + "/" + lesson.exercises().size();
        }
        return lesson.opened() ? "opened" : "—";
    }

    /**
     * A link inside running text, underlined (WCAG 1.4.1: not told apart by colour alone); styled here
     * rather than in the theme, so the production bundle stays as it is.
     */
    static Anchor inText(String href, String text) {
        Anchor link = new Anchor(href, text);
        link.getStyle().set("text-decoration", "underline").set("text-underline-offset", "0.15em");
        return link;
    }

    /** Why the page is not shown, as the service said it. */
    static Paragraph refusal(ClassException e) {
        Paragraph refusal = new Paragraph(e.getMessage());
        refusal.addClassName("class-refused");
        refusal.getElement().setAttribute("role", "alert");
        return refusal;
    }
}
