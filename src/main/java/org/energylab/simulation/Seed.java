package org.energylab.simulation;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * The seed of a run's random numbers, checked the same way in the form and in the API: a whole
 * number from 0 to 2³¹ − 1 written with digits only. A seed names a random stream rather than
 * measuring anything, so "42.0" or "1e3" is refused instead of being read as 42 or 1000.
 */
public final class Seed {
    public static final String FIELD = "seed";
    public static final long DEFAULT = 42;
    public static final long MAX = Integer.MAX_VALUE;
    private static final String LABEL = "Seed";
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** The seed as a form field: an integer parameter with this range and default. */
    public static final ParameterSpec SPEC = ParameterSpec.integer(
            FIELD, LABEL, "", 0, MAX, DEFAULT, "The same seed gives the same random numbers, so the same run");

    private Seed() {}

    /**
     * Checks a seed given as text (a form, a link) or as a number (the API) and returns it.
     *
     * @throws InvalidParameterException with the field {@value #FIELD}
     */
    public static long parse(Object raw) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            throw new InvalidParameterException(FIELD, LABEL + " is required");
        }
        if (raw instanceof String s && !DIGITS.matcher(s.trim()).matches()) {
            throw notWhole("\"" + s.trim() + "\"");
        }
        if (raw instanceof Number n
                && !(n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte)) {
            if (n instanceof BigInteger) {
                throw outOfRange();
            }
            throw notWhole(n.toString());
        }
        if (!(raw instanceof String || raw instanceof Number)) {
            throw notWhole(raw.toString());
        }
        if (raw instanceof String s && s.trim().replaceFirst("^0+(?=.)", "").length() > 10) {
            throw outOfRange(); // more digits than any accepted seed: do not parse them
        }
        long value = raw instanceof Number n ? n.longValue() : Long.parseLong(((String) raw).trim());
        if (value < 0 || value > MAX) {
            throw outOfRange();
        }
        return value;
    }

    private static InvalidParameterException notWhole(String given) {
        return new InvalidParameterException(
                FIELD, LABEL + " must be a whole number written with digits only, like 42, not " + given);
    }

    private static InvalidParameterException outOfRange() {
        return new InvalidParameterException(FIELD, LABEL + " must be between 0 and " + MAX);
    }
}
