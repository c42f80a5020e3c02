package org.energylab.classroom.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.regex.Pattern;
import org.energylab.account.SignedInUser;

/**
 * A join link opened before signing in: the code waits in the session, and the first page shown to
 * the signed-in account (the sign-in and sign-up pages both go on to the course overview) goes back
 * to the join link with a full load, where {@link JoinView} joins. The session keeps the code across
 * signing in, as Spring Security changes only the session's id.
 */
@SpringComponent
public class PendingJoin implements VaadinServiceInitListener {
    static final String ATTRIBUTE = PendingJoin.class.getName() + ".code";
    /** What is kept: a code as typed, with spaces or dashes, never anything that needs escaping in a path. */
    private static final Pattern KEPT = Pattern.compile("[A-Za-z0-9-]{1,40}");

    private final AuthenticationContext authentication;

    public PendingJoin(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::finish));
    }

    /** Keeps a join link's code in the session until someone signs in. */
    void remember(String code) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && code != null && KEPT.matcher(code).matches()) {
            session.setAttribute(ATTRIBUTE, code);
        }
    }

    private void finish(BeforeEnterEvent event) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String code)) {
            return;
        }
        if (event.getNavigationTarget() == JoinView.class
                || authentication.getAuthenticatedUser(SignedInUser.class).isEmpty()) {
            return;
        }
        session.setAttribute(ATTRIBUTE, null);
        event.getUI().getPage().setLocation("/join/" + code);
    }
}
