package org.energylab.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Makes accounts: students sign themselves up (while {@code energylab.signup.enabled}), an admin
 * makes accounts of any role. Checks usernames and passwords with messages that say what to change,
 * and stores only the password's hash.
 */
@Service
public class AccountService {
    static final int MIN_PASSWORD_LENGTH = 8;
    /** bcrypt reads no more than 72 bytes of a password: a longer one is refused rather than cut. */
    static final int MAX_PASSWORD_BYTES = 72;

    static final String USERNAME_RULE = "A username has 3 to 32 characters: letters a–z, digits, '.', '_' or '-',"
            + " and starts with a letter or digit";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final boolean signUpEnabled;

    @Autowired
    public AccountService(
            UserStore users,
            PasswordEncoder encoder,
            @Value("${energylab.signup.enabled:true}") boolean signUpEnabled) {
        this(users, encoder, Clock.systemUTC(), signUpEnabled);
    }

    public AccountService(UserStore users, PasswordEncoder encoder, Clock clock, boolean signUpEnabled) {
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.signUpEnabled = signUpEnabled;
    }

    public boolean signUpEnabled() {
        return signUpEnabled;
    }

    /** A student's own account. */
    public UserAccount signUp(String username, String password) {
        requireSignUp();
        return create(username, password, Role.STUDENT);
    }

    /** @throws AccountException of kind {@link AccountException.Kind#SIGN_UP_CLOSED} while sign-up is off */
    public void requireSignUp() {
        if (!signUpEnabled) {
            throw new AccountException(
                    AccountException.Kind.SIGN_UP_CLOSED,
                    null,
                    "Signing up is turned off on this server; ask your teacher or the admin for an account");
        }
    }

    /** An account of any role, as an admin makes it. */
    public UserAccount create(String username, String password, Role role) {
        String name = normalise(username);
        checkUsername(name);
        checkPassword(password, name);
        if (role == null) {
            throw AccountException.invalid("role", "Choose a role: " + Role.names());
        }
        return users.create(name, encoder.encode(password), role, clock.instant());
    }

    /**
     * Changes the password of a signed-in account; the current password is asked again, so that a
     * browser left signed in is not enough to take over the account.
     */
    public void changePassword(String username, String current, String next) {
        UserAccount account = users.find(normalise(username))
                .orElseThrow(() -> AccountException.invalid("current", "There is no account " + username));
        if (current == null || !encoder.matches(current, account.passwordHash())) {
            throw AccountException.invalid("current", "This is not the account's current password");
        }
        checkPassword(next, account.username());
        users.changePasswordHash(account.id(), encoder.encode(next));
    }

    public List<UserAccount> list() {
        return users.list();
    }

    /** Usernames are compared without case and surrounding spaces: "Ada " signs in as "ada". */
    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    static void checkUsername(String name) {
        if (name.isEmpty()) {
            throw AccountException.invalid("username", "Choose a username");
        }
        if (!USERNAME.matcher(name).matches()) {
            throw AccountException.invalid("username", USERNAME_RULE);
        }
    }

    static void checkPassword(String password, String name) {
        if (password == null || password.isEmpty()) {
            throw AccountException.invalid("password", "Choose a password");
        }
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw AccountException.invalid(
                    "password", "A password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw AccountException.invalid(
                    "password",
                    "A password can be at most " + MAX_PASSWORD_BYTES
                            + " bytes long (72 plain letters, fewer with accents or symbols)");
        }
        if (password.isBlank()) {
            throw AccountException.invalid("password", "A password cannot be only spaces");
        }
        if (normalise(password).equals(name)) {
            throw AccountException.invalid("password", "The password cannot be the username");
        }
    }
}
