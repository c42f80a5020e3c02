package org.energylab.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LearnerSessionsTest {

    @Test
    void aSessionKeepsOneGuest() {
        Map<String, Object> session = new HashMap<>();

        Learner first = LearnerSessions.current(session::get, session::put);
        Learner again = LearnerSessions.current(session::get, session::put);

        assertThat(first).isInstanceOf(Learner.Guest.class).isEqualTo(again);
        assertThat(session).containsEntry(LearnerSessions.ATTRIBUTE, first);
    }

    @Test
    void twoSessionsAreTwoGuests() {
        Map<String, Object> one = new HashMap<>();
        Map<String, Object> two = new HashMap<>();

        assertThat(LearnerSessions.current(one::get, one::put).key())
                .isNotEqualTo(LearnerSessions.current(two::get, two::put).key());
    }

    @Test
    void aGuestsKeyNamesItsKindAndToken() {
        UUID token = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

        assertThat(new Learner.Guest(token).key()).isEqualTo("guest:123e4567-e89b-12d3-a456-426614174000");
        assertThatThrownBy(() -> new Learner.Guest(null)).hasMessageContaining("token");
    }
}
