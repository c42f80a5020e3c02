package org.energylab.learner.ui;

import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import org.energylab.learner.Learner;
import org.energylab.learner.LearnerSessions;

/** The learner of the current browser: a guest kept in its HTTP session, shared by all its tabs and the API. */
public final class BrowserLearner {
    private BrowserLearner() {}

    public static Learner current() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        WrappedSession session = vaadin == null ? null : vaadin.getSession();
        if (session == null) {
            // Outside a request (a component built in a plain test): a learner of its own.
            return Learner.Guest.newGuest();
        }
        return LearnerSessions.current(session::getAttribute, session::setAttribute);
    }
}
