package org.energylab.exercise;

import java.util.List;
import java.util.Map;

/** Builds exercises from the front-matter maps of a lesson, with messages that name what is wrong. */
public final class ExerciseParser {
    private ExerciseParser() {}

    /**
     * @throws IllegalArgumentException naming the exercise and the field at fault
     */
    public static Exercise parse(Map<?, ?> map, int index) {
        String where = "exercise " + (index + 1) + (map.get("id") == null ? "" : " (" + map.get("id") + ")");
        try {
            String id = text(map, "id");
            String type = text(map, "type");
            String prompt = text(map, "prompt");
            String hint = text(map, "hint");
            String explanation = text(map, "explanation");
            return switch (type) {
                case "choice" ->
                    new ChoiceExercise(
                            id, prompt, stringList(map, "choices"), (int) number(map, "answer"), hint, explanation);
                case "numeric" ->
                    new NumericExercise(
                            id,
                            prompt,
                            number(map, "answer"),
                            number(map, "tolerance"),
                            map.get("unit") == null ? "" : map.get("unit").toString(),
                            hint,
                            explanation);
                case "simulation" -> {
                    Map<?, ?> goal = mapOf(map, "goal");
                    yield new SimulationExercise(
                            id,
                            prompt,
                            text(map, "simulation"),
                            stringKeys(map.get("require") == null ? Map.of() : mapOf(map, "require")),
                            text(goal, "scalar"),
                            goal.get("min") == null ? null : number(goal, "min"),
                            goal.get("max") == null ? null : number(goal, "max"),
                            hint,
                            explanation);
                }
                default ->
                    throw new IllegalArgumentException(
                            "type must be choice, numeric or simulation, not \"" + type + "\"");
            };
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("\"" + key + "\" is missing");
        }
        return value.toString().strip();
    }

    private static double number(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a number");
        }
        return n.doubleValue();
    }

    private static Map<?, ?> mapOf(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("\"" + key + "\" must be a map");
        }
        return m;
    }

    private static List<String> stringList(Map<?, ?> map, String key) {
        if (!(map.get(key) instanceof List<?> list) || list.size() < 2) {
            throw new IllegalArgumentException("\"" + key + "\" must be a list of at least two answers");
        }
        return list.stream().map(o -> o.toString().strip()).toList();
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k.toString(), v));
        return out;
    }
}
