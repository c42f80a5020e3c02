package org.energylab.exercise;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.Scalar;
import org.energylab.simulation.Seed;

/**
 * The simulation run an attempt was graded from, as stored: the simulation, its parameters as text
 * (as a link to the run carries them, in the run's order), the seed, and the graded scalar with its
 * value. Runs are deterministic for a seed, so {@link #link()} re-opens exactly this run.
 *
 * <p>What is kept is bounded: at most {@value #MAX_PARAMETERS} parameters, names and values of at
 * most {@value #MAX_NAME} and {@value #MAX_VALUE} characters drawn from letters, digits and {@code
 * _ . + -}, which every validated parameter meets.
 *
 * @param seed the run's seed, null for a simulation whose result no seed changes
 * @param label the scalar's label as the run reported it
 * @param value the scalar's value, null when the run could not measure it
 */
public record GradedRun(
        String simulation,
        Map<String, String> parameters,
        Long seed,
        String scalar,
        String label,
        String unit,
        Double value) {
    public static final int MAX_PARAMETERS = 40;
    public static final int MAX_NAME = 50;
    public static final int MAX_VALUE = 40;
    public static final int MAX_LABEL = 200;
    public static final int MAX_UNIT = 50;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.+\\-]+");

    public GradedRun {
        if (simulation == null || !SAFE.matcher(simulation).matches() || simulation.length() > MAX_NAME) {
            throw new IllegalArgumentException("simulation: not a simulation id: " + simulation);
        }
        if (parameters.size() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("parameters: at most " + MAX_PARAMETERS + ", not " + parameters.size());
        }
        parameters.forEach((name, text) -> {
            if (!safe(name, MAX_NAME) || !safe(text, MAX_VALUE)) {
                throw new IllegalArgumentException("parameters: " + name + " = " + text + " cannot be kept");
            }
        });
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        if (seed != null && (seed < 0 || seed > Seed.MAX)) {
            throw new IllegalArgumentException("seed: out of range: " + seed);
        }
        if (scalar == null || !safe(scalar, MAX_NAME)) {
            throw new IllegalArgumentException("scalar: not a scalar name: " + scalar);
        }
        label = label == null ? scalar : label;
        unit = unit == null ? "" : unit;
        if (label.length() > MAX_LABEL || unit.length() > MAX_UNIT) {
            throw new IllegalArgumentException("label: at most " + MAX_LABEL + " characters, unit at most " + MAX_UNIT);
        }
        if (value != null && !Double.isFinite(value)) {
            value = null;
        }
    }

    /**
     * The run behind a graded answer, with the scalar the exercise grades; empty when the run cannot
     * be kept within the bounds (it is graded all the same).
     */
    public static Optional<GradedRun> of(SimulationExercise exercise, Answer.Run run) {
        Map<String, String> text = new LinkedHashMap<>();
        run.parameters().forEach((name, value) -> {
            if (value != null) {
                text.put(name, value instanceof Double d ? ParameterSpec.format(d) : value.toString());
            }
        });
        Scalar graded = run.result().scalars().get(exercise.scalar());
        try {
            return Optional.of(new GradedRun(
                    run.simulation(),
                    text,
                    run.seed(),
                    exercise.scalar(),
                    graded == null ? exercise.scalar() : graded.label(),
                    graded == null ? "" : graded.unit(),
                    graded == null ? null : graded.value()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The simulation's own page with exactly these parameters and seed filled in: Run there
     * reproduces the run.
     */
    public String link() {
        Map<String, String> query = new LinkedHashMap<>(parameters);
        if (seed != null) {
            query.put(Seed.FIELD, seed.toString());
        }
        String address = "/simulations/" + simulation;
        if (query.isEmpty()) {
            return address;
        }
        return address + "?"
                + query.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    /** The graded value as the feedback shows it, with its unit; "not measured" without a value. */
    public String shownValue() {
        if (value == null) {
            return "not measured";
        }
        String number = String.format("%.4g", value);
        return unit.isEmpty() ? number : number + " " + unit;
    }

    private static boolean safe(String text, int max) {
        return text != null && text.length() <= max && SAFE.matcher(text).matches();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
