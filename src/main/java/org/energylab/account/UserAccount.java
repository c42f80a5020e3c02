package org.energylab.account;

import java.time.Instant;

/**
 * A stored account. The password is only ever held as its hash, with the algorithm's prefix
 * ({@code {bcrypt}...}); {@link #toString()} leaves the hash out so that no log line shows it.
 *
 * @param lockedUntil while in the future, signing in is refused; null when not locked
 */
public record UserAccount(
        long id,
        String username,
        String passwordHash,
        Role role,
        Instant createdAt,
        int failedLogins,
        Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + ", role=" + role + "]";
    }
}
