package org.energylab.classroom.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.energylab.account.SignedInUser;
import org.energylab.classroom.ClassException;
import org.energylab.classroom.ClassService;
import org.energylab.classroom.Classroom;

/**
 * A join link opened before signing in: the code waits in the session, and the first page shown to
 * the signed-in account (the sign-in and sign-up pages both go on to the course overview) joins the
 * class and goes on to the classes page instead. The session keeps the code across signing in, as
 * Spring Security changes only the session's id.
 */
@SpringComponent
public class PendingJoin implements VaadinServiceInitListener {
    static final String ATTRIBUTE = PendingJoin.class.getName() + ".code";

    private final ClassService classes;
    private final AuthenticationContext authentication;

    public PendingJoin(ClassService classes, AuthenticationContext authentication) {
        this.classes = classes;
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::finish));
    }

    /** Keeps a join link's code in the session until someone signs in. */
    void remember(String code) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && code != null && code.length() <= 40) {
            session.setAttribute(ATTRIBUTE, code);
        }
    }

    /**
     * Joins {@code user} to the class now and goes on to the classes page; the refusal, if the
     * service refused.
     */
    Optional<ClassException> joinNow(BeforeEnterEvent event, SignedInUser user, String code) {
        try {
            Classroom joined = classes.join(user, code);
            event.forwardTo(ClassesView.class);
            Notification.show("You are in the class " + joined.name());
            return Optional.empty();
        } catch (ClassException refused) {
            return Optional.of(refused);
        }
    }

    private void finish(BeforeEnterEvent event) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String code)) {
            return;
        }
        Optional<SignedInUser> user = authentication.getAuthenticatedUser(SignedInUser.class);
        if (user.isEmpty() || event.getNavigationTarget() == JoinView.class) {
            return;
        }
        session.setAttribute(ATTRIBUTE, null);
        joinNow(event, user.get(), code)
                .ifPresent(refused -> Notification.show("Joining the class failed: " + refused.getMessage()));
    }
}
