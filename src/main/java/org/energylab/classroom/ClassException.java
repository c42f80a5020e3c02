package org.energylab.classroom;

/**
 * A refused request about classes, with what to do instead. The API answers each kind with its
 * status (400, 403, 404) and the pages show the message beside the field it names.
 */
public class ClassException extends RuntimeException {
    /** Why the request was refused. */
    public enum Kind {
        /** Bad input, such as a blank name or an unknown join code. */
        INVALID,
        /** The caller may not do this with this class. */
        FORBIDDEN,
        /** There is no such class. */
        NOT_FOUND
    }

    private final Kind kind;
    private final String field;

    public ClassException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    static ClassException invalid(String field, String message) {
        return new ClassException(Kind.INVALID, field, message);
    }

    static ClassException forbidden(String message) {
        return new ClassException(Kind.FORBIDDEN, null, message);
    }

    static ClassException notFound(long id) {
        return new ClassException(Kind.NOT_FOUND, null, "There is no class " + id);
    }

    static ClassException noAssignment(long id) {
        return new ClassException(Kind.NOT_FOUND, null, "There is no assignment " + id);
    }

    public Kind kind() {
        return kind;
    }

    /** The input at fault, or null. */
    public String field() {
        return field;
    }
}
