package org.energylab.simulation;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Every simulation the application knows, by id. */
@Component
public class SimulationRegistry {
    private final Map<String, Simulation> byId = new LinkedHashMap<>();

    public SimulationRegistry(List<Simulation> simulations) {
        simulations.stream().sorted(Comparator.comparing(Simulation::id)).forEach(s -> {
            if (byId.putIfAbsent(s.id(), s) != null) {
                throw new IllegalStateException("Two simulations share the id " + s.id());
            }
        });
    }

    public Optional<Simulation> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Simulation> all() {
        return byId.values();
    }

    /** Validates raw parameters for a simulation, including its cross-field checks. */
    public static Parameters validate(Simulation simulation, Map<String, ?> raw) {
        Parameters parameters = simulation.schema().validate(raw);
        simulation.checkCombination(parameters);
        return parameters;
    }
}
