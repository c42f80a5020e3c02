package org.energylab.classroom.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.energylab.account.AccountService;
import org.energylab.account.SignedInUser;
import org.energylab.classroom.ClassException;
import org.energylab.classroom.ClassService;
import org.energylab.classroom.Classroom;

/**
 * A class's join link, {@code /join/<code>}. A signed-in student joins at once (again is the same as
 * once) and is told which class they are in. A guest is asked to sign in or up: the code is kept in the session and {@link PendingJoin}
 * finishes the join on the first page after signing in.
 */
@Route("join/:code")
@PageTitle("Join a class · Energy Lab")
@AnonymousAllowed
public class JoinView extends Main implements BeforeEnterObserver {
    private final PendingJoin pending;
    private final ClassService classes;
    private final AuthenticationContext authentication;
    private final AccountService accounts;

    public JoinView(
            PendingJoin pending, ClassService classes, AuthenticationContext authentication, AccountService accounts) {
        this.pending = pending;
        this.classes = classes;
        this.authentication = authentication;
        this.accounts = accounts;
        addClassNames("page", "join-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String code = event.getRouteParameters().get("code").orElse("");
        var user = authentication.getAuthenticatedUser(SignedInUser.class);
        add(new H2("Join a class"));
        if (user.isPresent()) {
            try {
                Classroom joined = classes.join(user.get(), code);
                Paragraph done = new Paragraph("You are in the class " + joined.name() + " of " + joined.teacher()
                        + ": your teacher sees your progress from now on. ");
                done.addClassName("class-joined");
                done.add(ClassPages.inText("/classes", "Your classes"));
                add(done);
            } catch (ClassException refused) {
                add(ClassPages.refusal(refused));
            }
            return;
        }
        pending.remember(code);
        Paragraph ask = new Paragraph("To join this class, ");
        ask.add(ClassPages.inText("/login", "sign in"));
        if (accounts.signUpEnabled()) {
            ask.add(" or ");
            ask.add(ClassPages.inText("/signup", "sign up"));
        }
        ask.add(" first: you join the class as soon as you are signed in.");
        add(ask);
    }
}
