package org.energylab.classroom.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.energylab.classroom.SimulationSetup;
import org.energylab.simulation.Choice;
import org.energylab.simulation.ParameterSpec;
import org.energylab.simulation.ParameterType;
import org.energylab.simulation.Seed;
import org.energylab.simulation.Simulation;

/** A simulation's settings in words, as a teacher chooses them and a student reads them. */
final class SetupText {
    private SetupText() {}

    /** The settings a student or a teacher can lock: the schema's, then the seed where it matters. */
    static List<ParameterSpec> settings(Simulation simulation) {
        List<ParameterSpec> settings = new ArrayList<>(simulation.schema().parameters());
        if (simulation.usesSeed()) {
            settings.add(Seed.SPEC);
        }
        return settings;
    }

    /** "Planet = Moon", "Length ℓ = 2 m": the value as text, else the default, with its unit. */
    static String setting(ParameterSpec spec, Map<String, String> values) {
        String value = values.get(spec.name());
        if (value == null) {
            value = spec.defaultValue() instanceof Double d
                    ? ParameterSpec.format(d)
                    : String.valueOf(spec.defaultValue());
        }
        if (spec.type() == ParameterType.CHOICE) {
            String text = value;
            value = spec.choices().stream()
                    .filter(c -> c.value().equals(text))
                    .map(Choice::label)
                    .findFirst()
                    .orElse(text);
        } else if (!spec.unit().isEmpty()) {
            value = value + " " + spec.unit();
        }
        return spec.label() + " = " + value;
    }

    /** The locked settings of an assignment, in words, joined by commas. */
    static String locked(Simulation simulation, SimulationSetup setup) {
        List<String> parts = new ArrayList<>();
        for (ParameterSpec spec : settings(simulation)) {
            // A locked setting without a value is one the others make count for nothing (gravity on
            // the Moon): the form greys it out anyway, and naming it would mislead.
            if (setup.locked().contains(spec.name()) && setup.values().containsKey(spec.name())) {
                parts.add(setting(spec, setup.values()));
            }
        }
        return String.join(", ", parts);
    }
}
