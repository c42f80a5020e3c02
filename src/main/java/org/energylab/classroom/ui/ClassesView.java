package org.energylab.classroom.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.energylab.account.Role;
import org.energylab.account.SignedInUser;
import org.energylab.classroom.AssignmentService;
import org.energylab.classroom.ClassException;
import org.energylab.classroom.ClassService;
import org.energylab.classroom.Classroom;

/**
 * The signed-in person's classes. A teacher makes classes here and hands out each one's join code or
 * join link; an admin sees every class. A student joins a class by its code and sees the classes they
 * are in.
 */
@Route("classes")
@PageTitle("Classes · Energy Lab")
@PermitAll
public class ClassesView extends Main {
    final TextField name = new TextField("Class name");
    final TextField joinCode = new TextField("Join code");
    final Div list = new Div();

    private final ClassService classes;
    private final SignedInUser user;

    public ClassesView(ClassService classes, AssignmentService assignments, AuthenticationContext authentication) {
        this.classes = classes;
        this.user = authentication
                .getAuthenticatedUser(SignedInUser.class)
                .orElseThrow(() -> new IllegalStateException("The classes page is only shown to a signed-in user"));
        addClassNames("page", "classes-page");
        list.addClassName("class-list");
        if (user.role() == Role.STUDENT) {
            add(new H2("Your classes"));
            add(new Paragraph("Join your teacher's class with the code they gave you. Your teacher then sees"
                    + " which lessons you opened and which exercises you solved; nobody else in the class does."));
            add(joinForm(), new H3("Classes you are in"), list);
            List<AssignmentService.Mine> mine = assignments.mine(user);
            if (!mine.isEmpty()) {
                add(new AssignmentList(mine));
            }
        } else {
            add(new H2(user.role() == Role.ADMIN ? "All classes" : "Your classes"));
            add(new Paragraph("Make a class, then give your students its join code or its join link. Each class's"
                    + " page shows its students' progress, lesson by lesson, and exports it as CSV."));
            add(
                    new H3("New class"),
                    createForm(),
                    new H3(user.role() == Role.ADMIN ? "Classes" : "Your classes"),
                    list);
        }
        refresh();
    }

    private HorizontalLayout createForm() {
        name.setMaxLength(80);
        name.setHelperText("Up to 80 characters, such as \"Physics 2B\"");
        Button create = new Button("Create class", e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER).listenOn(name);
        return form(name, create);
    }

    private HorizontalLayout joinForm() {
        joinCode.setMaxLength(20);
        joinCode.setHelperText("8 letters and digits, such as ABCD2345");
        Button join = new Button("Join class", e -> join());
        join.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        join.addClickShortcut(Key.ENTER).listenOn(joinCode);
        return form(joinCode, join);
    }

    private static HorizontalLayout form(TextField field, Button button) {
        HorizontalLayout form = new HorizontalLayout(field, button);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.addClassName("class-form");
        return form;
    }

    void create() {
        name.setInvalid(false);
        try {
            Classroom made = classes.create(user, name.getValue());
            name.clear();
            refresh();
            Notification.show("Made the class " + made.name() + "; its join code is " + made.joinCode());
        } catch (ClassException e) {
            refuse(name, e);
        }
    }

    void join() {
        joinCode.setInvalid(false);
        try {
            Classroom joined = classes.join(user, joinCode.getValue());
            joinCode.clear();
            refresh();
            Notification.show("You are in the class " + joined.name());
        } catch (ClassException e) {
            refuse(joinCode, e);
        }
    }

    private static void refuse(TextField field, ClassException e) {
        field.setErrorMessage(e.getMessage());
        field.setInvalid(true);
        field.focus();
    }

    private void refresh() {
        list.removeAll();
        List<Classroom> mine = classes.classesOf(user);
        if (mine.isEmpty()) {
            list.add(new Paragraph(
                    user.role() == Role.STUDENT ? "You are not in a class yet." : "No classes yet: make one above."));
        }
        for (Classroom classroom : mine) {
            list.add(user.role() == Role.STUDENT ? joined(classroom) : owned(classroom));
        }
    }

    private Div owned(Classroom classroom) {
        Div card = card(classroom);
        H4 title = new H4(new Anchor(ClassLinks.dashboard(classroom.id()), classroom.name()));
        Span code = new Span(classroom.joinCode());
        code.addClassName("join-code");
        String link = ClassLinks.join(classroom);
        Anchor joinLink = ClassPages.inText(link, link);
        joinLink.addClassName("join-link");
        card.add(title, new Paragraph(new Span("Join code: "), code), new Paragraph(new Span("Join link: "), joinLink));
        if (user.role() == Role.ADMIN) {
            card.add(new Paragraph("Teacher: " + classroom.teacher()));
        }
        return card;
    }

    private static Div joined(Classroom classroom) {
        Div card = card(classroom);
        card.add(new H4(classroom.name()), new Paragraph("Teacher: " + classroom.teacher()));
        return card;
    }

    private static Div card(Classroom classroom) {
        Div card = new Div();
        card.addClassName("class-card");
        // Styled here rather than in the theme, so the production bundle stays as it is.
        card.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "0 var(--lumo-space-m)")
                .set("margin", "var(--lumo-space-s) 0")
                .set("max-width", "48em");
        card.getElement().setAttribute("data-class", String.valueOf(classroom.id()));
        return card;
    }
}
