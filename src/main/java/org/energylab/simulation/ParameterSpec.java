package org.energylab.simulation;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of a simulation's parameter schema. The schema drives the form, the URL parameters,
 * the API and the validation, so everything a learner needs to know about a parameter is here.
 *
 * @param defaultValue a {@link Double} for numbers, a {@link Long} for integers, a {@link String}
 *     for choices
 * @param logScale whether a slider for this parameter should move on a logarithmic scale
 * @param activeWhen when not null, the parameter only matters while another choice parameter has a
 *     given value (gravity only counts for a custom planet); the form then greys it out otherwise
 */
public record ParameterSpec(
        String name,
        String label,
        ParameterType type,
        double min,
        double max,
        Object defaultValue,
        String unit,
        List<Choice> choices,
        String description,
        boolean logScale,
        Condition activeWhen) {

    /** "Parameter {@code parameter} has the value {@code value}". */
    public record Condition(String parameter, String value) {
        /** Whether validated parameters meet this condition. */
        public boolean holds(Parameters parameters) {
            return value.equals(parameters.asMap().get(parameter));
        }
    }

    /**
     * A number as people write it: digits with an optional sign, decimal point and exponent. Java's
     * own parser also takes hexadecimal ("0x1p1"), type suffixes ("2d") and words; those are refused.
     * Possessive quantifiers keep the match linear on long input.
     */
    private static final Pattern PLAIN_DECIMAL =
            Pattern.compile("[+-]?([0-9]++(\\.[0-9]*+)?|\\.[0-9]++)([eE][+-]?[0-9]++)?");

    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    public ParameterSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        unit = unit == null ? "" : unit;
        choices = choices == null ? List.of() : List.copyOf(choices);
        description = description == null ? "" : description;
    }

    public static ParameterSpec number(
            String name, String label, String unit, double min, double max, double defaultValue, String description) {
        return new ParameterSpec(
                name, label, ParameterType.NUMBER, min, max, defaultValue, unit, List.of(), description, false, null);
    }

    public static ParameterSpec integer(
            String name, String label, String unit, long min, long max, long defaultValue, String description) {
        return new ParameterSpec(
                name, label, ParameterType.INTEGER, min, max, defaultValue, unit, List.of(), description, false, null);
    }

    public static ParameterSpec choice(
            String name, String label, String defaultValue, List<Choice> choices, String description) {
        return new ParameterSpec(
                name, label, ParameterType.CHOICE, 0, 0, defaultValue, "", choices, description, false, null);
    }

    /** The same parameter, shown on a logarithmic slider. */
    public ParameterSpec withLogScale() {
        return new ParameterSpec(
                name, label, type, min, max, defaultValue, unit, choices, description, true, activeWhen);
    }

    /** The same parameter, relevant only while {@code parameter} equals {@code value}. */
    public ParameterSpec activeWhen(String parameter, String value) {
        return new ParameterSpec(
                name,
                label,
                type,
                min,
                max,
                defaultValue,
                unit,
                choices,
                description,
                logScale,
                new Condition(parameter, value));
    }

    /** Checks one raw value (a number, or text from a form or a URL) and returns it in canonical form. */
    public Object validate(Object raw) {
        if (raw == null || (raw instanceof String s && s.isBlank())) {
            throw new InvalidParameterException(name, label + " is required");
        }
        return switch (type) {
            case NUMBER -> checkRange(toDouble(raw));
            case INTEGER -> {
                double value = toDouble(raw);
                if (value != Math.rint(value)) {
                    throw new InvalidParameterException(name, label + " must be a whole number");
                }
                checkRange(value);
                yield (long) value;
            }
            case CHOICE -> {
                String value = raw.toString().trim();
                if (choices.stream().noneMatch(c -> c.value().equals(value))) {
                    throw new InvalidParameterException(
                            name,
                            label + " must be one of "
                                    + String.join(
                                            ", ",
                                            choices.stream().map(Choice::value).toList()));
                }
                yield value;
            }
        };
    }

    private double toDouble(Object raw) {
        double value;
        if (raw instanceof Number n) {
            value = n.doubleValue();
        } else if (raw instanceof String s) {
            String text = s.trim();
            if (NON_FINITE.matcher(text).matches()) {
                throw new InvalidParameterException(name, label + " must be a finite number, not \"" + text + "\"");
            }
            if (!PLAIN_DECIMAL.matcher(text).matches()) {
                throw new InvalidParameterException(name, label + " must be a number, not \"" + text + "\"");
            }
            value = Double.parseDouble(text);
        } else {
            throw new InvalidParameterException(name, label + " must be a number");
        }
        if (!Double.isFinite(value)) {
            throw new InvalidParameterException(name, label + " must be a finite number");
        }
        return value;
    }

    private double checkRange(double value) {
        if (value < min || value > max) {
            throw new InvalidParameterException(
                    name, label + " must be between " + format(min) + " and " + format(max) + unitSuffix());
        }
        return value;
    }

    private String unitSuffix() {
        return unit.isEmpty() ? "" : " " + unit;
    }

    /** Formats a bound the way a person writes it: 10, 0.1, 1e-4. */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = Double.toString(value).replace("E", "e");
        return text.replace(".0e", "e");
    }
}
