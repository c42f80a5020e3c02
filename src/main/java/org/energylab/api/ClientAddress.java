package org.energylab.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.energylab.simulation.LearnerKey;

/**
 * Which learner an API request comes from: the address of its client. Behind a reverse proxy every
 * request comes from the proxy, so when the immediate peer is one of the configured trusted proxies
 * the client is read from {@code X-Forwarded-For}; from any other peer that header is ignored, as
 * anyone can send it. Addresses are compared as written (no ranges).
 */
final class ClientAddress {
    /** Addresses of a forwarding chain looked at, from the right: more hops than this is a forged header. */
    static final int MAX_HOPS = 20;

    private final Set<String> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    LearnerKey learner(HttpServletRequest request) {
        return LearnerKey.apiClient(of(request));
    }

    /**
     * The client's address. Each proxy appends the address it received the request from, so the
     * chain is read from the right: the first address that is not a trusted proxy is the client
     * (anything to its left the client could have written itself).
     */
    String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        List<String> chain = forwardedChain(request);
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (!trustedProxies.contains(chain.get(i))) {
                return chain.get(i);
            }
        }
        return chain.isEmpty() ? peer : chain.get(0);
    }

    /** The last {@link #MAX_HOPS} addresses of every X-Forwarded-For header, in order. */
    private static List<String> forwardedChain(HttpServletRequest request) {
        List<String> chain = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String address : header.split(",")) {
                if (!address.isBlank()) {
                    chain.add(address.trim());
                }
            }
        }
        return chain.size() > MAX_HOPS ? chain.subList(chain.size() - MAX_HOPS, chain.size()) : chain;
    }
}
