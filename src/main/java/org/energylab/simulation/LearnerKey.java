package org.energylab.simulation;

/**
 * Who a run belongs to, for the per-learner caps and fair turns: a browser (all tabs of one browser
 * share its HTTP session) or an API client (its address). Once accounts exist, the account.
 */
public record LearnerKey(String value) {
    public LearnerKey {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A learner key must not be blank");
        }
    }

    public static LearnerKey browserSession(String sessionId) {
        return new LearnerKey("browser:" + sessionId);
    }

    public static LearnerKey apiClient(String address) {
        return new LearnerKey("api:" + address);
    }

    @Override
    public String toString() {
        return value;
    }
}
