package org.energylab.simulation.data;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.energylab.simulation.Choice;

/** Looking data sets up by their stable id, and offering them as the choices of a parameter. */
final class DataSetIds {
    private DataSetIds() {}

    static <T> T byId(T[] values, Function<T, String> id, String wanted) {
        return Arrays.stream(values)
                .filter(v -> id.apply(v).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown data set " + wanted));
    }

    static <T> List<Choice> choices(T[] values, Function<T, String> id, Function<T, String> label) {
        return Arrays.stream(values)
                .map(v -> new Choice(id.apply(v), label.apply(v)))
                .toList();
    }
}
