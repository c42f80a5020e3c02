package org.energylab.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password against the stored accounts, for the sign-in page and for HTTP
 * Basic alike. Each wrong password counts against the account; the {@code maxFailedLogins}-th in a
 * row locks it for {@code lockDuration}, during which even the right password is refused. A right
 * password clears the count. An unknown username costs the same hashing time as a known one.
 */
@Component
public class AccountAuthentication implements AuthenticationProvider {
    static final String WRONG = "Wrong username or password";
    private static final Logger log = LoggerFactory.getLogger(AccountAuthentication.class);

    private final UserStore users;
    private final PasswordEncoder encoder;
    private final AccountSettings settings;
    private final Clock clock;
    /** A hash to compare against when the username is unknown, so that its answer takes as long. */
    private volatile String decoyHash;

    @Autowired
    public AccountAuthentication(UserStore users, PasswordEncoder encoder, AccountSettings settings) {
        this(users, encoder, settings, Clock.systemUTC());
    }

    public AccountAuthentication(UserStore users, PasswordEncoder encoder, AccountSettings settings, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String name = AccountService.normalise(request.getName());
        String password =
                request.getCredentials() == null ? "" : request.getCredentials().toString();
        Instant now = clock.instant();
        Optional<UserAccount> found = users.find(name);
        if (found.isEmpty()) {
            encoder.matches(password, decoyHash());
            throw new BadCredentialsException(WRONG);
        }
        UserAccount account = found.get();
        if (account.lockedAt(now)) {
            throw new LockedException(lockedMessage(Duration.between(now, account.lockedUntil())));
        }
        if (!encoder.matches(password, account.passwordHash())) {
            if (users.recordFailure(account.id(), settings.maxFailedLogins(), now.plus(settings.lockDuration()))) {
                log.warn(
                        "Account {} locked for {} after {} failed sign-ins",
                        account.username(),
                        settings.lockDuration(),
                        settings.maxFailedLogins());
                throw new LockedException(lockedMessage(settings.lockDuration()));
            }
            throw new BadCredentialsException(WRONG);
        }
        users.clearFailures(account.id());
        if (encoder.upgradeEncoding(account.passwordHash())) {
            users.changePasswordHash(account.id(), encoder.encode(password));
        }
        SignedInUser user = SignedInUser.of(account);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** "…locked for 15 more minutes": whole minutes, rounded up. */
    static String lockedMessage(Duration left) {
        long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
        return "Too many failed sign-ins: this account is locked for " + minutes + " more minute"
                + (minutes == 1 ? "" : "s") + ". Try again then.";
    }

    private String decoyHash() {
        if (decoyHash == null) {
            decoyHash = encoder.encode("no account has this password " + System.nanoTime());
        }
        return decoyHash;
    }
}
