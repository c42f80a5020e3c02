package org.energylab.learner;

import java.io.Serializable;
import java.util.UUID;

/**
 * Who answers exercises and owns progress: a {@link Guest}, a browser (all its tabs share one HTTP
 * session) or an API client with a session cookie, or a signed-in {@link Account}. The browser, the
 * API and the teacher views all speak of learners through this type, never through session ids.
 * Serializable, as it lives in the HTTP session.
 */
public sealed interface Learner extends Serializable permits Learner.Guest, Learner.Account {

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

    /**
     * A learner signed in to their account: their progress is stored under the account's id, so it
     * follows them from browser to browser and survives signing out.
     */
    record Account(long userId, String username) implements Learner {
        public Account {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("An account learner needs a username");
            }
        }

        @Override
        public String key() {
            return "user:" + userId;
        }
    }
}
