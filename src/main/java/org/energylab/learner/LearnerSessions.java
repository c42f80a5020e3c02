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

    /**
     * Makes the account the session's learner. When the session's learner was a guest, {@code
     * keepGuestProgress} first moves what the guest answered into the account, so nothing answered
     * before signing up or in is lost.
     */
    public static synchronized void signIn(
            Function<String, Object> read,
            BiConsumer<String, Object> write,
            Learner.Account account,
            BiConsumer<Learner.Guest, Learner.Account> keepGuestProgress) {
        if (read.apply(ATTRIBUTE) instanceof Learner.Guest guest) {
            keepGuestProgress.accept(guest, account);
        }
        write.accept(ATTRIBUTE, account);
    }
}
