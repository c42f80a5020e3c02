package org.energylab.learner;

import java.io.Serializable;
import java.util.UUID;

/**
 * Who answers exercises and owns progress. Today every learner is a {@link Guest}: a browser (all
 * its tabs share one HTTP session) or an API client with a session cookie. Accounts will be a
 * second kind; the browser, the API and later the teacher views all speak of learners through this
 * type, never through session ids. Serializable, as it lives in the HTTP session.
 */
public sealed interface Learner extends Serializable permits Learner.Guest {

    /** A stable, unique name under which the learner's progress is stored, such as {@code guest:<uuid>}. */
    String key();

    /**
     * A learner without an account, known by a random token kept in their HTTP session. The token is
     * not the session id: session ids change on sign-in and must not be written to the database.
     */
    record Guest(UUID token) implements Learner {
        public Guest {
            if (token == null) {
                throw new IllegalArgumentException("A guest needs a token");
            }
        }

        public static Guest newGuest() {
            return new Guest(UUID.randomUUID());
        }

        @Override
        public String key() {
            return "guest:" + token;
        }
    }
}
