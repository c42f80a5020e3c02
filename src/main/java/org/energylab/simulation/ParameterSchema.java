package org.energylab.simulation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The ordered parameters of a simulation, and the one place where raw input becomes {@link Parameters}. */
public record ParameterSchema(List<ParameterSpec> parameters) {

    public ParameterSchema {
        parameters = List.copyOf(parameters);
    }

    public static ParameterSchema of(ParameterSpec... parameters) {
        return new ParameterSchema(List.of(parameters));
    }

    public Optional<ParameterSpec> find(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Parameters defaults() {
        return validate(Map.of());
    }

    /**
     * Validates raw values (numbers or text) against the schema and fills in defaults. Unknown names,
     * wrong types, NaN, empty values and values out of range are refused with the field they concern.
     */
    public Parameters validate(Map<String, ?> raw) {
        for (String name : raw.keySet()) {
            if (find(name).isEmpty()) {
                throw new InvalidParameterException(name, "Unknown parameter \"" + name + "\"");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec spec : parameters) {
            Object value = raw.containsKey(spec.name()) ? raw.get(spec.name()) : spec.defaultValue();
            if (raw.containsKey(spec.name()) && value == null) {
                throw new InvalidParameterException(spec.name(), spec.label() + " is required");
            }
            values.put(spec.name(), spec.validate(value));
        }
        return new Parameters(values);
    }

    /**
     * Refuses a value given for a parameter that the other settings make inactive (gravity while
     * the planet is not custom), unless it is the default, which is what the run uses and reports
     * anyway. The form never sends such values; an API client learns that its value would be ignored.
     *
     * @param raw the values as given
     * @param parameters the same values validated
     */
    public void refuseInactive(Map<String, ?> raw, Parameters parameters) {
        for (ParameterSpec spec : parameters()) {
            ParameterSpec.Condition condition = spec.activeWhen();
            if (condition == null || !raw.containsKey(spec.name()) || condition.holds(parameters)) {
                continue;
            }
            if (!parameters.asMap().get(spec.name()).equals(spec.validate(spec.defaultValue()))) {
                throw new InvalidParameterException(
                        spec.name(),
                        spec.label() + " only applies when " + condition.parameter() + " is \""
                                + condition.value() + "\" (here it is \""
                                + parameters.asMap().get(condition.parameter()) + "\"): leave "
                                + spec.name() + " out, or set " + condition.parameter() + " to \""
                                + condition.value() + "\"");
            }
        }
    }
}
