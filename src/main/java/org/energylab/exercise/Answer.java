package org.energylab.exercise;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.energylab.simulation.Seed;
import org.energylab.simulation.SimulationResult;

/** What a learner hands in for one exercise: a choice, a typed number, or a finished simulation run. */
public sealed interface Answer {

    /** The answer as it is stored and shown back: the choice index, the typed text, or the run's parameters. */
    String text();

    /** A picked choice; {@code index} is null when nothing was picked. */
    record Choice(Integer index) implements Answer {
        @Override
        public String text() {
            return index == null ? null : index.toString();
        }
    }

    /** Typed text for a numeric exercise, graded as typed (a decimal comma is accepted). */
    record Typed(String typed) implements Answer {
        /** Longer text is refused: no number needs it, and every answer is stored. */
        public static final int MAX_LENGTH = 100;

        public Typed {
            if (typed != null && typed.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("answer: at most " + MAX_LENGTH + " characters");
            }
        }

        @Override
        public String text() {
            return typed;
        }
    }

    /**
     * A finished run of {@code simulation} with its validated parameter values and its seed (null for
     * a simulation whose result no seed changes).
     */
    record Run(String simulation, Map<String, Object> parameters, Long seed, SimulationResult result)
            implements Answer {
        public Run {
            // A copy that, unlike Map.copyOf, also takes a parameter left without a value.
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }

        /** A run of a simulation without a seed. */
        public Run(String simulation, Map<String, Object> parameters, SimulationResult result) {
            this(simulation, parameters, null, result);
        }

        /** The parameters and the seed as a query string, sorted by name, as in a shared link to the run. */
        @Override
        public String text() {
            Map<String, Object> query = new LinkedHashMap<>(parameters);
            if (seed != null) {
                query.put(Seed.FIELD, seed);
            }
            return query.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(String.valueOf(e.getValue())))
                    .sorted()
                    .collect(Collectors.joining("&"));
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
