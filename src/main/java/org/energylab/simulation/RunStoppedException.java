package org.energylab.simulation;

/** Thrown inside a run that was cancelled or went past its wall-clock limit. */
public class RunStoppedException extends RuntimeException {
    public enum Reason {
        CANCELLED,
        TIME_LIMIT
    }

    private final Reason reason;

    public RunStoppedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
