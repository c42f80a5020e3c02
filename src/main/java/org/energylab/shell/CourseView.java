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
import org.energylab.lesson.CourseCatalog;
import org.energylab.lesson.CourseModule;
import org.energylab.lesson.Lesson;

/** The home page: the course's modules and lessons in the order of course.yml. */
@Route("")
@AnonymousAllowed
@PageTitle("Energy Lab")
public class CourseView extends Main {

    public CourseView(CourseCatalog catalog) {
        addClassName("page");
        add(new H2(catalog.title()), new Paragraph(catalog.summary()));
        int number = 1;
        for (CourseModule module : catalog.modules()) {
            add(module(number++, module));
        }
        if (!catalog.problems().isEmpty()) {
            add(problems(catalog));
        }
    }

    private static Div module(int number, CourseModule module) {
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
            lessons.add(new ListItem(link, summary));
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
