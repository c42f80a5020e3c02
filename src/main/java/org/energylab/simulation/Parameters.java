package org.energylab.simulation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Validated parameter values, in schema order. Only {@link ParameterSchema#validate} makes them. */
public final class Parameters {
    private final Map<String, Object> values;

    Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double number(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public int integer(String name) {
        return Math.toIntExact(((Number) get(name)).longValue());
    }

    public String choice(String name) {
        return (String) get(name);
    }

    /** The option a choice parameter holds, as the enum constant with that id. */
    public <E extends Enum<E> & ChoiceOption> E choice(String name, Class<E> type) {
        return ChoiceOption.byId(type, choice(name));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    private Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No parameter named " + name);
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameters p && p.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
