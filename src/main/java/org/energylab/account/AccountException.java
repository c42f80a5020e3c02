package org.energylab.account;

/**
 * An account could not be made or changed, for a reason the person can fix: the message says what
 * is wrong, {@code field} names the input at fault ({@code username}, {@code password}, {@code role}).
 */
public class AccountException extends RuntimeException {
    /** Why, so that the API can answer with a fitting status. */
    public enum Kind {
        INVALID,
        USERNAME_TAKEN,
        SIGN_UP_CLOSED
    }

    private final Kind kind;
    private final String field;

    public AccountException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    static AccountException invalid(String field, String message) {
        return new AccountException(Kind.INVALID, field, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The input at fault, or null when the request as a whole is refused. */
    public String field() {
        return field;
    }
}
