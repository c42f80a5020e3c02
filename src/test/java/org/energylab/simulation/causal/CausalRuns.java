package org.energylab.simulation.causal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.energylab.simulation.Parameters;
import org.energylab.simulation.RunContext;
import org.energylab.simulation.Simulation;
import org.energylab.simulation.SimulationResult;

/** Runs of the module's simulations with a few parameters changed, checked as the runner checks them. */
final class CausalRuns {
    private CausalRuns() {}

    static Parameters params(Simulation simulation, Object... keyValues) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            raw.put((String) keyValues[i], keyValues[i + 1]);
        }
        Parameters parameters = simulation.schema().validate(raw);
        simulation.checkCombination(parameters);
        return parameters;
    }

    static SimulationResult run(Simulation simulation, long seed, Object... keyValues) {
        return simulation.run(RunContext.of(params(simulation, keyValues), seed));
    }

    static double scalar(SimulationResult result, String name) {
        return result.scalar(name).value();
    }
}
