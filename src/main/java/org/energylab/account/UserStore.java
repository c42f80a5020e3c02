package org.energylab.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts in the database (table {@code user_account}). Usernames are stored as given: callers normalise them. */
@Repository
public class UserStore {
    /** The most accounts the admin page lists at once. */
    static final int LIST_LIMIT = 500;

    private final JdbcClient jdbc;

    public UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new account.
     *
     * @throws AccountException of kind {@link AccountException.Kind#USERNAME_TAKEN} if the name is taken
     */
    public UserAccount create(String username, String passwordHash, Role role, Instant now) {
        try {
            jdbc.sql("INSERT INTO user_account (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)")
                    .params(username, passwordHash, role.name(), utc(now))
                    .update();
        } catch (DuplicateKeyException taken) {
            throw new AccountException(
                    AccountException.Kind.USERNAME_TAKEN,
                    "username",
                    "The username \"" + username + "\" is taken; choose another");
        }
        return find(username).orElseThrow();
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.sql("SELECT * FROM user_account WHERE username = ?")
                .param(username)
                .query(UserStore::account)
                .optional();
    }

    public boolean anyWithRole(Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE role = ?")
                        .param(role.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The accounts in order of creation, at most {@link #LIST_LIMIT}. */
    public List<UserAccount> list() {
        return jdbc.sql("SELECT * FROM user_account ORDER BY id FETCH FIRST " + LIST_LIMIT + " ROWS ONLY")
                .query(UserStore::account)
                .list();
    }

    /**
     * Counts one more failed sign-in; the one that reaches {@code maxFailures} locks the account until
     * {@code lockUntil} and starts the count again.
     *
     * @return whether this failure locked the account
     */
    public boolean recordFailure(long id, int maxFailures, Instant lockUntil) {
        jdbc.sql("UPDATE user_account SET failed_logins = failed_logins + 1 WHERE id = ?")
                .param(id)
                .update();
        return jdbc.sql("""
                                UPDATE user_account SET failed_logins = 0, locked_until = ?
                                WHERE id = ? AND failed_logins >= ?""").params(utc(lockUntil), id, maxFailures).update() > 0;
    }

    /** After a successful sign-in: no failures counted, no lock. */
    public void clearFailures(long id) {
        jdbc.sql("UPDATE user_account SET failed_logins = 0, locked_until = NULL WHERE id = ? AND "
                        + "(failed_logins <> 0 OR locked_until IS NOT NULL)")
                .param(id)
                .update();
    }

    public void changePasswordHash(long id, String passwordHash) {
        jdbc.sql("UPDATE user_account SET password_hash = ? WHERE id = ?")
                .params(passwordHash, id)
                .update();
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                instant(rs, "created_at"),
                rs.getInt("failed_logins"),
                instant(rs, "locked_until"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
