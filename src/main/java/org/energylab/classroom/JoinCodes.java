package org.energylab.classroom;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Join codes: {@value #LENGTH} characters drawn with {@link SecureRandom} from an alphabet without
 * the look-alikes 0/O and 1/I, so a code read off a board is typed right: 32<sup>8</sup> (about
 * 10<sup>12</sup>) codes, far too many to guess one.
 */
final class JoinCodes implements Supplier<String> {
    static final int LENGTH = 8;
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SecureRandom random = new SecureRandom();

    @Override
    public String get() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A code as typed ("abcd efgh", "ABCD-EFGH") in its stored form, "ABCDEFGH". */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Whether {@code code} (normalised) has the form of a join code. */
    static boolean wellFormed(String code) {
        if (code.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
