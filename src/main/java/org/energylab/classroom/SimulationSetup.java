package org.energylab.classroom;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A simulation as a teacher set it for an assignment: the values chosen (as the simulation page's
 * address carries them, the seed among them) and the names of those a student may not change.
 *
 * @param values parameter name to its value as text, in the order set; every locked name has one
 * @param locked the names locked for the student, in the schema's order
 */
public record SimulationSetup(String simulationId, Map<String, String> values, List<String> locked) {
    public SimulationSetup {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        locked = List.copyOf(locked);
    }

    /** The values as a URL query, {@code planet=moon&length=2}; empty when all are the defaults. */
    public String query() {
        return values.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** The address of the simulation's own page set up with these values (nothing locked there). */
    public String address() {
        String query = query();
        return "/simulations/" + simulationId + (query.isEmpty() ? "" : "?" + query);
    }

    /** Reads a query written by {@link #query()}; a name without {@code =} has the empty value. */
    static Map<String, String> parseQuery(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            values.putIfAbsent(name, value);
        }
        return values;
    }

    static SimulationSetup stored(String simulationId, String query, String locked) {
        return new SimulationSetup(
                simulationId,
                parseQuery(query),
                locked == null || locked.isEmpty() ? List.of() : Arrays.asList(locked.split(",")));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
