package org.energylab.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How accounts behave ({@code energylab.accounts.*}, or environment variables such as {@code
 * ENERGYLAB_ACCOUNTS_MAX_FAILED_LOGINS}).
 *
 * @param maxFailedLogins failed sign-ins in a row that lock an account
 * @param lockDuration how long a locked account stays locked
 */
@ConfigurationProperties("energylab.accounts")
public record AccountSettings(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockDuration) {
    public AccountSettings {
        if (maxFailedLogins < 1) {
            throw new IllegalArgumentException("energylab.accounts.max-failed-logins must be at least 1");
        }
        if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("energylab.accounts.lock-duration must be a positive duration");
        }
    }
}
