package org.energylab.account;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure the server has an admin. With {@code ENERGYLAB_ADMIN_USERNAME} and {@code
 * ENERGYLAB_ADMIN_PASSWORD} ({@code energylab.admin.username}, {@code energylab.admin.password}) that
 * account is made at start-up unless it exists. Without them, the first start (no admin stored)
 * makes the account {@value #DEFAULT_USERNAME} with a generated password, written once to the log:
 * the one place it ever appears.
 */
@Component
public class FirstAdmin implements ApplicationRunner {
    static final String DEFAULT_USERNAME = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;
    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountService accounts;
    private final UserStore users;
    private final String username;
    private final String password;
    private final SecureRandom random = new SecureRandom();

    public FirstAdmin(
            AccountService accounts,
            UserStore users,
            @Value("${energylab.admin.username:}") String username,
            @Value("${energylab.admin.password:}") String password) {
        this.accounts = accounts;
        this.users = users;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdmin();
    }

    void ensureAdmin() {
        boolean named = !username.isBlank();
        boolean withPassword = !password.isEmpty();
        if (named != withPassword) {
            throw new IllegalStateException(
                    "Set both ENERGYLAB_ADMIN_USERNAME and ENERGYLAB_ADMIN_PASSWORD, or neither");
        }
        if (named) {
            if (users.find(AccountService.normalise(username)).isPresent()) {
                return;
            }
            try {
                UserAccount admin = accounts.create(username, password, Role.ADMIN);
                log.info("Created the admin account {} from ENERGYLAB_ADMIN_USERNAME", admin.username());
            } catch (AccountException e) {
                throw new IllegalStateException(
                        "ENERGYLAB_ADMIN_" + e.field().toUpperCase() + ": " + e.getMessage(), e);
            }
            return;
        }
        if (users.anyWithRole(Role.ADMIN)) {
            return;
        }
        String generated = generatePassword();
        UserAccount admin = accounts.create(DEFAULT_USERNAME, generated, Role.ADMIN);
        log.warn(
                "Created the first admin account \"{}\" with the one-time password {} ; it is shown only this once."
                        + " Sign in at /login and change it at once on the account page (/account),"
                        + " or set ENERGYLAB_ADMIN_USERNAME and ENERGYLAB_ADMIN_PASSWORD before the first start.",
                admin.username(),
                generated);
    }

    private String generatePassword() {
        StringBuilder out = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
