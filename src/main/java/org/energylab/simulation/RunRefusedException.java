package org.energylab.simulation;

/** A run the executor would not take: the server is busy, or the session has too many runs going. */
public class RunRefusedException extends RuntimeException {
    public enum Reason {
        SERVER_BUSY,
        SESSION_LIMIT
    }

    private final Reason reason;

    public RunRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
