package org.energylab.simulation;

/** A parameter value that the schema refuses, with the field it belongs to and a reason a learner can act on. */
public class InvalidParameterException extends RuntimeException {
    private final String field;

    public InvalidParameterException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
