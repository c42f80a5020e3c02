package org.energylab.simulation.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.energylab.simulation.ChartSpec;
import org.energylab.simulation.Simulation;

/** The rules of a side-by-side comparison, apart from its page: what can be compared and what both sides share. */
final class Comparison {
    /** The parameter that chooses a simulation's data set, by the convention every data-driven simulation follows. */
    static final String DATA = "dataset";

    private Comparison() {}

    /** The values preset from an address: unprefixed ones for both sides, {@code a.} and {@code b.} for one. */
    record Presets(Map<String, String> a, Map<String, String> b) {}

    /** A simulation can be compared when it draws at least one heat map. */
    static boolean comparable(Simulation simulation) {
        return simulation.charts().stream().map(ChartSpec::grid).anyMatch(grid -> grid != null);
    }

    /** The data set, when the simulation has one, and the seed, when it uses one: what B takes from A. */
    static List<String> sharedParameters(Simulation simulation) {
        List<String> shared = new ArrayList<>();
        if (simulation.schema().find(DATA).isPresent()) {
            shared.add(DATA);
        }
        if (simulation.usesSeed()) {
            shared.add(ParameterForm.SEED);
        }
        return shared;
    }

    static Presets presets(Map<String, List<String>> query) {
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, String> b = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            if (values.isEmpty()) {
                return;
            }
            String value = values.get(0);
            if (name.startsWith("a.")) {
                a.put(name.substring(2), value);
            } else if (name.startsWith("b.")) {
                b.put(name.substring(2), value);
            } else {
                a.putIfAbsent(name, value);
                b.putIfAbsent(name, value);
            }
        });
        return new Presets(a, b);
    }

    /** The address of a comparison of {@code simulation}. */
    static String address(Simulation simulation) {
        return "/compare/" + simulation.id();
    }
}
