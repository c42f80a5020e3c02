package org.energylab.simulation;

/** A combination of parameters whose estimated run time or memory is over the per-run budget. */
public class OverBudgetException extends InvalidParameterException {
    private final Cost estimate;

    public OverBudgetException(String field, String message, Cost estimate) {
        super(field, message);
        this.estimate = estimate;
    }

    public Cost estimate() {
        return estimate;
    }
}
