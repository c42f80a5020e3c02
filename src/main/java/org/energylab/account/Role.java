package org.energylab.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an account may do. Spring Security knows each as the authority {@code ROLE_<name>}. */
public enum Role {
    /** Signs up on their own; answers exercises. */
    STUDENT,
    /** Made by an admin. */
    TEACHER,
    /** Makes teacher (and other) accounts. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named {@code text} in any case ("teacher", "TEACHER"), if there is one. */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
    }

    /** The roles as the API and the admin page write them: "student, teacher, admin". */
    public static String names() {
        return Arrays.stream(values())
                .map(r -> r.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
