package org.energylab.exercise;

import java.util.Map;
import java.util.stream.Collectors;
import org.energylab.simulation.Scalar;
import org.energylab.simulation.SimulationResult;

/**
 * "Make the simulation do X": graded from the learner's own run of {@code simulation}. The run must
 * use the {@code require}d parameter values, and the result scalar must lie within [min, max].
 */
public record SimulationExercise(
        String id,
        String prompt,
        String simulation,
        Map<String, Object> require,
        String scalar,
        Double min,
        Double max,
        String hint,
        String explanation)
        implements Exercise {

    public SimulationExercise {
        require = Map.copyOf(require);
        if (min == null && max == null) {
            throw new IllegalArgumentException("goal needs min or max");
        }
    }

    /** Grades a finished run, given its validated parameter values. */
    public Grade grade(Map<String, Object> parameters, SimulationResult result) {
        for (Map.Entry<String, Object> required : require.entrySet()) {
            Object used = parameters.get(required.getKey());
            if (!same(required.getValue(), used)) {
                return Grade.wrong("This run used " + required.getKey() + " = " + used + "; the exercise asks for "
                        + describeRequirements() + ".");
            }
        }
        Scalar value = result.scalars().get(scalar);
        if (value == null || !value.available()) {
            return Grade.wrong("This run has no " + scalar + " to check" + (value == null ? "." : ": " + value.note()));
        }
        double v = value.value();
        String shown = value.label() + " = " + String.format("%.4g", v);
        if ((min != null && v < min) || (max != null && v > max)) {
            return Grade.wrong("Your run gave " + shown + ", which does not meet the goal.");
        }
        return Grade.right("Your run gave " + shown + ": goal met.");
    }

    public String describeRequirements() {
        return require.entrySet().stream()
                .map(e -> e.getKey() + " = " + e.getValue())
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            return Math.abs(e.doubleValue() - a.doubleValue()) <= 1e-9 * Math.max(1, Math.abs(e.doubleValue()));
        }
        return expected != null && actual != null && expected.toString().equals(actual.toString());
    }
}
