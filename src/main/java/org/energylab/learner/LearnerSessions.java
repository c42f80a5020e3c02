package org.energylab.learner;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Finds the learner of an HTTP session, making a guest on first use. Works on any session-like
 * attribute store, so the Vaadin UI and the JSON API (which share the servlet's HTTP session) see
 * the same learner. Synchronised so that two first requests of one session make one guest.
 */
public final class LearnerSessions {
    /** The session attribute that holds the {@link Learner}. */
    public static final String ATTRIBUTE = "energylab.learner";

    private LearnerSessions() {}

    /**
     * @param read reads a session attribute by name
     * @param write sets a session attribute
     */
    public static synchronized Learner current(Function<String, Object> read, BiConsumer<String, Object> write) {
        if (read.apply(ATTRIBUTE) instanceof Learner learner) {
            return learner;
        }
        Learner guest = Learner.Guest.newGuest();
        write.accept(ATTRIBUTE, guest);
        return guest;
    }
}
