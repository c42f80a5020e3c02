package org.energylab.simulation;

import java.util.Arrays;
import java.util.List;

/**
 * An enum constant a learner can pick in a choice parameter: a stable id (in URLs, lesson blocks and
 * the API) and the label the form shows. Implemented by the enums of integrators, planets, data sets
 * and the like, which then need no lookup code of their own.
 */
public interface ChoiceOption {
    String id();

    String label();

    /** The choices of a parameter that offers every constant of {@code type}, in declaration order. */
    static <E extends Enum<E> & ChoiceOption> List<Choice> choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(option -> new Choice(option.id(), option.label()))
                .toList();
    }

    /**
     * The constant of {@code type} with this id.
     *
     * @throws IllegalArgumentException when there is none
     */
    static <E extends Enum<E> & ChoiceOption> E byId(Class<E> type, String id) {
        return Arrays.stream(type.getEnumConstants())
                .filter(option -> option.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No " + type.getSimpleName() + " with id " + id));
    }
}
