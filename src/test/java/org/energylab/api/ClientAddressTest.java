package org.energylab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.energylab.simulation.LearnerKey;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** An API client is its address; X-Forwarded-For counts only when a trusted proxy sent the request. */
class ClientAddressTest {
    private static final ClientAddress BEHIND_PROXY = new ClientAddress(List.of("10.0.0.1", "10.0.0.2"));

    private static MockHttpServletRequest from(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress direct = new ClientAddress(List.of());
        assertThat(direct.of(from("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
        assertThat(direct.learner(from("198.51.100.7"))).isEqualTo(LearnerKey.apiClient("198.51.100.7"));
    }

    @Test
    void aClientCannotPoseAsAnotherBySendingTheHeaderItself() {
        assertThat(BEHIND_PROXY.of(from("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void behindATrustedProxyTheForwardedClientCounts() {
        assertThat(BEHIND_PROXY.of(from("10.0.0.1", "203.0.113.1"))).isEqualTo("203.0.113.1");
        assertThat(BEHIND_PROXY.of(from("10.0.0.1", "203.0.113.2"))).isEqualTo("203.0.113.2");
    }

    @Test
    void theChainIsReadFromTheRightSkippingTrustedProxies() {
        // The client wrote "1.2.3.4" itself; 203.0.113.1 is what the first trusted proxy saw.
        assertThat(BEHIND_PROXY.of(from("10.0.0.1", "1.2.3.4, 203.0.113.1, 10.0.0.2")))
                .isEqualTo("203.0.113.1");
        assertThat(BEHIND_PROXY.of(from("10.0.0.1", "1.2.3.4", "203.0.113.1"))).isEqualTo("203.0.113.1");
    }

    @Test
    void aTrustedProxyWithoutTheHeaderIsItselfTheClient() {
        assertThat(BEHIND_PROXY.of(from("10.0.0.1"))).isEqualTo("10.0.0.1");
        assertThat(BEHIND_PROXY.of(from("10.0.0.1", " , "))).isEqualTo("10.0.0.1");
        assertThat(BEHIND_PROXY.of(from("10.0.0.1", "10.0.0.2"))).isEqualTo("10.0.0.2");
    }
}
