package org.energylab.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Accounts as stored: hashed passwords, the rules for names and passwords, and signing in with its
 * lockout. The same tests run on H2 ({@link H2AccountsTest}) and PostgreSQL ({@link PostgresAccountsTest}).
 */
abstract class AccountsContract {
    static final String PASSWORD = "correct horse battery";

    /** A clock the tests move on by hand. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-03-01T09:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** A migrated database; tests use usernames of their own, so the database may be shared. */
    abstract DataSource dataSource();

    private final DataSource dataSource = dataSource();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final UserStore users = new UserStore(jdbc);
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final TestClock clock = new TestClock();
    private final AccountService accounts = new AccountService(users, encoder, clock, true);
    private final AccountAuthentication signIn =
            new AccountAuthentication(users, encoder, new AccountSettings(3, Duration.ofMinutes(15)), clock);

    private static String someName() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private Authentication signIn(String username, String password) {
        return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    @Test
    void thePasswordIsStoredAsABcryptHashNeverAsItself() {
        String name = someName();
        accounts.signUp(name, PASSWORD);

        String stored = jdbc.sql("SELECT password_hash FROM user_account WHERE username = ?")
                .param(name)
                .query(String.class)
                .single();
        assertThat(stored).startsWith("{bcrypt}$2").doesNotContain(PASSWORD);
        assertThat(encoder.matches(PASSWORD, stored)).isTrue();
        assertThat(users.find(name).orElseThrow().toString()).doesNotContain(stored);
    }

    @Test
    void aSignedUpAccountIsAStudentAndSignsInWithAnyCaseOfItsName() {
        String name = someName();
        UserAccount made = accounts.signUp("  " + name.toUpperCase() + " ", PASSWORD);

        assertThat(made.username()).isEqualTo(name);
        assertThat(made.role()).isEqualTo(Role.STUDENT);
        assertThat(made.createdAt()).isEqualTo(clock.now);
        Authentication signedIn = signIn(name.toUpperCase(), PASSWORD);
        assertThat(signedIn.getPrincipal()).isEqualTo(new SignedInUser(made.id(), name, Role.STUDENT));
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_STUDENT");
        assertThat(signedIn.getCredentials()).isNull();
    }

    @Test
    void aTakenUsernameIsRefusedWhateverItsCase() {
        String name = someName();
        accounts.signUp(name, PASSWORD);

        assertThatThrownBy(() -> accounts.create(name.toUpperCase(), "another password", Role.TEACHER))
                .isInstanceOfSatisfying(AccountException.class, e -> {
                    assertThat(e.kind()).isEqualTo(AccountException.Kind.USERNAME_TAKEN);
                    assertThat(e.field()).isEqualTo("username");
                })
                .hasMessageContaining("is taken");
    }

    @Test
    void badUsernamesAndPasswordsAreRefusedNamingTheField() {
        assertRefused("", PASSWORD, "username", "Choose a username");
        assertRefused("ab", PASSWORD, "username", AccountService.USERNAME_RULE);
        assertRefused("ada lovelace", PASSWORD, "username", AccountService.USERNAME_RULE);
        assertRefused("x".repeat(33), PASSWORD, "username", AccountService.USERNAME_RULE);
        assertRefused("_ada", PASSWORD, "username", AccountService.USERNAME_RULE);
        String name = someName();
        assertRefused(name, "", "password", "Choose a password");
        assertRefused(name, "short", "password", "A password needs at least 8 characters");
        assertRefused(name, "é".repeat(37), "password", "A password can be at most 72 bytes");
        assertRefused(name, " ".repeat(9), "password", "A password cannot be only spaces");
        assertRefused(name, name.toUpperCase(), "password", "The password cannot be the username");
        assertThat(users.find(name)).isEmpty();
    }

    private void assertRefused(String username, String password, String field, String message) {
        assertThatThrownBy(() -> accounts.signUp(username, password))
                .isInstanceOfSatisfying(AccountException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.kind()).isEqualTo(AccountException.Kind.INVALID);
                })
                .hasMessageStartingWith(message);
    }

    @Test
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswer() {
        String name = someName();
        accounts.signUp(name, PASSWORD);

        assertThatThrownBy(() -> signIn(name, "wrong password"))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("Wrong username or password");
        assertThatThrownBy(() -> signIn(someName(), PASSWORD))
                .isInstanceOf(BadCredentialsException.class)
                .hasMessage("Wrong username or password");
    }

    @Test
    void failedSignInsInARowLockTheAccountForAWhileEvenForTheRightPassword() {
        String name = someName();
        accounts.signUp(name, PASSWORD);

        assertThatThrownBy(() -> signIn(name, "wrong 1")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn(name, "wrong 2")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn(name, "wrong 3"))
                .isInstanceOf(LockedException.class)
                .hasMessage("Too many failed sign-ins: this account is locked for 15 more minutes. Try again then.");
        assertThat(users.find(name).orElseThrow().lockedUntil()).isEqualTo(clock.now.plus(Duration.ofMinutes(15)));

        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThatThrownBy(() -> signIn(name, PASSWORD))
                .isInstanceOf(LockedException.class)
                .hasMessageContaining("locked for 1 more minute.");

        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertThat(signIn(name, PASSWORD).isAuthenticated()).isTrue();
        assertThat(users.find(name).orElseThrow().failedLogins()).isZero();
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        String name = someName();
        accounts.signUp(name, PASSWORD);

        assertThatThrownBy(() -> signIn(name, "wrong 1")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn(name, "wrong 2")).isInstanceOf(BadCredentialsException.class);
        signIn(name, PASSWORD);
        assertThatThrownBy(() -> signIn(name, "wrong 3")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn(name, "wrong 4")).isInstanceOf(BadCredentialsException.class);

        assertThat(signIn(name, PASSWORD).isAuthenticated()).isTrue();
    }

    @Test
    void aPasswordIsChangedOnlyWithTheCurrentOne() {
        String name = someName();
        accounts.signUp(name, PASSWORD);

        assertThatThrownBy(() -> accounts.changePassword(name, "not it at all", "a new password"))
                .isInstanceOfSatisfying(
                        AccountException.class, e -> assertThat(e.field()).isEqualTo("current"));
        assertThatThrownBy(() -> accounts.changePassword(name, PASSWORD, "short"))
                .isInstanceOfSatisfying(
                        AccountException.class, e -> assertThat(e.field()).isEqualTo("password"));
        accounts.changePassword(name, PASSWORD, "a new password");

        assertThat(signIn(name, "a new password").isAuthenticated()).isTrue();
        assertThatThrownBy(() -> signIn(name, PASSWORD)).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void signUpCanBeTurnedOffWhileAnAdminStillMakesAccounts() {
        AccountService closed = new AccountService(users, encoder, clock, false);

        assertThatThrownBy(() -> closed.signUp(someName(), PASSWORD))
                .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.kind())
                        .isEqualTo(AccountException.Kind.SIGN_UP_CLOSED));
        assertThat(closed.create(someName(), PASSWORD, Role.TEACHER).role()).isEqualTo(Role.TEACHER);
    }
}
